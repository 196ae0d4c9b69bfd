package org.qontinui.runner.debug.breakpoints;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** Suspends the run before the action touches mouse or keyboard. */
public class ActionBreakpoint extends ElementBreakpoint {

	public static final String MARKER_TYPE = "org.qontinui.runner.debug.actionBreakpointMarker";

	public ActionBreakpoint() {
	}

	public ActionBreakpoint(IResource resource, String id, String name, int line) throws CoreException {
		super(resource, id, name, line);
	}

	@Override
	public String kind() {
		return "action";
	}

	@Override
	protected String markerType() {
		return MARKER_TYPE;
	}
}
