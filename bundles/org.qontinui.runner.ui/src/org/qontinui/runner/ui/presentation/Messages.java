/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.presentation;

import org.eclipse.osgi.util.NLS;

/** The debug model's labels (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.presentation.messages"; //$NON-NLS-1$

	public static String QontinuiModelPresentation_condition;
	public static String QontinuiModelPresentation_hitCount;
	public static String QontinuiModelPresentation_failureBreakpoint;
	public static String QontinuiModelPresentation_frameAtLine;
	public static String QontinuiModelPresentation_notInstalled;
	public static String QontinuiModelPresentation_notInstalledBecause;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
