package org.qontinui.runner.debug.breakpoints;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** Suspends the run when the workflow starts. */
public class WorkflowBreakpoint extends ElementBreakpoint {

	public static final String MARKER_TYPE = "org.qontinui.runner.debug.workflowBreakpointMarker";

	public WorkflowBreakpoint() {
	}

	public WorkflowBreakpoint(IResource resource, String id, String name, int line) throws CoreException {
		super(resource, id, name, line);
	}

	@Override
	public String kind() {
		return "workflow";
	}

	@Override
	protected String markerType() {
		return MARKER_TYPE;
	}
}
