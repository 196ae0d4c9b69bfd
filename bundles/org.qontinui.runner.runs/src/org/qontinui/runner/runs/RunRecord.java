/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.runs;

import java.io.IOException;
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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.bridge.events.ActionCompletedEvent;
import org.qontinui.runner.bridge.events.ActionStartedEvent;
import org.qontinui.runner.bridge.events.DetectionEvent;
import org.qontinui.runner.bridge.events.InterruptionEvent;
import org.qontinui.runner.bridge.events.MatchEvent;
import org.qontinui.runner.bridge.events.NavigationEvent;
import org.qontinui.runner.bridge.events.RunCompletedEvent;
import org.qontinui.runner.bridge.events.ScreenshotEvent;
import org.qontinui.runner.bridge.events.StateChangedEvent;
import org.qontinui.runner.bridge.events.TransitionEvent;
import org.qontinui.runner.bridge.events.WorkflowEvent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one run did, as it happens: status, counts, where it is, the trail of states, the last match,
 * and a structured log. Fed by the executor's events; read by the views and the headless runner.
 */
public class RunRecord implements ExecutorEventListener {

	public enum Status {
		STARTING, RUNNING, SUSPENDED, PASSED, FAILED, CRASHED, TERMINATED;

		public boolean isFinal() {
			return ordinal() >= PASSED.ordinal();
		}
	}

	/** Told about every change; called on the executor's event thread. */
	public interface Listener {
		void changed(RunRecord record, RunEvent added);
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path config;
	private final String workflow;
	private final Instant started = Instant.now();
	private final List<RunEvent> events = new CopyOnWriteArrayList<>();
	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final List<String> trail = new CopyOnWriteArrayList<>();
	private final Map<String, String> actionTypes = new LinkedHashMap<>();
	private volatile Status status = Status.STARTING;
	private volatile Instant ended;
	private volatile List<String> activeStates = List.of();
	private volatile Set<String> seenStates = Set.of();
	private volatile DetectionEvent lastDetection;
	private volatile String currentTransition;
	private volatile String currentWorkflow;
	private volatile String currentAction;
	private volatile MatchEvent lastMatch;
	private volatile String failure;
	private volatile int passed;
	private volatile int failed;
	private volatile Path runDirectory;

	public RunRecord(Path config, String workflow) {
		this.config = config;
		this.workflow = workflow;
	}

	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	private void add(RunEvent event) {
		if (event != null) {
			events.add(event);
		}
		for (Listener l : listeners) {
			l.changed(this, event);
		}
	}

	// --- executor events ----------------------------------------------------------------------------

	@Override
	public void initialized() {
		status = Status.RUNNING;
		add(RunEvent.of(RunEvent.Kind.RUN, RunEvent.Level.INFO, "Run started: " + config.getFileName()
				+ (workflow == null || workflow.isBlank() ? "" : " / " + workflow), null));
	}

	@Override
	public void stopped(StoppedEventArguments args) {
		status = Status.SUSPENDED;
		String why = args.getDescription() != null ? args.getDescription() : args.getReason();
		add(RunEvent.of(RunEvent.Kind.RUN, RunEvent.Level.INFO, "Suspended: " + why, null));
	}

	@Override
	public void continued(ContinuedEventArguments args) {
		resumed();
	}

	/** The run goes on after a suspension (our own resume/step requests get no continued event). */
	public void resumed() {
		if (status == Status.SUSPENDED) {
			status = Status.RUNNING;
			add(null);
		}
	}

	@Override
	public void output(OutputEventArguments args) {
		String text = args.getOutput() == null ? "" : args.getOutput().strip();
		if (text.isEmpty() || "telemetry".equals(args.getCategory())) {
			return;
		}
		RunEvent.Level level = "stderr".equals(args.getCategory()) ? RunEvent.Level.WARNING : RunEvent.Level.INFO;
		add(RunEvent.of(RunEvent.Kind.OUTPUT, level, text, null));
	}

	@Override
	public void stateChanged(StateChangedEvent e) {
		activeStates = e.activeStates() == null ? List.of() : List.copyOf(e.activeStates());
		seenStates = Set.copyOf(e.seenStatesOrEmpty());
		if (e.active()) {
			trail.add(e.stateId());
		}
		String name = e.stateName() == null || e.stateName().equals(e.stateId()) ? e.stateId()
				: e.stateName() + " [" + e.stateId() + "]";
		// An executor without seen/assumed (seen == null) gets the old line, not a false "assumed".
		String how = e.seen() == null ? "" : e.seen() ? " seen" : " assumed";
		List<String> marked = new ArrayList<>();
		for (String id : activeStates) {
			marked.add(e.seen() == null ? id : id + (seenStates.contains(id) ? " (seen)" : " (assumed)"));
		}
		add(RunEvent.of(RunEvent.Kind.STATE, RunEvent.Level.INFO, (e.active() ? "Entered " : "Left ") + name + how
				+ (e.reason() == null ? "" : " (" + e.reason() + ")") + "; active: " + String.join(", ", marked),
				e.stateId()));
	}

	@Override
	public void detection(DetectionEvent e) {
		lastDetection = e;
		List<String> seen = e.seen() == null ? List.of() : e.seen();
		List<String> searched = e.candidates() == null ? List.of() : e.candidates();
		List<String> notSeen = new ArrayList<>();
		for (String id : searched) {
			if (!seen.contains(id)) {
				notSeen.add(id);
			}
		}
		String message = String.format(Locale.ROOT, "Detection (%s): seen %s; not seen %s; %.1f ms of %.0f ms budget%s",
				e.reason(), scored(seen, e.scores()), scored(notSeen, e.scores()), e.durationMs(), e.budgetMs(),
				e.complete() ? "" : ", budget ran out: " + (searched.size() - (e.scores() == null ? 0 : e.scores().size()))
						+ " candidates not searched");
		add(RunEvent.of(RunEvent.Kind.STATE, e.overBudget() ? RunEvent.Level.WARNING : RunEvent.Level.INFO, message,
				null));
	}

	@Override
	public void navigation(NavigationEvent e) {
		String scores = e.scores() == null || e.scores().isEmpty() ? ""
				: " [scores " + scored(List.copyOf(e.scores().keySet()), e.scores()) + "]";
		boolean bad = "giveUp".equals(e.decision()) || "blockTransition".equals(e.decision());
		add(RunEvent.of(RunEvent.Kind.TRANSITION, bad ? RunEvent.Level.WARNING : RunEvent.Level.INFO,
				"Navigation " + e.decision() + ": " + e.message() + scores, e.transitionId()));
	}

	@Override
	public void interruption(InterruptionEvent e) {
		String name = e.stateName() == null || e.stateName().equals(e.stateId()) ? e.stateId()
				: e.stateName() + " [" + e.stateId() + "]";
		add(RunEvent.of(RunEvent.Kind.STATE, RunEvent.Level.WARNING,
				String.format(Locale.ROOT, "Interruption: %s seen (score %.3f)%s; taking %s", name, e.score(),
						e.duringActionId() == null ? "" : " during " + e.duringActionId(), e.transitionId()),
				e.stateId()));
	}

	/** {@code a 0.990, b 0.310}, or {@code none}. */
	private static String scored(List<String> ids, Map<String, Double> scores) {
		if (ids.isEmpty()) {
			return "none";
		}
		List<String> parts = new ArrayList<>();
		for (String id : ids) {
			Double score = scores == null ? null : scores.get(id);
			parts.add(score == null ? id + " (not searched)" : String.format(Locale.ROOT, "%s %.3f", id, score));
		}
		return String.join(", ", parts);
	}

	@Override
	public void transitionStarted(TransitionEvent e) {
		currentTransition = e.transitionId();
		add(RunEvent.of(RunEvent.Kind.TRANSITION, RunEvent.Level.INFO,
				"Transition " + e.transitionId() + ": " + e.fromState() + " -> " + e.toState(), e.transitionId()));
	}

	@Override
	public void transitionCompleted(TransitionEvent e) {
		currentTransition = null;
		boolean ok = e.success() == null || e.success();
		add(RunEvent.of(RunEvent.Kind.TRANSITION, ok ? RunEvent.Level.INFO : RunEvent.Level.ERROR,
				"Transition " + e.transitionId() + (ok ? " done" : " failed" + (e.error() == null ? "" : ": " + e.error())),
				e.transitionId()));
	}

	@Override
	public void workflowStarted(WorkflowEvent e) {
		currentWorkflow = e.workflowId();
		add(RunEvent.of(RunEvent.Kind.WORKFLOW, RunEvent.Level.INFO,
				"Workflow " + (e.workflowName() == null ? e.workflowId() : e.workflowName()) + " started", e.workflowId()));
	}

	@Override
	public void workflowCompleted(WorkflowEvent e) {
		boolean ok = e.success() == null || e.success();
		add(RunEvent.of(RunEvent.Kind.WORKFLOW, ok ? RunEvent.Level.INFO : RunEvent.Level.ERROR,
				"Workflow " + (e.workflowName() == null ? e.workflowId() : e.workflowName()) + (ok ? " passed" : " failed"),
				e.workflowId()));
	}

	@Override
	public void actionStarted(ActionStartedEvent e) {
		currentAction = e.actionId();
		synchronized (actionTypes) {
			actionTypes.put(e.actionId(), e.actionType());
		}
		add(RunEvent.of(RunEvent.Kind.ACTION, RunEvent.Level.DEBUG,
				"Action " + e.actionId() + " " + e.actionType() + (e.name() == null || e.name().isBlank() ? "" : " (" + e.name() + ")")
						+ " started", e.actionId()));
	}

	@Override
	public void actionCompleted(ActionCompletedEvent e) {
		if (e.success()) {
			passed++;
		} else {
			failed++;
		}
		String type = e.actionType() != null ? e.actionType() : actionTypes.getOrDefault(e.actionId(), "");
		String detail = e.message() == null || e.message().isBlank() ? "" : ": " + e.message();
		add(RunEvent.of(RunEvent.Kind.ACTION, e.success() ? RunEvent.Level.INFO : RunEvent.Level.ERROR,
				"Action " + e.actionId() + " " + type + (e.success() ? " ok" : " failed") + detail
						+ String.format(" (%.0f ms%s)", e.durationMs(), e.attempts() > 1 ? ", " + e.attempts() + " attempts" : ""),
				e.actionId()));
	}

	@Override
	public void match(MatchEvent e) {
		lastMatch = e;
		String where = e.location() == null ? "" : " at (" + e.location().x() + "," + e.location().y() + ")";
		String how = e.method() == null ? "" : ", " + e.method();
		String message = String.format("%s %s: score %.3f %s threshold %.3f%s in %.0f ms%s",
				e.found() ? "Found" : "Not found", e.imageId(), e.score(), e.score() >= e.threshold() ? ">=" : "<",
				e.threshold(), where, e.durationMs(), how);
		add(new RunEvent(Instant.now(), RunEvent.Kind.MATCH, e.found() ? RunEvent.Level.INFO : RunEvent.Level.WARNING,
				message, e.actionId() != null ? e.actionId() : e.imageId(), e.score(), e.threshold(), null));
	}

	@Override
	public void screenshot(ScreenshotEvent e) {
		add(new RunEvent(Instant.now(), RunEvent.Kind.ERROR, RunEvent.Level.ERROR,
				"Screenshot saved" + (e.reason() == null ? "" : " (" + e.reason() + ")") + ": " + e.path(), e.actionId(),
				Double.NaN, Double.NaN, e.path()));
	}

	@Override
	public void runCompleted(RunCompletedEvent e) {
		// The detection figures first: the run's verdict stays the last line of the run.
		RunCompletedEvent.DetectionSummary d = e.detection();
		if (d != null) {
			add(RunEvent.of(RunEvent.Kind.STATE, d.overBudget() > 0 ? RunEvent.Level.WARNING : RunEvent.Level.INFO,
					String.format(Locale.ROOT,
							"State detection: %d detections, %.1f ms in all, longest %.1f ms of %.0f ms budget, %d over budget;"
									+ " %d interruptions",
							d.count(), d.totalMs(), d.maxMs(), d.budgetMs(), d.overBudget(),
							e.interruptions() == null ? 0 : e.interruptions()),
					null));
		}
		status = e.success() ? Status.PASSED : Status.FAILED;
		failure = e.error();
		ended = Instant.now();
		add(RunEvent.of(RunEvent.Kind.RUN, e.success() ? RunEvent.Level.INFO : RunEvent.Level.ERROR,
				(e.success() ? "Run passed" : "Run failed" + (e.error() == null ? "" : ": " + e.error()))
						+ String.format(" (%d actions passed, %d failed)", e.actionsPassed(), e.actionsFailed()),
				null));
	}

	@Override
	public void executorExited(ExitInfo exit) {
		if (ended == null) {
			ended = Instant.now();
		}
		if (exit.isCrash()) {
			status = Status.CRASHED;
			failure = exit.reason();
			add(RunEvent.of(RunEvent.Kind.ERROR, RunEvent.Level.ERROR, exit.reason(), null));
		} else if (!status.isFinal()) {
			status = exit.requested() ? Status.TERMINATED : exit.exitCode() == 0 ? Status.PASSED : Status.FAILED;
			add(RunEvent.of(RunEvent.Kind.RUN, RunEvent.Level.INFO, "Run ended: " + status.name().toLowerCase(Locale.ROOT), null));
		} else {
			add(null);
		}
	}

	// --- reading ------------------------------------------------------------------------------------

	public Path config() {
		return config;
	}

	/** The run folder the executor writes (docs/protocol.md, "Run folder"), or null. */
	public Path runDirectory() {
		return runDirectory;
	}

	public RunRecord runDirectory(Path folder) {
		runDirectory = folder;
		return this;
	}

	public String workflow() {
		return workflow;
	}

	public Status status() {
		return status;
	}

	public Instant started() {
		return started;
	}

	public Duration elapsed() {
		return Duration.between(started, ended == null ? Instant.now() : ended);
	}

	public List<RunEvent> events() {
		return List.copyOf(events);
	}

	public List<String> activeStates() {
		return activeStates;
	}

	/** The active states confirmed on screen; the other active states are only assumed. */
	public Set<String> seenStates() {
		return seenStates;
	}

	/** Whether {@code stateId} is active but not confirmed on screen. */
	public boolean isAssumed(String stateId) {
		return activeStates.contains(stateId) && !seenStates.contains(stateId);
	}

	/** The latest state detection, or null. */
	public DetectionEvent lastDetection() {
		return lastDetection;
	}

	/** States entered, in order: the trail drawn on the diagram. */
	public List<String> trail() {
		return List.copyOf(trail);
	}

	public String currentTransition() {
		return currentTransition;
	}

	public String currentWorkflow() {
		return currentWorkflow;
	}

	public String currentAction() {
		return currentAction;
	}

	public MatchEvent lastMatch() {
		return lastMatch;
	}

	public String failure() {
		return failure;
	}

	public int actionsPassed() {
		return passed;
	}

	public int actionsFailed() {
		return failed;
	}

	// --- export -------------------------------------------------------------------------------------

	/** Writes the log as JSON Lines: one object per event. */
	public static void writeJsonLines(List<RunEvent> events, Path file) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (RunEvent e : events) {
				w.write(toJson(e));
				w.write('\n');
			}
		}
	}

	public static String toJson(RunEvent e) {
		ObjectNode node = JSON.createObjectNode();
		node.put("time", e.time().toString());
		node.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
		node.put("level", e.level().name().toLowerCase(Locale.ROOT));
		node.put("message", e.message());
		if (e.elementId() != null) {
			node.put("elementId", e.elementId());
		}
		if (!Double.isNaN(e.score())) {
			node.put("score", e.score());
			node.put("threshold", e.threshold());
		}
		if (e.screenshot() != null) {
			node.put("screenshot", e.screenshot());
		}
		return node.toString();
	}

	/** Writes the log as plain text, one line per event. */
	public static void writeText(List<RunEvent> events, Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		for (RunEvent e : events) {
			lines.add(e.toText());
		}
		Files.write(file, lines, StandardCharsets.UTF_8);
	}
}
