/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge;

import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.qontinui.runner.bridge.events.ActionCompletedEvent;
import org.qontinui.runner.bridge.events.ActionStartedEvent;
import org.qontinui.runner.bridge.events.DetectionEvent;
import org.qontinui.runner.bridge.events.FrameRecordedEvent;
import org.qontinui.runner.bridge.events.HighlightEvent;
import org.qontinui.runner.bridge.events.InterruptionEvent;
import org.qontinui.runner.bridge.events.MatchEvent;
import org.qontinui.runner.bridge.events.NavigationEvent;
import org.qontinui.runner.bridge.events.RunCompletedEvent;
import org.qontinui.runner.bridge.events.ScreenshotEvent;
import org.qontinui.runner.bridge.events.StateChangedEvent;
import org.qontinui.runner.bridge.events.TransitionEvent;
import org.qontinui.runner.bridge.events.WorkflowEvent;

/** The DAP client side plus the executor's {@code qontinui/*} events, so lsp4j decodes them into types. */
public interface QontinuiProtocolClient extends IDebugProtocolClient {

	@JsonNotification("qontinui/stateChanged")
	void stateChanged(StateChangedEvent event);

	@JsonNotification("qontinui/actionStarted")
	void actionStarted(ActionStartedEvent event);

	@JsonNotification("qontinui/actionCompleted")
	void actionCompleted(ActionCompletedEvent event);

	@JsonNotification("qontinui/match")
	void match(MatchEvent event);

	@JsonNotification("qontinui/screenshot")
	void screenshot(ScreenshotEvent event);

	@JsonNotification("qontinui/transitionStarted")
	void transitionStarted(TransitionEvent event);

	@JsonNotification("qontinui/transitionCompleted")
	void transitionCompleted(TransitionEvent event);

	@JsonNotification("qontinui/workflowStarted")
	void workflowStarted(WorkflowEvent event);

	@JsonNotification("qontinui/workflowCompleted")
	void workflowCompleted(WorkflowEvent event);

	@JsonNotification("qontinui/runCompleted")
	void runCompleted(RunCompletedEvent event);

	@JsonNotification("qontinui/detection")
	void detection(DetectionEvent event);

	@JsonNotification("qontinui/navigation")
	void navigation(NavigationEvent event);

	@JsonNotification("qontinui/interruption")
	void interruption(InterruptionEvent event);

	/** Typed so lsp4j does not call it unsupported; the workbench draws nothing for it. */
	@JsonNotification("qontinui/highlight")
	default void highlight(HighlightEvent event) {
	}

	/** Normally only in {@code events.jsonl}; typed so a relay of it is not unsupported. */
	@JsonNotification("qontinui/frameRecorded")
	default void frameRecorded(FrameRecordedEvent event) {
	}
}
