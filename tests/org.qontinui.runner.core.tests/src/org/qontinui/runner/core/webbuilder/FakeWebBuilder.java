/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.webbuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web builder on 127.0.0.1, port chosen by the system. Each route ("GET /api/v1/projects")
 * answers with a handler the test sets; every request is recorded.
 */
final class FakeWebBuilder implements AutoCloseable {

	/** One request as the server saw it. */
	record Request(String method, String path, String authorization, String ifNoneMatch, String idempotencyKey,
			String contentType, String body) {
	}

	@FunctionalInterface
	interface Route {
		void answer(HttpExchange exchange, Request request) throws IOException;
	}

	private final HttpServer server;
	private final ExecutorService executor = Executors.newCachedThreadPool();
	private final Map<String, Route> routes = new ConcurrentHashMap<>();
	final List<Request> requests = new CopyOnWriteArrayList<>();

	FakeWebBuilder() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setExecutor(executor);
		server.createContext("/", exchange -> {
			try {
				var headers = exchange.getRequestHeaders();
				Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
						headers.getFirst("Authorization"), headers.getFirst("If-None-Match"),
						headers.getFirst("Idempotency-Key"), headers.getFirst("Content-Type"),
						new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				requests.add(request);
				Route route = routes.get(request.method() + " " + request.path());
				if (route == null) {
					send(exchange, 404, "application/json", "{\"error\":\"no route\"}");
				} else {
					route.answer(exchange, request);
				}
			} finally {
				exchange.close();
			}
		});
		server.start();
	}

	void on(String methodAndPath, Route route) {
		routes.put(methodAndPath, route);
	}

	void onJson(String methodAndPath, int status, String json) {
		on(methodAndPath, (exchange, request) -> send(exchange, status, "application/json", json));
	}

	URI baseUri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	List<Request> requestsTo(String path) {
		return requests.stream().filter(r -> r.path().equals(path)).toList();
	}

	static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	void stop() {
		server.stop(0);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
