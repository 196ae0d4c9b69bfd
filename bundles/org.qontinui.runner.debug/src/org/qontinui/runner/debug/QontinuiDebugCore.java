/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug;

import java.util.concurrent.CompletionException;

import org.eclipse.core.runtime.ILog;

/** Identifiers shared by the debug model, its launch configurations and the UI. */
public final class QontinuiDebugCore {

	public static final String PLUGIN_ID = "org.qontinui.runner.debug"; //$NON-NLS-1$
	/** Debug model identifier of every element and breakpoint. */
	public static final String MODEL_ID = "org.qontinui.runner.debug.model"; //$NON-NLS-1$
	public static final String LAUNCH_TYPE_ID = "org.qontinui.runner.debug.launchType"; //$NON-NLS-1$

	private QontinuiDebugCore() {
	}

	/** Logs a failed request in the error log; the cause's message says what the executor answered. */
	public static void log(String what, Throwable error) {
		Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
		ILog.of(QontinuiDebugCore.class).error(what + ": " + cause.getMessage(), cause); //$NON-NLS-1$
	}
}
