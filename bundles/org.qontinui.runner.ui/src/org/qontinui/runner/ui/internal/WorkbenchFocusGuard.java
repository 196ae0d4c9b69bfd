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

import java.util.Arrays;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.preference.IPreferenceStore;
import org.qontinui.runner.debug.QontinuiDebugCore;

/**
 * Keeps the workbench from raising itself when a Qontinui run suspends: it would cover the
 * application under automation, and the next find would fail. While any Qontinui launch runs, the
 * debug platform's "activate the workbench when a breakpoint is hit" is off; the user's own setting
 * is restored when the last one ends. The product also ships that setting off.
 */
public final class WorkbenchFocusGuard implements ILaunchesListener2 {

	private static WorkbenchFocusGuard instance;

	private Boolean saved;

	private WorkbenchFocusGuard() {
	}

	/** The guard, listening to launches from the first call on ({@link LaunchFollowers}). */
	public static synchronized WorkbenchFocusGuard getDefault() {
		if (instance == null) {
			instance = new WorkbenchFocusGuard();
			DebugPlugin.getDefault().getLaunchManager().addLaunchListener(instance);
		}
		return instance;
	}

	/** A Qontinui launch starts: it was added before the guard listened. */
	public void launchStarting(ILaunch launch) {
		launchesAdded(new ILaunch[] { launch });
	}

	private static boolean isQontinui(ILaunch launch) {
		try {
			return launch.getLaunchConfiguration() != null
					&& QontinuiDebugCore.LAUNCH_TYPE_ID.equals(launch.getLaunchConfiguration().getType().getIdentifier());
		} catch (CoreException e) {
			return false;
		}
	}

	private static boolean anyQontinuiRunning() {
		return Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
				.anyMatch(l -> isQontinui(l) && !l.isTerminated());
	}

	@Override
	public synchronized void launchesAdded(ILaunch[] launches) {
		if (saved == null && Arrays.stream(launches).anyMatch(WorkbenchFocusGuard::isQontinui)) {
			IPreferenceStore store = DebugUITools.getPreferenceStore();
			saved = store.getBoolean(IDebugUIConstants.PREF_ACTIVATE_WORKBENCH);
			store.setValue(IDebugUIConstants.PREF_ACTIVATE_WORKBENCH, false);
		}
	}

	@Override
	public synchronized void launchesTerminated(ILaunch[] launches) {
		if (saved != null && !anyQontinuiRunning()) {
			DebugUITools.getPreferenceStore().setValue(IDebugUIConstants.PREF_ACTIVATE_WORKBENCH, saved);
			saved = null;
		}
	}

	@Override
	public void launchesRemoved(ILaunch[] launches) {
		launchesTerminated(launches);
	}

	@Override
	public void launchesChanged(ILaunch[] launches) {
		// nothing changes for the guard
	}
}
