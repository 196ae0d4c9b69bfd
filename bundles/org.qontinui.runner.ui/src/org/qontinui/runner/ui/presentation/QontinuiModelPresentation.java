/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.presentation;

import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.part.FileEditorInput;
import org.qontinui.runner.debug.breakpoints.ElementBreakpoint;
import org.qontinui.runner.debug.breakpoints.FailureBreakpoint;
import org.qontinui.runner.debug.breakpoints.InstalledBreakpoints;
import org.qontinui.runner.debug.model.QontinuiStackFrame;
import org.qontinui.runner.debug.model.QontinuiThread;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;

/**
 * Labels of the Qontinui debug model in the Debug, Variables and Breakpoints views, and the editor
 * that shows a stack frame: the configuration file at the element's line.
 */
public class QontinuiModelPresentation extends LabelProvider implements IDebugModelPresentation {

	@Override
	public void setAttribute(String attribute, Object value) {
		// no options
	}

	@Override
	public String getText(Object element) {
		if (element instanceof ElementBreakpoint bp) {
			String text = bp.getMarker().getAttribute(IMarker.MESSAGE, bp.functionName());
			if (!bp.getCondition().isBlank()) {
				text = NLS.bind(Messages.QontinuiModelPresentation_condition, text, bp.getCondition());
			}
			if (bp.getHitCount() > 0) {
				text = NLS.bind(Messages.QontinuiModelPresentation_hitCount, text, bp.getHitCount());
			}
			return withVerification(bp, text);
		}
		if (element instanceof FailureBreakpoint bp) {
			try {
				return withVerification(bp, FailureBreakpoint.label(bp.getFilter()));
			} catch (CoreException e) {
				return Messages.QontinuiModelPresentation_failureBreakpoint;
			}
		}
		if (element instanceof QontinuiThread t) {
			return t.getName();
		}
		if (element instanceof QontinuiStackFrame f) {
			return f.getLineNumber() > 0 ? NLS.bind(Messages.QontinuiModelPresentation_frameAtLine, f.getName(), f.getLineNumber())
					: f.getName();
		}
		return null; // the debug platform's default label
	}

	/** What the running executor said about the breakpoint, when it did not accept it. */
	private static String withVerification(IBreakpoint bp, String text) {
		if (!Boolean.FALSE.equals(InstalledBreakpoints.verification(bp))) {
			return text;
		}
		String why = bp.getMarker().getAttribute(InstalledBreakpoints.VERIFICATION_MESSAGE, ""); //$NON-NLS-1$
		return why.isBlank() ? NLS.bind(Messages.QontinuiModelPresentation_notInstalled, text)
				: NLS.bind(Messages.QontinuiModelPresentation_notInstalledBecause, text, why);
	}

	@Override
	public Image getImage(Object element) {
		if (element instanceof FailureBreakpoint) {
			return QontinuiUiPlugin.image("failure_breakpoint"); //$NON-NLS-1$
		}
		if (element instanceof IBreakpoint) {
			return QontinuiUiPlugin.image("breakpoint"); //$NON-NLS-1$
		}
		if (element instanceof QontinuiStackFrame f) {
			return QontinuiUiPlugin.image(switch (f.kind()) {
			case "state" -> "state"; //$NON-NLS-1$//$NON-NLS-2$
			case "transition" -> "transition"; //$NON-NLS-1$//$NON-NLS-2$
			case "workflow" -> "workflow"; //$NON-NLS-1$//$NON-NLS-2$
			default -> "action"; //$NON-NLS-1$
			});
		}
		return null;
	}

	@Override
	public void computeDetail(IValue value, IValueDetailListener listener) {
		try {
			listener.detailComputed(value, value.getValueString());
		} catch (DebugException e) {
			listener.detailComputed(value, e.getMessage());
		}
	}

	@Override
	public IEditorInput getEditorInput(Object element) {
		Path path = null;
		if (element instanceof QontinuiStackFrame f) {
			path = Path.of(f.getSourcePath());
		} else if (element instanceof IBreakpoint bp && bp.getMarker().getResource() instanceof IFile file) {
			return new FileEditorInput(file);
		}
		if (path == null) {
			return null;
		}
		IFile[] files = ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(path.toUri());
		if (files.length > 0) {
			return new FileEditorInput(files[0]);
		}
		return new FileStoreEditorInput(EFS.getLocalFileSystem().fromLocalFile(path.toFile()));
	}

	@Override
	public String getEditorId(IEditorInput input, Object element) {
		return "org.eclipse.ui.DefaultTextEditor"; //$NON-NLS-1$
	}
}
