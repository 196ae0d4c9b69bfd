/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.breakpoints;

import java.io.IOException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.model.ConfigElementNode;
import org.qontinui.runner.ui.model.ConfigNode;

/**
 * Breakpoints from a JSON editor's ruler: the line's breakpoint goes on the state, transition,
 * workflow or action written there (the innermost element starting at or above the line).
 */
public class ConfigToggleBreakpointsTarget implements IToggleBreakpointsTarget {

	@Override
	public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
		IFile file = fileOf(part);
		if (file == null || !(selection instanceof ITextSelection text)) {
			return;
		}
		ConfigElementNode node = elementAt(file, text.getStartLine() + 1);
		if (node == null) {
			throw new CoreException(Status.error(NLS.bind(Messages.ConfigToggleBreakpointsTarget_noElement,
					text.getStartLine() + 1, file.getName())));
		}
		BreakpointToggler.toggle(node, part.getSite().getShell());
	}

	/** The element a breakpoint on this 1-based line belongs to, or {@code null}. */
	public static ConfigElementNode elementAt(IFile file, int line) throws CoreException {
		ConfigNode config;
		try {
			config = OpenConfigurations.read(file.getLocation().toPath(), new NullProgressMonitor());
		} catch (IOException e) {
			throw new CoreException(Status.error(NLS.bind(Messages.ConfigToggleBreakpointsTarget_cannotRead, file.getName()), e));
		}
		ConfigElementNode best = null;
		int bestLine = -1;
		for (ConfigElementNode node : config.tree().elements()) {
			if (!BreakpointToggler.supports(node.kind())) {
				continue;
			}
			int start = config.positionOf(node.pointer()).line();
			// innermost wins: an action starts below its workflow's start
			if (start <= line && start >= bestLine) {
				best = node;
				bestLine = start;
			}
		}
		return best;
	}

	private static IFile fileOf(IWorkbenchPart part) {
		ITextEditor editor = Adapters.adapt(part, ITextEditor.class);
		if (editor == null) {
			return null;
		}
		IFile file = Adapters.adapt(editor.getEditorInput(), IFile.class);
		return file != null && "json".equalsIgnoreCase(file.getFileExtension()) ? file : null; //$NON-NLS-1$
	}

	@Override
	public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
		return fileOf(part) != null && selection instanceof ITextSelection;
	}

	@Override
	public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
		// not applicable
	}

	@Override
	public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
		return false;
	}

	@Override
	public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) {
		// not applicable
	}

	@Override
	public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
		return false;
	}
}
