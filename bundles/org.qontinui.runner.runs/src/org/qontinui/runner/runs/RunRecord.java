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
import org.eclipse.osgi.util.NLS;
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
		String message = workflow == null || workflow.isBlank()
				? NLS.bind(Messages.RunRecord_runStarted, config.getFileName())
				: NLS.bind(Messages.RunRecord_runStartedWorkflow, config.getFileName(), workflow);
		add(RunEvent.of(RunEvent.Kind.RUN, RunEvent.Level.INFO, message, null));
	}

	@Override
	public void stopped(StoppedEventArguments args) {
		status = Status.SUSPENDED;
		String why = args.getDescription() != null ? args.getDescription() : args.getReason();
		add(RunEvent.of(RunEvent.Kind.RUN, RunEvent.Level.INFO, NLS.bind(Messages.RunRecord_suspended, why), null));
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
		String text = args.getOutput() == null ? "" : args.getOutput().strip(); //$NON-NLS-1$
		if (text.isEmpty() || "telemetry".equals(args.getCategory())) { //$NON-NLS-1$
			return;
		}
		RunEvent.Level level = "stderr".equals(args.getCategory()) ? RunEvent.Level.WARNING : RunEvent.Level.INFO; //$NON-NLS-1$
		add(RunEvent.of(RunEvent.Kind.OUTPUT, level, text, null));
	}

	@Override
	public void stateChanged(StateChangedEvent e) {
		activeStates = e.activeStates() == null ? List.of() : List.copyOf(e.activeStates());
		seenStates = Set.copyOf(e.seenStatesOrEmpty());
		if (e.active()) {
			trail.add(e.stateId());
		}
		// An executor without seen/assumed (seen == null) gets the old line, not a false "assumed".
		String state = label(e.stateName(), e.stateId());
		if (e.seen() != null) {
			state = NLS.bind(e.seen() ? Messages.RunRecord_stateSeen : Messages.RunRecord_stateAssumed, state);
		}
		if (e.reason() != null) {
			state = NLS.bind(Messages.RunRecord_stateWithReason, state, e.reason());
		}
		List<String> marked = new ArrayList<>();
		for (String id : activeStates) {
			marked.add(e.seen() == null ? id
					: NLS.bind(seenStates.contains(id) ? Messages.RunRecord_activeSeen : Messages.RunRecord_activeAssumed,
							id));
		}
		add(RunEvent.of(RunEvent.Kind.STATE, RunEvent.Level.INFO, NLS.bind(
				e.active() ? Messages.RunRecord_entered : Messages.RunRecord_left, state, String.join(", ", marked)), //$NON-NLS-1$
				e.stateId()));
	}

	/** {@code Name [id]}, or the id alone when the state has no other name. */
	private static String label(String name, String id) {
		return name == null || name.equals(id) ? id : name + " [" + id + "]"; //$NON-NLS-1$ //$NON-NLS-2$
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
		String message = NLS.bind(Messages.RunRecord_detection, new Object[] { e.reason(), scored(seen, e.scores()),
				scored(notSeen, e.scores()), String.format(Locale.ROOT, "%.1f", e.durationMs()), //$NON-NLS-1$
				String.format(Locale.ROOT, "%.0f", e.budgetMs()) }); //$NON-NLS-1$
		if (!e.complete()) {
			message = NLS.bind(Messages.RunRecord_budgetRanOut, message,
					searched.size() - (e.scores() == null ? 0 : e.scores().size()));
		}
		add(RunEvent.of(RunEvent.Kind.STATE, e.overBudget() ? RunEvent.Level.WARNING : RunEvent.Level.INFO, message,
				null));
	}

	@Override
	public void navigation(NavigationEvent e) {
		String message = NLS.bind(Messages.RunRecord_navigation, e.decision(), e.message());
		if (e.scores() != null && !e.scores().isEmpty()) {
			message = NLS.bind(Messages.RunRecord_navigationScores, message,
					scored(List.copyOf(e.scores().keySet()), e.scores()));
		}
		boolean bad = "giveUp".equals(e.decision()) || "blockTransition".equals(e.decision()); //$NON-NLS-1$ //$NON-NLS-2$
		add(RunEvent.of(RunEvent.Kind.TRANSITION, bad ? RunEvent.Level.WARNING : RunEvent.Level.INFO, message,
				e.transitionId()));
	}

	@Override
	public void interruption(InterruptionEvent e) {
		String name = label(e.stateName(), e.stateId());
		String score = String.format(Locale.ROOT, "%.3f", e.score()); //$NON-NLS-1$
		String message = e.duringActionId() == null
				? NLS.bind(Messages.RunRecord_interruption, new Object[] { name, score, e.transitionId() })
				: NLS.bind(Messages.RunRecord_interruptionDuring,
						new Object[] { name, score, e.duringActionId(), e.transitionId() });
		add(RunEvent.of(RunEvent.Kind.STATE, RunEvent.Level.WARNING, message, e.stateId()));
	}

	/** {@code a 0.990, b 0.310}, or {@code none}. */
	private static String scored(List<String> ids, Map<String, Double> scores) {
		if (ids.isEmpty()) {
			return Messages.RunRecord_none;
		}
		List<String> parts = new ArrayList<>();
		for (String id : ids) {
			Double score = scores == null ? null : scores.get(id);
			parts.add(score == null ? NLS.bind(Messages.RunRecord_notSearched, id)
					: String.format(Locale.ROOT, "%s %.3f", id, score)); //$NON-NLS-1$
		}
		return String.join(", ", parts); //$NON-NLS-1$
	}

	@Override
	public void transitionStarted(TransitionEvent e) {
		currentTransition = e.transitionId();
		add(RunEvent.of(RunEvent.Kind.TRANSITION, RunEvent.Level.INFO, NLS.bind(Messages.RunRecord_transitionStarted,
				new Object[] { e.transitionId(), e.fromState(), e.toState() }), e.transitionId()));
	}

	@Override
	public void transitionCompleted(TransitionEvent e) {
		currentTransition = null;
		boolean ok = e.success() == null || e.success();
		String message = ok ? NLS.bind(Messages.RunRecord_transitionDone, e.transitionId())
				: e.error() == null ? NLS.bind(Messages.RunRecord_transitionFailed, e.transitionId())
						: NLS.bind(Messages.RunRecord_transitionFailedWith, e.transitionId(), e.error());
		add(RunEvent.of(RunEvent.Kind.TRANSITION, ok ? RunEvent.Level.INFO : RunEvent.Level.ERROR, message,
				e.transitionId()));
	}

	@Override
	public void workflowStarted(WorkflowEvent e) {
		currentWorkflow = e.workflowId();
		add(RunEvent.of(RunEvent.Kind.WORKFLOW, RunEvent.Level.INFO, NLS.bind(Messages.RunRecord_workflowStarted,
				e.workflowName() == null ? e.workflowId() : e.workflowName()), e.workflowId()));
	}

	@Override
	public void workflowCompleted(WorkflowEvent e) {
		boolean ok = e.success() == null || e.success();
		add(RunEvent.of(RunEvent.Kind.WORKFLOW, ok ? RunEvent.Level.INFO : RunEvent.Level.ERROR,
				NLS.bind(ok ? Messages.RunRecord_workflowPassed : Messages.RunRecord_workflowFailed,
						e.workflowName() == null ? e.workflowId() : e.workflowName()),
				e.workflowId()));
	}

	@Override
	public void actionStarted(ActionStartedEvent e) {
		currentAction = e.actionId();
		synchronized (actionTypes) {
			actionTypes.put(e.actionId(), e.actionType());
		}
		String message = e.name() == null || e.name().isBlank()
				? NLS.bind(Messages.RunRecord_actionStarted, e.actionId(), e.actionType())
				: NLS.bind(Messages.RunRecord_actionStartedNamed, new Object[] { e.actionId(), e.actionType(), e.name() });
		add(RunEvent.of(RunEvent.Kind.ACTION, RunEvent.Level.DEBUG, message, e.actionId()));
	}

	@Override
	public void actionCompleted(ActionCompletedEvent e) {
		if (e.success()) {
			passed++;
		} else {
			failed++;
		}
		String type = e.actionType() != null ? e.actionType() : actionTypes.getOrDefault(e.actionId(), ""); //$NON-NLS-1$
		String message = NLS.bind(e.success() ? Messages.RunRecord_actionOk : Messages.RunRecord_actionFailed,
				e.actionId(), type);
		if (e.message() != null && !e.message().isBlank()) {
			message = NLS.bind(Messages.RunRecord_actionDetail, message, e.message());
		}
		String ms = String.format("%.0f", e.durationMs()); //$NON-NLS-1$
		message = e.attempts() > 1
				? NLS.bind(Messages.RunRecord_actionTimeAttempts, new Object[] { message, ms, e.attempts() })
				: NLS.bind(Messages.RunRecord_actionTime, message, ms);
		add(RunEvent.of(RunEvent.Kind.ACTION, e.success() ? RunEvent.Level.INFO : RunEvent.Level.ERROR, message,
				e.actionId()));
	}

	@Override
	public void match(MatchEvent e) {
		lastMatch = e;
		String message = NLS.bind(e.found() ? Messages.RunRecord_found : Messages.RunRecord_notFound,
				new Object[] { e.imageId(), String.format("%.3f", e.score()), //$NON-NLS-1$
						e.score() >= e.threshold() ? ">=" : "<", String.format("%.3f", e.threshold()) }); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (e.location() != null) {
			message = NLS.bind(Messages.RunRecord_matchAt, new Object[] { message, e.location().x(), e.location().y() });
		}
		message = NLS.bind(Messages.RunRecord_matchTime, message, String.format("%.0f", e.durationMs())); //$NON-NLS-1$
		if (e.method() != null) {
			message += ", " + e.method(); //$NON-NLS-1$
		}
		add(new RunEvent(Instant.now(), RunEvent.Kind.MATCH, e.found() ? RunEvent.Level.INFO : RunEvent.Level.WARNING,
				message, e.actionId() != null ? e.actionId() : e.imageId(), e.score(), e.threshold(), null));
	}

	@Override
	public void screenshot(ScreenshotEvent e) {
		String message = e.reason() == null ? NLS.bind(Messages.RunRecord_screenshotSaved, e.path())
				: NLS.bind(Messages.RunRecord_screenshotSavedWhy, e.reason(), e.path());
		add(new RunEvent(Instant.now(), RunEvent.Kind.ERROR, RunEvent.Level.ERROR, message, e.actionId(), Double.NaN,
				Double.NaN, e.path()));
	}

	@Override
	public void runCompleted(RunCompletedEvent e) {
		// The detection figures first: the run's verdict stays the last line of the run.
		RunCompletedEvent.DetectionSummary d = e.detection();
		if (d != null) {
			add(RunEvent.of(RunEvent.Kind.STATE, d.overBudget() > 0 ? RunEvent.Level.WARNING : RunEvent.Level.INFO,
					NLS.bind(Messages.RunRecord_detectionSummary, new Object[] { d.count(),
							String.format(Locale.ROOT, "%.1f", d.totalMs()), //$NON-NLS-1$
							String.format(Locale.ROOT, "%.1f", d.maxMs()), //$NON-NLS-1$
							String.format(Locale.ROOT, "%.0f", d.budgetMs()), d.overBudget(), //$NON-NLS-1$
							e.interruptions() == null ? 0 : e.interruptions() }),
					null));
		}
		status = e.success() ? Status.PASSED : Status.FAILED;
		failure = e.error();
		ended = Instant.now();
		String message = e.success() ? NLS.bind(Messages.RunRecord_runPassed, e.actionsPassed(), e.actionsFailed())
				: e.error() == null ? NLS.bind(Messages.RunRecord_runFailed, e.actionsPassed(), e.actionsFailed())
						: NLS.bind(Messages.RunRecord_runFailedWith,
								new Object[] { e.error(), e.actionsPassed(), e.actionsFailed() });
		add(RunEvent.of(RunEvent.Kind.RUN, e.success() ? RunEvent.Level.INFO : RunEvent.Level.ERROR, message, null));
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
			add(RunEvent.of(RunEvent.Kind.RUN, RunEvent.Level.INFO,
					NLS.bind(Messages.RunRecord_runEnded, status.name().toLowerCase(Locale.ROOT)), null));
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
		node.put("time", e.time().toString()); //$NON-NLS-1$
		node.put("kind", e.kind().name().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
		node.put("level", e.level().name().toLowerCase(Locale.ROOT)); //$NON-NLS-1$
		node.put("message", e.message()); //$NON-NLS-1$
		if (e.elementId() != null) {
			node.put("elementId", e.elementId()); //$NON-NLS-1$
		}
		if (!Double.isNaN(e.score())) {
			node.put("score", e.score()); //$NON-NLS-1$
			node.put("threshold", e.threshold()); //$NON-NLS-1$
		}
		if (e.screenshot() != null) {
			node.put("screenshot", e.screenshot()); //$NON-NLS-1$
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
