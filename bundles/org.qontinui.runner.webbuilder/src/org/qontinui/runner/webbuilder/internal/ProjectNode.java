package org.qontinui.runner.webbuilder.internal;

import java.util.List;

import org.qontinui.runner.core.webbuilder.ProjectSummary;

/** A project in the Web Builder view, with its configurations. */
public record ProjectNode(ProjectSummary project, List<ConfigurationNode> configurations) {

	public ProjectNode {
		configurations = List.copyOf(configurations);
	}
}
