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

import org.eclipse.osgi.util.NLS;

/** The launch delegate's progress and errors (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.debug.launcher.messages"; //$NON-NLS-1$

	public static String QontinuiLaunchDelegate_starting;
	public static String QontinuiLaunchDelegate_cannotStart;
	public static String QontinuiLaunchDelegate_invalidConfiguration;
	public static String QontinuiLaunchDelegate_refused;
	public static String QontinuiLaunchDelegate_cannotLoadWeb;
	public static String QontinuiLaunchDelegate_cannotLoad;
	public static String QontinuiLaunchDelegate_noConfiguration;
	public static String QontinuiLaunchDelegate_configurationNotFound;
	public static String QontinuiLaunchDelegate_cannotCreateRunDirectory;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
