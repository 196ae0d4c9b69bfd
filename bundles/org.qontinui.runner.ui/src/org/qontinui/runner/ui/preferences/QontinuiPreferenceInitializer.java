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

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.qontinui.runner.bridge.PythonSources;

/** Defaults: Debian's interpreter (it has OpenCV), the real screen, screenshots on errors. */
public class QontinuiPreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		IEclipsePreferences node = DefaultScope.INSTANCE.getNode(QontinuiPreferences.NODE);
		node.put(QontinuiPreferences.PYTHON, PythonSources.defaultInterpreter().toString());
		node.put(QontinuiPreferences.DEFAULT_BACKEND, "x11"); //$NON-NLS-1$
		node.putBoolean(QontinuiPreferences.SCREENSHOT_ON_ERROR, true);
		node.putInt(QontinuiPreferences.LOG_RETENTION_RUNS, 50);
		node.put(QontinuiPreferences.WEB_BUILDER_URL, "https://app.qontinui.io"); //$NON-NLS-1$
	}
}
