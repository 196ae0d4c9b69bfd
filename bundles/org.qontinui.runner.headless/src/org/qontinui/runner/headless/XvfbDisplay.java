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

import org.eclipse.osgi.util.NLS;

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
		ProcessBuilder pb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$
				"tcp", "-noreset"); //$NON-NLS-1$ //$NON-NLS-2$
		pb.redirectError(ProcessBuilder.Redirect.DISCARD);
		Process p;
		try {
			p = pb.start();
		} catch (IOException e) {
			throw new IOException(NLS.bind(Messages.XvfbDisplay_cannotStart, e.getMessage()), e);
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
			if (n == null || !n.strip().matches("\\d+")) { //$NON-NLS-1$
				p.destroyForcibly();
				throw new IOException(NLS.bind(Messages.XvfbDisplay_noNumber, p.isAlive() ? "-" : p.exitValue())); //$NON-NLS-1$
			}
			return new XvfbDisplay(p, ":" + n.strip()); //$NON-NLS-1$
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			p.destroyForcibly();
			throw new IOException(Messages.XvfbDisplay_interrupted, e);
		} catch (ExecutionException | TimeoutException e) {
			p.destroyForcibly();
			throw new IOException(NLS.bind(Messages.XvfbDisplay_timeout, START_TIMEOUT_S), e);
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
		ProcessBuilder pb = new ProcessBuilder("setsid", "sh", "-c", command); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		pb.environment().put("DISPLAY", name); //$NON-NLS-1$
		pb.redirectErrorStream(true);
		pb.redirectOutput(log.toFile());
		setup = pb.start();
		if (!setup.waitFor(SETUP_TIMEOUT_S, TimeUnit.SECONDS)) {
			throw new IOException(NLS.bind(Messages.XvfbDisplay_setupTimeout, new Object[] { SETUP_TIMEOUT_S, name, log }));
		}
		if (setup.exitValue() != 0) {
			throw new IOException(NLS.bind(Messages.XvfbDisplay_setupFailed, new Object[] { name, setup.exitValue(), log }));
		}
	}

	/** Ends what the setup command left running (its process group). */
	void endSetup() {
		if (setup != null) {
			// setsid made the command a process group leader: end everything it left running.
			try {
				new ProcessBuilder("kill", "-TERM", "--", "-" + setup.pid()).redirectErrorStream(true) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
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
