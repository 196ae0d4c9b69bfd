package org.qontinui.runner.bridge.events;

/** {@code qontinui/transitionStarted} and {@code qontinui/transitionCompleted} ({@code success} set). */
public record TransitionEvent(String transitionId, String fromState, String toState, Boolean success, String error) {
}
