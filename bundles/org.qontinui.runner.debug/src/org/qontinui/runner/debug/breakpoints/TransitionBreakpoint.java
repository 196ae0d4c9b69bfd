package org.qontinui.runner.debug.breakpoints;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/** Suspends the run before the transition runs its workflows. */
public class TransitionBreakpoint extends ElementBreakpoint {

	public static final String MARKER_TYPE = "org.qontinui.runner.debug.transitionBreakpointMarker";

	public TransitionBreakpoint() {
	}

	public TransitionBreakpoint(IResource resource, String id, String name, int line) throws CoreException {
		super(resource, id, name, line);
	}

	@Override
	public String kind() {
		return "transition";
	}

	@Override
	protected String markerType() {
		return MARKER_TYPE;
	}
}
