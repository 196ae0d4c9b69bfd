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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Example configurations from the conformance corpus ({@code tests/conformance/fixture-*}), shared
 * with the executor's tests: found from the system property {@code qontinui.conformance} or by
 * walking up from the working directory (Tycho runs tests inside the module's {@code target/}).
 */
public final class Fixtures {

	public static final List<String> V2 = List.of("login-demo.v2.json", "runner-mock-mode.v2.json",
			"runner-screenshot-mode.v2.json", "workflow-if.v2.json", "workflow-loop.v2.json", "workflow-nested.v2.json");
	public static final List<String> V1 = List.of("simple-automation.v1.json");

	/** A real 4x2 PNG. */
	public static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAD0lEQVR4nGNgqLiOQMgcAIF6CnmmojyOAAAAAElFTkSuQmCC";

	private Fixtures() {
	}

	public static String read(String name) {
		try {
			return Files.readString(corpus().resolve("fixture-" + name), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The directory {@code tests/conformance} of the repository. */
	public static Path corpus() {
		String property = System.getProperty("qontinui.conformance");
		if (property != null) {
			return Path.of(property);
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("tests").resolve("conformance");
			if (Files.isRegularFile(candidate.resolve("README.md"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("tests/conformance not found above " + Path.of("").toAbsolutePath()
				+ "; set -Dqontinui.conformance=DIR");
	}
}
