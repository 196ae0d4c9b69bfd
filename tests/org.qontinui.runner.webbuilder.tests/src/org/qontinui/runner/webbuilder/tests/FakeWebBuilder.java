/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web builder on 127.0.0.1 speaking the shapes of docs/web-api.md: two projects (one listed with
 * a numeric id and a title), their configurations, one exportable configuration, and run uploads
 * whose answers a test can script (e.g. 500 first).
 */
final class FakeWebBuilder implements AutoCloseable {

	static final String GOOD_TOKEN = "tok-good-0123456789";

	/** The exported configuration (v2), with the web builder project in its metadata. */
	static final String LOGIN_CONFIG = """
			{
			  "version": "2.0.0",
			  "metadata": { "name": "Notepad Login Demo", "projectId": "p_1" },
			  "images": [],
			  "workflows": [
			    { "id": "login", "name": "Login", "actions": [
			      { "id": "click-login", "type": "CLICK", "config": { "target": { "type": "coordinates", "x": 10, "y": 20 } } }
			    ] }
			  ],
			  "states": [ { "id": "start", "name": "Start", "isInitial": true, "identifyingImages": [] } ],
			  "transitions": [],
			  "categories": [],
			  "settings": { "execution": { "defaultTimeout": 1000, "executionMode": "mock" } }
			}
			""";

	/** One received run upload. */
	record ReceivedRun(int answeredStatus, String idempotencyKey, String body) {
	}

	private final HttpServer server;
	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
	private final Deque<Integer> runAnswers = new ArrayDeque<>();
	private final List<ReceivedRun> runs = new CopyOnWriteArrayList<>();
	private volatile String acceptedToken = GOOD_TOKEN;
	private boolean stopped;

	FakeWebBuilder() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Answers the next run uploads with these statuses, then with 201. */
	synchronized void answerRunsWith(Integer... statuses) {
		runAnswers.addAll(List.of(statuses));
	}

	List<ReceivedRun> runs() {
		return List.copyOf(runs);
	}

	int requestCount(String path) {
		AtomicInteger count = requests.get(path);
		return count == null ? 0 : count.get();
	}

	void acceptToken(String token) {
		acceptedToken = token;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
			byte[] requestBody = exchange.getRequestBody().readAllBytes();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (!("Bearer " + acceptedToken).equals(authorization)) {
				send(exchange, 401, "{\"message\":\"The token has expired\"}", null);
				return;
			}
			switch (exchange.getRequestMethod() + " " + path) {
			case "GET /api/v1/me" -> send(exchange, 200, "{\"user\":{\"id\":\"u_17\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}}", null);
			case "GET /api/v1/projects" -> send(exchange, 200, """
					{ "items": [
					    { "id": "p_1", "name": "Notepad", "updatedAt": "2025-05-01T10:00:00Z" },
					    { "id": 42, "title": "Calculator", "updated_at": 1746093600000 }
					  ], "total": 2 }""", null);
			case "GET /api/v1/projects/p_1/configurations" -> send(exchange, 200, """
					[ { "id": "c_7", "name": "Login", "projectId": "p_1", "updatedAt": "2025-05-02T08:30:00+02:00", "version": 3 },
					  { "id": "c_8", "name": "Logout", "version": "2.0.0" } ]""", null);
			case "GET /api/v1/projects/42/configurations" -> send(exchange, 200, "{\"configurations\":[{\"id\":\"c_9\",\"name\":\"Sum\"}]}", null);
			case "GET /api/v1/configurations/c_7/export" -> send(exchange, 200, LOGIN_CONFIG, "\"login-v3\"");
			case "POST /api/v1/runs" -> {
				int status;
				synchronized (this) {
					status = runAnswers.isEmpty() ? 201 : runAnswers.poll();
				}
				runs.add(new ReceivedRun(status, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
						new String(requestBody, StandardCharsets.UTF_8)));
				send(exchange, status, status < 300 ? "{\"id\":\"run_1\"}" : "{\"message\":\"database unavailable\"}", null);
			}
			default -> send(exchange, 404, "{\"message\":\"no such thing\"}", null);
			}
		}
	}

	private static void send(HttpExchange exchange, int status, String body, String etag) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		if (etag != null) {
			exchange.getResponseHeaders().set("ETag", etag);
		}
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Stops answering: later requests fail to connect, as with an unreachable server. */
	@Override
	public synchronized void close() {
		if (!stopped) {
			stopped = true;
			server.stop(0);
		}
	}
}
