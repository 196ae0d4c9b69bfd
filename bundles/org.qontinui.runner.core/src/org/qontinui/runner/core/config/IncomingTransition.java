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

/** Runs when {@code toState} becomes active. */
public class IncomingTransition extends Transition {

	private static final Map<String, String> ALIASES = Map.of("to_state", "toState", "execute_after", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
			"executeAfter", "retry_count", "retryCount", "to", "toState"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$

	private String toState;
	private List<String> executeAfter;

	@Override
	protected Map<String, String> aliases() {
		return ALIASES;
	}

	@Override
	public TransitionKind getKind() {
		return TransitionKind.INCOMING;
	}

	@Override
	public String getToState() {
		return toState;
	}

	public void setToState(String toState) {
		this.toState = toState;
	}

	public List<String> getExecuteAfter() {
		return listOrEmpty(executeAfter);
	}
}
