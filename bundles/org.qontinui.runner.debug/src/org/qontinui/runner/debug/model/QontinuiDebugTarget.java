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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.bridge.LaunchArguments;
import org.qontinui.runner.bridge.LaunchHandshake;
import org.qontinui.runner.bridge.events.StateChangedEvent;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.InstalledBreakpoints;
import org.qontinui.runner.runs.RunRecord;

/**
 * One run of a configuration under the debugger. Breakpoints live in Eclipse's breakpoint manager and
 * are installed into the executor ({@link InstalledBreakpoints}) as DAP function breakpoints
 * ({@code state:<id>}, ...) and exception filters; the executor decides when to stop, this target
 * turns its events into {@link DebugEvent}s.
 */
public class QontinuiDebugTarget extends QontinuiDebugElement
		implements IDebugTarget, ExecutorEventListener {

	private final ILaunch launch;
	private final QontinuiProcess process;
	private final Path configPath;
	private final QontinuiThread thread;
	private volatile boolean terminated;
	private volatile boolean disconnected;
	private volatile List<String> activeStates = List.of();
	private final InstalledBreakpoints breakpoints;

	public QontinuiDebugTarget(ILaunch launch, QontinuiProcess process, Path configPath) {
		super(null);
		this.launch = launch;
		this.process = process;
		this.configPath = configPath;
		this.thread = new QontinuiThread(this);
		this.breakpoints = new InstalledBreakpoints(process.connection());
	}

	/**
	 * Launches the run, installs the breakpoints and lets it go. The target and its thread exist
	 * (CREATE fired) before anything is sent, so no stop can reach the views before them.
	 */
	public void start(LaunchArguments arguments) throws ExecutorException {
		ExecutorConnection c = connection();
		c.addListener(this);
		fireCreationEvent();
		thread.fireCreationEvent();
		LaunchHandshake.start(c, arguments, (connection, capabilities) -> breakpoints.install(capabilities));
	}

	@Override
	public IDebugTarget getDebugTarget() {
		return this;
	}

	@Override
	public ILaunch getLaunch() {
		return launch;
	}

	@Override
	protected ExecutorConnection connection() {
		return process.connection();
	}

	public Path configPath() {
		return configPath;
	}

	/** The states active when the run last reported a change. */
	public List<String> activeStates() {
		return activeStates;
	}

	public RunRecord runRecord() {
		return process.runRecord();
	}

	public QontinuiThread thread() {
		return thread;
	}

	// --- breakpoints ------------------------------------------------------------------------------

	/** The breakpoints a stop names by their executor ids. */
	IBreakpoint[] breakpointsHit(Integer[] ids) {
		return breakpoints.hit(ids);
	}

	@Override
	public boolean supportsBreakpoint(IBreakpoint breakpoint) {
		return QontinuiDebugCore.MODEL_ID.equals(breakpoint.getModelIdentifier());
	}

	// InstalledBreakpoints follows the breakpoint manager for this target.

	@Override
	public void breakpointAdded(IBreakpoint breakpoint) {
	}

	@Override
	public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
	}

	@Override
	public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
	}

	// --- executor events (event thread) -----------------------------------------------------------

	@Override
	public void stopped(StoppedEventArguments args) {
		thread.suspendedBy(args);
	}

	@Override
	public void continued(ContinuedEventArguments args) {
		thread.resumedBy(DebugEvent.CLIENT_REQUEST);
	}

	@Override
	public void stateChanged(StateChangedEvent event) {
		activeStates = event.activeStates() == null ? List.of() : List.copyOf(event.activeStates());
	}

	@Override
	public void executorExited(ExitInfo exit) {
		terminated = true;
		thread.terminated();
		breakpoints.dispose();
		connection().removeListener(this);
		fireTerminateEvent();
	}

	// --- IDebugTarget -----------------------------------------------------------------------------

	@Override
	public IProcess getProcess() {
		return process;
	}

	@Override
	public IThread[] getThreads() {
		return isTerminated() ? new IThread[0] : new IThread[] { thread };
	}

	@Override
	public boolean hasThreads() {
		return !isTerminated();
	}

	@Override
	public String getName() {
		ExitInfo exit = process.exitInfo();
		if (exit != null && exit.isCrash()) {
			return NLS.bind(Messages.QontinuiDebugTarget_nameWithExit, configPath.getFileName(), exit.reason());
		}
		return NLS.bind(Messages.QontinuiDebugTarget_name, configPath.getFileName());
	}

	@Override
	public boolean canTerminate() {
		return !isTerminated();
	}

	@Override
	public boolean isTerminated() {
		return terminated;
	}

	@Override
	public void terminate() throws DebugException {
		process.terminate();
	}

	@Override
	public boolean canResume() {
		return thread.canResume();
	}

	@Override
	public boolean canSuspend() {
		return thread.canSuspend();
	}

	@Override
	public boolean isSuspended() {
		return thread.isSuspended();
	}

	@Override
	public void resume() throws DebugException {
		thread.resume();
	}

	@Override
	public void suspend() throws DebugException {
		thread.suspend();
	}

	@Override
	public boolean canDisconnect() {
		return !isTerminated() && !disconnected;
	}

	@Override
	public void disconnect() throws DebugException {
		disconnected = true;
		Thread t = new Thread(() -> connection().disconnect(Duration.ofSeconds(3)), "Disconnect Qontinui executor"); //$NON-NLS-1$
		t.setDaemon(true);
		t.start();
	}

	@Override
	public boolean isDisconnected() {
		return disconnected;
	}

	@Override
	public boolean supportsStorageRetrieval() {
		return false;
	}

	@Override
	public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
		return null;
	}
}
