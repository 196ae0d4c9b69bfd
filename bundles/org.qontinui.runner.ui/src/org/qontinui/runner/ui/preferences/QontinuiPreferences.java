/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.preferences;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.debug.launcher.LaunchAttributes;

/**
 * The runner's preferences. They live in the node {@value #NODE}, shared with the debug bundle, so
 * launches read them without the UI being present (headless runs).
 */
public final class QontinuiPreferences {

	public static final String NODE = LaunchAttributes.PREFERENCE_NODE;
	public static final String PYTHON = LaunchAttributes.PREF_PYTHON;
	public static final String DEFAULT_BACKEND = "defaultBackend"; //$NON-NLS-1$
	public static final String SCREENSHOT_ON_ERROR = LaunchAttributes.PREF_SCREENSHOT_ON_ERROR;
	public static final String LOG_RETENTION_RUNS = LaunchAttributes.PREF_LOG_RETENTION_RUNS;
	public static final String WEB_BUILDER_URL = "webBuilderUrl"; //$NON-NLS-1$

	private static ScopedPreferenceStore store;

	private QontinuiPreferences() {
	}

	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, NODE);
		}
		return store;
	}

	private static String get(String key, String def) {
		return Platform.getPreferencesService().getString(NODE, key, def, null);
	}

	public static String python() {
		return get(PYTHON, PythonSources.defaultInterpreter().toString());
	}

	/** How many runs keep their history entry and folder. */
	public static int logRetentionRuns() {
		return Platform.getPreferencesService().getInt(NODE, LOG_RETENTION_RUNS, 50, null);
	}

	public static String defaultBackend() {
		return get(DEFAULT_BACKEND, "x11"); //$NON-NLS-1$
	}
}
