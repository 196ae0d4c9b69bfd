/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.load;

import org.eclipse.osgi.util.NLS;

/** The messages of reading and loading configurations (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.core.load.messages"; //$NON-NLS-1$

	public static String ConfigReader_tooLarge;
	public static String ConfigReader_notUtf8;
	public static String ConfigReader_malformedJson;
	public static String ConfigReader_malformedJsonUnreadable;
	public static String ConfigReader_notAnObject;
	public static String ConfigReader_duplicateKey;
	public static String ConfigReader_notReadable;
	public static String ConfigReader_tooDeep;
	public static String ConfigReader_nonFinite;
	public static String ConfigReader_list;
	public static String ConfigReader_text;
	public static String ConfigReader_number;
	public static String ConfigReader_boolean;
	public static String ConfigReader_object;
	public static String ConfigReader_endOfInput;
	public static String ConfigReader_unexpectedCharacterQuoted;
	public static String ConfigReader_unexpectedCharacter;
	public static String ConfigReader_unknownWord;
	public static String ConfigReader_controlCharacter;
	public static String ConfigReader_trailingContent;
	public static String ConfigReader_notJson;
	public static String ConfigLoader_noFile;
	public static String ConfigLoader_cannotRead;
	public static String UrlConfigSource_interrupted;
	public static String UrlConfigSource_cancelled;
	public static String UrlConfigSource_cannotReach;
	public static String UrlConfigSource_notModifiedWithoutCopy;
	public static String UrlConfigSource_notSignedIn;
	public static String UrlConfigSource_forbidden;
	public static String UrlConfigSource_notFound;
	public static String UrlConfigSource_redirect;
	public static String UrlConfigSource_serverFailed;
	public static String UrlConfigSource_httpError;
	public static String UrlConfigSource_notConfiguration;
	public static String UrlConfigSource_noContentType;
	public static String UrlConfigSource_offlineCopyNotKept;
	public static String UrlConfigSource_openedOffline;
	public static String UrlConfigSource_cannotReadCache;
	public static String UrlConfigSource_notWebAddress;
	public static String UrlConfigSource_plainHttp;
	public static String UrlConfigSource_timeout;
	public static String UrlConfigSource_tooLarge;
	public static String UrlConfigSource_mebibytes;
	public static String UrlConfigSource_bytes;
	public static String UrlConfigSource_connectionRefused;
	public static String UrlConfigSource_unknownHost;
	public static String UrlConfigSource_unknownError;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
