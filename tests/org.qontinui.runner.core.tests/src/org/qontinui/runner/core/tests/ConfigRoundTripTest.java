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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.qontinui.runner.core.load.ConfigDocument;
import org.qontinui.runner.core.load.ConfigReader;
import org.qontinui.runner.core.load.ConfigWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading and writing back loses nothing the model does not know. */
public class ConfigRoundTripTest {

	private final ObjectMapper plain = new ObjectMapper();
	private final ConfigReader reader = new ConfigReader();
	private final ConfigWriter writer = new ConfigWriter();

	/** v2 files: written tree equals the file's tree, and a second round trip equals the first. */
	@TestFactory
	Stream<DynamicTest> v2FixturesRoundTripToAnEqualTree() {
		return Fixtures.V2.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
			String text = Fixtures.read(name);
			ConfigDocument first = reader.read(text);
			assertNotNull(first.config(), () -> first.diagnostics().toString());
			String written = writer.write(first.config());
			assertEquals(plain.readTree(text), plain.readTree(written));
			ConfigDocument second = reader.read(written);
			assertEquals(plain.readTree(written), plain.readTree(writer.write(second.config())));
		}));
	}

	/** v1 files are written as the migrated v2 tree, and that is stable. */
	@TestFactory
	Stream<DynamicTest> v1FixturesRoundTripToTheMigratedTree() {
		return Fixtures.V1.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
			ConfigDocument first = reader.read(Fixtures.read(name));
			JsonNode original = plain.readTree(Fixtures.read(name));
			JsonNode written = writer.toTree(first.config());
			assertEquals("2.0.0", written.get("version").asText());
			assertEquals(original.get("processes").size(), written.get("workflows").size());
			assertTrue(written.path("processes").isMissingNode());
			assertEquals(original.get("states"), written.get("states"), "parts untouched by the migration stay equal");
			assertEquals(original.get("settings"), written.get("settings"));
			assertEquals(written, writer.toTree(reader.read(writer.write(first.config())).config()));
		}));
	}
}
