/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.headless;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorSettings;
import org.qontinui.runner.bridge.PythonSources;

/**
 * Starts executor processes one ahead of need: the Python interpreter's start (importing OpenCV and
 * NumPy) overlaps with the runner's own work, validating the configurations for the first run and the
 * previous run for the next ones. Used for runs on the inherited display; parallel workers on their
 * own displays start theirs directly.
 */
final class ExecutorStarter implements AutoCloseable {

	private final ExecutorSettings settings;
	private CompletableFuture<ExecutorConnection> next;

	ExecutorStarter(RunOptions options, Path workingDirectory) throws IOException {
		this.settings = settings(options, workingDirectory, null);
	}

	static ExecutorSettings settings(RunOptions options, Path workingDirectory, String display) throws IOException {
		ExecutorSettings s = ExecutorSettings.of(PythonSources.locate(), workingDirectory)
				.withPython(options.python() != null ? options.python() : PythonSources.defaultInterpreter())
				.withExtraPythonPath(options.pythonPath());
		return display == null ? s : s.withEnvironment(Map.of("DISPLAY", display)); //$NON-NLS-1$
	}

	/** Starts one executor in the background for the next {@link #take()}. */
	synchronized void prepare() {
		if (next == null) {
			next = CompletableFuture.supplyAsync(() -> {
				try {
					return ExecutorConnection.start(settings);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	/** A started executor: the prepared one, or a new one. */
	ExecutorConnection take() throws IOException {
		CompletableFuture<ExecutorConnection> f;
		synchronized (this) {
			f = next;
			next = null;
		}
		if (f == null) {
			return ExecutorConnection.start(settings);
		}
		try {
			return f.join();
		} catch (CompletionException e) {
			throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
		}
	}

	/** Ends a prepared executor nobody took. */
	@Override
	public synchronized void close() {
		if (next != null) {
			next.thenAccept(c -> c.terminate(Duration.ofSeconds(1)));
			next = null;
		}
	}
}
