/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.config;

/**
 * An id mentioned somewhere inside an element, with the JSON pointer of the mention relative to
 * the element (e.g. {@code /config/thenActions/0}).
 */
public record ConfigReference(String pointer, String id) {
}
