package org.qontinui.runner.bridge.events;

import java.util.List;

/**
 * {@code qontinui/stateChanged}: one state became active ({@code active}) or inactive, with the
 * whole active set after the change and why ({@code initial}, {@code transition}, {@code find}, ...).
 */
public record StateChangedEvent(String stateId, String stateName, boolean active, List<String> activeStates,
		String reason) {
}
