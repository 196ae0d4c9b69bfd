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

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Python executor as an operating-system process: stdin/stdout carry the Debug Adapter Protocol,
 * stderr is the executor's log, kept (the last lines) to explain a crash.
 */
public final class ExecutorProcess implements ExecutorEndpoint {

	private static final int STDERR_TAIL_LINES = 40;
	/** Variables passed through from our environment; everything else is left behind on purpose. */
	private static final List<String> INHERITED = List.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "DISPLAY", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			"XAUTHORITY", "TMPDIR"); //$NON-NLS-1$ //$NON-NLS-2$

	private final Process process;
	private final Deque<String> stderrTail = new ArrayDeque<>();
	private final List<Consumer<String>> stderrListeners = new CopyOnWriteArrayList<>();
	private final CompletableFuture<Integer> exit;

	private ExecutorProcess(Process process) {
		this.process = process;
		Thread pump = new Thread(this::pumpStderr, "Qontinui executor stderr"); //$NON-NLS-1$
		pump.setDaemon(true);
		pump.start();
		// Exit is reported only after stderr is drained, so the crash reason includes the last lines.
		exit = process.onExit().thenApply(p -> {
			try {
				pump.join(2000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return p.exitValue();
		});
	}

	public static ExecutorProcess start(ExecutorSettings settings) throws IOException {
		Files.createDirectories(settings.workingDirectory());
		ProcessBuilder builder = new ProcessBuilder(commandLine(settings));
		builder.directory(settings.workingDirectory().toFile());
		Map<String, String> env = builder.environment();
		Map<String, String> ours = Map.copyOf(env);
		env.clear();
		for (String name : INHERITED) {
			if (ours.containsKey(name)) {
				env.put(name, ours.get(name));
			}
		}
		env.put("PYTHONPATH", pythonPath(settings)); //$NON-NLS-1$
		env.put("PYTHONUNBUFFERED", "1"); //$NON-NLS-1$ //$NON-NLS-2$
		env.put("PYTHONDONTWRITEBYTECODE", "1"); //$NON-NLS-1$ //$NON-NLS-2$
		env.put("PYTHONIOENCODING", "utf-8"); //$NON-NLS-1$ //$NON-NLS-2$
		env.putAll(settings.environment());
		return new ExecutorProcess(builder.start());
	}

	static List<String> commandLine(ExecutorSettings settings) {
		// -I would also drop PYTHONPATH; -s keeps the user's site-packages from shadowing Debian's cv2.
		return List.of(settings.python().toString(), "-s", "-m", "qontinui_bridge"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	static String pythonPath(ExecutorSettings settings) {
		List<String> parts = new ArrayList<>();
		parts.add(settings.pythonSources().toString());
		settings.extraPythonPath().forEach(p -> parts.add(p.toString()));
		return String.join(File.pathSeparator, parts);
	}

	private void pumpStderr() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				synchronized (stderrTail) {
					stderrTail.addLast(line);
					if (stderrTail.size() > STDERR_TAIL_LINES) {
						stderrTail.removeFirst();
					}
				}
				for (Consumer<String> listener : stderrListeners) {
					listener.accept(line);
				}
			}
		} catch (IOException e) {
			// The process is gone; the exit future reports it.
		}
	}

	public InputStream stdout() {
		return process.getInputStream();
	}

	@Override
	public InputStream input() {
		return stdout();
	}

	@Override
	public OutputStream output() {
		return stdin();
	}

	public OutputStream stdin() {
		return process.getOutputStream();
	}

	public long pid() {
		return process.pid();
	}

	@Override
	public boolean isAlive() {
		return process.isAlive();
	}

	public void addStderrListener(Consumer<String> listener) {
		stderrListeners.add(listener);
	}

	@Override
	public List<String> stderrTail() {
		synchronized (stderrTail) {
			return List.copyOf(stderrTail);
		}
	}

	/** Completes with the exit code once the process has ended and its stderr is read. */
	@Override
	public CompletableFuture<Integer> onExit() {
		return exit;
	}

	/** Ends the process: closes stdin (the executor ends cleanly on EOF), then TERM, then KILL. */
	@Override
	public void destroy(Duration grace) {
		try {
			process.getOutputStream().close();
		} catch (IOException e) {
			// already closed
		}
		if (waitFor(grace)) {
			return;
		}
		process.destroy();
		if (waitFor(Duration.ofSeconds(2))) {
			return;
		}
		process.destroyForcibly();
		waitFor(Duration.ofSeconds(5));
	}

	private boolean waitFor(Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	/** Kills the process at once: for tests and for a user's second "Terminate". */
	public void kill() {
		process.destroyForcibly();
	}
}
