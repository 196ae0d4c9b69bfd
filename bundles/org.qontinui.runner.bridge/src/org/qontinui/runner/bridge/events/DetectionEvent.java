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
import java.util.Map;

/**
 * {@code qontinui/detection}: the executor searched the screen for states. {@code reason} is
 * {@code runStart}, {@code beforePlan}, {@code afterFailure}, {@code transitionLanded} or
 * {@code recovery}; {@code scores} holds each candidate's score (exact for a seen state, a lower
 * bound for one not seen); {@code complete} is false when {@code budgetMs} ran out before every
 * candidate was searched.
 */
public record DetectionEvent(String reason, List<String> assumed, List<String> candidates, List<String> seen,
		Map<String, Double> scores, double durationMs, double budgetMs, boolean complete, double elapsed) {

	/** Whether the detection took longer than its time budget. */
	public boolean overBudget() {
		return !complete || durationMs > budgetMs;
	}
}
