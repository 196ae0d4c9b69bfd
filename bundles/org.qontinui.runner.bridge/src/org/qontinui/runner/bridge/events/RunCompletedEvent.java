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

/**
 * {@code qontinui/runCompleted}: the run's result, sent before {@code exited}. {@code seenStates},
 * {@code detection} and {@code interruptions} are null from an executor that does not report them.
 */
public record RunCompletedEvent(boolean success, double durationMs, int actionsPassed, int actionsFailed,
		String error, List<String> activeStates, String workflowId, List<String> seenStates,
		DetectionSummary detection, Integer interruptions) {

	/** The run's state detections: how many, their total and longest time, the budget, how many ran out of it. */
	public record DetectionSummary(int count, double totalMs, double maxMs, double budgetMs, int overBudget) {
	}

	/** A result without the seen states and detection figures. */
	public RunCompletedEvent(boolean success, double durationMs, int actionsPassed, int actionsFailed, String error,
			List<String> activeStates, String workflowId) {
		this(success, durationMs, actionsPassed, actionsFailed, error, activeStates, workflowId, null, null, null);
	}
}
