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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.RestartFrameArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.bridge.ExecutorSettings;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.bridge.LaunchArguments;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.bridge.events.ActionCompletedEvent;
import org.qontinui.runner.bridge.events.ActionStartedEvent;
import org.qontinui.runner.bridge.events.RunCompletedEvent;
import org.qontinui.runner.bridge.events.StateChangedEvent;

/** Runs the real Python executor over DAP on the mock backend. */
class ExecutorConnectionTest {

	@TempDir
	Path runDir;

	private ExecutorSettings settings() throws Exception {
		return ExecutorSettings.of(PythonSources.locate(), runDir).withPython(PythonSources.defaultInterpreter());
	}

	@Test
	void runsDemoOnMockBackendToTheEndWithEventsInOrder() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		try (ExecutorConnection connection = ExecutorConnection.start(settings())) {
			connection.addListener(new ExecutorEventListener() {
				@Override
				public void stateChanged(StateChangedEvent e) {
					events.add("state " + e.activeStates());
				}

				@Override
				public void actionStarted(ActionStartedEvent e) {
					events.add("start " + e.actionId());
				}

				@Override
				public void actionCompleted(ActionCompletedEvent e) {
					events.add("done " + e.actionId() + " " + e.success());
				}

				@Override
				public void runCompleted(RunCompletedEvent e) {
					events.add("run " + e.success());
				}

				@Override
				public void terminated(TerminatedEventArguments args) {
					events.add("terminated");
				}

				@Override
				public void exited(ExitedEventArguments args) {
					events.add("exited " + args.getExitCode());
				}
			});
			Capabilities caps = connection.initialize();
			assertTrue(Boolean.TRUE.equals(caps.getSupportsConfigurationDoneRequest()));
			Path demo = PythonSources.locate().resolve("demo/demo.json");
			connection.launch(new LaunchArguments(demo).backend("mock").runDir(runDir).noDebug(true));
			connection.call("configurationDone", s -> s.configurationDone(new ConfigurationDoneArguments()));
			ExitInfo exit = connection.onExit().get(60, TimeUnit.SECONDS);
			assertFalse(exit.isCrash(), () -> "executor crashed: " + exit.reason());
			assertEquals(0, exit.exitCode());
		}
		assertTrue(events.contains("run true"), events::toString);
		assertTrue(events.indexOf("run true") < events.indexOf("exited 0"), events::toString);
		int firstStart = indexOfPrefix(events, "start ");
		int firstDone = indexOfPrefix(events, "done ");
		assertTrue(firstStart >= 0 && firstStart < firstDone, events::toString);
	}

	private static int indexOfPrefix(List<String> list, String prefix) {
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

	/** A configuration whose only action waits 30 s: the run is busy when we kill it. */
	private Path longRun() throws Exception {
		Path config = runDir.resolve("long.json");
		Files.writeString(config, """
				{"version": "2.0.0", "metadata": {"name": "long"}, "images": [],
				 "states": [{"id": "s", "name": "S", "isInitial": true, "stateImages": []}], "transitions": [],
				 "workflows": [{"id": "wf", "name": "wf", "actions": [
				   {"id": "wait", "type": "WAIT", "config": {"waitFor": "time", "duration": 30000}}]}]}
				""");
		return config;
	}

	@Test
	void processKilledMidRunEndsWithCrashReason() throws Exception {
		List<String> started = new CopyOnWriteArrayList<>();
		List<ExitInfo> exits = new CopyOnWriteArrayList<>();
		try (ExecutorConnection connection = ExecutorConnection.start(settings())) {
			connection.addListener(new ExecutorEventListener() {
				@Override
				public void actionStarted(ActionStartedEvent e) {
					started.add(e.actionId());
				}

				@Override
				public void executorExited(ExitInfo exit) {
					exits.add(exit);
				}
			});
			connection.initialize();
			// The mock backend skips waits; replayed screenshots wait for real.
			connection.launch(new LaunchArguments(longRun()).backend("screenshots")
					.screenshots(PythonSources.locate().resolve("demo/screenshots").toString()).noDebug(true));
			connection.call("configurationDone", s -> s.configurationDone(new ConfigurationDoneArguments()));
			long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (started.isEmpty() && System.nanoTime() < end) {
				Thread.sleep(20);
			}
			assertEquals(List.of("wait"), started, "the run is inside its long WAIT");
			connection.process().kill();
			ExitInfo exit = connection.onExit().get(20, TimeUnit.SECONDS);
			assertTrue(exit.isCrash(), exit::toString);
			assertTrue(exit.reason().startsWith("executor process died (exit code "), exit.reason());
			assertEquals(List.of(exit), exits, "listeners hear of the exit once, last");
		}
	}

	@Test
	void malformedFrameGetsAnErrorAndTheConnectionSurvives() throws Exception {
		List<String> output = new CopyOnWriteArrayList<>();
		try (ExecutorConnection connection = ExecutorConnection.start(settings())) {
			connection.addListener(new ExecutorEventListener() {
				@Override
				public void output(OutputEventArguments args) {
					output.add(args.getOutput());
				}
			});
			connection.initialize();
			// A frame whose body is not JSON, then a request the executor does not know.
			var stdin = connection.process().stdin();
			byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
			stdin.write(("Content-Length: " + garbage.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			stdin.write(garbage);
			stdin.flush();
			try {
				connection.call("frobnicate", s -> s.restartFrame(new RestartFrameArguments()));
			} catch (ExecutorException e) {
				assertTrue(e.getMessage().contains("restartFrame"), e.getMessage());
			}
			// Still talking: a normal request is answered.
			var threads = connection.call("threads", s -> s.threads());
			assertEquals(1, threads.getThreads().length);
			assertTrue(connection.process().isAlive());
		}
	}

	@Test
	void requestAfterDeathFailsFast() throws Exception {
		ExecutorConnection connection = ExecutorConnection.start(settings());
		connection.initialize();
		connection.process().kill();
		connection.onExit().get(20, TimeUnit.SECONDS);
		long start = System.nanoTime();
		try {
			connection.initialize();
		} catch (ExecutorException e) {
			assertTrue(e.getMessage().contains("not running"), e.getMessage());
		}
		assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
	}
}
