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

import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.qontinui.runner.bridge.events.ActionCompletedEvent;
import org.qontinui.runner.bridge.events.ActionStartedEvent;
import org.qontinui.runner.bridge.events.DetectionEvent;
import org.qontinui.runner.bridge.events.InterruptionEvent;
import org.qontinui.runner.bridge.events.MatchEvent;
import org.qontinui.runner.bridge.events.NavigationEvent;
import org.qontinui.runner.bridge.events.RunCompletedEvent;
import org.qontinui.runner.bridge.events.ScreenshotEvent;
import org.qontinui.runner.bridge.events.StateChangedEvent;
import org.qontinui.runner.bridge.events.TransitionEvent;
import org.qontinui.runner.bridge.events.WorkflowEvent;

/**
 * Receives what the executor reports. Called on one event thread, never the UI thread, in the order
 * the executor wrote the events; a listener may send requests from here.
 */
public interface ExecutorEventListener {

	default void initialized() {
	}

	default void stopped(StoppedEventArguments args) {
	}

	default void continued(ContinuedEventArguments args) {
	}

	default void output(OutputEventArguments args) {
	}

	default void terminated(TerminatedEventArguments args) {
	}

	default void exited(ExitedEventArguments args) {
	}

	default void stateChanged(StateChangedEvent event) {
	}

	default void actionStarted(ActionStartedEvent event) {
	}

	default void actionCompleted(ActionCompletedEvent event) {
	}

	default void match(MatchEvent event) {
	}

	default void screenshot(ScreenshotEvent event) {
	}

	default void transitionStarted(TransitionEvent event) {
	}

	default void transitionCompleted(TransitionEvent event) {
	}

	default void workflowStarted(WorkflowEvent event) {
	}

	default void workflowCompleted(WorkflowEvent event) {
	}

	default void runCompleted(RunCompletedEvent event) {
	}

	/** A state detection: which states were searched, seen, their scores and its time vs budget. */
	default void detection(DetectionEvent event) {
	}

	/** A navigation decision with the scores that made it. */
	default void navigation(NavigationEvent event) {
	}

	/** An interrupting state (popup) was seen and is being closed. */
	default void interruption(InterruptionEvent event) {
	}

	/** Last call: the process ended, by request or by crash ({@link ExitInfo#isCrash()}). */
	default void executorExited(ExitInfo exit) {
	}
}
