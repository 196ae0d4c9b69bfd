/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import com.google.gson.Gson;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;

import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.osgi.util.NLS;
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
import org.qontinui.runner.bridge.recovery.QontinuiStoppedEventArguments;

/**
 * A live Debug Adapter Protocol session with one executor process. Requests go through
 * {@link #call(String, Function)} with a timeout; events reach {@link ExecutorEventListener}s on a
 * single event thread, in order, and {@link ExecutorEventListener#executorExited(ExitInfo)} comes last.
 */
public final class ExecutorConnection implements AutoCloseable {

	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

	private final ExecutorEndpoint endpoint;
	private final QontinuiProtocolServer server;
	private final List<ExecutorEventListener> listeners = new CopyOnWriteArrayList<>();
	private final ExecutorService eventThread = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "Qontinui executor events"); //$NON-NLS-1$
		t.setDaemon(true);
		return t;
	});
	private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
	private final CompletableFuture<ExitInfo> exit = new CompletableFuture<>();
	private volatile Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
	private volatile boolean endRequested;
	private volatile boolean sawExitedEvent;

	private ExecutorConnection(ExecutorEndpoint endpoint) {
		this.endpoint = endpoint;
		Launcher<QontinuiProtocolServer> launcher = new DebugLauncher.Builder<QontinuiProtocolServer>()
				.setLocalService(new EventRelay()).setRemoteInterface(QontinuiProtocolServer.class)
				.setInput(endpoint.input()).setOutput(endpoint.output())
				// stopped events may carry the failure of a failure stop, which lsp4j's type has no field for.
				.configureGson(gson -> gson.registerTypeAdapter(StoppedEventArguments.class,
						(JsonDeserializer<StoppedEventArguments>) (json, type, context) -> context.deserialize(json,
								QontinuiStoppedEventArguments.class)))
				.create();
		server = launcher.getRemoteProxy();
		Future<Void> reading = launcher.startListening();
		endpoint.onExit().thenAcceptAsync(code -> {
			awaitQuietly(reading);
			ExitInfo info = new ExitInfo(code, endpoint.stderrTail(), endRequested, sawExitedEvent);
			pending.forEach(f -> f.completeExceptionally(new ExecutorException(info.reason())));
			dispatch(l -> l.executorExited(info));
			eventThread.execute(() -> exit.complete(info));
			eventThread.shutdown();
		});
	}

	/** Starts the executor and connects to it; nothing is sent yet. */
	public static ExecutorConnection start(ExecutorSettings settings) throws IOException {
		return new ExecutorConnection(ExecutorProcess.start(settings));
	}

	/** Connects to an adapter that is already running at the other end of {@code endpoint}. */
	public static ExecutorConnection connect(ExecutorEndpoint endpoint) {
		return new ExecutorConnection(endpoint);
	}

	/** The executor's process; null when the adapter at the other end is not one (tests). */
	public ExecutorProcess process() {
		return endpoint instanceof ExecutorProcess p ? p : null;
	}

	public ExecutorEndpoint endpoint() {
		return endpoint;
	}

	public void addListener(ExecutorEventListener listener) {
		listeners.add(listener);
	}

	public void removeListener(ExecutorEventListener listener) {
		listeners.remove(listener);
	}

	public void setRequestTimeout(Duration timeout) {
		requestTimeout = timeout;
	}

	/** Completes after the process ended and every event before it was delivered. */
	public CompletableFuture<ExitInfo> onExit() {
		return exit;
	}

	/**
	 * Sends one request without waiting. The future fails with an {@link ExecutorException} when the
	 * executor refuses the request (with its DAP error id), does not answer within the request timeout,
	 * or is gone. Completions run on lsp4j's reader thread: hand long work elsewhere.
	 *
	 * @param name    the request's name, for messages
	 * @param request the call on the typed server proxy
	 */
	public <T> CompletableFuture<T> send(String name, Function<QontinuiProtocolServer, CompletableFuture<T>> request) {
		if (exit.isDone() || !endpoint.isAlive()) {
			return CompletableFuture
					.failedFuture(new ExecutorException(NLS.bind(Messages.ExecutorConnection_notRunning, name)));
		}
		CompletableFuture<T> future = request.apply(server);
		pending.add(future);
		long timeout = requestTimeout.toMillis();
		CompletableFuture<T> answered = new CompletableFuture<>();
		future.orTimeout(timeout, TimeUnit.MILLISECONDS).whenComplete((value, error) -> {
			pending.remove(future);
			if (error == null) {
				answered.complete(value);
			} else {
				answered.completeExceptionally(failure(name, error, timeout));
			}
		});
		return answered;
	}

	/** Sends one request and waits for its response; never call this on the UI thread. */
	public <T> T call(String name, Function<QontinuiProtocolServer, CompletableFuture<T>> request)
			throws ExecutorException {
		try {
			return send(name, request).get();
		} catch (ExecutionException e) {
			throw (ExecutorException) e.getCause();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ExecutorException(NLS.bind(Messages.ExecutorConnection_interrupted, name), e);
		}
	}

	private static ExecutorException failure(String name, Throwable error, long timeoutMillis) {
		Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
		if (cause instanceof ExecutorException ex) {
			return ex;
		}
		if (cause instanceof TimeoutException) {
			return new ExecutorException(NLS.bind(Messages.ExecutorConnection_noAnswer, name, timeoutMillis / 1000));
		}
		if (cause instanceof ResponseErrorException rex) {
			ResponseError response = rex.getResponseError();
			return new ExecutorException(NLS.bind(Messages.ExecutorConnection_failed, name, response.getMessage()),
					errorId(response), rex);
		}
		return new ExecutorException(NLS.bind(Messages.ExecutorConnection_failed, name, cause), cause);
	}

	/** {@code body.error.id} of a DAP error response; lsp4j keeps the body as the error's data. */
	static int errorId(ResponseError response) {
		Object data = response.getData();
		JsonElement body = data instanceof JsonElement json ? json : data == null ? null : new Gson().toJsonTree(data);
		if (body == null || !body.isJsonObject()) {
			return ExecutorException.NO_ERROR_ID;
		}
		JsonElement error = body.getAsJsonObject().get("error"); //$NON-NLS-1$
		if (error == null || !error.isJsonObject()) {
			return ExecutorException.NO_ERROR_ID;
		}
		JsonElement id = error.getAsJsonObject().get("id"); //$NON-NLS-1$
		return id != null && id.isJsonPrimitive() && id.getAsJsonPrimitive().isNumber() ? id.getAsInt()
				: ExecutorException.NO_ERROR_ID;
	}

	/** The DAP handshake's first step. */
	public Capabilities initialize() throws ExecutorException {
		InitializeRequestArguments args = new InitializeRequestArguments();
		args.setClientID("org.qontinui.runner"); //$NON-NLS-1$
		args.setClientName("Qontinui Runner"); //$NON-NLS-1$
		args.setAdapterID("qontinui"); //$NON-NLS-1$
		args.setLinesStartAt1(true);
		args.setColumnsStartAt1(true);
		args.setSupportsVariableType(true);
		return call("initialize", s -> s.initialize(args)); //$NON-NLS-1$
	}

	/** Starts the run; see {@code docs/protocol.md} for the arguments. */
	public void launch(LaunchArguments arguments) throws ExecutorException {
		Map<String, Object> json = arguments.toJson();
		call("launch", s -> s.launch(json)); //$NON-NLS-1$
	}

	/**
	 * Ends the run: asks politely ({@code terminate}), then closes stdin, then kills the process after
	 * {@code grace}. Returns once the process is gone.
	 */
	public ExitInfo terminate(Duration grace) {
		endRequested = true;
		if (endpoint.isAlive()) {
			CompletableFuture<Void> ack = server.terminate(new TerminateArguments());
			try {
				ack.get(Math.min(grace.toMillis(), 2000), TimeUnit.MILLISECONDS);
			} catch (Exception e) {
				// An executor that does not answer is ended by force below.
			}
			endpoint.destroy(grace);
		}
		return exit.join();
	}

	/** Leaves the executor to end on its own: DAP {@code disconnect} with terminateDebuggee. */
	public ExitInfo disconnect(Duration grace) {
		endRequested = true;
		if (endpoint.isAlive()) {
			DisconnectArguments args = new DisconnectArguments();
			args.setTerminateDebuggee(true);
			try {
				server.disconnect(args).get(Math.min(grace.toMillis(), 2000), TimeUnit.MILLISECONDS);
			} catch (Exception e) {
				// forced below
			}
			endpoint.destroy(grace);
		}
		return exit.join();
	}

	@Override
	public void close() {
		terminate(Duration.ofSeconds(3));
	}

	private void dispatch(Consumer<ExecutorEventListener> event) {
		eventThread.execute(() -> {
			for (ExecutorEventListener listener : listeners) {
				try {
					event.accept(listener);
				} catch (RuntimeException e) {
					// One broken listener must not starve the others of events.
					e.printStackTrace();
				}
			}
		});
	}

	private static void awaitQuietly(Future<?> f) {
		try {
			f.get(2, TimeUnit.SECONDS);
		} catch (Exception e) {
			// stream already closed or reader interrupted
		}
	}

	/** Receives decoded messages on lsp4j's reader thread and hands them to the event thread. */
	private final class EventRelay implements QontinuiProtocolClient {

		@Override
		public void initialized() {
			dispatch(ExecutorEventListener::initialized);
		}

		@Override
		public void stopped(StoppedEventArguments args) {
			dispatch(l -> l.stopped(args));
		}

		@Override
		public void continued(ContinuedEventArguments args) {
			dispatch(l -> l.continued(args));
		}

		@Override
		public void output(OutputEventArguments args) {
			dispatch(l -> l.output(args));
		}

		@Override
		public void terminated(TerminatedEventArguments args) {
			dispatch(l -> l.terminated(args));
			// The run is over: say goodbye as a DAP client does, so the executor process ends.
			Thread bye = new Thread(() -> disconnect(Duration.ofSeconds(5)), "Qontinui executor disconnect"); //$NON-NLS-1$
			bye.setDaemon(true);
			bye.start();
		}

		@Override
		public void exited(ExitedEventArguments args) {
			sawExitedEvent = true;
			dispatch(l -> l.exited(args));
		}

		@Override
		public void stateChanged(StateChangedEvent event) {
			dispatch(l -> l.stateChanged(event));
		}

		@Override
		public void detection(DetectionEvent event) {
			dispatch(l -> l.detection(event));
		}

		@Override
		public void navigation(NavigationEvent event) {
			dispatch(l -> l.navigation(event));
		}

		@Override
		public void interruption(InterruptionEvent event) {
			dispatch(l -> l.interruption(event));
		}

		@Override
		public void actionStarted(ActionStartedEvent event) {
			dispatch(l -> l.actionStarted(event));
		}

		@Override
		public void actionCompleted(ActionCompletedEvent event) {
			dispatch(l -> l.actionCompleted(event));
		}

		@Override
		public void match(MatchEvent event) {
			dispatch(l -> l.match(event));
		}

		@Override
		public void screenshot(ScreenshotEvent event) {
			dispatch(l -> l.screenshot(event));
		}

		@Override
		public void transitionStarted(TransitionEvent event) {
			dispatch(l -> l.transitionStarted(event));
		}

		@Override
		public void transitionCompleted(TransitionEvent event) {
			dispatch(l -> l.transitionCompleted(event));
		}

		@Override
		public void workflowStarted(WorkflowEvent event) {
			dispatch(l -> l.workflowStarted(event));
		}

		@Override
		public void workflowCompleted(WorkflowEvent event) {
			dispatch(l -> l.workflowCompleted(event));
		}

		@Override
		public void runCompleted(RunCompletedEvent event) {
			dispatch(l -> l.runCompleted(event));
		}
	}
}
