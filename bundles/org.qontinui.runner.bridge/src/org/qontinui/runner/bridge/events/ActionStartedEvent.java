package org.qontinui.runner.bridge.events;

/**
 * {@code qontinui/actionStarted}: an action is about to run (before it touches mouse or keyboard);
 * {@code timestamp} is the executor's wall clock in seconds when it built the event.
 */
public record ActionStartedEvent(String actionId, String actionType, String name, String workflowId, double timestamp) {
}
