package org.qontinui.runner.bridge.events;

/** {@code qontinui/actionCompleted}: an action ended; {@code message} says what it did or why it failed. */
public record ActionCompletedEvent(String actionId, String actionType, boolean success, String message,
		int attempts, double durationMs) {
}
