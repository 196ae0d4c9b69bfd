package org.qontinui.runner.debug.model;

import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.PauseArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.StepInArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.qontinui.runner.bridge.ExecutorException;

/**
 * The run's single thread of execution. It turns the executor's {@code stopped} reasons into
 * {@link DebugEvent} details and says in its name why it stopped.
 */
public class QontinuiThread extends QontinuiDebugElement implements IThread {

	/** DAP has one thread per run in our executor. */
	static final int THREAD_ID = 1;

	private volatile boolean suspended;
	private volatile boolean stepping;
	private volatile boolean terminated;
	private volatile String stopDescription = "";
	private volatile IBreakpoint[] hitBreakpoints = new IBreakpoint[0];
	private volatile IStackFrame[] frames;

	QontinuiThread(QontinuiDebugTarget target) {
		super(target);
	}

	void suspendedBy(StoppedEventArguments args) {
		String reason = args.getReason() == null ? "" : args.getReason();
		stopDescription = describe(args);
		hitBreakpoints = qontinuiTarget().breakpointsHit(args.getHitBreakpointIds());
		frames = null;
		suspended = true;
		stepping = false;
		int detail = switch (reason) {
		case StoppedEventArgumentsReason.STEP -> DebugEvent.STEP_END;
		case StoppedEventArgumentsReason.BREAKPOINT, StoppedEventArgumentsReason.FUNCTION_BREAKPOINT,
				StoppedEventArgumentsReason.EXCEPTION -> DebugEvent.BREAKPOINT;
		default -> DebugEvent.CLIENT_REQUEST;
		};
		fireSuspendEvent(detail);
		qontinuiTarget().fireSuspendEvent(detail);
	}

	private static String describe(StoppedEventArguments args) {
		String reason = args.getReason() == null ? "paused" : args.getReason();
		String description = args.getDescription();
		return description == null || description.isBlank() ? reason : description;
	}

	void resumedBy(int detail) {
		if (!suspended) {
			return;
		}
		suspended = false;
		frames = null;
		hitBreakpoints = new IBreakpoint[0];
		stopDescription = "";
		qontinuiTarget().runRecord().resumed();
		fireResumeEvent(detail);
		qontinuiTarget().fireResumeEvent(detail);
	}

	void terminated() {
		terminated = true;
		suspended = false;
		frames = null;
		fireTerminateEvent();
	}

	/** Why the run is stopped: the breakpoint's name, "step", or the failure message. */
	public String stopDescription() {
		return stopDescription;
	}

	@Override
	public IStackFrame[] getStackFrames() throws DebugException {
		if (!suspended) {
			return new IStackFrame[0];
		}
		IStackFrame[] cached = frames;
		if (cached != null) {
			return cached;
		}
		StackTraceArguments args = new StackTraceArguments();
		args.setThreadId(THREAD_ID);
		try {
			StackTraceResponse response = connection().call("stackTrace", s -> s.stackTrace(args));
			StackFrame[] raw = response.getStackFrames();
			IStackFrame[] result = new IStackFrame[raw.length];
			for (int i = 0; i < raw.length; i++) {
				result[i] = new QontinuiStackFrame(this, raw[i]);
			}
			frames = result;
			return result;
		} catch (ExecutorException e) {
			throw failed("Cannot read the stack", e);
		}
	}

	/** Forget cached frames and variables, e.g. after a variable was changed. */
	void refresh() {
		frames = null;
		fireChangeEvent(DebugEvent.CONTENT);
	}

	@Override
	public boolean hasStackFrames() throws DebugException {
		return suspended;
	}

	@Override
	public int getPriority() {
		return 0;
	}

	@Override
	public IStackFrame getTopStackFrame() throws DebugException {
		IStackFrame[] f = getStackFrames();
		return f.length == 0 ? null : f[0];
	}

	@Override
	public String getName() {
		if (terminated) {
			return "Run (terminated)";
		}
		return suspended ? "Run (suspended: " + stopDescription + ")" : stepping ? "Run (stepping)" : "Run (running)";
	}

	@Override
	public IBreakpoint[] getBreakpoints() {
		return hitBreakpoints;
	}

	// --- run control --------------------------------------------------------------------------------

	@Override
	public boolean canResume() {
		return suspended && !terminated;
	}

	@Override
	public boolean canSuspend() {
		return !suspended && !terminated;
	}

	@Override
	public boolean isSuspended() {
		return suspended;
	}

	@Override
	public void resume() throws DebugException {
		ContinueArguments args = new ContinueArguments();
		args.setThreadId(THREAD_ID);
		send("continue", DebugEvent.CLIENT_REQUEST, () -> connection().call("continue", s -> s.continue_(args)));
	}

	@Override
	public void suspend() throws DebugException {
		PauseArguments args = new PauseArguments();
		args.setThreadId(THREAD_ID);
		try {
			connection().call("pause", s -> s.pause(args));
		} catch (ExecutorException e) {
			throw failed("Cannot suspend", e);
		}
	}

	@Override
	public boolean canStepInto() {
		return canResume();
	}

	@Override
	public boolean canStepOver() {
		return canResume();
	}

	@Override
	public boolean canStepReturn() {
		return canResume();
	}

	@Override
	public boolean isStepping() {
		return stepping;
	}

	@Override
	public void stepInto() throws DebugException {
		StepInArguments args = new StepInArguments();
		args.setThreadId(THREAD_ID);
		step("stepIn", DebugEvent.STEP_INTO, () -> connection().call("stepIn", s -> s.stepIn(args)));
	}

	@Override
	public void stepOver() throws DebugException {
		NextArguments args = new NextArguments();
		args.setThreadId(THREAD_ID);
		step("next", DebugEvent.STEP_OVER, () -> connection().call("next", s -> s.next(args)));
	}

	@Override
	public void stepReturn() throws DebugException {
		StepOutArguments args = new StepOutArguments();
		args.setThreadId(THREAD_ID);
		step("stepOut", DebugEvent.STEP_RETURN, () -> connection().call("stepOut", s -> s.stepOut(args)));
	}

	private interface Request {
		void send() throws ExecutorException;
	}

	private void step(String name, int detail, Request request) throws DebugException {
		stepping = true;
		send(name, detail, request);
	}

	/** The executor does not send {@code continued} for requests we made, so we resume ourselves. */
	private void send(String name, int detail, Request request) throws DebugException {
		resumedBy(detail);
		try {
			request.send();
		} catch (ExecutorException e) {
			stepping = false;
			throw failed("Cannot " + name, e);
		}
	}

	@Override
	public boolean canTerminate() {
		return !terminated;
	}

	@Override
	public boolean isTerminated() {
		return terminated;
	}

	@Override
	public void terminate() throws DebugException {
		getDebugTarget().terminate();
	}
}
