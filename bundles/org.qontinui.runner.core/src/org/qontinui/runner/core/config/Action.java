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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step of a workflow. {@code config} differs per {@link #getType() type} and is kept as raw
 * JSON; the accessors here read the parts the runner and the validator need (nested action ids
 * of IF/LOOP/SWITCH/TRY_CATCH, state and workflow references, targets).
 */
public class Action extends ConfigElement {

	public static final String IF = "IF"; //$NON-NLS-1$
	public static final String LOOP = "LOOP"; //$NON-NLS-1$
	public static final String SWITCH = "SWITCH"; //$NON-NLS-1$
	public static final String TRY_CATCH = "TRY_CATCH"; //$NON-NLS-1$
	public static final String GO_TO_STATE = "GO_TO_STATE"; //$NON-NLS-1$
	public static final String RUN_WORKFLOW = "RUN_WORKFLOW"; //$NON-NLS-1$

	/** Keys of {@code config} under which an action may hold other targets. */
	private static final String[] TARGET_KEYS = { "target", "source", "destination", "clickTarget" }; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$

	private String id;
	private String type;
	private String name;
	private ObjectNode config;

	public String getId() {
		return id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	/** {@code config} as read; an empty object when the action has none. */
	public ObjectNode getConfig() {
		return config != null ? config : JsonNodeFactory.instance.objectNode();
	}

	public void setConfig(ObjectNode config) {
		this.config = config;
	}

	public List<String> getThenActionIds() {
		return ids(IF, "thenActions"); //$NON-NLS-1$
	}

	public List<String> getElseActionIds() {
		return ids(IF, "elseActions"); //$NON-NLS-1$
	}

	public List<String> getLoopActionIds() {
		return ids(LOOP, "actions"); //$NON-NLS-1$
	}

	public List<String> getTryActionIds() {
		return ids(TRY_CATCH, "tryActions"); //$NON-NLS-1$
	}

	public List<String> getCatchActionIds() {
		return ids(TRY_CATCH, "catchActions"); //$NON-NLS-1$
	}

	public List<String> getFinallyActionIds() {
		return ids(TRY_CATCH, "finallyActions"); //$NON-NLS-1$
	}

	/**
	 * Every action id this control-flow action runs (IF then/else, LOOP body, SWITCH cases and
	 * default, TRY_CATCH try/catch/finally), with pointers relative to this action.
	 */
	public List<ConfigReference> getNestedActionReferences() {
		List<ConfigReference> references = new ArrayList<>();
		if (type == null || config == null) {
			return references;
		}
		switch (type) {
		case IF -> {
			collect(references, "/config", config, "thenActions"); //$NON-NLS-1$//$NON-NLS-2$
			collect(references, "/config", config, "elseActions"); //$NON-NLS-1$//$NON-NLS-2$
		}
		case LOOP -> collect(references, "/config", config, "actions"); //$NON-NLS-1$//$NON-NLS-2$
		case TRY_CATCH -> {
			collect(references, "/config", config, "tryActions"); //$NON-NLS-1$//$NON-NLS-2$
			collect(references, "/config", config, "catchActions"); //$NON-NLS-1$//$NON-NLS-2$
			collect(references, "/config", config, "finallyActions"); //$NON-NLS-1$//$NON-NLS-2$
		}
		case SWITCH -> {
			JsonNode cases = config.get("cases"); //$NON-NLS-1$
			if (cases != null && cases.isArray()) {
				for (int i = 0; i < cases.size(); i++) {
					collect(references, "/config/cases/" + i, cases.get(i), "actions"); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
			collect(references, "/config", config, "defaultActions"); //$NON-NLS-1$//$NON-NLS-2$
		}
		default -> {
		}
		}
		return references;
	}

	/**
	 * State ids this action refers to: GO_TO_STATE / FIND_STATE {@code stateIds}, {@code stateId}
	 * of FIND_STATE_IMAGE and WAIT, of targets, of {@code textSource} and {@code verify}.
	 */
	public List<ConfigReference> getStateReferences() {
		List<ConfigReference> references = new ArrayList<>();
		if (config == null) {
			return references;
		}
		collect(references, "/config", config, "stateIds"); //$NON-NLS-1$//$NON-NLS-2$
		single(references, "/config", config, "stateId"); //$NON-NLS-1$//$NON-NLS-2$
		for (String key : new String[] { "textSource", "verify" }) { //$NON-NLS-1$//$NON-NLS-2$
			if (config.get(key) instanceof ObjectNode nested) {
				single(references, "/config/" + key, nested, "stateId"); //$NON-NLS-1$//$NON-NLS-2$
			}
		}
		for (ActionTarget target : getTargets()) {
			single(references, target.pointer(), target.node(), "stateId"); //$NON-NLS-1$
		}
		return references;
	}

	/** {@code workflowId} of a RUN_WORKFLOW action, with its pointer; null otherwise. */
	public ConfigReference getWorkflowReference() {
		if (!RUN_WORKFLOW.equals(type) || config == null) {
			return null;
		}
		JsonNode workflowId = config.get("workflowId"); //$NON-NLS-1$
		return workflowId != null && workflowId.isTextual() ? new ConfigReference("/config/workflowId", workflowId.asText()) //$NON-NLS-1$
				: null;
	}

	/**
	 * Targets of this action. An old-style config that names {@code imageId}/{@code imageIds}
	 * directly (runner examples) counts as its own target.
	 */
	public List<ActionTarget> getTargets() {
		List<ActionTarget> targets = new ArrayList<>(1);
		if (config == null) {
			return targets;
		}
		for (String key : TARGET_KEYS) {
			if (config.get(key) instanceof ObjectNode target) {
				targets.add(new ActionTarget("/config/" + key, target)); //$NON-NLS-1$
			}
		}
		if (config.get("verify") instanceof ObjectNode verify && verify.get("target") instanceof ObjectNode target) { //$NON-NLS-1$//$NON-NLS-2$
			targets.add(new ActionTarget("/config/verify/target", target)); //$NON-NLS-1$
		}
		if (targets.isEmpty() && (config.has("imageId") || config.has("imageIds"))) { //$NON-NLS-1$//$NON-NLS-2$
			targets.add(new ActionTarget("/config", config)); //$NON-NLS-1$
		}
		return targets;
	}

	/** {@code searchStrategy} values in this action (targets' and the config's own search options). */
	public List<ConfigReference> getSearchStrategies() {
		List<ConfigReference> strategies = new ArrayList<>(1);
		for (ActionTarget target : getTargets()) {
			ConfigReference strategy = target.searchStrategy();
			if (strategy != null) {
				strategies.add(strategy);
			}
		}
		if (config != null && config.get("searchOptions") instanceof ObjectNode options) { //$NON-NLS-1$
			ConfigReference strategy = ActionTarget.searchStrategyOf(options, "/config/searchOptions"); //$NON-NLS-1$
			if (strategy != null) {
				strategies.add(strategy);
			}
		}
		return strategies;
	}

	/** A text value of {@code config} with its pointer, or null (e.g. {@code mouseButton}, {@code loopType}). */
	public ConfigReference getConfigText(String key) {
		JsonNode value = config == null ? null : config.get(key);
		return value != null && value.isTextual() ? new ConfigReference("/config/" + key, value.asText()) : null; //$NON-NLS-1$
	}

	private List<String> ids(String requiredType, String key) {
		if (!requiredType.equals(type) || config == null) {
			return List.of();
		}
		List<ConfigReference> references = new ArrayList<>();
		collect(references, "/config", config, key); //$NON-NLS-1$
		return references.stream().map(ConfigReference::id).toList();
	}

	private static void collect(List<ConfigReference> into, String pointer, JsonNode holder, String key) {
		JsonNode list = holder == null ? null : holder.get(key);
		if (list == null || !list.isArray()) {
			return;
		}
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i).isTextual()) {
				into.add(new ConfigReference(pointer + "/" + key + "/" + i, list.get(i).asText())); //$NON-NLS-1$//$NON-NLS-2$
			}
		}
	}

	private static void single(List<ConfigReference> into, String pointer, JsonNode holder, String key) {
		JsonNode value = holder.get(key);
		if (value != null && value.isTextual()) {
			into.add(new ConfigReference(pointer + "/" + key, value.asText())); //$NON-NLS-1$
		}
	}
}
