package org.qontinui.runner.bridge.events;

import java.util.List;

/** {@code qontinui/runCompleted}: the run's result, sent before {@code exited}. */
public record RunCompletedEvent(boolean success, double durationMs, int actionsPassed, int actionsFailed,
		String error, List<String> activeStates, String workflowId) {
}
