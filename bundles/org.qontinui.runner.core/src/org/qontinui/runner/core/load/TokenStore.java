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

/**
 * Where the web builder sign-in token lives. Implementations must never put the token into
 * {@code toString()}, log output or exception messages.
 */
public interface TokenStore {

	/** The stored token, or empty when not signed in. */
	Optional<String> read();

	void write(String token);

	void clear();
}
