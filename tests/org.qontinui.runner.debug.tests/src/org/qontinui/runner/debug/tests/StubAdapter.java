/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.tests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;

import org.eclipse.lsp4j.debug.Breakpoint;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ContinueResponse;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.ExceptionBreakpointsFilter;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsResponse;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetFunctionBreakpointsResponse;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StackTraceResponse;
import org.eclipse.lsp4j.debug.TerminateArguments;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.debug.DebugLauncher;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.qontinui.runner.bridge.QontinuiProtocolClient;
import org.qontinui.runner.bridge.QontinuiProtocolServer;
import org.qontinui.runner.bridge.recovery.RetryArguments;
import org.qontinui.runner.bridge.recovery.UpdateImageArguments;
import org.qontinui.runner.bridge.recovery.UpdateImageResponse;

/**
 * A stand-in debug adapter (a fake: the tests need answers the real executor never gives on purpose,
 * such as a refused continue). It speaks real DAP over a loopback socket, records what it was asked,
 * and answers as the test sets it up. Exception filters it does not know are left out of its answer,
 * as an older executor did, so a client that maps ids by position would shift them.
 */
final class StubAdapter implements QontinuiProtocolServer {

	static final int FILTER_ID_BASE = 100000;

	final List<String> requests = new CopyOnWriteArrayList<>();
	final List<String> functionNames = new CopyOnWriteArrayList<>();
	/** Function breakpoint name to the id of its last answer. */
	final Map<String, Integer> functionIds = new ConcurrentHashMap<>();
	final List<RetryArguments> retries = new CopyOnWriteArrayList<>();
	final List<UpdateImageArguments> imageUpdates = new CopyOnWriteArrayList<>();
	volatile List<String> filters = List.of("actionFailed", "findFailed", "transitionFailed");
	/** Element ids the "configuration" does not have: their breakpoints are answered unverified. */
	volatile Set<String> unknownElements = Set.of();
	volatile boolean refuseRunControl;
	volatile ResponseError launchError;
	volatile Runnable beforeConfigurationDoneAnswer = () -> {
	};
	/** When set, setFunctionBreakpoints waits for it before answering. */
	volatile CountDownLatch breakpointGate;
	volatile StackFrame[] frames = new StackFrame[0];
	final CountDownLatch configured = new CountDownLatch(1);
	private final AtomicInteger ids = new AtomicInteger();
	private final SocketEndpoint endpoint;
	QontinuiProtocolClient client;

	StubAdapter(SocketEndpoint endpoint) throws IOException {
		this.endpoint = endpoint;
		Launcher<QontinuiProtocolClient> launcher = new DebugLauncher.Builder<QontinuiProtocolClient>()
				.setLocalService(this).setRemoteInterface(QontinuiProtocolClient.class)
				.setInput(endpoint.adapterInput()).setOutput(endpoint.adapterOutput()).create();
		client = launcher.getRemoteProxy();
		launcher.startListening();
	}

	/** A DAP error response with {@code body.error.id}. */
	static ResponseError error(int id, String message) {
		JsonObject error = new JsonObject();
		error.addProperty("id", id);
		error.addProperty("format", message);
		JsonObject body = new JsonObject();
		body.add("error", error);
		return new ResponseError(ResponseErrorCode.InvalidRequest, message, body);
	}

	private static <T> CompletableFuture<T> refused(String message) {
		return CompletableFuture.failedFuture(new ResponseErrorException(error(1, message)));
	}

	@Override
	public CompletableFuture<Capabilities> initialize(InitializeRequestArguments args) {
		requests.add("initialize");
		Capabilities caps = new Capabilities();
		caps.setSupportsConfigurationDoneRequest(true);
		caps.setSupportsFunctionBreakpoints(true);
		caps.setExceptionBreakpointFilters(filters.stream().map(f -> {
			ExceptionBreakpointsFilter filter = new ExceptionBreakpointsFilter();
			filter.setFilter(f);
			filter.setLabel(f);
			return filter;
		}).toArray(ExceptionBreakpointsFilter[]::new));
		return CompletableFuture.completedFuture(caps);
	}

	@Override
	public CompletableFuture<Void> launch(Map<String, Object> args) {
		requests.add("launch");
		ResponseError refusal = launchError;
		return refusal == null ? CompletableFuture.completedFuture(null)
				: CompletableFuture.failedFuture(new ResponseErrorException(refusal));
	}

	@Override
	public CompletableFuture<SetFunctionBreakpointsResponse> setFunctionBreakpoints(
			SetFunctionBreakpointsArguments args) {
		requests.add("setFunctionBreakpoints");
		return CompletableFuture.supplyAsync(() -> {
			CountDownLatch gate = breakpointGate;
			if (gate != null) {
				try {
					gate.await(30, TimeUnit.SECONDS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			List<Breakpoint> answer = new ArrayList<>();
			for (var fb : args.getBreakpoints()) {
				functionNames.add(fb.getName());
				Breakpoint bp = new Breakpoint();
				bp.setId(ids.incrementAndGet());
				functionIds.put(fb.getName(), bp.getId());
				String element = fb.getName().substring(fb.getName().indexOf(':') + 1);
				bp.setVerified(!unknownElements.contains(element));
				if (!bp.isVerified()) {
					bp.setMessage("unknown action '" + element + "'");
				}
				answer.add(bp);
			}
			SetFunctionBreakpointsResponse response = new SetFunctionBreakpointsResponse();
			response.setBreakpoints(answer.toArray(Breakpoint[]::new));
			return response;
		});
	}

	@Override
	public CompletableFuture<SetExceptionBreakpointsResponse> setExceptionBreakpoints(
			SetExceptionBreakpointsArguments args) {
		requests.add("setExceptionBreakpoints " + String.join(",", args.getFilters()));
		List<Breakpoint> answer = new ArrayList<>();
		for (String f : args.getFilters()) {
			int index = filters.indexOf(f);
			if (index >= 0) {
				Breakpoint bp = new Breakpoint();
				bp.setId(FILTER_ID_BASE + index);
				bp.setVerified(true);
				answer.add(bp);
			}
		}
		SetExceptionBreakpointsResponse response = new SetExceptionBreakpointsResponse();
		response.setBreakpoints(answer.toArray(Breakpoint[]::new));
		return CompletableFuture.completedFuture(response);
	}

	@Override
	public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments args) {
		requests.add("configurationDone");
		beforeConfigurationDoneAnswer.run();
		configured.countDown();
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<ContinueResponse> continue_(ContinueArguments args) {
		requests.add("continue");
		if (refuseRunControl) {
			return refused("continue refused by the stub");
		}
		ContinueResponse response = new ContinueResponse();
		response.setAllThreadsContinued(true);
		return CompletableFuture.completedFuture(response);
	}

	@Override
	public CompletableFuture<Void> next(NextArguments args) {
		requests.add("next");
		return refuseRunControl ? refused("next refused by the stub") : CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<StackTraceResponse> stackTrace(StackTraceArguments args) {
		StackTraceResponse response = new StackTraceResponse();
		response.setStackFrames(frames);
		response.setTotalFrames(frames.length);
		return CompletableFuture.completedFuture(response);
	}

	@Override
	public CompletableFuture<Void> retry(RetryArguments args) {
		requests.add("qontinui/retry");
		retries.add(args);
		return refuseRunControl ? refused("retry refused by the stub") : CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Void> skip(Object args) {
		requests.add("qontinui/skip");
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Void> abort(Object args) {
		requests.add("qontinui/abort");
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<UpdateImageResponse> updateImage(UpdateImageArguments args) {
		requests.add("qontinui/updateImage");
		imageUpdates.add(args);
		return CompletableFuture.completedFuture(new UpdateImageResponse(args.imageId(), 4, 3));
	}

	@Override
	public CompletableFuture<Void> terminate(TerminateArguments args) {
		requests.add("terminate");
		CompletableFuture.runAsync(() -> endpoint.exit(1));
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public CompletableFuture<Void> disconnect(DisconnectArguments args) {
		requests.add("disconnect");
		CompletableFuture.runAsync(() -> endpoint.exit(0));
		return CompletableFuture.completedFuture(null);
	}
}
