package org.qontinui.runner.bridge.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExecutorSettings;
import org.qontinui.runner.bridge.ExitInfo;
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
			connection.launch(Map.of("config", demo.toString(), "backend", "mock", "runDir", runDir.toString(),
					"noDebug", true));
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

	@Test
	void killedProcessEndsWithCrashReason() throws Exception {
		try (ExecutorConnection connection = ExecutorConnection.start(settings())) {
			connection.initialize();
			connection.process().kill();
			ExitInfo exit = connection.onExit().get(20, TimeUnit.SECONDS);
			assertTrue(exit.isCrash());
			assertTrue(exit.reason().contains("exit code"), exit.reason());
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
		} catch (org.qontinui.runner.bridge.ExecutorException e) {
			assertTrue(e.getMessage().contains("not running"), e.getMessage());
		}
		assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
	}
}
