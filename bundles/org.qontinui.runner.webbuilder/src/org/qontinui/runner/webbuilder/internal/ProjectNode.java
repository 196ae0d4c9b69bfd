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

import java.util.List;

import org.qontinui.runner.core.webbuilder.ProjectSummary;

/** A project in the Web Builder view, with its configurations. */
public record ProjectNode(ProjectSummary project, List<ConfigurationNode> configurations) {

	public ProjectNode {
		configurations = List.copyOf(configurations);
	}
}
