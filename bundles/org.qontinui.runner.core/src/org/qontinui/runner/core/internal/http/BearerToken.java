/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.internal.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.load.TokenStore;
import org.qontinui.runner.core.secure.TokenFormat;

/**
 * The sign-in token, bound to the one origin (scheme, host, port) of the configured web builder.
 * It is attached to requests for that origin only: a launch configuration, a shared launch file or
 * a download link naming any other host never receives it. The header value is checked before it
 * is handed to the JDK, whose exception messages could otherwise quote it.
 */
public final class BearerToken {

	/** The stored token cannot be sent; the message never contains it. */
	public static final class UnusableTokenException extends Exception {
		private static final long serialVersionUID = 1L;

		UnusableTokenException(String message) {
			super(message);
		}
	}

	private final TokenStore tokens;
	private final String origin;

	/**
	 * @param tokens where the token is read, per request
	 * @param origin the web builder the token belongs to; null binds it to no host (it is never sent)
	 */
	public BearerToken(TokenStore tokens, URI origin) {
		this.tokens = tokens;
		this.origin = origin == null ? null : originOf(origin);
	}

	/**
	 * Adds {@code Authorization: Bearer} when {@code target} is the token's origin and a token is
	 * stored.
	 *
	 * @return the token that was attached, to scrub server answers; empty when none was
	 * @throws UnusableTokenException when the stored token holds characters no header may carry
	 */
	public Optional<String> attach(HttpRequest.Builder request, URI target) throws UnusableTokenException {
		if (!isFor(target)) {
			return Optional.empty();
		}
		Optional<String> token = tokens.read();
		if (token.isEmpty() || token.get().isEmpty()) {
			return Optional.empty();
		}
		String problem = TokenFormat.problem(token.get());
		if (problem != null) {
			throw new UnusableTokenException(NLS.bind(Messages.BearerToken_unusable, problem));
		}
		try {
			request.header("Authorization", "Bearer " + token.get()); //$NON-NLS-1$//$NON-NLS-2$
		} catch (IllegalArgumentException e) {
			// Not chained: the JDK's message may quote the header value.
			throw new UnusableTokenException(Messages.BearerToken_notAHeader);
		}
		return token;
	}

	/** True when {@code target} has the token's scheme, host and port. */
	public boolean isFor(URI target) {
		return origin != null && target != null && target.getHost() != null && origin.equals(originOf(target));
	}

	/** {@code scheme://host:port}, lower case, with the scheme's default port made explicit. */
	public static String originOf(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		if (host.endsWith(".")) { //$NON-NLS-1$
			host = host.substring(0, host.length() - 1);
		}
		int port = uri.getPort();
		if (port < 0) {
			port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1; //$NON-NLS-1$//$NON-NLS-2$
		}
		return scheme + "://" + host + ":" + port; //$NON-NLS-1$//$NON-NLS-2$
	}

	@Override
	public String toString() {
		return "BearerToken[" + (origin == null ? "bound to no host" : origin) + "]"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
	}
}
