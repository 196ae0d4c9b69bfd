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

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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
import org.eclipse.lsp4j.debug.StepBackArguments;
import org.eclipse.lsp4j.debug.StepOutArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.bridge.recovery.Failure;
import org.qontinui.runner.bridge.recovery.QontinuiStoppedEventArguments;
import org.qontinui.runner.bridge.recovery.RetryArguments;
import org.qontinui.runner.bridge.recovery.UpdateImageArguments;
import org.qontinui.runner.bridge.recovery.UpdateImageResponse;
import org.qontinui.runner.debug.QontinuiDebugCore;

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
	private volatile String stopDescription = ""; //$NON-NLS-1$
	/** The {@code stopped} event of the current suspension; null while running. */
	private volatile StoppedEventArguments stop;
	/** The detail of the last SUSPEND, fired again when a resume fails. */
	private volatile int suspendDetail = DebugEvent.CLIENT_REQUEST;
	private volatile IBreakpoint[] hitBreakpoints = new IBreakpoint[0];
	private volatile IStackFrame[] frames;

	QontinuiThread(QontinuiDebugTarget target) {
		super(target);
	}

	void suspendedBy(StoppedEventArguments args) {
		String reason = args.getReason() == null ? "" : args.getReason(); //$NON-NLS-1$
		stopDescription = describe(args);
		hitBreakpoints = qontinuiTarget().breakpointsHit(args.getHitBreakpointIds());
		frames = null;
		stop = args;
		suspended = true;
		stepping = false;
		int detail = switch (reason) {
		case StoppedEventArgumentsReason.STEP -> DebugEvent.STEP_END;
		case StoppedEventArgumentsReason.BREAKPOINT, StoppedEventArgumentsReason.FUNCTION_BREAKPOINT,
				StoppedEventArgumentsReason.EXCEPTION -> DebugEvent.BREAKPOINT;
		default -> DebugEvent.CLIENT_REQUEST;
		};
		suspendDetail = detail;
		fireSuspendEvent(detail);
		qontinuiTarget().fireSuspendEvent(detail);
	}

	/**
	 * Whether the run is suspended because something failed: a failure breakpoint, or
	 * {@code failureStrategy: pause}. Only then can the failed action be retried, skipped or recaptured.
	 */
	public boolean isSuspendedOnFailure() {
		StoppedEventArguments current = stop;
		return suspended && !terminated && current != null
				&& StoppedEventArgumentsReason.EXCEPTION.equals(current.getReason());
	}

	/** What failed at a failure stop, as the executor reports it; null otherwise or from an older executor. */
	public Failure failure() {
		return isSuspendedOnFailure() && stop instanceof QontinuiStoppedEventArguments q ? q.getFailure() : null;
	}

	/** The failure message of a failure stop ({@code stopped.text}, else its description). */
	public String failureMessage() {
		StoppedEventArguments current = stop;
		if (current == null) {
			return ""; //$NON-NLS-1$
		}
		return current.getText() != null && !current.getText().isBlank() ? current.getText() : stopDescription;
	}

	private static String describe(StoppedEventArguments args) {
		String reason = args.getReason() == null ? Messages.QontinuiThread_paused : args.getReason();
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
		stop = null;
		stopDescription = ""; //$NON-NLS-1$
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
			StackTraceResponse response = connection().call("stackTrace", s -> s.stackTrace(args)); //$NON-NLS-1$
			StackFrame[] raw = response.getStackFrames();
			IStackFrame[] result = new IStackFrame[raw.length];
			for (int i = 0; i < raw.length; i++) {
				result[i] = new QontinuiStackFrame(this, raw[i]);
			}
			frames = result;
			return result;
		} catch (ExecutorException e) {
			throw failed(Messages.QontinuiThread_cannotReadStack, e);
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
			return Messages.QontinuiThread_terminated;
		}
		return suspended ? NLS.bind(Messages.QontinuiThread_suspended, stopDescription)
				: stepping ? Messages.QontinuiThread_stepping : Messages.QontinuiThread_running;
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
		send("continue", DebugEvent.CLIENT_REQUEST, () -> connection().send("continue", s -> s.continue_(args))); //$NON-NLS-1$//$NON-NLS-2$
	}

	@Override
	public void suspend() throws DebugException {
		PauseArguments args = new PauseArguments();
		args.setThreadId(THREAD_ID);
		// The stop arrives as a stopped(pause) event; a failed pause leaves the run running.
		connection().send("pause", s -> s.pause(args)).exceptionally(error -> { //$NON-NLS-1$
			QontinuiDebugCore.log("Cannot suspend the run", error); //$NON-NLS-1$
			return null;
		});
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
		step("stepIn", DebugEvent.STEP_INTO, () -> connection().send("stepIn", s -> s.stepIn(args))); //$NON-NLS-1$//$NON-NLS-2$
	}

	@Override
	public void stepOver() throws DebugException {
		NextArguments args = new NextArguments();
		args.setThreadId(THREAD_ID);
		step("next", DebugEvent.STEP_OVER, () -> connection().send("next", s -> s.next(args))); //$NON-NLS-1$//$NON-NLS-2$
	}

	/**
	 * Back to the previous action of a replayed recording (DAP {@code stepBack}; a live run's executor
	 * refuses it, and the thread then suspends again where it was).
	 */
	public void stepBack() throws DebugException {
		StepBackArguments args = new StepBackArguments();
		args.setThreadId(THREAD_ID);
		step("stepBack", DebugEvent.STEP_OVER, () -> connection().send("stepBack", s -> s.stepBack(args))); //$NON-NLS-1$//$NON-NLS-2$
	}

	@Override
	public void stepReturn() throws DebugException {
		StepOutArguments args = new StepOutArguments();
		args.setThreadId(THREAD_ID);
		step("stepOut", DebugEvent.STEP_RETURN, () -> connection().send("stepOut", s -> s.stepOut(args))); //$NON-NLS-1$//$NON-NLS-2$
	}

	private void step(String name, int detail, Supplier<CompletableFuture<?>> request) {
		stepping = true;
		send(name, detail, request);
	}

	/**
	 * Sends a request that lets the run go on ({@code continue}, a step, or a failure's retry/skip).
	 * The executor sends no {@code continued} for requests we made, so RESUME is fired here, at once;
	 * if the executor refuses or does not answer, the thread is suspended again where it was, with a
	 * new SUSPEND, so the views never show "running" for a run that is not. The request leaves only
	 * after RESUME: the executor's next {@code stopped} may arrive before {@code send} returns, and a
	 * RESUME fired after it would leave a suspended run showing "running".
	 */
	void send(String name, int detail, Supplier<CompletableFuture<?>> request) {
		StoppedEventArguments where = stop;
		IBreakpoint[] hit = hitBreakpoints;
		int wasDetail = suspendDetail;
		resumedBy(detail);
		request.get().whenComplete((ok, error) -> {
			if (error != null) {
				stepping = false;
				QontinuiDebugCore.log("Cannot " + name, error); //$NON-NLS-1$
				resuspend(where, hit, wasDetail);
			}
		});
	}

	private synchronized void resuspend(StoppedEventArguments where, IBreakpoint[] hit, int detail) {
		if (terminated || suspended) {
			return;
		}
		stop = where;
		stopDescription = where == null ? Messages.QontinuiThread_paused : describe(where);
		hitBreakpoints = hit;
		frames = null;
		suspended = true;
		suspendDetail = detail;
		fireSuspendEvent(detail);
		qontinuiTarget().fireSuspendEvent(detail);
	}

	// --- failure recovery (issue 11): valid while suspended on a failure -------------------------------

	/** Runs the failed action again; {@code threshold} (0..1], when not null, is its similarity. */
	public void retry(Double threshold) {
		if (threshold != null && !(threshold > 0 && threshold <= 1)) {
			throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold); //$NON-NLS-1$
		}
		RetryArguments args = new RetryArguments(threshold);
		send("retry", DebugEvent.CLIENT_REQUEST, () -> connection().send("qontinui/retry", s -> s.retry(args))); //$NON-NLS-1$//$NON-NLS-2$
	}

	/** Counts the failed action as passed and goes on with the next one. */
	public void skip() {
		send("skip", DebugEvent.CLIENT_REQUEST, () -> connection().send("qontinui/skip", s -> s.skip(Map.of()))); //$NON-NLS-1$//$NON-NLS-2$
	}

	/** Ends the run as failed ("aborted by user"); the executor then terminates. */
	public void abort() {
		connection().send("qontinui/abort", s -> s.abort(Map.of())).exceptionally(error -> { //$NON-NLS-1$
			QontinuiDebugCore.log("Cannot abort the run", error); //$NON-NLS-1$
			return null;
		});
	}

	/**
	 * Gives the executor new pixels for an image asset and retries the failed action with them. The
	 * configuration file is the caller's to change; the executor only replaces its loaded copy.
	 *
	 * @return completes with the executor's answer to {@code qontinui/updateImage}, before the retry
	 */
	public CompletableFuture<UpdateImageResponse> recapture(String imageId, byte[] png) {
		UpdateImageArguments args = new UpdateImageArguments(imageId, Base64.getEncoder().encodeToString(png));
		CompletableFuture<UpdateImageResponse> updated = connection().send("qontinui/updateImage", //$NON-NLS-1$
				s -> s.updateImage(args));
		return updated.thenApply(answer -> {
			retry(null);
			return answer;
		});
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
