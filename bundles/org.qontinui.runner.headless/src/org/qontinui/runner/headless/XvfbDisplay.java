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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private X display for one parallel worker: an Xvfb the runner starts and stops itself. Xvfb picks a
 * free display number ({@code -displayfd}), so several runners on one machine never collide; an
 * optional setup command (the application under test) is started on it and ended with it.
 */
final class XvfbDisplay implements AutoCloseable {

	private static final long START_TIMEOUT_S = 15;

	private final Process xvfb;
	private final String name;
	private static final long SETUP_TIMEOUT_S = 60;

	private Process setup;

	private XvfbDisplay(Process xvfb, String name) {
		this.xvfb = xvfb;
		this.name = name;
	}

	/** Starts an Xvfb screen of 1600x1000x24 and waits until it accepts clients. */
	static XvfbDisplay start() throws IOException {
		ProcessBuilder pb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten",
				"tcp", "-noreset");
		pb.redirectError(ProcessBuilder.Redirect.DISCARD);
		Process p;
		try {
			p = pb.start();
		} catch (IOException e) {
			throw new IOException("cannot start Xvfb for --parallel (Debian: apt install xvfb): " + e.getMessage(), e);
		}
		CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
			// Xvfb writes the number once (-displayfd 1) and nothing more: the pipe can close after it.
			try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
				return r.readLine();
			} catch (IOException e) {
				return null;
			}
		});
		try {
			String n = number.get(START_TIMEOUT_S, TimeUnit.SECONDS);
			if (n == null || !n.strip().matches("\\d+")) {
				p.destroyForcibly();
				throw new IOException("Xvfb did not report a display number (exit " + (p.isAlive() ? "-" : p.exitValue()) + ")");
			}
			return new XvfbDisplay(p, ":" + n.strip());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			p.destroyForcibly();
			throw new IOException("interrupted while starting Xvfb", e);
		} catch (ExecutionException | TimeoutException e) {
			p.destroyForcibly();
			throw new IOException("Xvfb did not start within " + START_TIMEOUT_S + " s", e);
		}
	}

	/** The value of {@code DISPLAY}, e.g. {@code :17}. */
	String name() {
		return name;
	}

	/**
	 * Runs {@code command} with {@code sh -c} on this display and waits until it exits, as a CI job's
	 * setup step: an application it starts in the background ({@code app &}) keeps running, in the
	 * command's own process group, until {@link #endSetup()}. Output goes to {@code log}.
	 */
	void runSetup(String command, Path log) throws IOException, InterruptedException {
		endSetup();
		ProcessBuilder pb = new ProcessBuilder("setsid", "sh", "-c", command);
		pb.environment().put("DISPLAY", name);
		pb.redirectErrorStream(true);
		pb.redirectOutput(log.toFile());
		setup = pb.start();
		if (!setup.waitFor(SETUP_TIMEOUT_S, TimeUnit.SECONDS)) {
			throw new IOException("--display-setup did not finish within " + SETUP_TIMEOUT_S
					+ " s on " + name + " (start long-running applications in the background with &); see " + log);
		}
		if (setup.exitValue() != 0) {
			throw new IOException("--display-setup failed on " + name + " (exit " + setup.exitValue() + "); see " + log);
		}
	}

	/** Ends what the setup command left running (its process group). */
	void endSetup() {
		if (setup != null) {
			// setsid made the command a process group leader: end everything it left running.
			try {
				new ProcessBuilder("kill", "-TERM", "--", "-" + setup.pid()).redirectErrorStream(true)
						.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.SECONDS);
			} catch (IOException e) {
				setup.destroy();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			setup = null;
		}
	}

	@Override
	public void close() {
		endSetup();
		xvfb.destroy();
		try {
			if (!xvfb.waitFor(2, TimeUnit.SECONDS)) {
				xvfb.destroyForcibly();
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			xvfb.destroyForcibly();
		}
	}
}
