package org.qontinui.runner.core.internal.json;

import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.config.Transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts a v1.0.0 configuration tree ({@code processes}) to v2.0.0 ({@code workflows}) in
 * place. Keys are renamed where they stand so recorded source positions stay valid.
 */
public final class V1Migration {

	private V1Migration() {
	}

	/** Whether the tree uses v1 keys: top-level {@code processes} or a transition with {@code process(es)}. */
	public static boolean isV1(JsonNode root) {
		if (root.has("processes")) {
			return true;
		}
		JsonNode transitions = root.get("transitions");
		if (transitions != null && transitions.isArray()) {
			for (JsonNode transition : transitions) {
				if (transition.has("processes") || transition.has("process")) {
					return true;
				}
			}
		}
		return false;
	}

	/** The same test on a configuration bound directly, where v1 keys end up as unknown properties. */
	public static boolean isV1(QontinuiConfig config) {
		if (config.getOtherProperty("processes") != null) {
			return true;
		}
		for (Transition transition : config.getTransitions()) {
			if (transition.getOtherProperty("processes") != null || transition.getOtherProperty("process") != null) {
				return true;
			}
		}
		return false;
	}

	/** Migrates; returns the version the file declared. */
	public static String migrate(ObjectNode root) {
		String declaredVersion = root.path("version").asText(null);
		TreeSourceMap.renameKey(root, "processes", "workflows");
		if (root.get("transitions") instanceof ArrayNode transitions) {
			for (JsonNode node : transitions) {
				if (node instanceof ObjectNode transition) {
					TreeSourceMap.renameKey(transition, "processes", "workflows");
					TreeSourceMap.renameKey(transition, "process", "workflows");
					JsonNode workflows = transition.get("workflows");
					if (workflows != null && workflows.isTextual()) {
						transition.putArray("workflows").add(workflows.asText());
					}
				}
			}
		}
		if (root.get("workflows") instanceof ArrayNode workflows) {
			for (JsonNode workflow : workflows) {
				if (workflow.get("actions") instanceof ArrayNode actions) {
					for (JsonNode action : actions) {
						// v1 examples use MOVE; v2 only knows MOUSE_MOVE.
						if (action instanceof ObjectNode object && "MOVE".equals(object.path("type").asText())) {
							object.put("type", "MOUSE_MOVE");
						}
					}
				}
			}
		}
		root.put("version", "2.0.0");
		return declaredVersion;
	}
}
