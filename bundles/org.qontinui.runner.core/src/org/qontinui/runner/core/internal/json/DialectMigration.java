/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.internal.json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.validation.Vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts older dialects to v2.0.0 in place, as the vocabulary's {@code "migrations"} say: v1
 * {@code processes} and transition {@code process(es)}, workflows of {@code steps} with lowercase
 * types ({@code {"type": "key", "key": "Enter"}}), old action type names. Each conversion is
 * reported as {@code legacy-format}; {@link #originalPointer} maps pointers of the converted tree
 * back to the file. The executor does the same (config.py {@code migrate}).
 */
public final class DialectMigration {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Vocabulary vocabulary;
	private final Reporter reporter;
	/** Pointer in the converted tree, pointer in the file. */
	private final List<String[]> renames = new ArrayList<>();

	public DialectMigration(Vocabulary vocabulary, Reporter reporter) {
		this.vocabulary = vocabulary;
		this.reporter = reporter;
	}

	public void migrate(ObjectNode root) {
		JsonNode v1 = vocabulary.v1Migration();
		boolean touched = false;
		for (Map.Entry<String, JsonNode> e : v1.path("topLevel").properties()) { //$NON-NLS-1$
			String oldKey = e.getKey();
			String newKey = e.getValue().asText();
			if (root.has(oldKey) && !root.has(newKey)) {
				root.set(newKey, root.remove(oldKey));
				rename("/" + newKey, "/" + oldKey); //$NON-NLS-1$//$NON-NLS-2$
				reporter.report("legacy-format", "/" + newKey, //$NON-NLS-1$//$NON-NLS-2$
						NLS.bind(Messages.DialectMigration_configurationKey, oldKey, newKey));
				touched = true;
			}
		}
		if (root.get("transitions") instanceof ArrayNode transitions) { //$NON-NLS-1$
			for (int i = 0; i < transitions.size(); i++) {
				if (!(transitions.get(i) instanceof ObjectNode transition)) {
					continue;
				}
				for (Map.Entry<String, JsonNode> e : v1.path("transition").properties()) { //$NON-NLS-1$
					String oldKey = e.getKey();
					String newKey = e.getValue().asText();
					if (transition.has(oldKey) && !transition.has(newKey)) {
						JsonNode value = transition.remove(oldKey);
						transition.set(newKey, value.isTextual() ? NODES.arrayNode().add(value) : value);
						String base = "/transitions/" + i + "/"; //$NON-NLS-1$//$NON-NLS-2$
						rename(base + newKey, base + oldKey);
						reporter.report("legacy-format", base + newKey, //$NON-NLS-1$
								NLS.bind(Messages.DialectMigration_transitionKey, oldKey, newKey));
						touched = true;
					}
				}
			}
		}
		if (root.get("workflows") instanceof ArrayNode workflows) { //$NON-NLS-1$
			for (int w = 0; w < workflows.size(); w++) {
				if (workflows.get(w) instanceof ObjectNode workflow) {
					touched |= migrateWorkflow(workflow, w, v1);
				}
			}
		}
		JsonNode version = root.get("version"); //$NON-NLS-1$
		if (touched && !(version != null && version.isTextual() && version.asText().startsWith("2."))) { //$NON-NLS-1$
			root.put("version", vocabulary.formatVersion()); //$NON-NLS-1$
		}
	}

	private boolean migrateWorkflow(ObjectNode workflow, int w, JsonNode v1) {
		boolean touched = false;
		String base = "/workflows/" + w + "/"; //$NON-NLS-1$//$NON-NLS-2$
		for (Map.Entry<String, JsonNode> e : v1.path("workflow").properties()) { //$NON-NLS-1$
			String oldKey = e.getKey();
			String newKey = e.getValue().asText();
			if (workflow.has(oldKey) && !workflow.has(newKey) && workflow.get(oldKey) instanceof ArrayNode steps) {
				JsonNode id = workflow.get("id"); //$NON-NLS-1$
				String workflowId = id != null && id.isTextual() ? id.asText() : String.valueOf(w);
				ArrayNode actions = NODES.arrayNode();
				for (int j = 0; j < steps.size(); j++) {
					actions.add(stepToAction(steps.get(j), workflowId + "-step-" + (j + 1), v1)); //$NON-NLS-1$
				}
				workflow.remove(oldKey);
				workflow.set(newKey, actions);
				rename(base + newKey, base + oldKey);
				reporter.report("legacy-format", base + newKey, NLS.bind(Messages.DialectMigration_workflowKey, oldKey, newKey)); //$NON-NLS-1$
				touched = true;
			}
		}
		if (workflow.get("actions") instanceof ArrayNode actions) { //$NON-NLS-1$
			JsonNode types = v1.path("actionTypes"); //$NON-NLS-1$
			for (int a = 0; a < actions.size(); a++) {
				if (actions.get(a) instanceof ObjectNode action && action.path("type").isTextual() //$NON-NLS-1$
						&& types.has(action.get("type").asText())) { //$NON-NLS-1$
					String oldType = action.get("type").asText(); //$NON-NLS-1$
					action.put("type", types.get(oldType).asText()); //$NON-NLS-1$
					JsonNode defaults = v1.path("actionDefaults").get(oldType); //$NON-NLS-1$
					if (defaults != null) {
						if (!action.has("config")) { //$NON-NLS-1$
							action.putObject("config"); //$NON-NLS-1$
						}
						if (action.get("config") instanceof ObjectNode config) { //$NON-NLS-1$
							defaults.properties().forEach(d -> {
								if (!config.has(d.getKey())) {
									config.set(d.getKey(), d.getValue().deepCopy());
								}
							});
						}
					}
					reporter.report("legacy-format", base + "actions/" + a + "/type", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
							NLS.bind(Messages.DialectMigration_actionType, oldType, action.get("type").asText())); //$NON-NLS-1$
					touched = true;
				}
			}
		}
		return touched;
	}

	/** A v1 step as a v2 action: the step's own keys (key, text, duration, x/y ...) go into config. */
	private static JsonNode stepToAction(JsonNode step, String defaultId, JsonNode v1) {
		if (!(step instanceof ObjectNode object)) {
			return step;
		}
		ObjectNode action = NODES.objectNode();
		action.set("id", object.has("id") ? object.get("id") : NODES.textNode(defaultId)); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
		action.set("type", object.has("type") ? object.get("type") : NODES.nullNode()); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
		if (object.has("name")) { //$NON-NLS-1$
			action.set("name", object.get("name")); //$NON-NLS-1$//$NON-NLS-2$
		}
		ObjectNode config = object.get("config") instanceof ObjectNode c ? c.deepCopy() : NODES.objectNode(); //$NON-NLS-1$
		JsonNode stepKeys = v1.path("stepKeys"); //$NON-NLS-1$
		object.properties().forEach(e -> {
			JsonNode target = stepKeys.get(e.getKey());
			if (target == null || config.has(target.asText())) {
				return;
			}
			JsonNode value = e.getValue();
			if (target.asText().equals("keys") && value.isTextual()) { //$NON-NLS-1$
				value = NODES.arrayNode().add(value);
			}
			config.set(target.asText(), value);
		});
		if (config.has("x") && config.has("y") && !config.has("target")) { //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
			ObjectNode target = config.putObject("target"); //$NON-NLS-1$
			target.put("type", "coordinates"); //$NON-NLS-1$//$NON-NLS-2$
			ObjectNode coordinates = target.putObject("coordinates"); //$NON-NLS-1$
			coordinates.set("x", config.remove("x")); //$NON-NLS-1$//$NON-NLS-2$
			coordinates.set("y", config.remove("y")); //$NON-NLS-1$//$NON-NLS-2$
		}
		if (config.path("imageId").isTextual() && !config.has("target")) { //$NON-NLS-1$//$NON-NLS-2$
			ObjectNode target = config.putObject("target"); //$NON-NLS-1$
			target.put("type", "image"); //$NON-NLS-1$//$NON-NLS-2$
			target.putArray("imageIds").add(config.remove("imageId")); //$NON-NLS-1$//$NON-NLS-2$
		}
		action.set("config", config); //$NON-NLS-1$
		return action;
	}

	private void rename(String converted, String original) {
		renames.add(new String[] { converted, original });
	}

	/** The pointer in the file of a pointer into the converted tree. */
	public String originalPointer(String pointer) {
		if (renames.isEmpty()) {
			return pointer;
		}
		List<String[]> longestFirst = new ArrayList<>(renames);
		longestFirst.sort(Comparator.comparingInt((String[] r) -> -r[0].length()));
		for (String[] rename : longestFirst) {
			if (pointer.equals(rename[0]) || pointer.startsWith(rename[0] + "/")) { //$NON-NLS-1$
				pointer = rename[1] + pointer.substring(rename[0].length());
			}
		}
		return pointer;
	}

	public boolean migrated() {
		return !renames.isEmpty();
	}
}
