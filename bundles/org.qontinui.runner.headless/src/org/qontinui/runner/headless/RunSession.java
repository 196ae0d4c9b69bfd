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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.bridge.LaunchArguments;
import org.qontinui.runner.bridge.LaunchHandshake;
import org.qontinui.runner.bridge.ProtocolErrors;
import org.qontinui.runner.bridge.events.RunCompletedEvent;
import org.qontinui.runner.core.actions.ContributedActions;
import org.qontinui.runner.core.secure.SecretMask;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;

/**
 * One run of a suite: its own executor process, on its own display when the suite runs in parallel,
 * writing its own run folder. Nothing is shared with the other runs but the output lines.
 */
final class RunSession {

	/**
	 * How a run ended. {@code invalid}: the executor refused the configuration. {@code failedAttempts}:
	 * the earlier attempts of a run retried with {@code --retries} (a passed run with some is flaky);
	 * {@code skipped}: not started because {@code --max-failures} runs had failed.
	 */
	record Outcome(SuitePlan.PlannedRun run, boolean passed, boolean invalid, String failure, RunRecord record,
			String workflowId, Path runDir, String display, double seconds, List<Outcome> failedAttempts,
			boolean skipped) {

		Outcome(SuitePlan.PlannedRun run, boolean passed, boolean invalid, String failure, RunRecord record,
				String workflowId, Path runDir, String display, double seconds) {
			this(run, passed, invalid, failure, record, workflowId, runDir, display, seconds, List.of(), false);
		}

		/** A run that was not started. */
		static Outcome skipped(SuitePlan.PlannedRun run, Path runDir, String reason) {
			return new Outcome(run, false, false, reason, new RunRecord(run.config(), run.workflow()), run.workflow(),
					runDir, null, 0, List.of(), true);
		}

		/** This attempt, after the failed ones before it. */
		Outcome after(List<Outcome> earlier) {
			return new Outcome(run, passed, invalid, failure, record, workflowId, runDir, display, seconds,
					List.copyOf(earlier), skipped);
		}

		boolean flaky() {
			return passed && !failedAttempts.isEmpty();
		}

		boolean failed() {
			return !passed && !skipped;
		}
	}

	private final RunOptions options;
	private final SuitePlan.PlannedRun run;
	private final Path runDir;
	private final String display;
	private final ExecutorStarter starter;
	private volatile ExecutorConnection connection;

	/** {@code starter}: where the executor comes from on the inherited display; null: start one here. */
	RunSession(RunOptions options, SuitePlan.PlannedRun run, Path runDir, String display, ExecutorStarter starter) {
		this.options = options;
		this.run = run;
		this.runDir = runDir;
		this.display = display;
		this.starter = starter;
	}

	/** Runs to the end; {@code print} receives the run's readable events as they happen. */
	/** {@code more}: another run follows, whose executor may start now. */
	Outcome execute(Consumer<RunEvent> print, boolean more) throws IOException {
		RunRecord record = new RunRecord(run.config(), run.workflow());
		record.addListener((r, e) -> {
			if (e != null) {
				print.accept(e);
			}
		});
		AtomicReference<RunCompletedEvent> completed = new AtomicReference<>();
		ExecutorConnection c = starter != null ? starter.take()
				: ExecutorConnection.start(ExecutorStarter.settings(options, runDir, display));
		connection = c;
		if (more && starter != null) {
			starter.prepare();
		}
		c.addListener(record);
		c.addListener(new ExecutorEventListener() {
			@Override
			public void runCompleted(RunCompletedEvent event) {
				completed.set(event);
			}
		});
		c.process().addStderrListener(line -> System.err.println("executor[" + run.id() + "]: " //$NON-NLS-1$ //$NON-NLS-2$
				+ SecretMask.mask(line)));
		try {
			LaunchHandshake.start(c, launchArguments(), LaunchHandshake.Configuration.NONE);
		} catch (ExecutorException e) {
			c.terminate(Duration.ofSeconds(2));
			boolean invalid = e.errorId() == ProtocolErrors.INVALID_CONFIG;
			return new Outcome(run, false, invalid, e.getMessage(), record, run.workflow(), runDir, display, 0);
		}
		ExitInfo exit;
		try {
			exit = c.onExit().get(24, TimeUnit.HOURS);
		} catch (Exception e) {
			c.terminate(Duration.ofSeconds(2));
			return new Outcome(run, false, false, e.toString(), record, run.workflow(), runDir, display,
					record.elapsed().toMillis() / 1000.0);
		}
		RunCompletedEvent result = completed.get();
		boolean passed = result != null && result.success() && !exit.isCrash();
		String failure = exit.isCrash() ? exit.reason()
				: result == null ? NLS.bind(Messages.RunSession_noResult, exit.exitCode())
						: result.error();
		String workflowId = result != null && result.workflowId() != null ? result.workflowId() : run.workflow();
		double seconds = result != null ? result.durationMs() / 1000.0 : record.elapsed().toMillis() / 1000.0;
		return new Outcome(run, passed, false, passed ? null : failure, record, workflowId, runDir, display, seconds);
	}

	LaunchArguments launchArguments() {
		String backend = options.backend() == null ? "x11" : options.backend(); //$NON-NLS-1$
		LaunchArguments args = new LaunchArguments(run.config()).workflow(run.workflow()).backend(backend)
				.initialStates(options.initialStates()).runDir(runDir).noDebug(true);
		if (options.screenshots() != null) {
			args.screenshots(options.screenshots().toAbsolutePath().toString());
		}
		ContributedActions actions = ContributedActions.getDefault();
		actions.modules().forEach(m -> args.plugin(m.module(), m.path()));
		actions.installHints().forEach(args::actionHint);
		options.plugins().forEach(m -> args.plugin(m, null));
		args.record(options.record()).onFailure(options.onFailure()).timeout(options.timeoutSeconds());
		return args;
	}

	/** Ends the run (application stop, Ctrl+C). */
	void terminate() {
		ExecutorConnection c = connection;
		if (c != null) {
			c.terminate(Duration.ofSeconds(3));
		}
	}
}
