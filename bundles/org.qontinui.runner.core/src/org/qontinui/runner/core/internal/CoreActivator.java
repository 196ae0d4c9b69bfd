package org.qontinui.runner.core.internal;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.qontinui.runner.core.actions.ContributedActions;

/** Registers contributed action types before anything validates a configuration. */
public class CoreActivator implements BundleActivator {

	@Override
	public void start(BundleContext context) {
		ContributedActions.getDefault();
	}

	@Override
	public void stop(BundleContext context) {
		// nothing to release
	}
}
