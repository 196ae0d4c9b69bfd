/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder;

import org.eclipse.osgi.util.NLS;

/** Strings of downloads, uploads and the Web Builder connection (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.webbuilder.messages"; //$NON-NLS-1$

	public static String ConfigurationDownload_downloading;
	public static String ConfigurationDownload_unreachableOpenedFile;
	public static String ConfigurationDownload_unreachableOpenedCopy;
	public static String ConfigurationDownload_earlier;
	public static String ConfigurationDownload_unreadable;
	public static String ConfigurationDownload_unknownProblem;
	public static String RunUploader_uploading;
	public static String RunUploader_cannotQueue;
	public static String RunUploader_uploadingQueued;
	public static String RunUploader_retrying;
	public static String RunUploader_cannotRetry;
	public static String RunUploader_uploadingResults;
	public static String RunUploader_waitForSignIn;
	public static String WebBuilderConnection_noUrl;
	public static String WebBuilderConnection_invalidUrl;
	public static String WebBuilderConnection_cannotSaveUrl;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
