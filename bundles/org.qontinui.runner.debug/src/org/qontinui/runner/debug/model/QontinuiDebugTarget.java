package org.qontinui.runner.debug.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.IBreakpointManagerListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorEventListener;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.bridge.ExitInfo;
import org.qontinui.runner.bridge.events.StateChangedEvent;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.ElementBreakpoint;
import org.qontinui.runner.debug.breakpoints.FailureBreakpoint;

/**
 * One run of a configuration under the debugger. Breakpoints live in Eclipse's breakpoint manager and
 * are installed into the executor as DAP function breakpoints ({@code state:<id>}, ...) and exception
 * filters; the executor decides when to stop, this target turns its events into {@link DebugEvent}s.
 */
public class QontinuiDebugTarget extends QontinuiDebugElement
		implements IDebugTarget, IBreakpointManagerListener, ExecutorEventListener {

	private final ILaunch launch;
	private final QontinuiProcess process;
	private final Path configPath;
	private final QontinuiThread thread;
	private volatile boolean terminated;
	private volatile boolean disconnected;
	private volatile List<String> activeStates = List.of();
	/** Executor breakpoint id to our breakpoint, from the last install. */
	private volatile Map<Integer, IBreakpoint> installed = Map.of();

	public QontinuiDebugTarget(ILaunch launch, QontinuiProcess process, Path configPath) {
		super(null);
		this.launch = launch;
		this.process = process;
		this.configPath = configPath;
		this.thread = new QontinuiThread(this);
	}

	/** Launches the run, installs the breakpoints and lets it go. */
	public void start(Map<String, Object> arguments) throws ExecutorException {
		ExecutorConnection c = connection();
		c.addListener(this);
		fireCreationEvent();
		c.launch(arguments);
		IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
		manager.addBreakpointListener(this);
		manager.addBreakpointManagerListener(this);
		installBreakpoints();
		c.call("configurationDone", s -> s.configurationDone(new ConfigurationDoneArguments()));
		thread.fireCreationEvent();
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

	public org.qontinui.runner.runs.RunRecord runRecord() {
		return process.runRecord();
	}

	public QontinuiThread thread() {
		return thread;
	}

	// --- breakpoints ------------------------------------------------------------------------------

	private List<IBreakpoint> ourBreakpoints() {
		IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
		List<IBreakpoint> list = new ArrayList<>();
		for (IBreakpoint bp : manager.getBreakpoints(QontinuiDebugCore.MODEL_ID)) {
			if (supportsBreakpoint(bp)) {
				list.add(bp);
			}
		}
		return list;
	}

	/** Sends the whole enabled set again; DAP replaces the previous set per request. */
	synchronized void installBreakpoints() {
		if (isTerminated()) {
			return;
		}
		boolean managerEnabled = DebugPlugin.getDefault().getBreakpointManager().isEnabled();
		List<FunctionBreakpoint> functions = new ArrayList<>();
		List<IBreakpoint> functionOwners = new ArrayList<>();
		List<String> filters = new ArrayList<>();
		List<IBreakpoint> filterOwners = new ArrayList<>();
		for (IBreakpoint bp : ourBreakpoints()) {
			try {
				if (!managerEnabled || !bp.isEnabled()) {
					continue;
				}
				if (bp instanceof ElementBreakpoint element) {
					functions.add(element.toFunctionBreakpoint());
					functionOwners.add(bp);
				} else if (bp instanceof FailureBreakpoint failure) {
					filters.add(failure.getFilter());
					filterOwners.add(bp);
				}
			} catch (org.eclipse.core.runtime.CoreException e) {
				DebugPlugin.log(e);
			}
		}
		SetFunctionBreakpointsArguments fargs = new SetFunctionBreakpointsArguments();
		fargs.setBreakpoints(functions.toArray(FunctionBreakpoint[]::new));
		SetExceptionBreakpointsArguments eargs = new SetExceptionBreakpointsArguments();
		eargs.setFilters(filters.toArray(String[]::new));
		try {
			Map<Integer, IBreakpoint> ids = new java.util.HashMap<>();
			remember(ids, connection().call("setFunctionBreakpoints", s -> s.setFunctionBreakpoints(fargs))
					.getBreakpoints(), functionOwners);
			remember(ids, connection().call("setExceptionBreakpoints", s -> s.setExceptionBreakpoints(eargs))
					.getBreakpoints(), filterOwners);
			installed = ids;
		} catch (ExecutorException e) {
			DebugPlugin.log(e);
		}
	}

	/** DAP answers breakpoints in request order; their ids come back in stopped events. */
	private static void remember(Map<Integer, IBreakpoint> ids, org.eclipse.lsp4j.debug.Breakpoint[] answered,
			List<IBreakpoint> owners) {
		if (answered == null) {
			return;
		}
		for (int i = 0; i < answered.length && i < owners.size(); i++) {
			if (answered[i].getId() != null) {
				ids.put(answered[i].getId(), owners.get(i));
			}
		}
	}

	/** The breakpoints a stop names by their executor ids. */
	IBreakpoint[] breakpointsHit(Integer[] ids) {
		if (ids == null) {
			return new IBreakpoint[0];
		}
		Map<Integer, IBreakpoint> map = installed;
		List<IBreakpoint> hit = new ArrayList<>();
		for (Integer id : ids) {
			IBreakpoint bp = map.get(id);
			if (bp != null) {
				hit.add(bp);
			}
		}
		return hit.toArray(IBreakpoint[]::new);
	}

	@Override
	public boolean supportsBreakpoint(IBreakpoint breakpoint) {
		return QontinuiDebugCore.MODEL_ID.equals(breakpoint.getModelIdentifier());
	}

	@Override
	public void breakpointAdded(IBreakpoint breakpoint) {
		if (supportsBreakpoint(breakpoint)) {
			installBreakpoints();
		}
	}

	@Override
	public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
		if (supportsBreakpoint(breakpoint)) {
			installBreakpoints();
		}
	}

	@Override
	public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
		if (supportsBreakpoint(breakpoint)) {
			installBreakpoints();
		}
	}

	@Override
	public void breakpointManagerEnablementChanged(boolean enabled) {
		installBreakpoints();
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
		IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
		manager.removeBreakpointListener(this);
		manager.removeBreakpointManagerListener(this);
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
		String name = "Qontinui: " + configPath.getFileName();
		ExitInfo exit = process.exitInfo();
		if (exit != null && exit.isCrash()) {
			name += " <" + exit.reason() + ">";
		}
		return name;
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
		Thread t = new Thread(() -> connection().disconnect(Duration.ofSeconds(3)), "Disconnect Qontinui executor");
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
