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

import java.util.List;

/**
 * {@code qontinui/stateChanged}: one state became active ({@code active}) or inactive, with the
 * whole active set after the change and why ({@code initial}, {@code transition}, {@code find},
 * {@code detected}, {@code interruption}, {@code hidden}, {@code revealed}, ...). {@code seen} says whether
 * this state was confirmed on screen (null from an executor that does not tell); {@code seenStates} is
 * the part of {@code activeStates} confirmed on screen, the rest is only assumed.
 */
public record StateChangedEvent(String stateId, String stateName, boolean active, List<String> activeStates,
		String reason, Boolean seen, List<String> seenStates) {

	/** The seen states, never null: empty when the executor did not say. */
	public List<String> seenStatesOrEmpty() {
		return seenStates == null ? List.of() : seenStates;
	}
}
