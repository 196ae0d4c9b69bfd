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

import java.time.Instant;

/**
 * A configuration as listed by the web builder; download it with
 * {@link WebBuilderClient#download(String)} and {@link #id()}.
 *
 * @param updated last change, null when the server did not say
 * @param version the server's version label or number as text, null when absent
 */
public record ConfigurationSummary(String id, String name, String projectId, Instant updated, String version) {
}
