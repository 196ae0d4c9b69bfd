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

import java.io.PrintStream;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Hides credentials in text that is shown, logged, exported or uploaded: bearer credentials and
 * {@code Authorization} header values wherever they appear, and the web builder token of
 * {@link WebBuilderSignIn} (the current one, and any earlier one seen in this session).
 * <p>
 * The token is re-read: its absence is never remembered (signing in later takes effect at once),
 * and a present token is reused for at most {@value #REREAD_MILLIS} ms (secure storage decrypts on
 * each read) or until {@link #tokenChanged()} says the store was written. The mask has a fixed
 * length, so it never tells how long the secret was.
 */
public final class SecretMask {

	public static final String MASK = "********"; //$NON-NLS-1$

	static final long REREAD_MILLIS = 500;

	/** Shorter stored tokens are not replaced in free text: they would mangle ordinary words. */
	private static final int MIN_TOKEN_LENGTH = 6;
	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+"); //$NON-NLS-1$
	/** {@code Authorization: <scheme> <credentials>} for schemes other than Bearer (masked above). */
	private static final Pattern AUTHORIZATION = Pattern
			.compile("(?i)(authorization\\s*[:=]\\s*)(?!bearer\\s)([A-Za-z][A-Za-z0-9-]*\\s+)?\\S+"); //$NON-NLS-1$

	private static final Set<String> seenTokens = new CopyOnWriteArraySet<>();
	private static volatile String cachedToken;
	private static volatile long cachedAt;

	private SecretMask() {
	}

	/** {@code text} with every credential replaced by {@link #MASK}; null becomes "". */
	public static String mask(String text) {
		if (text == null) {
			return ""; //$NON-NLS-1$
		}
		String masked = BEARER.matcher(text).replaceAll("$1" + MASK); //$NON-NLS-1$
		masked = AUTHORIZATION.matcher(masked).replaceAll("$1$2" + MASK); //$NON-NLS-1$
		currentToken().ifPresent(seenTokens::add);
		for (String token : seenTokens) {
			if (token.length() >= MIN_TOKEN_LENGTH) {
				masked = masked.replace(token, MASK);
			}
		}
		return masked;
	}

	/**
	 * {@code error} itself when nothing in its messages (or its causes') needs masking, else a
	 * stand-in with the masked messages and the same stack traces, fit for the error log.
	 */
	public static Throwable mask(Throwable error) {
		if (error == null || !needsMasking(error, 0)) {
			return error;
		}
		return masked(error, 0);
	}

	private static boolean needsMasking(Throwable error, int depth) {
		if (error == null || depth > 16) {
			return false;
		}
		String text = error.getMessage();
		return text != null && !mask(text).equals(text) || needsMasking(error.getCause(), depth + 1);
	}

	private static Throwable masked(Throwable error, int depth) {
		Throwable cause = error.getCause() == null || depth > 16 ? null : masked(error.getCause(), depth + 1);
		MaskedException copy = new MaskedException(error.getClass().getName() + ": " + mask(error.getMessage()), cause); //$NON-NLS-1$
		copy.setStackTrace(error.getStackTrace());
		return copy;
	}

	/** Stands in for an exception whose message carried a credential; names the original class. */
	public static final class MaskedException extends Exception {
		private static final long serialVersionUID = 1L;

		MaskedException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** A stream that masks every string printed through it (console output of the headless runner). */
	public static PrintStream masking(PrintStream target) {
		return new PrintStream(target, true) {
			@Override
			public void print(String text) {
				super.print(mask(text));
			}

			@Override
			public void print(Object value) {
				super.print(mask(String.valueOf(value)));
			}

			@Override
			public void println(String text) {
				super.println(mask(text));
			}

			@Override
			public void println(Object value) {
				super.println(mask(String.valueOf(value)));
			}
		};
	}

	/** Forgets the cached token; token stores call it when they are written or cleared. */
	public static void tokenChanged() {
		cachedToken = null;
	}

	private static Optional<String> currentToken() {
		String token = cachedToken;
		if (token != null && System.currentTimeMillis() - cachedAt < REREAD_MILLIS) {
			return Optional.of(token);
		}
		try {
			token = WebBuilderSignIn.tokens().read().orElse(null);
		} catch (RuntimeException e) {
			token = null; // storage locked: earlier tokens are still masked
		}
		cachedToken = token;
		cachedAt = System.currentTimeMillis();
		return Optional.ofNullable(token);
	}
}
