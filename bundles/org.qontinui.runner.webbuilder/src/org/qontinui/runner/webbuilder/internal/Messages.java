/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder.internal;

import org.eclipse.osgi.util.NLS;

/** The Web Builder view's, sign-in dialog's and preference page's strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.webbuilder.internal.messages"; //$NON-NLS-1$

	public static String WebBuilderView_signInLink;
	public static String WebBuilderView_retryLink;
	public static String WebBuilderView_waitingNotSignedIn;
	public static String WebBuilderView_refused;
	public static String WebBuilderView_notSignedIn;
	public static String WebBuilderView_loadingFrom;
	public static String WebBuilderView_loadingJob;
	public static String WebBuilderView_offline;
	public static String WebBuilderView_unreachableNothing;
	public static String WebBuilderView_unreachableShowing;
	public static String WebBuilderView_cannotList;
	public static String WebBuilderView_listed;
	public static String WebBuilderView_downloading;
	public static String WebBuilderView_downloadingJob;
	public static String WebBuilderView_cannotOpen;
	public static String WebBuilderView_openedOffline;
	public static String WebBuilderView_opened;
	public static String WebBuilderView_cannotDownload;
	public static String SignInDialog_title;
	public static String SignInDialog_message;
	public static String SignInDialog_url;
	public static String SignInDialog_token;
	public static String SignInDialog_tokenStored;
	public static String SignInDialog_note;
	public static String SignInDialog_signIn;
	public static String SignInDialog_enterToken;
	public static String SignInDialog_badToken;
	public static String SignInDialog_checking;
	public static String SignInDialog_checkingJob;
	public static String SignInDialog_signedIn;
	public static String SignInDialog_unnamed;
	public static String WebBuilderPreferencePage_description;
	public static String WebBuilderPreferencePage_url;
	public static String WebBuilderPreferencePage_signIn;
	public static String WebBuilderPreferencePage_upload;
	public static String WebBuilderPreferencePage_endpointPaths;
	public static String WebBuilderPreferencePage_signedIn;
	public static String WebBuilderPreferencePage_notSignedIn;
	public static String WebBuilderPreferencePage_noneWaiting;
	public static String WebBuilderPreferencePage_waiting;
	public static String WebBuilderPreferencePage_waitingProblem;
	public static String WebBuilderPreferencePage_refused;
	public static String WebBuilderPreferencePage_cannotReadQueue;
	public static String RefreshHandler_cannotShow;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
