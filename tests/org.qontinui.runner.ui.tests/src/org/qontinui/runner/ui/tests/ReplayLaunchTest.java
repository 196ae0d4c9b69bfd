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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qontinui.runner.ui.tests.DebugWorkspace.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.FailureBreakpoint;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.debug.model.QontinuiDebugTarget;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.debug.model.QontinuiThread;
import org.qontinui.runner.runs.RunFolder;
import org.qontinui.runner.ui.runs.RecordedRuns;
import org.qontinui.runner.ui.runs.RunReports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Record and replay in the workbench (issue 15): a failing run launched with Record on leaves a recorded
 * run folder; opened as a launch it replays on the recorded frames, stops at the same failure, and Step
 * Back walks backwards through the recording. The run's HTML report is written from the same folder.
 */
class ReplayLaunchTest {

	private final List<DebugEvent> events = new CopyOnWriteArrayList<>();
	private final IDebugEventSetListener listener = set -> events.addAll(Arrays.asList(set));
	private ILaunch recorded;
	private ILaunch replay;

	@BeforeEach
	void setUp() throws Exception {
		DebugWorkspace.removeAllBreakpoints();
		DebugPlugin.getDefault().addDebugEventListener(listener);
	}

	@AfterEach
	void tearDown() throws Exception {
		DebugPlugin.getDefault().removeDebugEventListener(listener);
		for (ILaunch l : new ILaunch[] { recorded, replay }) {
			if (l != null && !l.isTerminated()) {
				l.terminate();
			}
		}
		DebugWorkspace.removeAllBreakpoints();
	}

	/** The demo whose settings click looks for a picture never on the dashboard: it fails at s1. */
	private static IFile failingDemo(IProject project) throws Exception {
		ObjectMapper json = new ObjectMapper();
		ObjectNode config = (ObjectNode) json.readTree(project.getFile("demo.json").getLocation().toFile());
		ObjectNode click = null;
		for (var wf : config.get("workflows")) {
			if (wf.get("id").asText().equals("wf-open-settings")) {
				click = (ObjectNode) wf.get("actions").get(0);
			}
		}
		assertNotNull(click);
		ObjectNode target = json.createObjectNode().put("type", "image");
		target.putArray("imageIds").add("img-login-btn");
		target.putObject("searchOptions").put("similarity", 0.99).put("timeout", 300);
		((ObjectNode) click.get("config")).set("target", target);
		IFile file = project.getFile("failing.json");
		Files.writeString(file.getLocation().toFile().toPath(), json.writerWithDefaultPrettyPrinter().writeValueAsString(config),
				StandardCharsets.UTF_8);
		file.refreshLocal(0, new NullProgressMonitor());
		return file;
	}

	private static String top(QontinuiThread thread) throws Exception {
		String[] words = thread.getTopStackFrame().getName().split(" ");
		return words[0] + " " + words[1];
	}

	private void suspendedAfter(int mark, QontinuiDebugTarget target) {
		waitFor("suspend", () -> target.isSuspended() && events.subList(mark, events.size()).stream()
				.anyMatch(e -> e.getKind() == DebugEvent.SUSPEND && e.getSource() instanceof QontinuiThread));
	}

	@Test
	void recordedFailingRunReopensAndStepsBackwards() throws Exception {
		IProject project = DebugWorkspace.demoProject("replay-demo");
		IFile failing = failingDemo(project);

		// 1. A run with the launch's Record option: it fails, and its folder holds the frames.
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(QontinuiDebugCore.LAUNCH_TYPE_ID);
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, manager.generateLaunchConfigurationName("record"));
		wc.setAttribute(LaunchAttributes.CONFIG, failing.getLocation().toString());
		wc.setAttribute(LaunchAttributes.BACKEND, "screenshots");
		wc.setAttribute(LaunchAttributes.SCREENSHOTS, project.getFolder("screenshots").getLocation().toString());
		wc.setAttribute(LaunchAttributes.RECORD, true);
		recorded = wc.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
		waitFor("the recorded run to end", recorded::isTerminated);
		QontinuiProcess process = (QontinuiProcess) recorded.getProcesses()[0];
		Path folder = Path.of(process.getAttribute("org.qontinui.runner.runDirectory"));
		assertTrue(new RunFolder(folder).isRecorded(), "recorded run folder " + folder);
		assertTrue(Files.list(folder.resolve("frames")).count() >= 5);

		// 2. Its HTML report, as the Run Log's "Open HTML Report" writes it.
		Path report = RunReports.write(folder, failing.getLocation().toFile().toPath(), "", false, "failed", 1.0);
		String html = Files.readString(report);
		assertTrue(html.contains("class=\"failure-shot\"") && html.contains("class=\"best-match\""), "report with the failure");

		// 3. The folder reopened as a debug launch: the replay stops at the failure of the recording.
		FailureBreakpoint failure = new FailureBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), FailureBreakpoint.ACTION_FAILED);
		DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(failure);
		int mark = events.size();
		replay = RecordedRuns.debug(folder);
		assertTrue(RecordedRuns.isReplay(replay));
		QontinuiDebugTarget target = DebugWorkspace.target(replay);
		suspendedAfter(mark, target);
		QontinuiThread thread = target.thread();
		assertEquals("action s1", top(thread), "stopped where the recorded run failed");

		// 4. Step Back walks the recording backwards: first to the start of the failed action, then to the
		// actions before it; stepping forwards works as usual.
		mark = events.size();
		thread.stepBack();
		suspendedAfter(mark, target);
		assertEquals("action s1", top(thread));
		mark = events.size();
		thread.stepBack();
		suspendedAfter(mark, target);
		assertEquals("action l6", top(thread));
		mark = events.size();
		thread.stepBack();
		suspendedAfter(mark, target);
		assertEquals("action l5", top(thread));
		mark = events.size();
		thread.stepOver();
		suspendedAfter(mark, target);
		assertEquals("action l6", top(thread));
	}
}
