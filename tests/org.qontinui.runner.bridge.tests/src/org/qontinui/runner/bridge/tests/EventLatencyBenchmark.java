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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExecutorSettings;
import org.qontinui.runner.bridge.LaunchArguments;
import org.qontinui.runner.bridge.events.ActionStartedEvent;

/**
 * Benchmark (not a test): latency from the executor writing {@code qontinui/actionStarted} to an
 * {@link ExecutorEventListener} receiving it, through the real Python process, lsp4j's DAP decoding
 * and our event thread. Prints p50/p99/max for a paced run (as a GUI automation produces events) and
 * a firehose run (mock backend, no pacing).
 *
 * <pre>java ... EventLatencyBenchmark PYTHON_BRIDGE_DIR [ACTIONS]</pre>
 */
public final class EventLatencyBenchmark {

	public static void main(String[] args) throws Exception {
		Path sources = Path.of(args[0]);
		int actions = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
		System.out.println("warm-up");
		measure(sources, 300, 1);
		System.out.printf("paced (slowStepMs=2), %d actions: %s%n", actions, measure(sources, actions, 2));
		System.out.printf("firehose (no pacing), %d actions: %s%n", actions, measure(sources, actions, 0));
	}

	private static String measure(Path sources, int actions, int slowStepMs) throws Exception {
		Path dir = Files.createTempDirectory("qontinui-latency");
		Path config = dir.resolve("latency.json");
		Files.writeString(config, config(actions), StandardCharsets.UTF_8);
		List<Double> micros = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorConnection c = ExecutorConnection.start(ExecutorSettings.of(sources, dir)
				.withPython(Path.of("/usr/bin/python3")))) {
			c.addListener(new ExecutorEventListener() {
				@Override
				public void actionStarted(ActionStartedEvent e) {
					// Both clocks are the machine's wall clock; the executor stamps the event as it builds it.
					Instant now = Instant.now();
					double received = now.getEpochSecond() * 1e6 + now.getNano() / 1e3;
					micros.add(received - e.timestamp() * 1e6);
				}
			});
			c.initialize();
			c.launch(new LaunchArguments(config).backend("mock").noDebug(true).slowStepMs(slowStepMs));
			c.call("configurationDone", s -> s.configurationDone(new ConfigurationDoneArguments()));
			c.onExit().get(10, TimeUnit.MINUTES);
		}
		List<Double> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		return String.format("n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms", sorted.size(), pct(sorted, 50) / 1000,
				pct(sorted, 99) / 1000, sorted.get(sorted.size() - 1) / 1000);
	}

	private static double pct(List<Double> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	private static String config(int actions) {
		StringBuilder a = new StringBuilder();
		for (int i = 0; i < actions; i++) {
			if (i > 0) {
				a.append(',');
			}
			a.append("{\"id\":\"a").append(i).append("\",\"type\":\"SET_VARIABLE\",\"config\":{\"variableName\":\"v\",\"value\":")
					.append(i).append("}}");
		}
		return "{\"version\":\"2.0.0\",\"metadata\":{\"name\":\"latency\"},\"images\":[],\"states\":[{\"id\":\"s\",\"name\":\"s\","
				+ "\"isInitial\":true,\"stateImages\":[]}],\"transitions\":[],\"workflows\":[{\"id\":\"wf\",\"name\":\"wf\","
				+ "\"actions\":[" + a + "]}]}";
	}
}
