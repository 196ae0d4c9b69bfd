/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder.internal;

import org.qontinui.runner.core.webbuilder.ConfigurationSummary;
import org.qontinui.runner.core.webbuilder.ProjectSummary;

/** A configuration in the Web Builder view; the project is kept for the download folder. */
public record ConfigurationNode(ProjectSummary project, ConfigurationSummary configuration) {
}
