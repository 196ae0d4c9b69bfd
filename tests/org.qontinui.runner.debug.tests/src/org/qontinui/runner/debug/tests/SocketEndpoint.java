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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.qontinui.runner.bridge.ExecutorEndpoint;

/**
 * The two ends of a loopback TCP connection: the model's {@link org.qontinui.runner.bridge.ExecutorEndpoint}
 * on one side, the stub adapter on the other, with real DAP framing in between.
 */
final class SocketEndpoint implements ExecutorEndpoint {

	private final Socket client;
	private final Socket server;
	private final CompletableFuture<Integer> exit = new CompletableFuture<>();

	SocketEndpoint() {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
			server = listener.accept();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The adapter's side. */
	InputStream adapterInput() throws IOException {
		return server.getInputStream();
	}

	OutputStream adapterOutput() throws IOException {
		return server.getOutputStream();
	}

	/** The stub adapter "exits": both sockets close, the model sees the end of the session. */
	void exit(int code) {
		try {
			server.close();
			client.close();
		} catch (IOException e) {
			// closed already
		}
		exit.complete(code);
	}

	@Override
	public InputStream input() {
		try {
			return client.getInputStream();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public OutputStream output() {
		try {
			return client.getOutputStream();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public CompletableFuture<Integer> onExit() {
		return exit;
	}

	@Override
	public boolean isAlive() {
		return !exit.isDone();
	}

	@Override
	public void destroy(Duration grace) {
		exit(0);
	}

	@Override
	public List<String> stderrTail() {
		return List.of();
	}
}
