/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui;

import org.eclipse.osgi.util.NLS;

/** Strings of opening configurations and following runs (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.messages"; //$NON-NLS-1$

	public static String OpenConfigurations_opening;
	public static String OpenConfigurations_cannotRead;
	public static String OpenConfigurations_reading;
	public static String OpenConfigurations_updatingProblems;
	public static String RunTracker_seconds;
	public static String RunTracker_minutes;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
