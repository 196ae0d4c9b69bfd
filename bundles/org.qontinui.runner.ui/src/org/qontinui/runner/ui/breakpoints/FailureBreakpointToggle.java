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

import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.menus.UIElement;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.FailureBreakpoint;

/**
 * The "Suspend on failed actions / finds / transitions" toggles of the Breakpoints view and the Run
 * menu: adds or removes the workspace's failure breakpoint of that kind.
 */
public class FailureBreakpointToggle extends AbstractHandler implements IElementUpdater {

	public static final String COMMAND = "org.qontinui.runner.ui.toggleFailureBreakpoint"; //$NON-NLS-1$
	public static final String FILTER_PARAMETER = "org.qontinui.runner.ui.failureFilter"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		toggle(event.getParameter(FILTER_PARAMETER));
		return null;
	}

	/** Adds the failure breakpoint of {@code filter}, or removes it when it exists. */
	public static void toggle(String filter) throws ExecutionException {
		IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
		try {
			FailureBreakpoint existing = find(filter);
			if (existing != null) {
				manager.removeBreakpoint(existing, true);
			} else {
				manager.addBreakpoint(new FailureBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), filter));
			}
		} catch (CoreException e) {
			throw new ExecutionException(NLS.bind(Messages.FailureBreakpointToggle_cannotToggle, FailureBreakpoint.label(filter)), e);
		}
	}

	public static FailureBreakpoint find(String filter) {
		for (IBreakpoint bp : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(QontinuiDebugCore.MODEL_ID)) {
			try {
				if (bp instanceof FailureBreakpoint f && f.getFilter().equals(filter)) {
					return f;
				}
			} catch (CoreException e) {
				// a damaged marker is not the one we look for
			}
		}
		return null;
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		Object filter = parameters.get(FILTER_PARAMETER);
		element.setChecked(filter != null && find(filter.toString()) != null);
	}
}
