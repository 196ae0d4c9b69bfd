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

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.debug.model.QontinuiDebugTarget;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.breakpoints.BreakpointToggler;
import org.qontinui.runner.ui.model.ConfigElementNode;
import org.qontinui.runner.ui.model.ConfigNode;

/** A workspace project with the demo (or a fixture) and helpers to debug it as a user would. */
final class DebugWorkspace {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	private DebugWorkspace() {
	}

	/** A fresh project holding the bundled demo: demo.json and its screenshots. */
	static IProject demoProject(String name) throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		NullProgressMonitor monitor = new NullProgressMonitor();
		if (project.exists()) {
			project.delete(true, true, monitor);
		}
		project.create(monitor);
		project.open(monitor);
		Path demo = PythonSources.locate().resolve("demo");
		Path target = project.getLocation().toPath();
		Files.copy(demo.resolve("demo.json"), target.resolve("demo.json"));
		Files.createDirectories(target.resolve("screenshots"));
		try (var files = Files.list(demo.resolve("screenshots"))) {
			for (Path f : files.toList()) {
				Files.copy(f, target.resolve("screenshots").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		project.refreshLocal(IResource.DEPTH_INFINITE, monitor);
		return project;
	}

	/** Adds a fixture file of this test bundle to the project. */
	static IFile addFixture(IProject project, String fixture) throws CoreException, IOException {
		IFile file = project.getFile(fixture);
		try (InputStream in = DebugWorkspace.class.getResourceAsStream("/fixtures/" + fixture)) {
			assertNotNull(in, "fixture " + fixture);
			if (file.exists()) {
				file.setContents(in, true, false, null);
			} else {
				file.create(in, true, null);
			}
		}
		return file;
	}

	/** Reads a configuration the way the Config Explorer does. */
	static ConfigNode read(IFile file) throws IOException {
		return OpenConfigurations.read(file.getLocation().toPath(), new NullProgressMonitor());
	}

	/** Sets a breakpoint on an element, as the explorer's "Toggle Breakpoint" does. */
	static IBreakpoint breakpoint(ConfigNode config, ConfigElementNode.Kind kind, String id) throws CoreException {
		ConfigElementNode node = config.tree().find(kind, id);
		assertNotNull(node, kind + " " + id);
		IBreakpoint bp = BreakpointToggler.create(node);
		DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(bp);
		return bp;
	}

	static void removeAllBreakpoints() throws CoreException {
		var manager = DebugPlugin.getDefault().getBreakpointManager();
		manager.removeBreakpoints(manager.getBreakpoints(QontinuiDebugCore.MODEL_ID), true);
	}

	static ILaunch launch(IFile config, String mode, String backend, List<String> extra) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(QontinuiDebugCore.LAUNCH_TYPE_ID);
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, manager.generateLaunchConfigurationName("test"));
		wc.setAttribute(LaunchAttributes.CONFIG, config.getLocation().toString());
		wc.setAttribute(LaunchAttributes.BACKEND, backend);
		if ("screenshots".equals(backend)) {
			wc.setAttribute(LaunchAttributes.SCREENSHOTS, config.getProject().getFolder("screenshots").getLocation().toString());
		}
		for (int i = 0; i + 1 < extra.size(); i += 2) {
			wc.setAttribute(extra.get(i), extra.get(i + 1));
		}
		return wc.launch(mode, new NullProgressMonitor());
	}

	/** Ends a test's launch, if it is still running, and waits for it. */
	static void terminate(ILaunch launch) throws DebugException {
		if (launch != null && !launch.isTerminated()) {
			launch.terminate();
			waitFor("termination", launch::isTerminated);
		}
	}

	/** The demo's finds give up after 300 ms instead of 10 s: failure stops come at once. */
	static void shortenFindTimeout(IFile demo) throws CoreException, IOException {
		String text = Files.readString(demo.getLocation().toPath(), StandardCharsets.UTF_8);
		assertTrue(text.contains("\"defaultTimeout\": 10000"), "the demo's find timeout");
		demo.setContents(new ByteArrayInputStream(text.replace("\"defaultTimeout\": 10000", "\"defaultTimeout\": 300")
				.getBytes(StandardCharsets.UTF_8)), true, false, null);
	}

	static QontinuiDebugTarget target(ILaunch launch) {
		return (QontinuiDebugTarget) launch.getDebugTarget();
	}

	static void waitFor(String what, BooleanSupplier condition) {
		long end = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < end) {
			if (condition.getAsBoolean()) {
				return;
			}
			try {
				Thread.sleep(25);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				fail("interrupted waiting for " + what);
			}
		}
		fail("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what);
	}
}
