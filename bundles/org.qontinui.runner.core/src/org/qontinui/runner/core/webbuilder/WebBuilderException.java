/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.webbuilder;

/**
 * A web builder request failed. Messages are meant for users and never contain the sign-in
 * token; {@link #getReason()} lets callers react (offer "Sign in" on {@link Reason#NOT_SIGNED_IN},
 * keep an upload queued on {@link #isRetryable() retryable} failures).
 */
public class WebBuilderException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Why the request failed. */
	public enum Reason {
		/** HTTP 401: no token or an expired one; the user has to sign in again. */
		NOT_SIGNED_IN,
		/** HTTP 403: signed in, but the account may not do this. */
		FORBIDDEN,
		/** HTTP 404: no such project, configuration or endpoint. */
		NOT_FOUND,
		/** Another 4xx: the server refused the request itself (e.g. 400, 409, 413, 422). */
		REJECTED,
		/** HTTP 5xx, or 429 (busy): worth trying again later. */
		SERVER_ERROR,
		/** No answer in time, or HTTP 408. */
		TIMEOUT,
		/** The server could not be reached. */
		NETWORK,
		/** An answer the runner cannot use: not JSON, too large, HTML, an unexpected redirect. */
		BAD_RESPONSE
	}

	private final Reason reason;
	private final int statusCode;

	public WebBuilderException(Reason reason, String message) {
		this(reason, -1, message, null);
	}

	/**
	 * @param statusCode the HTTP status, or -1 when there was no answer
	 * @param cause      must not carry the token in its message either
	 */
	public WebBuilderException(Reason reason, int statusCode, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.statusCode = statusCode;
	}

	public Reason getReason() {
		return reason;
	}

	/** The HTTP status of the answer, or -1 when there was none. */
	public int getStatusCode() {
		return statusCode;
	}

	/** True when the same request may well succeed later without anyone changing anything. */
	public boolean isRetryable() {
		return switch (reason) {
		case SERVER_ERROR, TIMEOUT, NETWORK -> true;
		default -> false;
		};
	}
}
