/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.recovery;

import org.eclipse.osgi.util.NLS;

/** The failure recovery commands' strings. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.recovery.messages";

	public static String notSuspendedOnFailure;
	public static String thresholdTitle;
	public static String thresholdPrompt;
	public static String thresholdInvalid;
	public static String recaptureTitle;
	public static String recaptureMessage;
	public static String recaptureScreenshot;
	public static String recaptureLiveScreen;
	public static String recaptureImage;
	public static String recaptureNoImage;
	public static String recaptureNoConfig;
	public static String recaptureSelection;
	public static String recaptureOperation;
	public static String recaptureFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
