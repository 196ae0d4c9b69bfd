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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.qontinui.runner.core.load.TokenStore;

/**
 * The workbench's web builder sign-in as every bundle sees it: the token store (Eclipse secure
 * storage; tests install an in-memory one) and the configured web builder URL, whose origin is
 * the only one the token is sent to. The Web Builder bundle, launches and {@link SecretMask} read
 * it from here, so there is one answer to "which token, for which host".
 */
public final class WebBuilderSignIn {

	/** Preference node and key of the web builder URL (shared with the UI's preference pages). */
	public static final String PREFERENCE_NODE = "org.qontinui.runner"; //$NON-NLS-1$
	public static final String URL_PREFERENCE = "webBuilderUrl"; //$NON-NLS-1$

	private static volatile TokenStore tokens = new SecureStorageTokenStore();

	private WebBuilderSignIn() {
	}

	public static TokenStore tokens() {
		return tokens;
	}

	/** Installs another token store (tests); null restores secure storage. Returns the previous one. */
	public static TokenStore setTokens(TokenStore store) {
		TokenStore previous = tokens;
		tokens = store == null ? new SecureStorageTokenStore() : store;
		SecretMask.tokenChanged();
		return previous;
	}

	/** The configured web builder URL, if one is set and is an address. */
	public static Optional<URI> url() {
		String value;
		try {
			value = Platform.getPreferencesService().getString(PREFERENCE_NODE, URL_PREFERENCE, "", null); //$NON-NLS-1$
		} catch (RuntimeException e) {
			return Optional.empty(); // no preference service outside OSGi
		}
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(value.trim());
			return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
		} catch (URISyntaxException e) {
			return Optional.empty();
		}
	}
}
