/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.tests;

/**
 * Writes a large but valid configuration: {@code states} states with two state images each,
 * three outgoing transitions per state (a ring plus chords, so everything is reachable from state
 * 0), one workflow per state with {@code actionsPerWorkflow} actions mixing FIND, CLICK, TYPE,
 * WAIT, IF, LOOP, GO_TO_STATE and RUN_WORKFLOW.
 */
public final class ScaleConfigGenerator {

	private ScaleConfigGenerator() {
	}

	/** 1000 states, 3000 transitions, 10000 actions. */
	public static String generateDefault() {
		return generate(1000, 10, 50);
	}

	public static String generate(int states, int actionsPerWorkflow, int images) {
		StringBuilder json = new StringBuilder(states * actionsPerWorkflow * 260);
		json.append("{\n  \"version\": \"2.0.0\",\n  \"metadata\": {\"name\": \"scale\", \"created\": \"2025-01-01T00:00:00Z\", \"modified\": \"2025-01-01T00:00:00Z\"},\n");
		json.append("  \"images\": [\n");
		for (int i = 0; i < images; i++) {
			json.append("    {\"id\": \"img-").append(i).append("\", \"name\": \"img-").append(i)
					.append(".png\", \"format\": \"png\", \"width\": 4, \"height\": 2, \"data\": \"").append(Fixtures.PNG_BASE64)
					.append("\"}").append(i + 1 < images ? ",\n" : "\n");
		}
		json.append("  ],\n  \"states\": [\n");
		for (int s = 0; s < states; s++) {
			json.append("    {\"id\": \"s-").append(s).append("\", \"name\": \"State ").append(s).append("\", \"isInitial\": ")
					.append(s == 0).append(", \"position\": {\"x\": ").append(s * 10).append(", \"y\": 100},\n");
			json.append("     \"stateImages\": [");
			for (int k = 0; k < 2; k++) {
				json.append(k == 0 ? "" : ", ").append("{\"id\": \"si-").append(s).append('-').append(k)
						.append("\", \"name\": \"image ").append(k).append("\", \"threshold\": 0.9, \"patterns\": [{\"id\": \"p-")
						.append(s).append('-').append(k).append("\", \"imageId\": \"img-").append((s + k) % images)
						.append("\"}], \"searchRegions\": [{\"id\": \"sr-").append(s).append('-').append(k)
						.append("\", \"x\": 0, \"y\": 0, \"width\": 800, \"height\": 600}]}");
			}
			json.append("],\n     \"locations\": [{\"id\": \"loc-").append(s).append("\", \"name\": \"field\", \"x\": 10, \"y\": 20}],\n");
			json.append("     \"strings\": [{\"id\": \"str-").append(s).append("\", \"name\": \"text\", \"value\": \"hello\"}]}")
					.append(s + 1 < states ? ",\n" : "\n");
		}
		json.append("  ],\n  \"workflows\": [\n");
		for (int w = 0; w < states; w++) {
			json.append("    {\"id\": \"w-").append(w).append("\", \"name\": \"Workflow ").append(w)
					.append("\", \"version\": \"1.0.0\", \"format\": \"graph\", \"connections\": {}, \"actions\": [\n");
			for (int a = 0; a < actionsPerWorkflow; a++) {
				json.append("      ");
				action(json, w, a, actionsPerWorkflow, states);
				json.append(a + 1 < actionsPerWorkflow ? ",\n" : "\n");
			}
			json.append("    ]}").append(w + 1 < states ? ",\n" : "\n");
		}
		json.append("  ],\n  \"transitions\": [\n");
		int[] steps = { 1, 7, 31 };
		for (int s = 0; s < states; s++) {
			for (int k = 0; k < steps.length; k++) {
				json.append("    {\"id\": \"t-").append(s).append('-').append(k)
						.append("\", \"type\": \"OutgoingTransition\", \"fromState\": \"s-").append(s).append("\", \"toState\": \"s-")
						.append((s + steps[k]) % states).append("\", \"workflows\": [\"w-").append((s + k) % states)
						.append("\"], \"timeout\": 10000, \"retryCount\": 3, \"staysVisible\": false, \"activateStates\": [], \"deactivateStates\": []}")
						.append(s + 1 < states || k + 1 < steps.length ? ",\n" : "\n");
			}
		}
		json.append("  ],\n  \"categories\": [{\"name\": \"Main\", \"automationEnabled\": true}],\n");
		json.append("  \"settings\": {\"execution\": {\"defaultTimeout\": 10000, \"failureStrategy\": \"stop\"}, \"recognition\": {\"defaultThreshold\": 0.85}}\n}\n");
		return json.toString();
	}

	private static void action(StringBuilder json, int w, int a, int count, int states) {
		String id = "a-" + w + "-" + a;
		json.append("{\"id\": \"").append(id).append("\", ");
		switch (a % 8) {
		case 0 -> json.append("\"type\": \"FIND\", \"config\": {\"target\": {\"type\": \"image\", \"imageIds\": [\"si-").append(w)
				.append("-0\"], \"searchOptions\": {\"similarity\": 0.9, \"timeout\": 5000, \"searchStrategy\": \"FIRST\"}}}, \"execution\": {\"retryCount\": 2}");
		case 1 -> json.append("\"type\": \"CLICK\", \"config\": {\"target\": {\"type\": \"lastFindResult\"}, \"numberOfClicks\": 1, \"mouseButton\": \"LEFT\"}, \"base\": {\"pauseAfterEnd\": 100}");
		case 2 -> json.append("\"type\": \"TYPE\", \"config\": {\"text\": \"hello world\", \"clearBefore\": true}");
		case 3 -> json.append("\"type\": \"IF\", \"config\": {\"condition\": {\"type\": \"image\", \"imageId\": \"img-0\"}, \"thenActions\": [\"a-")
				.append(w).append('-').append((a + 1) % count).append("\"], \"elseActions\": [\"a-").append(w).append('-')
				.append((a + 2) % count).append("\"]}");
		case 4 -> json.append("\"type\": \"WAIT\", \"config\": {\"waitFor\": \"state\", \"stateId\": \"s-").append(w)
				.append("\", \"maxWaitTime\": 10000}");
		case 5 -> json.append("\"type\": \"LOOP\", \"config\": {\"loopType\": \"FOR\", \"iterations\": 3, \"actions\": [\"a-").append(w)
				.append("-0\"]}");
		case 6 -> json.append("\"type\": \"GO_TO_STATE\", \"config\": {\"stateIds\": [\"s-").append((w + 1) % states).append("\"]}");
		// A chain, not a ring: a ring of RUN_WORKFLOW is endless recursion (recursive-workflow).
		default -> {
			if (w + 1 < states) {
				json.append("\"type\": \"RUN_WORKFLOW\", \"config\": {\"workflowId\": \"w-").append(w + 1).append("\"}");
			} else {
				json.append("\"type\": \"WAIT\", \"config\": {\"duration\": 1}");
			}
		}
		}
		json.append('}');
	}
}
