/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsoleConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.debug.model.QontinuiDebugTarget;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.debug.model.QontinuiThread;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.QontinuiPerspective;
import org.qontinui.runner.ui.model.ConfigElementNode.Kind;
import org.qontinui.runner.ui.views.RunConsole;

/**
 * Not a test: takes the documentation's screenshots of a debug session, when run with
 * {@code -Dqontinui.tour=DIR} (see docs/images/README.md). Skipped otherwise.
 */
@EnabledIfSystemProperty(named = "qontinui.tour", matches = ".+")
class ScreenshotTour {

	@Test
	void debugSessionAtAStateBreakpoint() throws Exception {
		Path dir = Path.of(System.getProperty("qontinui.tour"));
		DebugWorkspace.removeAllBreakpoints();
		IFile demo = DebugWorkspace.demoProject("qontinui-demo").getFile("demo.json");
		freshWorkbench();
		OpenConfigurations.getDefault().open(demo.getLocation().toPath()).join();
		DebugWorkspace.breakpoint(DebugWorkspace.read(demo), Kind.STATE, "state-dashboard");
		ILaunch launch = DebugWorkspace.launch(demo, ILaunchManager.DEBUG_MODE, "screenshots", List.of());
		QontinuiDebugTarget target = DebugWorkspace.target(launch);
		DebugWorkspace.waitFor("the breakpoint", target::isSuspended);
		showDebugViews();
		settle();
		capture(dir.resolve("debug-state-breakpoint.png"));
		target.thread().stepOver();
		DebugWorkspace.waitFor("the step", () -> target.isSuspended());
		settle();
		target.resume();
		DebugWorkspace.waitFor("the end of the run", launch::isTerminated);
		UiThread.run(() -> {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			page.showView(QontinuiPerspective.EXECUTION_MONITOR);
			page.showView(IConsoleConstants.ID_CONSOLE_VIEW);
			var console = RunConsole.of(
					((QontinuiProcess) launch.getProcesses()[0]).runRecord());
			ConsolePlugin.getDefault().getConsoleManager().showConsoleView(console);
		});
		settle();
		capture(dir.resolve("run-finished.png"));
		assertEquals(0, launch.getProcesses()[0].getExitValue());
	}

	/** The run suspended on a failed find: the recovery commands in the Debug view, the failure in the Run Log. */
	@Test
	void failureStopWithRecoveryCommands() throws Exception {
		Path dir = Path.of(System.getProperty("qontinui.tour"));
		DebugWorkspace.removeAllBreakpoints();
		IFile demo = DebugWorkspace.demoProject("qontinui-failure").getFile("demo.json");
		DebugWorkspace.shortenFindTimeout(demo);
		freshWorkbench();
		OpenConfigurations.getDefault().open(demo.getLocation().toPath()).join();
		ILaunch launch = DebugWorkspace.launch(demo, ILaunchManager.DEBUG_MODE, "screenshots",
				List.of(LaunchAttributes.WORKFLOW, "wf-open-settings", LaunchAttributes.FAILURE_STRATEGY, "pause"));
		QontinuiThread thread = DebugWorkspace.target(launch).thread();
		DebugWorkspace.waitFor("a failure stop", thread::isSuspendedOnFailure);
		showDebugViews();
		settle();
		capture(dir.resolve("failure-recovery.png"));
		DebugWorkspace.terminate(launch);
	}

	/** The workbench window over the whole screen, the Qontinui perspective as it ships, no editor. */
	private static void freshWorkbench() {
		UiThread.run(() -> {
			var shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
			shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea());
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(QontinuiPerspective.ID));
			page.resetPerspective();
			page.closeAllEditors(false);
			page.showView(QontinuiPerspective.CONFIG_EXPLORER);
			page.showView(QontinuiPerspective.STATE_DIAGRAM);
		});
	}

	/** The views of a suspended run: Debug, Variables and the Run Log. */
	private static void showDebugViews() {
		UiThread.run(() -> {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
			page.showView(IDebugUIConstants.ID_VARIABLE_VIEW);
			page.showView(QontinuiPerspective.RUN_LOG);
		});
	}

	private static void settle() throws InterruptedException {
		for (int i = 0; i < 15; i++) {
			UiThread.run(() -> {
				while (UiThread.display().readAndDispatch()) {
					// let views catch up with the run's events
				}
			});
			Thread.sleep(100);
		}
	}

	private static void capture(Path png) throws Exception {
		Files.createDirectories(png.getParent());
		Process p = new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start();
		assertEquals(0, p.waitFor());
		System.out.println("screenshot: " + png);
	}
}
