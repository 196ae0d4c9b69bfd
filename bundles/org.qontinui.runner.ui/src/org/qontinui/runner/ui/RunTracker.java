/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchesListener2;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.debug.launcher.QontinuiLaunchDelegate;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;
import org.qontinui.runner.ui.preferences.QontinuiPreferences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Follows Qontinui launches: the current run (the newest), its events, and the history of finished
 * runs, which is kept on disk so the Execution Monitor shows past runs after a restart.
 */
public final class RunTracker implements ILaunchesListener2, RunRecord.Listener {

	/** Told about the current run's events ({@code event} null: the run changed or ended). Any thread. */
	public interface Listener {
		void runChanged(RunRecord record, RunEvent event);
	}

	/** A finished run, as the history table shows it. */
	public record PastRun(Instant started, String config, String workflow, long durationMs, String result,
			int passed, int failed, String runDirectory) {
	}

	private static RunTracker instance;
	private static final ObjectMapper JSON = new ObjectMapper();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();
	private final List<RunRecord> runs = new CopyOnWriteArrayList<>();
	private final List<PastRun> history = new CopyOnWriteArrayList<>();
	private volatile RunRecord current;

	private RunTracker() {
		history.addAll(readHistory());
		DebugPlugin.getDefault().getLaunchManager().addLaunchListener(this);
		for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
			attach(launch);
		}
	}

	public static synchronized RunTracker getDefault() {
		if (instance == null) {
			instance = new RunTracker();
		}
		return instance;
	}

	public void addListener(Listener l) {
		listeners.add(l);
	}

	public void removeListener(Listener l) {
		listeners.remove(l);
	}

	public RunRecord current() {
		return current;
	}

	/** Every run of this session, oldest first. */
	public List<RunRecord> runs() {
		return List.copyOf(runs);
	}

	/** Finished runs, newest first, including earlier sessions'. */
	public List<PastRun> history() {
		List<PastRun> list = new ArrayList<>(history);
		Collections.reverse(list);
		return list;
	}

	private void attach(ILaunch launch) {
		for (IProcess p : launch.getProcesses()) {
			if (p instanceof QontinuiProcess qp && !runs.contains(qp.runRecord())) {
				RunRecord record = qp.runRecord();
				runs.add(record);
				current = record;
				record.addListener(this);
				fire(record, null);
			}
		}
	}

	@Override
	public void changed(RunRecord record, RunEvent event) {
		if (record.status().isFinal()) {
			remember(record); // once per run: remember() ignores repeats
		}
		if (record == current) {
			fire(record, event);
		}
	}

	private void fire(RunRecord record, RunEvent event) {
		for (Listener l : listeners) {
			l.runChanged(record, event);
		}
	}

	private final Set<RunRecord> remembered = Collections.newSetFromMap(new IdentityHashMap<>());

	private synchronized void remember(RunRecord record) {
		if (!remembered.add(record)) {
			return;
		}
		PastRun past = new PastRun(record.started(), record.config().toString(), record.workflow(),
				record.elapsed().toMillis(), record.status().name().toLowerCase(Locale.ROOT), record.actionsPassed(),
				record.actionsFailed(), record.runDirectory() == null ? "" : record.runDirectory().toString()); //$NON-NLS-1$
		history.add(past);
		appendHistory(past);
		applyRetention(QontinuiPreferences.logRetentionRuns());
	}

	/** Keeps the newest {@code keep} runs' history and folders (the log retention preference). */
	synchronized void applyRetention(int keep) {
		if (history.size() > keep) {
			List<PastRun> newest = new ArrayList<>(history.subList(history.size() - keep, history.size()));
			history.clear();
			history.addAll(newest);
			rewriteHistory(newest);
		}
		QontinuiLaunchDelegate.pruneRunDirectories(keep);
	}

	@Override
	public void launchesAdded(ILaunch[] launches) {
		for (ILaunch l : launches) {
			attach(l);
		}
	}

	@Override
	public void launchesChanged(ILaunch[] launches) {
		for (ILaunch l : launches) {
			attach(l);
		}
	}

	@Override
	public void launchesRemoved(ILaunch[] launches) {
		// history keeps them
	}

	@Override
	public void launchesTerminated(ILaunch[] launches) {
		RunRecord r = current;
		if (r != null) {
			fire(r, null);
		}
	}

	// --- history on disk ----------------------------------------------------------------------------

	private static Path historyFile() {
		try {
			return Platform.getStateLocation(QontinuiUiPlugin.getDefault().getBundle()).toPath().resolve("run-history.jsonl"); //$NON-NLS-1$
		} catch (RuntimeException e) {
			return null;
		}
	}

	private static List<PastRun> readHistory() {
		Path file = historyFile();
		List<PastRun> list = new ArrayList<>();
		if (file == null || !Files.isRegularFile(file)) {
			return list;
		}
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				try {
					JsonNode n = JSON.readTree(line);
					list.add(new PastRun(Instant.parse(n.path("started").asText()), n.path("config").asText(), //$NON-NLS-1$//$NON-NLS-2$
							n.path("workflow").asText(), n.path("durationMs").asLong(), n.path("result").asText(), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
							n.path("passed").asInt(), n.path("failed").asInt(), n.path("runDirectory").asText(""))); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
				} catch (IOException | RuntimeException e) {
					// a damaged line loses only itself
				}
			}
		} catch (IOException e) {
			QontinuiUiPlugin.log("Cannot read run history " + file, e); //$NON-NLS-1$
		}
		return list;
	}

	private static void rewriteHistory(List<PastRun> runs) {
		Path file = historyFile();
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			QontinuiUiPlugin.log("Cannot trim run history " + file, e); //$NON-NLS-1$
			return;
		}
		runs.forEach(RunTracker::appendHistory);
	}

	private static void appendHistory(PastRun run) {
		Path file = historyFile();
		if (file == null) {
			return;
		}
		ObjectNode n = JSON.createObjectNode();
		n.put("started", run.started().toString()); //$NON-NLS-1$
		n.put("runDirectory", run.runDirectory()); //$NON-NLS-1$
		n.put("config", run.config()); //$NON-NLS-1$
		n.put("workflow", run.workflow()); //$NON-NLS-1$
		n.put("durationMs", run.durationMs()); //$NON-NLS-1$
		n.put("result", run.result()); //$NON-NLS-1$
		n.put("passed", run.passed()); //$NON-NLS-1$
		n.put("failed", run.failed()); //$NON-NLS-1$
		try {
			Files.writeString(file, n + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND); //$NON-NLS-1$
		} catch (IOException e) {
			QontinuiUiPlugin.log("Cannot write run history " + file, e); //$NON-NLS-1$
		}
	}

	/** For display: 1.2 s, 3 min 4 s. */
	public static String format(Duration d) {
		long ms = d.toMillis();
		if (ms < 60_000) {
			return NLS.bind(Messages.RunTracker_seconds, String.format("%.1f", ms / 1000.0)); //$NON-NLS-1$
		}
		return NLS.bind(Messages.RunTracker_minutes, ms / 60_000, (ms % 60_000) / 1000);
	}
}
