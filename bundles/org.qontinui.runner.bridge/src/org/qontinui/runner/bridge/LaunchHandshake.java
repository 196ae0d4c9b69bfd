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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;

/**
 * The one way a run starts, for the workbench's launches and the headless runner alike:
 * {@code initialize}, {@code launch}, the client's configuration (breakpoints, exception filters),
 * then {@code configurationDone}, after which the executor runs. Call it off the UI thread.
 */
public final class LaunchHandshake {

	/** What a client sends between {@code launch} and {@code configurationDone}. */
	@FunctionalInterface
	public interface Configuration {

		/** Sends the configuration requests; the run starts when the returned future completes. */
		CompletableFuture<?> configure(ExecutorConnection connection, Capabilities capabilities);

		/** Nothing to configure: a run without breakpoints. */
		Configuration NONE = (connection, capabilities) -> CompletableFuture.completedFuture(null);
	}

	private LaunchHandshake() {
	}

	/**
	 * Starts the run. A refused launch throws an {@link ExecutorException} whose
	 * {@link ExecutorException#errorId()} tells why ({@link ProtocolErrors}); a configuration that fails
	 * does not stop the run (its breakpoints report the failure themselves).
	 *
	 * @return the executor's capabilities
	 */
	public static Capabilities start(ExecutorConnection connection, LaunchArguments arguments,
			Configuration configuration) throws ExecutorException {
		Capabilities capabilities = connection.initialize();
		connection.launch(arguments);
		awaitConfiguration(configuration.configure(connection, capabilities));
		connection.call("configurationDone", s -> s.configurationDone(new ConfigurationDoneArguments())); //$NON-NLS-1$
		return capabilities;
	}

	private static void awaitConfiguration(CompletableFuture<?> configured) throws ExecutorException {
		try {
			configured.get(ExecutorConnection.DEFAULT_REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		} catch (ExecutionException | TimeoutException e) {
			// Reported per breakpoint by the configuration; the run itself can go.
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ExecutorException(Messages.LaunchHandshake_interrupted, e);
		}
	}
}
