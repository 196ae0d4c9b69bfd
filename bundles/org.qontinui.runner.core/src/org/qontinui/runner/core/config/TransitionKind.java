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

import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.validation.Vocabulary;

/** Direction of a transition. */
public enum TransitionKind {
	/** Leaves {@code fromState}; runs workflows that should bring up {@code toState}. */
	OUTGOING("OutgoingTransition"), //$NON-NLS-1$
	/** Runs when {@code toState} is reached, e.g. to verify it. */
	INCOMING("IncomingTransition"); //$NON-NLS-1$

	private final String canonicalType;

	TransitionKind(String canonicalType) {
		this.canonicalType = canonicalType;
	}

	/** The {@code type} value the v2 format uses. */
	public String canonicalType() {
		return canonicalType;
	}

	/**
	 * Reads the spellings seen in the wild ({@code OutgoingTransition}, {@code outgoing},
	 * {@code FromTransition}, {@code IncomingTransition}, {@code incoming}, {@code ToTransition});
	 * null for anything else.
	 */
	public static TransitionKind fromType(String type) {
		if (type == null) {
			return null;
		}
		String kind = Vocabulary.get().enumMap("transitionType").get(ConfigValidator.enumKey(type)); //$NON-NLS-1$
		return kind == null ? null : kind.equals("outgoing") ? OUTGOING : INCOMING; //$NON-NLS-1$
	}
}
