/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge.events;

import java.util.List;

/** {@code qontinui/runCompleted}: the run's result, sent before {@code exited}. */
public record RunCompletedEvent(boolean success, double durationMs, int actionsPassed, int actionsFailed,
		String error, List<String> activeStates, String workflowId) {
}
