/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExecutorSettings;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.bridge.LaunchArguments;
import org.qontinui.runner.bridge.LaunchHandshake;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.bridge.events.DetectionEvent;
import org.qontinui.runner.bridge.events.NavigationEvent;
import org.qontinui.runner.bridge.events.RunCompletedEvent;
import org.qontinui.runner.bridge.events.StateChangedEvent;

/**
 * The real executor on the screenshots backend (the demo's replayed frames): state detection,
 * navigation and the seen/assumed split arrive as typed events, and lsp4j finds none unsupported.
 */
class SeenStatesEventsTest {

	@TempDir
	Path runDir;

	@Test
	void demoRunDeliversTypedDetectionNavigationAndSeenStates() throws Exception {
		List<DetectionEvent> detections = new CopyOnWriteArrayList<>();
		List<NavigationEvent> navigations = new CopyOnWriteArrayList<>();
		List<StateChangedEvent> states = new CopyOnWriteArrayList<>();
		List<RunCompletedEvent> results = new CopyOnWriteArrayList<>();
		List<String> unsupported = new CopyOnWriteArrayList<>();
		Logger lsp4j = Logger.getLogger("org.eclipse.lsp4j.jsonrpc");
		Handler watch = new Handler() {
			@Override
			public void publish(LogRecord record) {
				String text = record.getMessage() == null ? "" : record.getMessage();
				if (text.contains("Unsupported")) {
					unsupported.add(text + " " + List.of(record.getParameters() == null ? new Object[0] : record.getParameters()));
				}
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		lsp4j.addHandler(watch);
		Path sources = PythonSources.locate();
		try (ExecutorConnection connection = ExecutorConnection
				.start(ExecutorSettings.of(sources, runDir).withPython(PythonSources.defaultInterpreter()))) {
			connection.addListener(new ExecutorEventListener() {
				@Override
				public void detection(DetectionEvent e) {
					detections.add(e);
				}

				@Override
				public void navigation(NavigationEvent e) {
					navigations.add(e);
				}

				@Override
				public void stateChanged(StateChangedEvent e) {
					states.add(e);
				}

				@Override
				public void runCompleted(RunCompletedEvent e) {
					results.add(e);
				}
			});
			LaunchHandshake.start(connection, new LaunchArguments(sources.resolve("demo/demo.json")).backend("screenshots")
					.screenshots(sources.resolve("demo/screenshots").toString()).runDir(runDir).noDebug(true),
					LaunchHandshake.Configuration.NONE);
			ExitInfo exit = connection.onExit().get(60, TimeUnit.SECONDS);
			assertFalse(exit.isCrash(), exit::reason);
			assertEquals(0, exit.exitCode(), exit::reason);
		} finally {
			lsp4j.removeHandler(watch);
		}
		assertFalse(detections.isEmpty(), "no typed qontinui/detection");
		DetectionEvent start = detections.get(0);
		assertEquals("runStart", start.reason(), detections::toString);
		assertEquals(List.of("state-login"), start.assumed());
		assertTrue(start.candidates().contains("state-login"), start::toString);
		assertEquals(List.of("state-login"), start.seen(), "the first replayed frame is the login page");
		assertTrue(start.scores().get("state-login") >= 0.9, start::toString);
		assertEquals(1500.0, start.budgetMs());
		assertTrue(start.complete() && start.durationMs() > 0, start::toString);

		assertTrue(navigations.stream().anyMatch(n -> "plan".equals(n.decision()) && n.message().contains("state-settings")),
				navigations::toString);

		StateChangedEvent initial = states.get(0);
		assertEquals(Boolean.FALSE, initial.seen(), "the initial state is assumed until detected: " + initial);
		assertEquals(List.of(), initial.seenStates());
		StateChangedEvent last = states.get(states.size() - 1);
		assertEquals(List.of("state-settings"), last.seenStates(), last::toString);
		assertEquals(1, results.size(), results::toString);
		RunCompletedEvent result = results.get(0);
		assertEquals(List.of("state-settings"), result.seenStates(), result::toString);
		assertEquals(detections.size(), result.detection().count(), "one summary count per detection event");
		assertEquals(1500.0, result.detection().budgetMs());
		assertEquals(0, result.interruptions());
		assertTrue(unsupported.isEmpty(), unsupported::toString);
	}
}
