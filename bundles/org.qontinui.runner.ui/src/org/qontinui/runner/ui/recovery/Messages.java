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

/** The failure recovery commands' strings (messages.properties beside this class). */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.recovery.messages"; //$NON-NLS-1$

	public static String FailureRecovery_notSuspended;
	public static String RetryWithThreshold_title;
	public static String RetryWithThreshold_prompt;
	public static String RetryWithThreshold_invalid;
	public static String RetryWithThreshold_invalidValue;
	public static String Recapture_title;
	public static String Recapture_message;
	public static String Recapture_screenshot;
	public static String Recapture_liveScreen;
	public static String Recapture_image;
	public static String Recapture_noImage;
	public static String Recapture_noConfig;
	public static String Recapture_selection;
	public static String Recapture_operation;
	public static String Recapture_failed;
	public static String Recapture_titleWithSource;
	public static String Recapture_badRegion;
	public static String ImageAssetEdit_notAnObject;
	public static String ImageAssetEdit_noImage;
	public static String ImageAssetEdit_noData;
	public static String TemplateImages_outside;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
