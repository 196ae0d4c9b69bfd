/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.launching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ids and names a launch tab offers (workflows, states), read quickly from a configuration file
 * without validating it: the tab must stay responsive on files with errors.
 */
record ConfigSummary(List<Entry> workflows, List<Entry> states) {

	record Entry(String id, String name) {
		String label() {
			return name == null || name.isBlank() || name.equals(id) ? id : name + " [" + id + "]"; //$NON-NLS-1$//$NON-NLS-2$
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	static ConfigSummary read(Path file) throws IOException {
		JsonNode root = JSON.readTree(Files.readString(file));
		List<Entry> workflows = entries(root.path("workflows")); //$NON-NLS-1$
		if (workflows.isEmpty()) {
			workflows = entries(root.path("processes")); //$NON-NLS-1$
		}
		return new ConfigSummary(workflows, entries(root.path("states"))); //$NON-NLS-1$
	}

	private static List<Entry> entries(JsonNode array) {
		List<Entry> list = new ArrayList<>();
		for (JsonNode n : array) {
			String id = n.path("id").asText(""); //$NON-NLS-1$//$NON-NLS-2$
			if (!id.isEmpty()) {
				list.add(new Entry(id, n.path("name").asText(""))); //$NON-NLS-1$//$NON-NLS-2$
			}
		}
		return list;
	}
}
