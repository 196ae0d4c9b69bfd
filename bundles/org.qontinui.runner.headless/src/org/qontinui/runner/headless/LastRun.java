/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.headless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@value #FILE} in a suite's output folder: its verdict and the ids of the runs that failed, which
 * {@code --last-failed} reads to run only those again (Playwright's {@code .last-run.json}, pytest's
 * {@code --lf}).
 */
final class LastRun {

	static final String FILE = "last-run.json"; //$NON-NLS-1$

	private LastRun() {
	}

	static void write(Path outDir, List<RunSession.Outcome> outcomes) throws IOException {
		ObjectMapper json = new ObjectMapper();
		ObjectNode root = json.createObjectNode();
		boolean failed = outcomes.stream().anyMatch(o -> !o.passed());
		root.put("status", failed ? "failed" : "passed"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		// Skipped runs were not run: they are still to be run, like the failed ones.
		var ids = root.putArray("failedRuns"); //$NON-NLS-1$
		outcomes.stream().filter(o -> !o.passed()).forEach(o -> ids.add(o.run().id()));
		json.writerWithDefaultPrettyPrinter().writeValue(outDir.resolve(FILE).toFile(), root);
	}

	/** The failed run ids recorded in {@code path}: an output folder or its {@value #FILE}. */
	static Set<String> failedRuns(Path path) throws IOException {
		Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
		JsonNode root;
		try {
			root = new ObjectMapper().readTree(file.toFile());
		} catch (IOException e) {
			throw new IOException(file.toString(), e);
		}
		JsonNode ids = root == null ? null : root.get("failedRuns"); //$NON-NLS-1$
		if (ids == null || !ids.isArray()) {
			throw new IOException(file.toString());
		}
		Set<String> failed = new LinkedHashSet<>();
		ids.forEach(id -> failed.add(id.asText()));
		return failed;
	}
}
