/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.model;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * A node below a {@link ConfigNode} in the Config Explorer: a group (States, Workflows, ...) or one
 * element of the configuration, with the JSON pointer where it is written.
 */
public final class ConfigElementNode implements IAdaptable {

	public enum Kind {
		METADATA, GROUP, STATE, STATE_IMAGE, TRANSITION, WORKFLOW, ACTION, IMAGE
	}

	private final ConfigNode root;
	private final Object parent;
	private final Kind kind;
	private final String label;
	private final String pointer;
	private final String elementId;
	private final Object element;
	private final List<Object> children = new ArrayList<>();

	public ConfigElementNode(ConfigNode root, Object parent, Kind kind, String label, String pointer,
			String elementId, Object element) {
		this.root = root;
		this.parent = parent;
		this.kind = kind;
		this.label = label;
		this.pointer = pointer;
		this.elementId = elementId;
		this.element = element;
	}

	public ConfigNode root() {
		return root;
	}

	public Object parent() {
		return parent;
	}

	public Kind kind() {
		return kind;
	}

	public String label() {
		return label;
	}

	public String pointer() {
		return pointer;
	}

	/** The id of the state, transition, workflow, action or image, or {@code null} for groups. */
	public String elementId() {
		return elementId;
	}

	/** The model object ({@code State}, {@code Action}, ...), or {@code null} for groups. */
	public Object element() {
		return element;
	}

	public List<Object> children() {
		return children;
	}

	public ConfigElementNode add(ConfigElementNode child) {
		children.add(child);
		return child;
	}

	/** The workflow that contains this action node, or {@code null}. */
	public String workflowId() {
		Object p = this;
		while (p instanceof ConfigElementNode n) {
			if (n.kind == Kind.WORKFLOW) {
				return n.elementId;
			}
			p = n.parent;
		}
		return null;
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IPropertySource.class) {
			return adapter.cast(new ConfigElementProperties(this));
		}
		return root.getAdapter(adapter);
	}

	@Override
	public String toString() {
		return label;
	}
}
