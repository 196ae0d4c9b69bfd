/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.model;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArgumentsCategory;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.runs.RunRecord;

/**
 * The executor as the Debug view and the Console see it. Its stdout is the protocol, so the Console
 * shows the run's {@code output} events, errors in the error colour; a crash's reason is written last.
 */
public class QontinuiProcess implements IProcess, ExecutorEventListener {

	private final ILaunch launch;
	private final ExecutorConnection connection;
	private final String label;
	private final RunRecord record;
	private final Map<String, String> attributes = new HashMap<>();
	private final ExecutorStreamMonitor out = new ExecutorStreamMonitor();
	private final ExecutorStreamMonitor err = new ExecutorStreamMonitor();
	private volatile ExitInfo exit;

	public QontinuiProcess(ILaunch launch, ExecutorConnection connection, String label, RunRecord record) {
		this.launch = launch;
		this.record = record;
		connection.addListener(record);
		this.connection = connection;
		this.label = label;
		attributes.put(IProcess.ATTR_PROCESS_TYPE, "qontinui"); //$NON-NLS-1$
		connection.addListener(this);
		launch.addProcess(this);
		fireEvent(DebugEvent.CREATE);
	}

	public ExecutorConnection connection() {
		return connection;
	}

	/** What this run did so far; the views and the headless runner read it. */
	public RunRecord runRecord() {
		return record;
	}

	/**
	 * The executor mirrors its log into {@code output} events by level: errors and tracebacks come as
	 * {@code stderr} (the Console's error colour), the rest as {@code console}. Its raw stderr is shown
	 * only if it dies, when it may hold what never became an event (an import error, a crash).
	 */
	@Override
	public void output(OutputEventArguments args) {
		String text = args.getOutput();
		if (text == null || OutputEventArgumentsCategory.TELEMETRY.equals(args.getCategory())) {
			return;
		}
		(OutputEventArgumentsCategory.STDERR.equals(args.getCategory()) ? err : out).append(text);
	}

	@Override
	public void executorExited(ExitInfo info) {
		exit = info;
		if (info.isCrash()) {
			StringBuilder text = new StringBuilder(System.lineSeparator());
			if (!info.stderrTail().isEmpty()) {
				text.append(Messages.QontinuiProcess_stderrTail).append(System.lineSeparator());
				info.stderrTail().forEach(line -> text.append("  ").append(line).append(System.lineSeparator())); //$NON-NLS-1$
			}
			text.append(NLS.bind(Messages.QontinuiProcess_endedUnexpectedly, info.reason())).append(System.lineSeparator());
			err.append(text.toString());
		}
		fireEvent(DebugEvent.TERMINATE);
	}

	public ExitInfo exitInfo() {
		return exit;
	}

	@Override
	public String getLabel() {
		return label;
	}

	@Override
	public ILaunch getLaunch() {
		return launch;
	}

	@Override
	public IStreamsProxy getStreamsProxy() {
		return new IStreamsProxy() {
			@Override
			public IStreamMonitor getErrorStreamMonitor() {
				return err;
			}

			@Override
			public IStreamMonitor getOutputStreamMonitor() {
				return out;
			}

			@Override
			public void write(String input) {
				// The executor reads protocol frames only; console input is not forwarded.
			}
		};
	}

	@Override
	public void setAttribute(String key, String value) {
		attributes.put(key, value);
		fireEvent(DebugEvent.CHANGE);
	}

	@Override
	public String getAttribute(String key) {
		return attributes.get(key);
	}

	@Override
	public int getExitValue() throws DebugException {
		ExitInfo info = exit;
		if (info == null) {
			throw new DebugException(Status
					.error(Messages.QontinuiProcess_stillRunning));
		}
		return info.exitCode();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter.isInstance(launch)) {
			return adapter.cast(launch);
		}
		return null;
	}

	@Override
	public boolean canTerminate() {
		return exit == null;
	}

	@Override
	public boolean isTerminated() {
		return exit != null;
	}

	@Override
	public void terminate() {
		// Off the caller's thread: the UI calls this, and a graceful end may take seconds.
		Thread t = new Thread(() -> connection.terminate(Duration.ofSeconds(3)), "Terminate Qontinui executor"); //$NON-NLS-1$
		t.setDaemon(true);
		t.start();
	}

	private void fireEvent(int kind) {
		DebugPlugin plugin = DebugPlugin.getDefault();
		if (plugin != null) {
			plugin.fireDebugEventSet(new DebugEvent[] { new DebugEvent(this, kind) });
		}
	}
}
