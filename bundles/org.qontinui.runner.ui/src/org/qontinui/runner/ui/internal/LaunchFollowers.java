/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.internal;

import org.eclipse.debug.core.ILaunch;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.qontinui.runner.debug.launcher.LaunchEvents;
import org.qontinui.runner.ui.RunTracker;
import org.qontinui.runner.ui.views.RunConsole;

/**
 * Starts what follows Qontinui runs (a Console per run, the {@link WorkbenchFocusGuard}) when the
 * first Qontinui launch starts. It is an Event Admin handler for {@link LaunchEvents#STARTING},
 * declared in {@code OSGI-INF/launchFollowers.xml}, rather than an {@code org.eclipse.ui.startup}
 * hook: in an IDE where nobody uses Qontinui, the UI bundle is never started.
 */
public class LaunchFollowers implements EventHandler {

	private static boolean consolesFollow;

	@Override
	public void handleEvent(Event event) {
		if (!(event.getProperty(LaunchEvents.LAUNCH) instanceof ILaunch launch)) {
			return;
		}
		synchronized (LaunchFollowers.class) {
			if (!consolesFollow) {
				consolesFollow = true;
				RunConsole.follow(RunTracker.getDefault());
			}
		}
		WorkbenchFocusGuard.getDefault().launchStarting(launch);
	}
}
