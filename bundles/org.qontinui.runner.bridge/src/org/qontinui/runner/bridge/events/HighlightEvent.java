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
 * {@code qontinui/highlight}: a HIGHLIGHT action started drawing; {@code region} is
 * {@code x, y, width, height}. Nothing in the workbench shows it yet; it is typed so it is not
 * reported as an unsupported notification.
 */
public record HighlightEvent(String actionId, Map<String, Double> region, String color, double thickness,
		double durationMs) {
}
