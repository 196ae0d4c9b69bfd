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

/**
 * A move between states, running {@link #getWorkflowIds() workflows} in order. The concrete class
 * is chosen from {@code type} (any known spelling) or, when that is missing or unknown, from the
 * presence of {@code fromState}; {@code type} itself is kept as read.
 */
public abstract class Transition extends ConfigElement {

	private String id;
	private String type;
	private String name;
	private String description;
	private List<String> workflows;
	private Number timeout;
	private Number retryCount;

	public abstract TransitionKind getKind();

	/** The target state, or null. */
	public abstract String getToState();

	public String getId() {
		return id;
	}

	public void setId(String id) {
		this.id = id;
	}

	/** {@code type} exactly as read (may be null or a legacy spelling). */
	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

	/** Whether {@code type} is present and one of the known spellings. */
	public boolean isTypeRecognized() {
		return TransitionKind.fromType(type) != null;
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

	public List<String> getWorkflowIds() {
		return listOrEmpty(workflows);
	}

	public void setWorkflowIds(List<String> workflowIds) {
		this.workflows = workflowIds;
	}

	/** Milliseconds. */
	public int getTimeout() {
		return intValue(timeout, 10000);
	}

	public int getRetryCount() {
		return intValue(retryCount, 3);
	}
}
