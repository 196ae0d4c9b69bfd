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

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A list of actions run by transitions, by {@code RUN_WORKFLOW} or directly (category Main).
 * The library runs {@link #getActions() actions} in list order, skipping those that a control-flow
 * action (IF, LOOP ...) refers to; {@code connections} is kept as raw JSON.
 */
public class Workflow extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("initial_state_ids", "initialStateIds"); //$NON-NLS-1$//$NON-NLS-2$

	private String id;
	private String name;
	private String version;
	private String description;
	private String category;
	private String format;
	private String visibility;
	private List<Action> actions;
	private ObjectNode connections;
	private List<String> initialStateIds;

	@Override
	protected Map<String, String> aliases() {
		return ALIASES;
	}

	public String getId() {
		return id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getVersion() {
		return version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String getDescription() {
		return description;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public String getFormat() {
		return format;
	}

	public String getVisibility() {
		return visibility;
	}

	public List<Action> getActions() {
		return listOrEmpty(actions);
	}

	public void setActions(List<Action> actions) {
		this.actions = actions;
	}

	/** {@code connections} as read, or null. */
	public ObjectNode getConnections() {
		return connections;
	}

	public void setConnections(ObjectNode connections) {
		this.connections = connections;
	}

	public List<String> getInitialStateIds() {
		return listOrEmpty(initialStateIds);
	}
}
