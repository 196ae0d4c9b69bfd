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
 * The account the sign-in token belongs to, as answered by {@code GET /api/v1/me}. Fields the
 * server does not send are null.
 */
public record Account(String id, String name, String email) {
}
