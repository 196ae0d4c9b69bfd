/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorSettings;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.bridge.LaunchArguments;
import org.qontinui.runner.bridge.LaunchHandshake;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.bridge.events.DetectionEvent;
import org.qontinui.runner.bridge.events.InterruptionEvent;
import org.qontinui.runner.bridge.events.NavigationEvent;
import org.qontinui.runner.bridge.events.StateChangedEvent;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;

/** The run log and the seen/assumed split of {@link RunRecord} (issue 11). */
class RunRecordSeenStatesTest {

	private static Map<String, Double> scores(Object... pairs) {
		Map<String, Double> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Double) pairs[i + 1]);
		}
		return map;
	}

	private static String lastMessage(RunRecord record) {
		List<RunEvent> events = record.events();
		return events.get(events.size() - 1).message();
	}

	@Test
	void logsDetectionNavigationAndInterruptionWithScoresAndTellsSeenFromAssumed() {
		RunRecord record = new RunRecord(Path.of("demo.json"), "wf-main");

		record.stateChanged(new StateChangedEvent("state-login", "Login", true, List.of("state-login"), "initial",
				false, List.of()));
		assertTrue(lastMessage(record).startsWith("Entered Login [state-login] assumed (initial)"), lastMessage(record));
		assertTrue(lastMessage(record).endsWith("active: state-login (assumed)"), lastMessage(record));
		assertTrue(record.isAssumed("state-login"));
		assertEquals(Set.of(), record.seenStates());

		record.detection(new DetectionEvent("runStart", List.of("state-login"),
				List.of("state-login", "state-dashboard", "popup-news"), List.of("state-dashboard"),
				scores("state-login", 0.31, "state-dashboard", 0.99, "popup-news", 0.22), 38.2, 1500, true, 0.04));
		assertEquals("Detection (runStart): seen state-dashboard 0.990; not seen state-login 0.310, popup-news 0.220;"
				+ " 38.2 ms of 1500 ms budget", lastMessage(record));
		assertEquals(RunEvent.Level.INFO, record.events().get(record.events().size() - 1).level());

		record.stateChanged(new StateChangedEvent("state-dashboard", "Dashboard", true,
				List.of("state-login", "state-dashboard"), "detected", true, List.of("state-dashboard")));
		assertTrue(lastMessage(record).contains("Dashboard [state-dashboard] seen (detected)"), lastMessage(record));
		assertTrue(lastMessage(record).endsWith("active: state-login (assumed), state-dashboard (seen)"),
				lastMessage(record));
		assertEquals(Set.of("state-dashboard"), record.seenStates());
		assertFalse(record.isAssumed("state-dashboard"));
		assertTrue(record.isAssumed("state-login"));

		record.detection(new DetectionEvent("beforePlan", List.of(), List.of("a", "b", "c"), List.of("a"),
				scores("a", 0.95), 1612.0, 1500, false, 2.0));
		RunEvent over = record.events().get(record.events().size() - 1);
		assertEquals(RunEvent.Level.WARNING, over.level(), "over budget is a warning");
		assertEquals("Detection (beforePlan): seen a 0.950; not seen b (not searched), c (not searched);"
				+ " 1612.0 ms of 1500 ms budget, budget ran out: 2 candidates not searched", over.message());

		record.navigation(new NavigationEvent("replan",
				"transition t-add landed on state-list (seen 0.97), not state-form: re-planning", "t-add",
				scores("state-list", 0.97, "state-form", 0.28), 3.9));
		assertEquals("Navigation replan: transition t-add landed on state-list (seen 0.97), not state-form: re-planning"
				+ " [scores state-list 0.970, state-form 0.280]", lastMessage(record));
		assertEquals(RunEvent.Kind.TRANSITION, record.events().get(record.events().size() - 1).kind());

		record.interruption(new InterruptionEvent("popup-news", "What's new", 0.97, "t-close-news", "c1", 3.21));
		RunEvent popup = record.events().get(record.events().size() - 1);
		assertEquals("Interruption: What's new [popup-news] seen (score 0.970) during c1; taking t-close-news",
				popup.message());
		assertEquals(RunEvent.Level.WARNING, popup.level());
		assertEquals("beforePlan", record.lastDetection().reason());
	}

	@Test
	void anOlderExecutorWithoutSeenKeepsTheOldStateLine() {
		RunRecord record = new RunRecord(Path.of("demo.json"), "");
		record.stateChanged(new StateChangedEvent("s", "S", true, List.of("s"), "initial", null, null));
		assertEquals("Entered S [s] (initial); active: s", lastMessage(record));
	}

	/** The real executor on the screenshots backend: the demo's run-start detection sees the login page. */
	@Test
	void realRunOnScreenshotsLogsDetectionAndEndsWithSeenStates() throws Exception {
		RunRecord record = new RunRecord(Path.of("demo.json"), "wf-main");
		Path runDir = Files.createTempDirectory("qontinui-seen-states");
		Path sources = PythonSources.locate();
		try (ExecutorConnection connection = ExecutorConnection
				.start(ExecutorSettings.of(sources, runDir).withPython(PythonSources.defaultInterpreter()))) {
			connection.addListener(record);
			LaunchHandshake.start(connection, new LaunchArguments(sources.resolve("demo/demo.json")).backend("screenshots")
					.screenshots(sources.resolve("demo/screenshots").toString()).runDir(runDir).noDebug(true),
					LaunchHandshake.Configuration.NONE);
			ExitInfo exit = connection.onExit().get(60, TimeUnit.SECONDS);
			assertFalse(exit.isCrash(), exit::reason);
		}
		List<String> lines = record.events().stream().map(RunEvent::message).collect(Collectors.toList());
		String log = String.join("\n", lines);
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("Entered Login [state-login] assumed (initial)")), log);
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("Detection (runStart): seen state-login 1.000;")
				&& l.contains("ms of 1500 ms budget")), log);
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("Navigation plan: path to state-settings")), log);
		assertEquals(RunRecord.Status.PASSED, record.status(), log);
		assertTrue(lines.stream().anyMatch(l -> l.matches(
				"State detection: [1-9][0-9]* detections, [0-9.]+ ms in all, longest [0-9.]+ ms of 1500 ms budget, 0 over budget; 0 interruptions")),
				log);
		assertEquals(List.of("state-settings"), record.activeStates());
		assertEquals(Set.of("state-settings"), record.seenStates(), "the last state was seen on screen, not assumed");
	}
}
