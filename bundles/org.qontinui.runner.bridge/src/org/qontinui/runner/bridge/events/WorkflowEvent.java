package org.qontinui.runner.bridge.events;

/** {@code qontinui/workflowStarted} and {@code qontinui/workflowCompleted} ({@code success} set). */
public record WorkflowEvent(String workflowId, String workflowName, Boolean success, String error) {
}
