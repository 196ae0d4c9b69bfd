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

import java.util.List;
import java.util.Map;

/** {@code metadata}: name and provenance of a configuration. */
public class Metadata extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("target_application", "targetApplication", //$NON-NLS-1$//$NON-NLS-2$
			"project_id", "projectId"); //$NON-NLS-1$//$NON-NLS-2$

	private String name;
	private String description;
	private String author;
	private String created;
	private String modified;
	private List<String> tags;
	private String targetApplication;
	private String projectId;

	@Override
	protected Map<String, String> aliases() {
		return ALIASES;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getAuthor() {
		return author;
	}

	public void setAuthor(String author) {
		this.author = author;
	}

	/** ISO-8601 text as written by the web builder. */
	public String getCreated() {
		return created;
	}

	public void setCreated(String created) {
		this.created = created;
	}

	public String getModified() {
		return modified;
	}

	public void setModified(String modified) {
		this.modified = modified;
	}

	public List<String> getTags() {
		return listOrEmpty(tags);
	}

	public void setTags(List<String> tags) {
		this.tags = tags;
	}

	public String getTargetApplication() {
		return targetApplication;
	}

	public void setTargetApplication(String targetApplication) {
		this.targetApplication = targetApplication;
	}

	public String getProjectId() {
		return projectId;
	}

	public void setProjectId(String projectId) {
		this.projectId = projectId;
	}
}
