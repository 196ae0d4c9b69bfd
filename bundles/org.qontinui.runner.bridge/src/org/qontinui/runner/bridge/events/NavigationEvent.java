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

import java.util.Map;

/**
 * {@code qontinui/navigation}: one planning decision ({@code plan}, {@code replan},
 * {@code retryTransition}, {@code blockTransition}, {@code landedElsewhere}, {@code giveUp}) with the
 * state scores behind it; {@code transitionId} and {@code scores} may be null.
 */
public record NavigationEvent(String decision, String message, String transitionId, Map<String, Double> scores,
		double elapsed) {
}
