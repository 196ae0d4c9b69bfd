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

/** A named text of a state (to type, or to expect on screen). */
public class StateString extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("regexPattern", "regex", "input_text", "inputText", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
			"expected_text", "expectedText"); //$NON-NLS-1$//$NON-NLS-2$

	private String id;
	private String name;
	private String value;
	private String identifier;
	private Boolean inputText;
	private String expectedText;
	private String regex;

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

	public String getValue() {
		return value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	public String getIdentifier() {
		return identifier;
	}

	public boolean isInputText() {
		return inputText == null || inputText;
	}

	public String getExpectedText() {
		return expectedText;
	}

	/** {@code regex} (library) or {@code regexPattern} (schemas). */
	public String getRegex() {
		return regex;
	}
}
