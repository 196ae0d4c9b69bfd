/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.launcher;

import java.util.Map;

import org.eclipse.debug.core.ILaunch;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Tells the OSGi Event Admin that a Qontinui launch starts. Bundles that follow runs (the UI's run
 * consoles and focus guard, the web builder's upload) register an {@code EventHandler} service for
 * {@link #STARTING} instead of an {@code org.eclipse.ui.startup} hook: they start with the first
 * Qontinui launch, not with the workbench. Without an Event Admin (a bare OSGi runtime) nothing is
 * sent.
 */
public final class LaunchEvents {

	/** Topic of the event sent, synchronously, before the executor of a launch starts. */
	public static final String STARTING = "org/qontinui/runner/launch/STARTING"; //$NON-NLS-1$

	/** Event property: the {@link ILaunch}. */
	public static final String LAUNCH = "launch"; //$NON-NLS-1$

	private LaunchEvents() {
	}

	/** Sends {@link #STARTING} and waits until every handler has seen it. */
	public static void starting(ILaunch launch) {
		Bundle bundle = FrameworkUtil.getBundle(LaunchEvents.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			return;
		}
		ServiceReference<EventAdmin> reference = context.getServiceReference(EventAdmin.class);
		EventAdmin events = reference == null ? null : context.getService(reference);
		if (events == null) {
			return;
		}
		try {
			events.sendEvent(new Event(STARTING, Map.of(LAUNCH, launch)));
		} finally {
			context.ungetService(reference);
		}
	}
}
