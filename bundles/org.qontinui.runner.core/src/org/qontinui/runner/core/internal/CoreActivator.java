/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
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
