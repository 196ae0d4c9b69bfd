/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.tests;

/** Generates a valid configuration of any size: states in a ring with extra transitions, workflows of actions. */
final class LargeConfig {

	private LargeConfig() {
	}

	static String generate(int states, int transitions, int actionsPerWorkflow) {
		StringBuilder s = new StringBuilder("{\"version\":\"2.0.0\",\"metadata\":{\"name\":\"Large\",\"created\":\"2026-01-01T00:00:00Z\","
				+ "\"modified\":\"2026-01-01T00:00:00Z\"},\"images\":[],\"states\":[");
		for (int i = 0; i < states; i++) {
			s.append(i > 0 ? "," : "").append("{\"id\":\"s").append(i).append("\",\"name\":\"State ").append(i)
					.append("\",\"isInitial\":").append(i == 0).append(",\"stateImages\":[]}");
		}
		s.append("],\"transitions\":[");
		for (int t = 0; t < transitions; t++) {
			int from = t % states;
			int to = t < states ? (from + 1) % states : (from * 7 + t) % states;
			s.append(t > 0 ? "," : "").append("{\"id\":\"t").append(t).append("\",\"type\":\"OutgoingTransition\",\"fromState\":\"s")
					.append(from).append("\",\"toState\":\"s").append(to).append("\",\"workflows\":[\"w").append(t % states).append("\"]}");
		}
		s.append("],\"workflows\":[");
		for (int w = 0; w < states; w++) {
			s.append(w > 0 ? "," : "").append("{\"id\":\"w").append(w).append("\",\"name\":\"Workflow ").append(w)
					.append("\",\"version\":\"1.0.0\",\"format\":\"graph\",\"connections\":{},\"actions\":[");
			for (int a = 0; a < actionsPerWorkflow; a++) {
				s.append(a > 0 ? "," : "").append("{\"id\":\"w").append(w).append("a").append(a)
						.append("\",\"type\":\"SET_VARIABLE\",\"config\":{\"variableName\":\"v\",\"value\":").append(a).append("}}");
			}
			s.append("]}");
		}
		s.append("]}");
		return s.toString();
	}
}
