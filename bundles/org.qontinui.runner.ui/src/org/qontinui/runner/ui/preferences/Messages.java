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

import org.eclipse.osgi.util.NLS;

/** The preference page's user-visible strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.preferences.messages"; //$NON-NLS-1$

	public static String Preferences_description;
	public static String Preferences_python;
	public static String Preferences_backend;
	public static String Preferences_backendX11;
	public static String Preferences_backendScreenshots;
	public static String Preferences_backendMock;
	public static String Preferences_screenshotOnError;
	public static String Preferences_logRetention;
	public static String Preferences_webBuilderUrl;
	public static String Preferences_token;
	public static String Preferences_tokenStored;
	public static String Preferences_tokenNone;
	public static String Preferences_tokenProblem;
	public static String Preferences_tokenNotSaved;
	public static String Preferences_cannotStoreToken;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
