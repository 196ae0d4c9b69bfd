/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.config;

import java.util.List;
import java.util.Map;

/** Leaves {@code fromState}; activates {@code toState} and {@code activateStates}. */
public class OutgoingTransition extends Transition {

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("from_state", "fromState"), //$NON-NLS-1$//$NON-NLS-2$
			Map.entry("to_state", "toState"), Map.entry("stays_visible", "staysVisible"), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
			Map.entry("activate_states", "activateStates"), Map.entry("deactivate_states", "deactivateStates"), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
			Map.entry("retry_count", "retryCount"), //$NON-NLS-1$//$NON-NLS-2$
			// Brobot's vocabulary (vocabulary.json "aliases"/"transition")
			Map.entry("from", "fromState"), Map.entry("to", "toState"), Map.entry("exit", "deactivateStates"), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$
			Map.entry("activate", "activateStates")); //$NON-NLS-1$//$NON-NLS-2$

	private String fromState;
	private String toState;
	private Boolean staysVisible;
	private List<String> activateStates;
	private List<String> deactivateStates;

	@Override
	protected Map<String, String> aliases() {
		return ALIASES;
	}

	@Override
	public TransitionKind getKind() {
		return TransitionKind.OUTGOING;
	}

	public String getFromState() {
		return fromState;
	}

	public void setFromState(String fromState) {
		this.fromState = fromState;
	}

	@Override
	public String getToState() {
		return toState;
	}

	public void setToState(String toState) {
		this.toState = toState;
	}

	public boolean isStaysVisible() {
		return Boolean.TRUE.equals(staysVisible);
	}

	public List<String> getActivateStates() {
		return listOrEmpty(activateStates);
	}

	public void setActivateStates(List<String> activateStates) {
		this.activateStates = activateStates;
	}

	public List<String> getDeactivateStates() {
		return listOrEmpty(deactivateStates);
	}

	public void setDeactivateStates(List<String> deactivateStates) {
		this.deactivateStates = deactivateStates;
	}
}
