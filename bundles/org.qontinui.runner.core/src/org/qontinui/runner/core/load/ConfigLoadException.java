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

/**
 * A configuration could not be obtained at all (as opposed to content problems, which are
 * reported as diagnostics). Messages are meant for users and never contain the sign-in token.
 */
public class ConfigLoadException extends Exception {

	private static final long serialVersionUID = 1L;

	/** Why loading failed, for callers that react differently (e.g. offer "Sign in" on NOT_SIGNED_IN). */
	public enum Reason {
		NOT_SIGNED_IN, FORBIDDEN, NOT_FOUND, TIMEOUT, NETWORK, NOT_JSON, TOO_LARGE, INSECURE_URL, HTTP_ERROR, IO
	}

	private final Reason reason;

	public ConfigLoadException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public ConfigLoadException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason getReason() {
		return reason;
	}
}
