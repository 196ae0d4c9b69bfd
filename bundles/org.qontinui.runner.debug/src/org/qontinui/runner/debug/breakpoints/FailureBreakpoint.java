/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.breakpoints;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.debug.QontinuiDebugCore;

/**
 * Suspends the run when something fails: an action ({@code actionFailed}), a find
 * ({@code findFailed}) or a transition ({@code transitionFailed}). Installed as a DAP exception
 * filter; the stop shows the failure message and, for finds, the best match in Last Match.
 */
public class FailureBreakpoint extends Breakpoint {

	public static final String MARKER_TYPE = "org.qontinui.runner.debug.failureBreakpointMarker"; //$NON-NLS-1$
	public static final String FILTER = "org.qontinui.runner.debug.filter"; //$NON-NLS-1$

	public static final String ACTION_FAILED = "actionFailed"; //$NON-NLS-1$
	public static final String FIND_FAILED = "findFailed"; //$NON-NLS-1$
	public static final String TRANSITION_FAILED = "transitionFailed"; //$NON-NLS-1$

	public FailureBreakpoint() {
	}

	/** Markers go on the workspace root: a failure breakpoint is not tied to one file. */
	public FailureBreakpoint(IResource resource, String filter) throws CoreException {
		IWorkspaceRunnable create = monitor -> {
			IMarker marker = resource.createMarker(MARKER_TYPE);
			setMarker(marker);
			marker.setAttribute(IBreakpoint.ENABLED, true);
			marker.setAttribute(IBreakpoint.ID, getModelIdentifier());
			marker.setAttribute(IBreakpoint.PERSISTED, true);
			marker.setAttribute(FILTER, filter);
			marker.setAttribute(IMarker.MESSAGE, label(filter));
		};
		run(getMarkerRule(resource), create);
	}

	public static String label(String filter) {
		return switch (filter) {
		case ACTION_FAILED -> Messages.FailureBreakpoint_actionFailed;
		case FIND_FAILED -> Messages.FailureBreakpoint_findFailed;
		case TRANSITION_FAILED -> Messages.FailureBreakpoint_transitionFailed;
		default -> NLS.bind(Messages.FailureBreakpoint_other, filter);
		};
	}

	public String getFilter() throws CoreException {
		return ensureMarker().getAttribute(FILTER, ""); //$NON-NLS-1$
	}

	@Override
	public String getModelIdentifier() {
		return QontinuiDebugCore.MODEL_ID;
	}
}
