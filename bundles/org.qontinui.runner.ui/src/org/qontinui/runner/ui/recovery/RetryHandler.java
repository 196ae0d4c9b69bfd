/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.recovery;

import org.eclipse.core.commands.ExecutionEvent;
import org.qontinui.runner.debug.model.QontinuiThread;

/** Retry: runs the failed action again. */
public class RetryHandler extends FailureRecoveryHandler {

	@Override
	protected void recover(QontinuiThread thread, ExecutionEvent event) {
		thread.retry(null);
	}
}
