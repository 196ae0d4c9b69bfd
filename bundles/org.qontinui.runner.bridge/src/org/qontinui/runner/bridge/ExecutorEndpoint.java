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

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The other end of a protocol session: where frames are read from and written to, and how it ends.
 * {@link ExecutorProcess} is the real one; the debug model's tests plug in a Java stub adapter.
 */
public interface ExecutorEndpoint {

	/** Frames from the adapter. */
	InputStream input();

	/** Frames to the adapter. */
	OutputStream output();

	/** Completes with the exit code once the adapter has gone. */
	CompletableFuture<Integer> onExit();

	boolean isAlive();

	/** Ends the adapter, politely first, by force after {@code grace}. */
	void destroy(Duration grace);

	/** The last lines the adapter wrote to its log, to explain a crash. */
	List<String> stderrTail();
}
