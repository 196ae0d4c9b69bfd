/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.validation;

/**
 * A 1-based line and column in a configuration text. {@link #UNKNOWN} (0:0) is used for
 * configurations that were not read from text.
 */
public record TextPosition(int line, int column) {

	public static final TextPosition UNKNOWN = new TextPosition(0, 0);

	public boolean isKnown() {
		return line > 0;
	}

	@Override
	public String toString() {
		return line + ":" + column; //$NON-NLS-1$
	}
}
