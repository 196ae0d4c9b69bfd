/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.webbuilder;

import org.eclipse.osgi.util.NLS;

/** The web builder client's and the upload queue's messages (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.core.webbuilder.messages"; //$NON-NLS-1$

	public static String WebBuilderClient_notSignedIn;
	public static String WebBuilderClient_notAnAccount;
	public static String WebBuilderClient_noList;
	public static String WebBuilderClient_interrupted;
	public static String WebBuilderClient_cancelled;
	public static String WebBuilderClient_tooLarge;
	public static String WebBuilderClient_cannotReach;
	public static String WebBuilderClient_serverSaid;
	public static String WebBuilderClient_signInExpired;
	public static String WebBuilderClient_forbidden;
	public static String WebBuilderClient_notFound;
	public static String WebBuilderClient_requestTimeout;
	public static String WebBuilderClient_busy;
	public static String WebBuilderClient_serverFailed;
	public static String WebBuilderClient_refused;
	public static String WebBuilderClient_redirect;
	public static String WebBuilderClient_httpStatus;
	public static String WebBuilderClient_webPage;
	public static String WebBuilderClient_emptyAnswer;
	public static String WebBuilderClient_malformedJson;
	public static String WebBuilderClient_timeout;
	public static String WebBuilderClient_connectionRefused;
	public static String WebBuilderClient_unknownHost;
	public static String WebBuilderClient_unknownError;
	public static String UploadQueue_full;
	public static String UploadQueue_mebibytes;
	public static String UploadQueue_notAnObject;
	public static String UploadQueue_answer;
	public static String UploadQueue_refusedTimes;
	public static String UploadQueue_movedAside;
	public static String WebBuilderEndpoints_noUrl;
	public static String WebBuilderEndpoints_invalidUrl;
	public static String WebBuilderEndpoints_idRequired;
	public static String WebBuilderEndpoints_invalidId;
	public static String WebBuilderEndpoints_unknownEndpoint;
	public static String WebBuilderEndpoints_pathNotAbsolute;
	public static String WebBuilderEndpoints_pathOtherHost;
	public static String WebBuilderEndpoints_pathBadCharacter;
	public static String WebBuilderEndpoints_pathDotSegment;
	public static String WebBuilderEndpoints_pathWithoutPlaceholder;
	public static String WebBuilderEndpoints_pathPlaceholder;
	public static String WebBuilderEndpoints_pathInvalid;
	public static String WebBuilderEndpoints_badPath;
	public static String WebBuilderEndpoints_notWebAddress;
	public static String WebBuilderEndpoints_secretParts;
	public static String WebBuilderEndpoints_plainHttp;
	public static String RunResult_tooLarge;
	public static String RunResult_mebibytes;
	public static String RunResult_bytes;
	public static String RunResult_notPng;
	public static String RunResult_notFound;
	public static String RunResult_unreadable;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
