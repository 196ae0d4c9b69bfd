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
 * {@code qontinui/frameRecorded}: a screen capture of a recorded run was written to {@code path}
 * (normally only in {@code events.jsonl}, typed here so a relay of it is not unsupported).
 */
public record FrameRecordedEvent(String path, int ordinal, int index, String actionId, String purpose,
		double elapsed) {
}
