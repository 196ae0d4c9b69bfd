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

/** {@code qontinui/workflowStarted} and {@code qontinui/workflowCompleted} ({@code success} set). */
public record WorkflowEvent(String workflowId, String workflowName, Boolean success, String error) {
}
