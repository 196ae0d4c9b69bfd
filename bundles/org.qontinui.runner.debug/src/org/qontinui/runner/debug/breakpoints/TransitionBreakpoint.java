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

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** Suspends the run before the transition runs its workflows. */
public class TransitionBreakpoint extends ElementBreakpoint {

	public static final String MARKER_TYPE = "org.qontinui.runner.debug.transitionBreakpointMarker"; //$NON-NLS-1$

	public TransitionBreakpoint() {
	}

	public TransitionBreakpoint(IResource resource, String id, String name, int line) throws CoreException {
		super(resource, id, name, line);
	}

	@Override
	public String kind() {
		return "transition"; //$NON-NLS-1$
	}

	@Override
	protected String markerType() {
		return MARKER_TYPE;
	}
}
