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
 * {@code qontinui/actionStarted}: an action is about to run (before it touches mouse or keyboard);
 * {@code timestamp} is the executor's wall clock in seconds when it built the event.
 */
public record ActionStartedEvent(String actionId, String actionType, String name, String workflowId, double timestamp) {
}
