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
			return "the token is empty";
		}
		if (token.length() > MAX_LENGTH) {
			return "the token is longer than " + MAX_LENGTH + " characters";
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			String what = null;
			if (c < 0x20 || c == 0x7f) {
				what = "a control character";
			} else if (c == ' ') {
				what = "a space";
			} else if (c > 0x7e) {
				what = Character.isWhitespace(c) || Character.isSpaceChar(c) ? "a space" : "a non-ASCII character";
			}
			if (what != null) {
				return "the token contains " + what + " at position " + (i + 1)
						+ "; tokens are letters, digits and ASCII punctuation only (check what was pasted)";
			}
		}
		return null;
	}
}
