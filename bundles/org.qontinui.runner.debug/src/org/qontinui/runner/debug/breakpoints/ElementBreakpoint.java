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
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.debug.QontinuiDebugCore;

/**
 * A breakpoint on one element of a configuration (state, transition, workflow or action), kept as a
 * marker on the configuration file at the element's line, so it persists with the workspace and
 * shows in the JSON editor's ruler. Installed in the executor as the DAP function breakpoint
 * {@code <kind>:<id>}.
 */
public abstract class ElementBreakpoint extends LineBreakpoint {

	public static final String ELEMENT_ID = "org.qontinui.runner.debug.elementId"; //$NON-NLS-1$
	public static final String ELEMENT_NAME = "org.qontinui.runner.debug.elementName"; //$NON-NLS-1$
	public static final String CONDITION = "org.qontinui.runner.debug.condition"; //$NON-NLS-1$
	/** Stop on the n-th hit only; 0 stops every time. */
	public static final String HIT_COUNT = "org.qontinui.runner.debug.hitCount"; //$NON-NLS-1$

	/** For the breakpoint manager, which re-creates breakpoints from their markers. */
	protected ElementBreakpoint() {
	}

	protected ElementBreakpoint(IResource resource, String elementId, String elementName, int line)
			throws CoreException {
		IWorkspaceRunnable create = monitor -> {
			IMarker marker = resource.createMarker(markerType());
			setMarker(marker);
			marker.setAttribute(IBreakpoint.ENABLED, true);
			marker.setAttribute(IBreakpoint.ID, getModelIdentifier());
			marker.setAttribute(IBreakpoint.PERSISTED, true);
			marker.setAttribute(IMarker.LINE_NUMBER, Math.max(line, 1));
			marker.setAttribute(ELEMENT_ID, elementId);
			marker.setAttribute(ELEMENT_NAME, elementName == null ? elementId : elementName);
			marker.setAttribute(IMarker.MESSAGE, label(elementId, elementName));
		};
		run(getMarkerRule(resource), create);
	}

	/** {@code state}, {@code transition}, {@code workflow} or {@code action}: the executor's prefix. */
	public abstract String kind();

	protected abstract String markerType();

	private String label(String id, String name) {
		String element = name == null || name.equals(id) ? id : name + " [" + id + "]"; //$NON-NLS-1$//$NON-NLS-2$
		return switch (kind()) {
		case "state" -> NLS.bind(Messages.ElementBreakpoint_state, element); //$NON-NLS-1$
		case "transition" -> NLS.bind(Messages.ElementBreakpoint_transition, element); //$NON-NLS-1$
		case "workflow" -> NLS.bind(Messages.ElementBreakpoint_workflow, element); //$NON-NLS-1$
		case "action" -> NLS.bind(Messages.ElementBreakpoint_action, element); //$NON-NLS-1$
		default -> NLS.bind(Messages.ElementBreakpoint_other, kind(), element);
		};
	}

	@Override
	public String getModelIdentifier() {
		return QontinuiDebugCore.MODEL_ID;
	}

	public String getElementId() {
		return getMarker().getAttribute(ELEMENT_ID, ""); //$NON-NLS-1$
	}

	public String getElementName() {
		return getMarker().getAttribute(ELEMENT_NAME, getElementId());
	}

	public String getCondition() {
		return getMarker().getAttribute(CONDITION, ""); //$NON-NLS-1$
	}

	public void setCondition(String condition) throws CoreException {
		setAttribute(CONDITION, condition == null ? "" : condition.trim()); //$NON-NLS-1$
	}

	public int getHitCount() {
		return getMarker().getAttribute(HIT_COUNT, 0);
	}

	public void setHitCount(int count) throws CoreException {
		setAttribute(HIT_COUNT, Math.max(count, 0));
	}

	/** The name the executor reports when this breakpoint stops the run. */
	public String functionName() {
		return kind() + ":" + getElementId(); //$NON-NLS-1$
	}

	public FunctionBreakpoint toFunctionBreakpoint() {
		FunctionBreakpoint fb = new FunctionBreakpoint();
		fb.setName(functionName());
		String condition = getCondition();
		if (!condition.isBlank()) {
			fb.setCondition(condition);
		}
		int hits = getHitCount();
		if (hits > 0) {
			fb.setHitCondition(Integer.toString(hits));
		}
		return fb;
	}
}
