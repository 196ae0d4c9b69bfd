/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.breakpoints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointListener;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.IBreakpointManagerListener;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.FunctionBreakpoint;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.debug.QontinuiDebugCore;

/**
 * The Qontinui breakpoints installed in one run's executor. It follows Eclipse's breakpoint manager
 * and sends the whole set again whenever it changes, on its own thread and never on the caller's (the
 * UI thread toggles breakpoints), in the order the changes happened. What the executor answers is
 * copied onto each breakpoint's marker ({@link #VERIFIED}, {@link #VERIFICATION_MESSAGE}), and the ids
 * it gives are mapped back to breakpoints by request position, only when the answer matches the
 * request one to one, so a filter the executor does not know can never shift which breakpoint a stop
 * names.
 */
public final class InstalledBreakpoints implements IBreakpointListener, IBreakpointManagerListener {

	/** Marker attribute: the executor accepted the breakpoint (absent: no run has installed it yet). */
	public static final String VERIFIED = "org.qontinui.runner.debug.verified"; //$NON-NLS-1$
	/** Marker attribute: why the executor did not accept the breakpoint. */
	public static final String VERIFICATION_MESSAGE = "org.qontinui.runner.debug.verificationMessage"; //$NON-NLS-1$

	private final ExecutorConnection connection;
	private final IBreakpointManager manager;
	private final ExecutorService sender;
	private volatile Set<String> knownFilters;
	/** Executor id to breakpoint, from the last answered install. */
	private volatile Map<Integer, IBreakpoint> byId = Map.of();
	/** What was last sent, to skip resending when only our own marker attributes changed. */
	private List<Object> lastSent;
	private volatile boolean disposed;

	public InstalledBreakpoints(ExecutorConnection connection) {
		this(connection, DebugPlugin.getDefault().getBreakpointManager());
	}

	public InstalledBreakpoints(ExecutorConnection connection, IBreakpointManager manager) {
		this.connection = connection;
		this.manager = manager;
		this.sender = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "Qontinui breakpoints"); //$NON-NLS-1$
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * Starts following the breakpoint manager and installs every enabled breakpoint.
	 *
	 * @return completes when the executor answered the first install (part of the launch handshake)
	 */
	public CompletableFuture<Void> install(Capabilities capabilities) {
		ExceptionBreakpointsFilter[] filters = capabilities == null ? null
				: capabilities.getExceptionBreakpointFilters();
		knownFilters = filters == null ? Set.of()
				: Arrays.stream(filters).map(ExceptionBreakpointsFilter::getFilter).collect(Collectors.toSet());
		manager.addBreakpointListener(this);
		manager.addBreakpointManagerListener(this);
		return resend();
	}

	/** Stops following the breakpoint manager; the run is over. */
	public void dispose() {
		disposed = true;
		manager.removeBreakpointListener(this);
		manager.removeBreakpointManagerListener(this);
		sender.shutdown();
	}

	/** The breakpoints a {@code stopped} event names by their executor ids, unknown ids left out. */
	public IBreakpoint[] hit(Integer[] ids) {
		if (ids == null) {
			return new IBreakpoint[0];
		}
		Map<Integer, IBreakpoint> map = byId;
		return Arrays.stream(ids).map(map::get).filter(Objects::nonNull).toArray(IBreakpoint[]::new);
	}

	private CompletableFuture<Void> resend() {
		if (disposed) {
			return CompletableFuture.completedFuture(null);
		}
		try {
			return CompletableFuture.runAsync(() -> {
				try {
					sendAll();
				} catch (RuntimeException | LinkageError e) {
					QontinuiDebugCore.log("Cannot install the breakpoints", e); //$NON-NLS-1$
				}
			}, sender);
		} catch (RejectedExecutionException e) {
			return CompletableFuture.completedFuture(null);
		}
	}

	private static boolean ours(IBreakpoint bp) {
		return QontinuiDebugCore.MODEL_ID.equals(bp.getModelIdentifier());
	}

	/** On the sender thread: one install at a time, in order. */
	private void sendAll() {
		if (disposed) {
			return;
		}
		List<ElementBreakpoint> elements = new ArrayList<>();
		List<FailureBreakpoint> failures = new ArrayList<>();
		List<FailureBreakpoint> unknown = new ArrayList<>();
		List<IBreakpoint> disabled = new ArrayList<>();
		for (IBreakpoint bp : manager.getBreakpoints(QontinuiDebugCore.MODEL_ID)) {
			try {
				if (!manager.isEnabled() || !bp.isEnabled()) {
					disabled.add(bp);
				} else if (bp instanceof ElementBreakpoint element) {
					elements.add(element);
				} else if (bp instanceof FailureBreakpoint failure) {
					(knownFilters.contains(failure.getFilter()) ? failures : unknown).add(failure);
				}
			} catch (CoreException e) {
				DebugPlugin.log(e);
			}
		}
		FunctionBreakpoint[] functions = elements.stream().map(ElementBreakpoint::toFunctionBreakpoint)
				.toArray(FunctionBreakpoint[]::new);
		String[] filters = failures.stream().map(InstalledBreakpoints::filterOf).toArray(String[]::new);
		List<Object> request = List.of(Arrays.asList(functions), Arrays.asList(filters), unknown.size(), disabled);
		if (request.equals(lastSent)) {
			return;
		}
		lastSent = request;

		SetFunctionBreakpointsArguments fargs = new SetFunctionBreakpointsArguments();
		fargs.setBreakpoints(functions);
		SetExceptionBreakpointsArguments eargs = new SetExceptionBreakpointsArguments();
		eargs.setFilters(filters);
		Map<Integer, IBreakpoint> ids = new HashMap<>();
		try {
			Breakpoint[] answered = connection.call("setFunctionBreakpoints", s -> s.setFunctionBreakpoints(fargs)) //$NON-NLS-1$
					.getBreakpoints();
			map(ids, answered, elements, "setFunctionBreakpoints"); //$NON-NLS-1$
			Breakpoint[] answeredFilters = connection
					.call("setExceptionBreakpoints", s -> s.setExceptionBreakpoints(eargs)).getBreakpoints(); //$NON-NLS-1$
			map(ids, answeredFilters, failures, "setExceptionBreakpoints"); //$NON-NLS-1$
		} catch (ExecutorException e) {
			if (!disposed) {
				elements.forEach(bp -> mark(bp, false, e.getMessage()));
				failures.forEach(bp -> mark(bp, false, e.getMessage()));
			}
		}
		for (FailureBreakpoint bp : unknown) {
			mark(bp, false, NLS.bind(Messages.InstalledBreakpoints_noFilter, filterOf(bp)));
		}
		for (IBreakpoint bp : disabled) {
			clearMark(bp);
		}
		byId = Map.copyOf(ids);
	}

	/**
	 * DAP answers breakpoints in request order, one for one. An answer of another length cannot be
	 * matched to the request by position, so none of its ids are trusted.
	 */
	private void map(Map<Integer, IBreakpoint> ids, Breakpoint[] answered, List<? extends IBreakpoint> owners,
			String request) {
		if (owners.isEmpty()) {
			return;
		}
		if (answered == null || answered.length != owners.size()) {
			String message = NLS.bind(Messages.InstalledBreakpoints_answerMismatch,
					new Object[] { answered == null ? 0 : answered.length, request, owners.size() });
			owners.forEach(bp -> mark(bp, false, message));
			return;
		}
		for (int i = 0; i < answered.length; i++) {
			Breakpoint answer = answered[i];
			IBreakpoint owner = owners.get(i);
			if (answer.getId() != null) {
				ids.put(answer.getId(), owner);
			}
			mark(owner, answer.isVerified(), answer.isVerified() ? null : answer.getMessage());
		}
	}

	private static String filterOf(FailureBreakpoint bp) {
		try {
			return bp.getFilter();
		} catch (CoreException e) {
			return ""; //$NON-NLS-1$
		}
	}

	private void mark(IBreakpoint bp, boolean verified, String message) {
		IMarker marker = bp.getMarker();
		if (marker == null || !marker.exists()) {
			return;
		}
		try {
			if (Boolean.valueOf(verified).equals(verification(bp))
					&& Objects.equals(marker.getAttribute(VERIFICATION_MESSAGE, null), message)) {
				return;
			}
			marker.setAttributes(new String[] { VERIFIED, VERIFICATION_MESSAGE },
					new Object[] { verified, message });
		} catch (CoreException e) {
			DebugPlugin.log(e);
		}
	}

	/** The verification the last run copied onto the breakpoint's marker; null when none did. */
	public static Boolean verification(IBreakpoint bp) {
		IMarker marker = bp.getMarker();
		try {
			return marker != null && marker.exists() && marker.getAttribute(VERIFIED) instanceof Boolean b ? b : null;
		} catch (CoreException e) {
			return null;
		}
	}

	private void clearMark(IBreakpoint bp) {
		IMarker marker = bp.getMarker();
		if (verification(bp) == null) {
			return;
		}
		try {
			marker.setAttribute(VERIFIED, null);
			marker.setAttribute(VERIFICATION_MESSAGE, null);
		} catch (CoreException e) {
			DebugPlugin.log(e);
		}
	}

	@Override
	public void breakpointAdded(IBreakpoint breakpoint) {
		if (ours(breakpoint)) {
			resend();
		}
	}

	@Override
	public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
		if (ours(breakpoint)) {
			resend();
		}
	}

	@Override
	public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
		if (ours(breakpoint)) {
			resend();
		}
	}

	@Override
	public void breakpointManagerEnablementChanged(boolean enabled) {
		resend();
	}
}
