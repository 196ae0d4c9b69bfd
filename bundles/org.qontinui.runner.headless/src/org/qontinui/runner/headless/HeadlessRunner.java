/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.headless;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.qontinui.runner.bridge.InterpreterCheck;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.core.load.ConfigLoadException;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.secure.SecretMask;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunFolder;
import org.qontinui.runner.runs.report.HtmlReport;
import org.qontinui.runner.runs.report.ReportedRun;

/**
 * The Eclipse application {@code org.qontinui.runner.headless}: validates or runs a suite of
 * configurations without the workbench, for CI. Prints one line per state, transition and action, a
 * summary per run and for the suite, and writes one JUnit XML report, one JSON Lines event log, one HTML
 * report and a run folder per run. Exit 0 passed, 1 failed, 2 invalid.
 */
public class HeadlessRunner implements IApplication {

	public static final int PASSED = 0;
	public static final int FAILED = 1;
	public static final int INVALID = 2;

	/** The verdicts CI looks for at the start of a line (tests/product parse them): never translated. */
	private static final String CONFIG_INVALID = "CONFIG INVALID: "; //$NON-NLS-1$
	private static final String RUN_FAILED = "RUN FAILED: "; //$NON-NLS-1$

	private final PrintStream out = SecretMask.masking(System.out);
	private final Map<String, RunSession> active = new ConcurrentHashMap<>();
	/** The application is being stopped: no retry starts. */
	private volatile boolean stopping;

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		RunOptions options;
		try {
			options = RunOptions.parse(args == null ? new String[0] : args);
		} catch (IllegalArgumentException e) {
			System.err.println("qontinui-runner: " + e.getMessage()); //$NON-NLS-1$
			System.err.println(Messages.RunOptions_usage);
			return INVALID;
		}
		if (options.command().equals("doctor")) { //$NON-NLS-1$
			return doctor();
		}
		if (options.command().equals("run") && !options.list()) { //$NON-NLS-1$
			return runCommand(options);
		}
		return validateAndPlan(options) == null ? INVALID : PASSED;
	}

	private int runCommand(RunOptions options) throws IOException, InterruptedException {
		Path outDir = options.out() != null ? options.out().toAbsolutePath() : Files.createTempDirectory("qontinui-run-"); //$NON-NLS-1$
		Files.createDirectories(outDir);
		String backend = options.backend() == null ? "x11" : options.backend(); //$NON-NLS-1$
		// Own displays when runs go in parallel, or when a setup must run on a fresh display.
		boolean ownDisplays = backend.equals("x11") && (options.parallel() > 1 || options.displaySetup() != null); //$NON-NLS-1$
		try (ExecutorStarter starter = ownDisplays ? null : new ExecutorStarter(options, outDir)) {
			if (starter != null) {
				starter.prepare(); // the interpreter starts while the configurations are validated
			}
			List<SuitePlan.PlannedRun> runs = validateAndPlan(options);
			if (runs == null) {
				return INVALID;
			}
			return runSuite(options, runs, outDir, ownDisplays, starter);
		}
	}

	/**
	 * Validates every configuration and plans the runs; null when a configuration or pattern is invalid.
	 * {@code CONFIG VALID} and {@code CONFIG INVALID} start the lines CI looks for: they are not translated.
	 */
	private List<SuitePlan.PlannedRun> validateAndPlan(RunOptions options) {
		List<Path> files;
		try {
			files = SuitePlan.configurations(options.inputs());
		} catch (IOException e) {
			out.println(CONFIG_INVALID + NLS.bind(Messages.HeadlessRunner_cannotRead, e.getMessage()));
			return null;
		}
		if (files.isEmpty()) {
			out.println(CONFIG_INVALID + NLS.bind(Messages.HeadlessRunner_noConfiguration, options.inputs()));
			return null;
		}
		Map<Path, LoadedConfig> configs = new LinkedHashMap<>();
		boolean valid = true;
		for (Path file : files) {
			LoadedConfig loaded = validate(file);
			if (loaded == null || loaded.hasErrors()) {
				out.println(CONFIG_INVALID + file);
				valid = false;
			} else {
				configs.put(file, loaded);
				if (options.command().equals("validate")) { //$NON-NLS-1$
					out.println("CONFIG VALID: " //$NON-NLS-1$
							+ NLS.bind(Messages.HeadlessRunner_valid, file, loaded.diagnostics().size()));
				}
			}
		}
		if (!valid) {
			return null;
		}
		if (options.command().equals("validate")) { //$NON-NLS-1$
			return List.of();
		}
		List<SuitePlan.PlannedRun> suite;
		try {
			suite = SuitePlan.runs(configs, options.workflows());
		} catch (IllegalArgumentException e) {
			out.println(CONFIG_INVALID + e.getMessage());
			return null;
		}
		if (options.lastFailed() != null) {
			Set<String> failed;
			try {
				failed = LastRun.failedRuns(options.lastFailed());
			} catch (IOException e) {
				out.println(CONFIG_INVALID + NLS.bind(Messages.HeadlessRunner_noLastRun, e.getMessage()));
				return null;
			}
			suite = suite.stream().filter(r -> failed.contains(r.id())).toList();
			out.println(NLS.bind(Messages.HeadlessRunner_lastFailed, suite.size(), failed.size()));
		}
		List<SuitePlan.PlannedRun> runs = SuitePlan.shard(suite, options.shard());
		if (options.list() || options.shard() != null) {
			out.println(options.shard() == null ? NLS.bind(Messages.HeadlessRunner_suite, suite.size())
					: NLS.bind(Messages.HeadlessRunner_suiteShard,
							new Object[] { suite.size(), options.shard(), runs.size() }));
			for (SuitePlan.PlannedRun r : runs) {
				out.println("  " + r.id()); //$NON-NLS-1$
			}
		}
		return runs;
	}

	/**
	 * Checks an installation: every Qontinui bundle resolved, the executor's sources present, and the
	 * interpreter able to import what the executor needs. The {@code ok}/{@code BROKEN} column and the
	 * last line, {@code INSTALLATION OK} or {@code INSTALLATION BROKEN}, are what CI reads: not translated.
	 */
	int doctor() {
		boolean ok = true;
		Bundle self = FrameworkUtil.getBundle(HeadlessRunner.class);
		int others = 0;
		for (Bundle b : self.getBundleContext().getBundles()) {
			boolean resolved = b.getState() != Bundle.INSTALLED && b.getState() != Bundle.UNINSTALLED;
			boolean ours = b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.qontinui.runner"); //$NON-NLS-1$
			if (ours || !resolved) {
				ok &= resolved;
				String bundle = b.getSymbolicName() + " " + b.getVersion(); //$NON-NLS-1$
				out.println(status(resolved) + (resolved ? bundle : NLS.bind(Messages.HeadlessRunner_notResolved, bundle)));
			} else {
				others++;
			}
		}
		out.println(status(true) + NLS.bind(Messages.HeadlessRunner_otherBundles, others));
		try {
			out.println(status(true) + NLS.bind(Messages.HeadlessRunner_executorSources, PythonSources.locate()));
		} catch (IOException e) {
			ok = false;
			out.println(status(false) + NLS.bind(Messages.HeadlessRunner_executorSources, e.getMessage()));
		}
		InterpreterCheck.Result python = InterpreterCheck.check(PythonSources.defaultInterpreter().toString());
		ok &= python.ok();
		out.println(status(python.ok()) + (python.message() == null
				? NLS.bind(Messages.HeadlessRunner_interpreter, PythonSources.defaultInterpreter())
				: NLS.bind(Messages.HeadlessRunner_interpreterWith, PythonSources.defaultInterpreter(), python.message())));
		out.println(ok ? "INSTALLATION OK" : "INSTALLATION BROKEN"); //$NON-NLS-1$ //$NON-NLS-2$
		return ok ? PASSED : FAILED;
	}

	/** The doctor's first column: {@code ok} or {@code BROKEN}, padded to 8 characters. */
	private static String status(boolean ok) {
		return ok ? "ok      " : "BROKEN  "; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** Prints every diagnostic as {@code FILE:LINE:COL: severity: message (pointer)}; null if unreadable. */
	LoadedConfig validate(Path config) {
		try {
			LoadedConfig loaded = new ConfigLoader().load(config);
			for (Diagnostic d : loaded.diagnostics()) {
				out.println(String.format("%s:%d:%d: %s: %s (%s)", config, Math.max(d.line(), 1), Math.max(d.column(), 1), //$NON-NLS-1$
						d.severity().name().toLowerCase(Locale.ROOT), d.message(), d.pointer().isEmpty() ? "/" : d.pointer())); //$NON-NLS-1$
			}
			return loaded;
		} catch (ConfigLoadException e) {
			out.println(config + ":1:1: error: " + e.getMessage()); //$NON-NLS-1$
			return null;
		}
	}

	private int runSuite(RunOptions options, List<SuitePlan.PlannedRun> runs, Path outDir, boolean ownDisplays,
			ExecutorStarter starter) throws IOException, InterruptedException {
		String backend = options.backend() == null ? "x11" : options.backend(); //$NON-NLS-1$
		int workers = Math.max(1, Math.min(options.parallel(), runs.size()));
		String display = System.getenv("DISPLAY"); //$NON-NLS-1$
		if (backend.equals("x11") && !ownDisplays && (display == null || display.isBlank())) { //$NON-NLS-1$
			out.println(RUN_FAILED + Messages.HeadlessRunner_noDisplay);
			return FAILED;
		}
		Instant suiteStart = Instant.now();
		List<RunSession.Outcome> outcomes = new ArrayList<>();
		AtomicInteger failedRuns = new AtomicInteger();
		// A worker takes a display for each run; the inherited DISPLAY is the empty Optional.
		BlockingQueue<Optional<XvfbDisplay>> displays = new LinkedBlockingQueue<>();
		List<XvfbDisplay> started = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
			Thread t = new Thread(r, "qontinui-suite-worker"); //$NON-NLS-1$
			t.setDaemon(true);
			return t;
		});
		try {
			if (ownDisplays) {
				for (int i = 0; i < workers; i++) {
					XvfbDisplay d = XvfbDisplay.start();
					started.add(d);
					displays.add(Optional.of(d));
				}
				out.println(NLS.bind(Messages.HeadlessRunner_displays,
						String.join(", ", started.stream().map(XvfbDisplay::name).toList()))); //$NON-NLS-1$
			} else {
				for (int i = 0; i < workers; i++) {
					displays.add(Optional.empty());
				}
			}
			List<Future<RunSession.Outcome>> futures = new ArrayList<>();
			for (int i = 0; i < runs.size(); i++) {
				SuitePlan.PlannedRun run = runs.get(i);
				Path runDir = outDir.resolve("runs").resolve(String.format(Locale.ROOT, "%03d-%s", i + 1, slug(run.id()))); //$NON-NLS-1$ //$NON-NLS-2$
				boolean more = i + 1 < runs.size();
				futures.add(pool.submit(() -> runWithRetries(options, run, runDir, displays, workers > 1, starter, more,
						failedRuns)));
			}
			for (Future<RunSession.Outcome> f : futures) {
				try {
					outcomes.add(f.get());
				} catch (ExecutionException e) {
					throw new IOException(e.getCause());
				}
			}
		} finally {
			pool.shutdownNow();
			started.forEach(XvfbDisplay::close);
		}
		double wall = Duration.between(suiteStart, Instant.now()).toMillis() / 1000.0;
		Path junit = outDir.resolve("junit.xml"); //$NON-NLS-1$
		JUnitReport.write(junit, outcomes);
		Path jsonl = outDir.resolve(RunFolder.EVENTS);
		writeSuiteLog(jsonl, outcomes);
		Path html = outDir.resolve("report.html"); //$NON-NLS-1$
		List<ReportedRun> reported = outcomes.stream().map(o -> new ReportedRun(o.run().id(), o.run().config(),
				o.workflowId(), o.passed(), o.failure(), o.seconds(), o.runDir(), o.display(),
				o.flaky() ? NLS.bind(Messages.HeadlessRunner_flakyNote, o.failedAttempts().size()) : null, o.skipped()))
				.toList();
		HtmlReport.write(html, NLS.bind(Messages.HeadlessRunner_reportTitle, outcomes.size()), reported);
		LastRun.write(outDir, outcomes);
		// The report line and the verdict lines are what CI and scripts parse: a fixed format, not translated.
		out.println("Report: " + junit + "  Events: " + jsonl + "  HTML: " + html); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		long failed = outcomes.stream().filter(RunSession.Outcome::failed).count();
		long skipped = outcomes.stream().filter(RunSession.Outcome::skipped).count();
		boolean invalid = outcomes.stream().anyMatch(RunSession.Outcome::invalid);
		if (skipped > 0) {
			out.println(NLS.bind(Messages.HeadlessRunner_skipped, skipped, failedRuns.get()));
		}
		String summary = String.format(Locale.ROOT, "%d runs, %d passed, %d failed in %.1f s", outcomes.size(), //$NON-NLS-1$
				outcomes.size() - failed - skipped, failed, wall);
		out.println(failed == 0 ? "SUITE PASSED: " + summary : "SUITE FAILED: " + summary); //$NON-NLS-1$ //$NON-NLS-2$
		return invalid ? INVALID : failed == 0 ? PASSED : FAILED;
	}

	/**
	 * One planned run: not started once {@code --max-failures} runs have failed; run again after a
	 * failure up to {@code --retries} times, each attempt in its own folder ({@code NNN-id-retryK}). A
	 * run that passes on a retry is flaky: it counts as passed and its failed attempts are reported, as
	 * Playwright and Maven Surefire do.
	 */
	private RunSession.Outcome runWithRetries(RunOptions options, SuitePlan.PlannedRun run, Path runDir,
			BlockingQueue<Optional<XvfbDisplay>> displays, boolean prefix, ExecutorStarter starter, boolean more,
			AtomicInteger failedRuns) throws IOException, InterruptedException {
		if (options.maxFailures() > 0 && failedRuns.get() >= options.maxFailures()) {
			return RunSession.Outcome.skipped(run, runDir, NLS.bind(Messages.JUnitReport_skipped, failedRuns.get()));
		}
		List<RunSession.Outcome> earlier = new ArrayList<>();
		for (int retry = 0;; retry++) {
			Path dir = retry == 0 ? runDir : runDir.resolveSibling(runDir.getFileName() + "-retry" + retry); //$NON-NLS-1$
			RunSession.Outcome o = runOne(options, run, dir, displays, prefix, starter, more);
			if (o.passed() || o.invalid() || retry >= options.retries() || stopping) {
				if (!o.passed()) {
					failedRuns.incrementAndGet();
				} else if (retry > 0) {
					synchronized (out) {
						out.println(NLS.bind(Messages.HeadlessRunner_flaky, run.id(), retry));
					}
				}
				return o.after(earlier);
			}
			earlier.add(o);
			synchronized (out) {
				out.println(NLS.bind(Messages.HeadlessRunner_retrying, new Object[] { run.id(), retry + 1, options.retries() }));
			}
		}
	}

	private RunSession.Outcome runOne(RunOptions options, SuitePlan.PlannedRun run, Path runDir,
			BlockingQueue<Optional<XvfbDisplay>> displays, boolean prefix, ExecutorStarter starter, boolean more)
			throws IOException, InterruptedException {
		Files.createDirectories(runDir);
		Optional<XvfbDisplay> display = displays.take();
		try {
			if (display.isPresent() && options.displaySetup() != null) {
				// A fresh application under test for every run: runs never see each other's leftovers.
				display.get().runSetup(options.displaySetup(), runDir.resolve("display-setup.log")); //$NON-NLS-1$
			}
			RunSession session = new RunSession(options, run, runDir, display.map(XvfbDisplay::name).orElse(null),
					starter);
			active.put(run.id(), session);
			Instant start = Instant.now();
			String tag = prefix ? "[" + run.id() + "] " : ""; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			RunSession.Outcome o = session.execute(e -> print(tag, start, e), more);
			active.remove(run.id());
			String line = String.format(Locale.ROOT, "%s / %s in %.1f s (%d actions passed, %d failed)", run.id(), //$NON-NLS-1$
					o.workflowId() == null ? "-" : o.workflowId(), o.seconds(), o.record().actionsPassed(), //$NON-NLS-1$
					o.record().actionsFailed());
			synchronized (out) {
				if (o.invalid()) {
					out.println(CONFIG_INVALID + run.id() + ": " + o.failure()); //$NON-NLS-1$
				} else {
					out.println(o.passed() ? "RUN PASSED: " + line : RUN_FAILED + line + ": " + o.failure()); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			return o;
		} finally {
			display.ifPresent(XvfbDisplay::endSetup);
			displays.add(display);
		}
	}

	/** The suite's event log: every run's record lines, in suite order, each tagged with its run's id. */
	static void writeSuiteLog(Path file, List<RunSession.Outcome> outcomes) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (RunSession.Outcome o : outcomes) {
				Path events = o.runDir().resolve(RunFolder.EVENTS);
				if (!Files.isRegularFile(events)) {
					continue;
				}
				String tag = "{\"run\":" + jsonString(o.run().id()) + ","; //$NON-NLS-1$ //$NON-NLS-2$
				for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
					String t = line.strip();
					if (t.startsWith("{") && t.length() > 2) { //$NON-NLS-1$
						w.write(tag);
						w.write(t, 1, t.length() - 1);
						w.write('\n');
					}
				}
			}
		}
	}

	static String jsonString(String s) {
		StringBuilder b = new StringBuilder("\""); //$NON-NLS-1$
		for (char c : s.toCharArray()) {
			switch (c) {
			case '"' -> b.append("\\\""); //$NON-NLS-1$
			case '\\' -> b.append("\\\\"); //$NON-NLS-1$
			default -> {
				if (c < 0x20) {
					b.append(String.format(Locale.ROOT, "\\u%04x", (int) c)); //$NON-NLS-1$
				} else {
					b.append(c);
				}
			}
			}
		}
		return b.append('"').toString();
	}

	static String slug(String id) {
		String s = id.replaceAll("[^A-Za-z0-9._-]+", "_"); //$NON-NLS-1$ //$NON-NLS-2$
		return s.length() > 60 ? s.substring(0, 60) : s;
	}

	private void print(String tag, Instant start, RunEvent e) {
		if (e == null || !shown(e)) {
			return;
		}
		double t = Duration.between(start, e.time()).toMillis() / 1000.0;
		String line = String.format(Locale.ROOT, "%s[%7.2fs] %-10s %s", tag, t, e.kind().name(), e.message()); //$NON-NLS-1$
		synchronized (out) {
			out.println(line);
		}
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
		stopping = true;
		active.values().forEach(RunSession::terminate);
	}
}
