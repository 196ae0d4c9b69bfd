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

/**
 * {@code qontinui/interruption}: an interrupting state (a popup, a dialog) was seen while an action
 * waited; the executor takes {@code transitionId} out of it. {@code duringActionId} may be null.
 */
public record InterruptionEvent(String stateId, String stateName, double score, String transitionId,
		String duringActionId, double elapsed) {
}
