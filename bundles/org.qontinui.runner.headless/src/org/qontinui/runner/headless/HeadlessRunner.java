package org.qontinui.runner.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.bridge.ExecutorSettings;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.bridge.InterpreterCheck;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.bridge.events.RunCompletedEvent;
import org.qontinui.runner.core.actions.ContributedActions;
import org.qontinui.runner.core.load.ConfigLoadException;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;

/**
 * The Eclipse application {@code org.qontinui.runner.headless}: validates or runs a configuration
 * without the workbench, for CI. Prints one line per state, transition and action, a final summary,
 * and writes a JUnit XML report and a JSON Lines event log. Exit 0 passed, 1 failed, 2 invalid.
 */
public class HeadlessRunner implements IApplication {

	public static final int PASSED = 0;
	public static final int FAILED = 1;
	public static final int INVALID = 2;

	private final PrintStream out = System.out;
	private volatile ExecutorConnection connection;

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		RunOptions options;
		try {
			options = RunOptions.parse(args == null ? new String[0] : args);
		} catch (IllegalArgumentException e) {
			System.err.println("qontinui-runner: " + e.getMessage());
			System.err.println(RunOptions.USAGE);
			return INVALID;
		}
		if (options.command().equals("doctor")) {
			return doctor();
		}
		LoadedConfig loaded = validate(options.config());
		if (loaded == null || loaded.hasErrors()) {
			out.println("CONFIG INVALID: " + options.config());
			return INVALID;
		}
		if (options.command().equals("validate")) {
			out.println("CONFIG VALID: " + options.config() + " (" + loaded.diagnostics().size() + " warnings/infos)");
			return PASSED;
		}
		return run(options);
	}

	/**
	 * Checks an installation: every Qontinui bundle resolved, the executor's sources present, and the
	 * interpreter able to import what the executor needs.
	 */
	int doctor() {
		boolean ok = true;
		Bundle self = FrameworkUtil.getBundle(HeadlessRunner.class);
		int others = 0;
		for (Bundle b : self.getBundleContext().getBundles()) {
			boolean resolved = b.getState() != Bundle.INSTALLED && b.getState() != Bundle.UNINSTALLED;
			boolean ours = b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.qontinui.runner");
			if (ours || !resolved) {
				ok &= resolved;
				out.println((resolved ? "ok      " : "BROKEN  ") + b.getSymbolicName() + " " + b.getVersion()
						+ (resolved ? "" : " (not resolved: a required bundle is missing)"));
			} else {
				others++;
			}
		}
		out.println("ok      " + others + " other bundles resolved");
		try {
			out.println("ok      executor sources: " + PythonSources.locate());
		} catch (IOException e) {
			ok = false;
			out.println("BROKEN  executor sources: " + e.getMessage());
		}
		InterpreterCheck.Result python = InterpreterCheck.check(PythonSources.defaultInterpreter().toString());
		ok &= python.ok();
		out.println((python.ok() ? "ok      " : "BROKEN  ") + "interpreter " + PythonSources.defaultInterpreter()
				+ (python.message() == null ? "" : ": " + python.message()));
		out.println(ok ? "INSTALLATION OK" : "INSTALLATION BROKEN");
		return ok ? PASSED : FAILED;
	}

	/** Prints every diagnostic as {@code FILE:LINE:COL: severity: message (pointer)}; null if unreadable. */
	LoadedConfig validate(Path config) {
		try {
			LoadedConfig loaded = new ConfigLoader().load(config);
			for (Diagnostic d : loaded.diagnostics()) {
				out.println(String.format("%s:%d:%d: %s: %s (%s)", config, Math.max(d.line(), 1), Math.max(d.column(), 1),
						d.severity().name().toLowerCase(Locale.ROOT), d.message(), d.pointer().isEmpty() ? "/" : d.pointer()));
			}
			return loaded;
		} catch (ConfigLoadException e) {
			out.println(config + ":1:1: error: " + e.getMessage());
			return null;
		}
	}

	private int run(RunOptions options) throws IOException, InterruptedException {
		Path outDir = options.out() != null ? options.out().toAbsolutePath()
				: Files.createTempDirectory("qontinui-run-");
		Files.createDirectories(outDir);
		String backend = options.backend() == null ? "x11" : options.backend();
		if (backend.equals("x11") && (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank())) {
			out.println("RUN FAILED: the x11 backend needs a display; set DISPLAY or run under xvfb-run "
					+ "(or use --backend mock / --backend screenshots)");
			return FAILED;
		}
		ExecutorSettings settings = ExecutorSettings.of(PythonSources.locate(), outDir)
				.withPython(options.python() != null ? options.python() : PythonSources.defaultInterpreter())
				.withExtraPythonPath(options.pythonPath());
		RunRecord record = new RunRecord(options.config(), options.workflow());
		Instant start = Instant.now();
		record.addListener((r, e) -> print(start, e));
		AtomicReference<RunCompletedEvent> completed = new AtomicReference<>();
		connection = ExecutorConnection.start(settings);
		connection.addListener(record);
		connection.addListener(new ExecutorEventListener() {
			@Override
			public void runCompleted(RunCompletedEvent event) {
				completed.set(event);
			}
		});
		connection.process().addStderrListener(line -> System.err.println("executor: " + line));
		Map<String, Object> launch = new LinkedHashMap<>();
		launch.put("config", options.config().toString());
		if (options.workflow() != null) {
			launch.put("workflow", options.workflow());
		}
		launch.put("backend", backend);
		if (options.screenshots() != null) {
			launch.put("screenshots", options.screenshots().toAbsolutePath().toString());
		}
		if (!options.initialStates().isEmpty()) {
			launch.put("initialStates", options.initialStates());
		}
		launch.putAll(ContributedActions.getDefault().launchArguments());
		if (!options.plugins().isEmpty()) {
			List<String> modules = new ArrayList<>(options.plugins());
			@SuppressWarnings("unchecked")
			List<String> contributed = (List<String>) launch.getOrDefault("pluginModules", List.of());
			modules.addAll(contributed);
			launch.put("pluginModules", modules);
		}
		launch.put("runDir", outDir.toString());
		launch.put("noDebug", true);
		try {
			connection.initialize();
			connection.launch(launch);
			connection.call("configurationDone", s -> s.configurationDone(new ConfigurationDoneArguments()));
		} catch (ExecutorException e) {
			connection.terminate(Duration.ofSeconds(2));
			boolean invalid = e.getMessage().contains("invalid config");
			out.println((invalid ? "CONFIG INVALID: " : "RUN FAILED: ") + e.getMessage());
			return invalid ? INVALID : FAILED;
		}
		ExitInfo exit;
		try {
			exit = connection.onExit().get(24, TimeUnit.HOURS);
		} catch (Exception e) {
			connection.terminate(Duration.ofSeconds(2));
			out.println("RUN FAILED: " + e);
			return FAILED;
		}
		RunCompletedEvent result = completed.get();
		boolean passed = result != null && result.success() && !exit.isCrash();
		String failure = exit.isCrash() ? exit.reason()
				: result == null ? "the executor ended without a result (exit code " + exit.exitCode() + ")"
						: result.error();
		Path jsonl = outDir.resolve("events.jsonl");
		RunRecord.writeJsonLines(record.events(), jsonl);
		Path junit = outDir.resolve("junit.xml");
		JUnitReport.write(junit, record, result == null ? options.workflow() : result.workflowId(), passed, failure);
		out.println("Report: " + junit + "  Events: " + jsonl);
		String summary = String.format(Locale.ROOT, "%s / %s in %.1f s (%d actions passed, %d failed)",
				options.config().getFileName(), result == null || result.workflowId() == null ? "-" : result.workflowId(),
				record.elapsed().toMillis() / 1000.0, record.actionsPassed(), record.actionsFailed());
		out.println(passed ? "RUN PASSED: " + summary : "RUN FAILED: " + summary + ": " + failure);
		return passed ? PASSED : FAILED;
	}

	private void print(Instant start, RunEvent e) {
		if (e == null || !shown(e)) {
			return;
		}
		double t = Duration.between(start, e.time()).toMillis() / 1000.0;
		out.println(String.format(Locale.ROOT, "[%7.2fs] %-10s %s", t, e.kind().name(), e.message()));
	}

	private static boolean shown(RunEvent e) {
		return switch (e.kind()) {
		case STATE, TRANSITION, WORKFLOW, ERROR, RUN -> true;
		case ACTION -> e.level() != RunEvent.Level.DEBUG;
		case MATCH -> e.score() < e.threshold();
		case OUTPUT -> e.level() == RunEvent.Level.ERROR;
		};
	}

	@Override
	public void stop() {
		ExecutorConnection c = connection;
		if (c != null) {
			c.terminate(Duration.ofSeconds(3));
		}
	}

}
