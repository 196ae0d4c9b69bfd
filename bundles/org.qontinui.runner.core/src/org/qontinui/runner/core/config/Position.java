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

/** Diagram position of a state; numbers are kept as read (int or float). */
public class Position extends ConfigElement {

	private Number x;
	private Number y;

	public Position() {
	}

	public Position(int x, int y) {
		this.x = x;
		this.y = y;
	}

	public int getX() {
		return intValue(x, 0);
	}

	public int getY() {
		return intValue(y, 0);
	}
}
