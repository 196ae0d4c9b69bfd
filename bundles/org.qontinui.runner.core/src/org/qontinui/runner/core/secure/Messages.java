/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.secure;

import org.eclipse.osgi.util.NLS;

/** The errors of the token's storage and format and of private folders (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.core.secure.messages"; //$NON-NLS-1$

	public static String PrivateFolder_symbolicLink;
	public static String PrivateFolder_notFolder;
	public static String PrivateFolder_otherOwner;
	public static String SecureStorageTokenStore_cannotRead;
	public static String SecureStorageTokenStore_cannotStore;
	public static String SecureStorageTokenStore_cannotSave;
	public static String SecureStorageTokenStore_unavailable;
	public static String TokenFormat_empty;
	public static String TokenFormat_tooLong;
	public static String TokenFormat_controlCharacter;
	public static String TokenFormat_space;
	public static String TokenFormat_nonAscii;
	public static String TokenFormat_badCharacter;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
