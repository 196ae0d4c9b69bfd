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
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.core.config.ConfigIndex;
import org.qontinui.runner.core.config.OutgoingTransition;
import org.qontinui.runner.core.load.ConfigLoadException;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.ConfigWriter;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.load.LoadedConfig.Origin;

/** Loading from files, and the lookups built for the loaded model. */
public class ConfigLoaderTest {

	@TempDir
	Path directory;

	@Test
	void loadsAFileWithByteOrderMarkAndBuildsLookups() throws Exception {
		Path file = directory.resolve("login.json");
		Files.writeString(file, "\uFEFF" + Fixtures.read("login-demo.v2.json"));
		LoadedConfig loaded = new ConfigLoader().load(file);
		assertEquals(Origin.FILE, loaded.origin());
		assertEquals(List.of(), loaded.errors());
		ConfigIndex index = loaded.index();
		assertEquals("Dashboard", index.state("state-dashboard").orElseThrow().getName());
		assertEquals("Log in", index.workflow("wf-login").orElseThrow().getName());
		assertEquals("login_button.png", index.image("img-login-btn").orElseThrow().getName());
		assertEquals("wf-main", index.action("m1").orElseThrow().workflow().getId());
		assertEquals("state-login", index.stateImage("si-login-btn").orElseThrow().state().getId());
		assertEquals("state-login", ((OutgoingTransition) index.transition("t-login-to-dash")
				.orElseThrow()).getFromState());
	}

	/**
	 * An HTTP client's selector thread sits in native code, and the JVM waits 300 ms for such threads at
	 * every exit: loading a file must not make one (the headless runner's start-up, docs/benchmarks.md).
	 */
	@Test
	void loadingAFileStartsNoHttpClient() throws Exception {
		Set<Long> before = Thread.getAllStackTraces().keySet().stream().map(Thread::threadId).collect(Collectors.toSet());
		Path file = directory.resolve("login.json");
		Files.writeString(file, Fixtures.read("login-demo.v2.json"));
		new ConfigLoader().load(file);
		new ConfigLoader().load(file.toUri());
		List<String> started = Thread.getAllStackTraces().keySet().stream()
				.filter(t -> !before.contains(t.threadId()) && t.getName().startsWith("HttpClient")).map(Thread::getName)
				.toList();
		assertEquals(List.of(), started);
	}

	@Test
	void missingFileIsNotFound() {
		ConfigLoadException exception = assertThrows(ConfigLoadException.class,
				() -> new ConfigLoader().load(directory.resolve("nope.json")));
		assertEquals(ConfigLoadException.Reason.NOT_FOUND, exception.getReason());
	}

	@Test
	void writesAtomicallyAndReadsBack() throws Exception {
		LoadedConfig loaded = new ConfigLoader().loadText(Fixtures.read("workflow-if.v2.json"), "if");
		Path file = directory.resolve("out.json");
		new ConfigWriter().write(loaded.config(), file);
		LoadedConfig again = new ConfigLoader().load(file.toUri());
		assertEquals(loaded.diagnostics().size(), again.diagnostics().size());
		assertEquals(List.of("action-set-result-true"),
				again.index().action("action-if-greater").orElseThrow().action().getThenActionIds());
		try (var files = Files.list(directory)) {
			assertEquals(1, files.count(), "no temporary files left behind");
		}
	}
}
