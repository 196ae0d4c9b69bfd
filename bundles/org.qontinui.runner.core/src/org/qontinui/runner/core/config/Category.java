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

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A workflow category; the runner offers workflows of categories with automation enabled. */
public class Category extends ConfigElement {

	public static final String MAIN = "Main"; //$NON-NLS-1$

	private static final Map<String, String> ALIASES = Map.of("automation_enabled", "automationEnabled"); //$NON-NLS-1$//$NON-NLS-2$

	private String name;
	private Boolean automationEnabled;

	/** Categories may be written as their bare name: {@code "categories": ["Main"]}. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static Category ofName(String name) {
		Category category = new Category();
		category.name = name;
		return category;
	}

	/** For Jackson: an object. */
	public Category() {
	}

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

	public boolean isAutomationEnabled() {
		return Boolean.TRUE.equals(automationEnabled);
	}

	public void setAutomationEnabled(boolean automationEnabled) {
		this.automationEnabled = automationEnabled;
	}
}
