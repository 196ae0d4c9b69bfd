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
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.qontinui.runner.core.actions.ContributedActions;
import org.qontinui.runner.core.config.Action;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Properties view of a configuration element: every field as written in the file (including
 * ones the model does not know), read-only. Nested objects show as compact JSON.
 */
final class ConfigElementProperties implements IPropertySource {

	private static final int MAX_SHOWN = 300;

	private final ConfigElementNode node;

	ConfigElementProperties(ConfigElementNode node) {
		this.node = node;
	}

	private JsonNode json() {
		return node.root().jsonAt(node.pointer());
	}

	@Override
	public Object getEditableValue() {
		return this;
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		List<IPropertyDescriptor> list = new ArrayList<>();
		PropertyDescriptor pointer = new PropertyDescriptor("$pointer", Messages.ConfigElementProperties_pointer); //$NON-NLS-1$
		pointer.setCategory(Messages.ConfigElementProperties_location);
		list.add(pointer);
		PropertyDescriptor line = new PropertyDescriptor("$line", Messages.ConfigElementProperties_line); //$NON-NLS-1$
		line.setCategory(Messages.ConfigElementProperties_location);
		list.add(line);
		var contributed = contribution();
		if (contributed != null) {
			PropertyDescriptor plugin = new PropertyDescriptor("$plugin", Messages.ConfigElementProperties_plugin); //$NON-NLS-1$
			plugin.setCategory(Messages.ConfigElementProperties_actionType);
			list.add(plugin);
			if (contributed.configDescription() != null) {
				PropertyDescriptor config = new PropertyDescriptor("$configDescription", //$NON-NLS-1$
						Messages.ConfigElementProperties_configFields);
				config.setCategory(Messages.ConfigElementProperties_actionType);
				list.add(config);
			}
		}
		JsonNode json = json();
		if (json != null && json.isObject()) {
			for (Map.Entry<String, JsonNode> field : json.properties()) {
				String name = field.getKey();
				PropertyDescriptor d = new PropertyDescriptor(name, name);
				d.setCategory(categoryOf(name));
				list.add(d);
			}
		}
		return list.toArray(IPropertyDescriptor[]::new);
	}

	private static String categoryOf(String name) {
		return switch (name) {
		case "id", "name", "type", "description" -> Messages.ConfigElementProperties_element; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
		case "config" -> Messages.ConfigElementProperties_actionConfiguration; //$NON-NLS-1$
		default -> Messages.ConfigElementProperties_fields;
		};
	}

	/** The contribution of a plugin action type, when this node is such an action. */
	private ContributedActions.ActionType contribution() {
		if (node.element() instanceof Action a) {
			return ContributedActions.getDefault().type(a.getType());
		}
		return null;
	}

	@Override
	public Object getPropertyValue(Object id) {
		if ("$plugin".equals(id)) { //$NON-NLS-1$
			var c = contribution();
			return c == null ? "" : c.plugin() + " (" + c.bundle() + ")"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
		}
		if ("$configDescription".equals(id)) { //$NON-NLS-1$
			var c = contribution();
			return c == null || c.configDescription() == null ? "" : c.configDescription().replaceAll("\\s+", " ").strip(); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
		}
		if ("$pointer".equals(id)) { //$NON-NLS-1$
			return node.pointer();
		}
		if ("$line".equals(id)) { //$NON-NLS-1$
			var pos = node.root().positionOf(node.pointer());
			return pos.isKnown() ? pos.toString() : ""; //$NON-NLS-1$
		}
		JsonNode json = json();
		JsonNode value = json == null ? null : json.get((String) id);
		if (value == null) {
			return ""; //$NON-NLS-1$
		}
		if ("data".equals(id) && value.isTextual()) { //$NON-NLS-1$
			return NLS.bind(Messages.ConfigElementProperties_base64, value.asText().length());
		}
		String text = value.isValueNode() ? value.asText() : value.toString();
		return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text; //$NON-NLS-1$
	}

	@Override
	public boolean isPropertySet(Object id) {
		return false;
	}

	@Override
	public void resetPropertyValue(Object id) {
		// read-only
	}

	@Override
	public void setPropertyValue(Object id, Object value) {
		// read-only: edit the JSON file
	}
}
