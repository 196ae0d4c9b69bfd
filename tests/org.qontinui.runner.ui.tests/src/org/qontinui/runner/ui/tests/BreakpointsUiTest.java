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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.ActionBreakpoint;
import org.qontinui.runner.debug.breakpoints.FailureBreakpoint;
import org.qontinui.runner.debug.breakpoints.StateBreakpoint;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.breakpoints.ConfigToggleBreakpointsTarget;
import org.qontinui.runner.ui.breakpoints.FailureBreakpointToggle;

/** Breakpoints set the ways a user sets them: the JSON editor's ruler, and the failure toggles. */
class BreakpointsUiTest {

	@AfterEach
	void clean() throws Exception {
		DebugWorkspace.removeAllBreakpoints();
		UiThread.run(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false));
	}

	private static IBreakpoint[] ours() {
		return DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(QontinuiDebugCore.MODEL_ID);
	}

	@Test
	void rulerTogglesTheBreakpointOfTheElementOnThatLine() throws Exception {
		IFile demo = DebugWorkspace.demoProject("ruler-demo").getFile("demo.json");
		List<String> lines = Files.readAllLines(demo.getLocation().toPath());
		int stateLine = -1;
		int actionLine = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (stateLine < 0 && lines.get(i).contains("\"id\": \"state-dashboard\"")) {
				stateLine = i;
			}
			if (actionLine < 0 && lines.get(i).contains("\"id\": \"l3\"")) {
				actionLine = i;
			}
		}
		assertTrue(stateLine > 0 && actionLine > 0);
		int state = stateLine + 1; // a line inside the state's object
		int action = actionLine + 1;
		UiThread.run(() -> {
			ITextEditor editor = (ITextEditor) IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow()
					.getActivePage(), demo, "org.eclipse.ui.DefaultTextEditor");
			IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
			ConfigToggleBreakpointsTarget target = new ConfigToggleBreakpointsTarget();
			TextSelection onState = new TextSelection(doc, doc.getLineOffset(state), 0);
			assertTrue(target.canToggleLineBreakpoints(editor, onState));
			target.toggleLineBreakpoints(editor, onState);
			target.toggleLineBreakpoints(editor, new TextSelection(doc, doc.getLineOffset(action), 0));
		});
		IBreakpoint[] set = ours();
		assertEquals(2, set.length);
		StateBreakpoint sb = (StateBreakpoint) Arrays.stream(set).filter(StateBreakpoint.class::isInstance).findFirst().orElseThrow();
		ActionBreakpoint ab = (ActionBreakpoint) Arrays.stream(set).filter(ActionBreakpoint.class::isInstance).findFirst().orElseThrow();
		assertEquals("state-dashboard", sb.getElementId());
		assertEquals("l3", ab.getElementId());
		assertEquals(demo, sb.getMarker().getResource());
		assertTrue(sb.getLineNumber() <= state + 1 && sb.getLineNumber() >= stateLine - 2, "marker near the state: " + sb.getLineNumber());

		UiThread.run(() -> {
			ITextEditor editor = (ITextEditor) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().getActiveEditor();
			IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
			new ConfigToggleBreakpointsTarget().toggleLineBreakpoints(editor, new TextSelection(doc, doc.getLineOffset(state), 0));
		});
		assertEquals(1, ours().length, "toggling again removes the state's breakpoint");
	}

	@Test
	void failureTogglesAddAndRemoveTheirBreakpoint() throws Exception {
		assertNull(FailureBreakpointToggle.find(FailureBreakpoint.FIND_FAILED));
		FailureBreakpointToggle.toggle(FailureBreakpoint.FIND_FAILED);
		FailureBreakpoint bp = FailureBreakpointToggle.find(FailureBreakpoint.FIND_FAILED);
		assertNotNull(bp);
		assertTrue(bp.isPersisted());
		FailureBreakpointToggle.toggle(FailureBreakpoint.FIND_FAILED);
		assertNull(FailureBreakpointToggle.find(FailureBreakpoint.FIND_FAILED));
	}
}
