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
 * DAP error ids ({@code body.error.id}) the executor answers with; the Python twin and the table are
 * in {@code docs/protocol.md}.
 */
public final class ProtocolErrors {

	/** Any failure without a more specific id. */
	public static final int GENERAL = 1;
	/** The configuration failed validation; the message lists every diagnostic. */
	public static final int INVALID_CONFIG = 2;

	private ProtocolErrors() {
	}
}
