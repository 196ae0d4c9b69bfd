/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.load.UrlConfigSource;
import org.qontinui.runner.core.tests.Fixtures;
import org.qontinui.runner.core.validation.ActionTypeRegistry;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.validation.Diagnostic;

/**
 * The conformance corpus ({@code tests/conformance}): the workbench reports exactly the diagnostics
 * of each {@code NAME.expected}, which the executor's {@code test_conformance.py} checks too, so
 * both agree on code, severity, line:column and JSON pointer for every case.
 */
public class ConformanceTest {

	static String line(Diagnostic d) {
		return d.severity().name().toLowerCase(Locale.ROOT) + " " + d.code() + " " + Math.max(1, d.line()) + ":"
				+ Math.max(1, d.column()) + " " + d.pointer();
	}

	static List<Path> cases() throws IOException {
		try (Stream<Path> files = Files.list(Fixtures.corpus())) {
			return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
		}
	}

	@TestFactory
	Stream<DynamicTest> everyCaseGivesTheExpectedDiagnostics() throws IOException {
		ConfigLoader loader = new ConfigLoader(new ConfigValidator(new ActionTypeRegistry()),
				new UrlConfigSource(new InMemoryTokenStore(), null));
		return cases().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			String name = file.getFileName().toString();
			Path expectedFile = file.resolveSibling(name.substring(0, name.length() - 5) + ".expected");
			List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
					.filter(l -> !l.isBlank()).toList();
			LoadedConfig loaded = loader.load(file);
			List<String> actual = loaded.diagnostics().stream().map(ConformanceTest::line).sorted().toList();
			assertEquals(String.join("\n", expected), String.join("\n", actual), name);
			assertTrue(loaded.diagnostics().stream().allMatch(d -> d.position().isKnown()),
					name + ": every diagnostic has a position");
		}));
	}
}
