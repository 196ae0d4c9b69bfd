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

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed view of a target inside an action's {@code config} ({@code target}, {@code source},
 * {@code destination}, {@code clickTarget} ...). Reads the current form and the legacy keys the old
 * runner bridge used: {@code imageId} for {@code imageIds}, flat {@code x, y} for
 * {@code coordinates{x,y}}, {@code strategy} for {@code searchStrategy}.
 *
 * @param pointer JSON pointer of the target relative to its action, e.g. {@code /config/target}
 * @param node    the target object
 */
public record ActionTarget(String pointer, ObjectNode node) {

	/** {@code image}, {@code coordinates}, {@code stateImage}, {@code lastFindResult} ..., or null. */
	public String type() {
		JsonNode type = node.get("type"); //$NON-NLS-1$
		return type != null && type.isTextual() ? type.asText() : null;
	}

	/** Image or state image ids with their pointers, from {@code imageIds[]} or singular {@code imageId}. */
	public List<ConfigReference> imageIds() {
		List<ConfigReference> ids = new ArrayList<>(2);
		JsonNode list = node.get("imageIds"); //$NON-NLS-1$
		if (list != null && list.isArray()) {
			for (int i = 0; i < list.size(); i++) {
				if (list.get(i).isTextual()) {
					ids.add(new ConfigReference(pointer + "/imageIds/" + i, list.get(i).asText())); //$NON-NLS-1$
				}
			}
		}
		JsonNode single = node.get("imageId"); //$NON-NLS-1$
		if (single != null && single.isTextual()) {
			ids.add(new ConfigReference(pointer + "/imageId", single.asText())); //$NON-NLS-1$
		}
		return ids;
	}

	/** The point of a {@code coordinates} target, from {@code coordinates{x,y}} or flat {@code x, y}; null if none. */
	public int[] coordinates() {
		JsonNode coordinates = node.get("coordinates"); //$NON-NLS-1$
		JsonNode holder = coordinates != null && coordinates.isObject() ? coordinates : node;
		if (!holder.has("x") || !holder.has("y")) { //$NON-NLS-1$//$NON-NLS-2$
			return null;
		}
		return new int[] { holder.get("x").asInt(), holder.get("y").asInt() }; //$NON-NLS-1$//$NON-NLS-2$
	}

	/** {@code searchOptions} of this target, or null. */
	public ObjectNode searchOptions() {
		JsonNode options = node.get("searchOptions"); //$NON-NLS-1$
		return options instanceof ObjectNode object ? object : null;
	}

	/** {@code searchStrategy} (or legacy {@code strategy}) of the search options, with its pointer; null if unset. */
	public ConfigReference searchStrategy() {
		return searchStrategyOf(searchOptions(), pointer + "/searchOptions"); //$NON-NLS-1$
	}

	static ConfigReference searchStrategyOf(ObjectNode options, String pointer) {
		if (options == null) {
			return null;
		}
		for (String key : new String[] { "searchStrategy", "strategy" }) { //$NON-NLS-1$//$NON-NLS-2$
			JsonNode value = options.get(key);
			if (value != null && value.isTextual()) {
				return new ConfigReference(pointer + "/" + key, value.asText()); //$NON-NLS-1$
			}
		}
		return null;
	}

	public String stateId() {
		return text("stateId"); //$NON-NLS-1$
	}

	public String regionId() {
		return text("regionId"); //$NON-NLS-1$
	}

	public String locationId() {
		return text("locationId"); //$NON-NLS-1$
	}

	private String text(String key) {
		JsonNode value = node.get(key);
		return value != null && value.isTextual() ? value.asText() : null;
	}
}
