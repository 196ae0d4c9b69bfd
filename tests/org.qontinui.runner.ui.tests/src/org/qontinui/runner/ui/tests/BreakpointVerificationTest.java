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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qontinui.runner.ui.tests.DebugWorkspace.waitFor;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.ActionBreakpoint;
import org.qontinui.runner.debug.breakpoints.InstalledBreakpoints;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.testing.UiThread;

/**
 * What the real executor says about each breakpoint reaches its marker and the Breakpoints view's
 * label: a breakpoint on an action the configuration does not have is shown as not installed, with why.
 */
class BreakpointVerificationTest {

	private ILaunch launch;

	@AfterEach
	void tearDown() throws Exception {
		DebugWorkspace.terminate(launch);
		DebugWorkspace.removeAllBreakpoints();
	}

	@Test
	void theExecutorsVerdictIsOnTheMarkerAndInTheLabel() throws Exception {
		DebugWorkspace.removeAllBreakpoints();
		IProject project = DebugWorkspace.demoProject("breakpoint-verification");
		IFile config = project.getFile("demo.json");
		ActionBreakpoint known = new ActionBreakpoint(config, "s1", "click Settings tab", 1);
		ActionBreakpoint ghost = new ActionBreakpoint(config, "ghost", "ghost", 1);
		DebugPlugin.getDefault().getBreakpointManager().addBreakpoints(new ActionBreakpoint[] { known, ghost });

		launch = DebugWorkspace.launch(config, ILaunchManager.DEBUG_MODE, "mock",
				List.of(LaunchAttributes.WORKFLOW, "wf-login"));
		waitFor("the executor's verdicts on the markers", () -> InstalledBreakpoints.verification(known) != null
				&& InstalledBreakpoints.verification(ghost) != null);
		assertEquals(Boolean.TRUE, InstalledBreakpoints.verification(known));
		assertEquals(Boolean.FALSE, InstalledBreakpoints.verification(ghost));

		String[] labels = UiThread.get(() -> {
			IDebugModelPresentation presentation = DebugUITools.newDebugModelPresentation(QontinuiDebugCore.MODEL_ID);
			try {
				return new String[] { presentation.getText(known), presentation.getText(ghost) };
			} finally {
				presentation.dispose();
			}
		});
		assertTrue(!labels[0].contains("not installed"), labels[0]);
		assertTrue(labels[1].contains("(not installed: unknown action 'ghost')"), labels[1]);
	}
}
