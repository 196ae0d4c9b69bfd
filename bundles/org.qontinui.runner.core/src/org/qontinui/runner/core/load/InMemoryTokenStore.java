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

import java.util.Optional;

/** A {@link TokenStore} that forgets on exit; for tests and headless runs. */
public final class InMemoryTokenStore implements TokenStore {

	private volatile String token;

	public InMemoryTokenStore() {
	}

	public InMemoryTokenStore(String token) {
		this.token = token;
	}

	@Override
	public Optional<String> read() {
		return Optional.ofNullable(token);
	}

	@Override
	public void write(String token) {
		this.token = token;
	}

	@Override
	public void clear() {
		token = null;
	}

	@Override
	public String toString() {
		return "InMemoryTokenStore[" + (token == null ? "empty" : "token set") + "]"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
	}
}
