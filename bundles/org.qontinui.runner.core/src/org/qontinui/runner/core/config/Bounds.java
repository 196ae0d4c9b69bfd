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
