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

/** A screen rectangle in pixels, top-left origin. */
public class Bounds extends ConfigElement {

	private Number x;
	private Number y;
	private Number width;
	private Number height;

	public Bounds() {
	}

	public Bounds(int x, int y, int width, int height) {
		this.x = x;
		this.y = y;
		this.width = width;
		this.height = height;
	}

	public int getX() {
		return intValue(x, 0);
	}

	public int getY() {
		return intValue(y, 0);
	}

	public int getWidth() {
		return intValue(width, 0);
	}

	public int getHeight() {
		return intValue(height, 0);
	}

	boolean isEmpty() {
		return x == null && y == null && width == null && height == null;
	}
}
