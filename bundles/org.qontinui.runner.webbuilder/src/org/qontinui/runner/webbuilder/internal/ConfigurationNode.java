package org.qontinui.runner.webbuilder.internal;

import org.qontinui.runner.core.webbuilder.ConfigurationSummary;
import org.qontinui.runner.core.webbuilder.ProjectSummary;

/** A configuration in the Web Builder view; the project is kept for the download folder. */
public record ConfigurationNode(ProjectSummary project, ConfigurationSummary configuration) {
}
