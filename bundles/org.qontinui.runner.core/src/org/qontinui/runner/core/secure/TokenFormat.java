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

/**
 * What a web builder token may contain: visible ASCII only (it travels in an HTTP header). The
 * sign-in dialog and the preference page check a token with {@link #problem(String)} before
 * storing it, and the HTTP code checks it again before sending. Messages name the position of the
 * first bad character, never the token or the character itself.
 */
public final class TokenFormat {

	/** Longer tokens are refused: no web builder issues them, and they would only bloat every request. */
	public static final int MAX_LENGTH = 4096;

	private TokenFormat() {
	}

	/** Null when {@code token} can be stored and sent, else why not. */
	public static String problem(String token) {
		if (token == null || token.isEmpty()) {
			return Messages.TokenFormat_empty;
		}
		if (token.length() > MAX_LENGTH) {
			return NLS.bind(Messages.TokenFormat_tooLong, MAX_LENGTH);
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			String what = null;
			if (c < 0x20 || c == 0x7f) {
				what = Messages.TokenFormat_controlCharacter;
			} else if (c == ' ') {
				what = Messages.TokenFormat_space;
			} else if (c > 0x7e) {
				what = Character.isWhitespace(c) || Character.isSpaceChar(c) ? Messages.TokenFormat_space : Messages.TokenFormat_nonAscii;
			}
			if (what != null) {
				return NLS.bind(Messages.TokenFormat_badCharacter, what, i + 1);
			}
		}
		return null;
	}
}
