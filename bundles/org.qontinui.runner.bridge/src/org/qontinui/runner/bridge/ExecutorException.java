/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge;

/**
 * A request to the executor failed, timed out, or the executor is gone. When the executor refused
 * the request, {@link #errorId()} is the DAP error id of its response ({@code body.error.id}, see
 * {@link ProtocolErrors}); callers tell failures apart by it, never by the message text.
 */
public class ExecutorException extends Exception {

	private static final long serialVersionUID = 1L;

	/** No error response: a timeout, a dead executor, or a response without {@code body.error.id}. */
	public static final int NO_ERROR_ID = -1;

	private final int errorId;

	public ExecutorException(String message) {
		this(message, NO_ERROR_ID, null);
	}

	public ExecutorException(String message, Throwable cause) {
		this(message, NO_ERROR_ID, cause);
	}

	public ExecutorException(String message, int errorId, Throwable cause) {
		super(message, cause);
		this.errorId = errorId;
	}

	/** The DAP error id of the executor's error response, or {@link #NO_ERROR_ID}. */
	public int errorId() {
		return errorId;
	}
}
