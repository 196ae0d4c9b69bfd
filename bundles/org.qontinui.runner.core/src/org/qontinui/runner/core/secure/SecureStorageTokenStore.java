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

import java.io.IOException;
import java.util.Optional;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.load.TokenStore;

/**
 * Keeps the web builder token in Eclipse secure storage (node {@value #NODE}, key {@value #KEY},
 * encrypted). The only class of this bundle that needs OSGi; everything else is plain Java.
 * <p>
 * Failures are reported without the token: {@link StorageException} messages are not copied
 * either, they can name the key ring but the token never passes through them.
 */
public final class SecureStorageTokenStore implements TokenStore {

	public static final String NODE = "org.qontinui.runner/webbuilder"; //$NON-NLS-1$
	public static final String KEY = "token"; //$NON-NLS-1$

	@Override
	public Optional<String> read() {
		ISecurePreferences node = node();
		if (node == null) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(node.get(KEY, null));
		} catch (StorageException e) {
			throw new IllegalStateException(NLS.bind(Messages.SecureStorageTokenStore_cannotRead, e.getErrorCode()));
		}
	}

	@Override
	public void write(String token) {
		String problem = TokenFormat.problem(token);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		ISecurePreferences node = requireNode();
		try {
			node.put(KEY, token, true);
			node.flush();
			SecretMask.tokenChanged();
		} catch (StorageException e) {
			throw new IllegalStateException(NLS.bind(Messages.SecureStorageTokenStore_cannotStore, e.getErrorCode()));
		} catch (IOException e) {
			throw new IllegalStateException(NLS.bind(Messages.SecureStorageTokenStore_cannotSave, e.getClass().getSimpleName()));
		}
	}

	@Override
	public void clear() {
		ISecurePreferences node = node();
		if (node == null) {
			return;
		}
		node.remove(KEY);
		SecretMask.tokenChanged();
		try {
			node.flush();
		} catch (IOException e) {
			throw new IllegalStateException(NLS.bind(Messages.SecureStorageTokenStore_cannotSave, e.getClass().getSimpleName()));
		}
	}

	private static ISecurePreferences node() {
		ISecurePreferences root = SecurePreferencesFactory.getDefault();
		return root == null ? null : root.node(NODE);
	}

	private static ISecurePreferences requireNode() {
		ISecurePreferences node = node();
		if (node == null) {
			throw new IllegalStateException(Messages.SecureStorageTokenStore_unavailable);
		}
		return node;
	}

	@Override
	public String toString() {
		return "SecureStorageTokenStore[" + NODE + "]"; //$NON-NLS-1$//$NON-NLS-2$
	}
}
