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

import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.qontinui.runner.bridge.recovery.RetryArguments;
import org.qontinui.runner.bridge.recovery.UpdateImageArguments;
import org.qontinui.runner.bridge.recovery.UpdateImageResponse;

/**
 * The executor's requests: DAP plus the failure recovery requests {@code qontinui/*}, valid while the
 * run is stopped on a failure (see {@code docs/protocol.md}, "Recovery requests").
 */
public interface QontinuiProtocolServer extends IDebugProtocolServer {

	/** Runs the failed action again, optionally with a lower similarity threshold. */
	@JsonRequest("qontinui/retry")
	CompletableFuture<Void> retry(RetryArguments args);

	/** Counts the failed action as passed and goes on. */
	@JsonRequest("qontinui/skip")
	CompletableFuture<Void> skip(Object args);

	/** Ends the run as failed, "aborted by user". */
	@JsonRequest("qontinui/abort")
	CompletableFuture<Void> abort(Object args);

	/** Replaces an image asset's pixels in the executor's loaded configuration; the run stays stopped. */
	@JsonRequest("qontinui/updateImage")
	CompletableFuture<UpdateImageResponse> updateImage(UpdateImageArguments args);
}
