package org.qontinui.runner.bridge.events;

/** {@code qontinui/actionStarted}: an action is about to run (before it touches mouse or keyboard). */
public record ActionStartedEvent(String actionId, String actionType, String name, String workflowId) {
}
