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
		return line + ":" + column;
	}
}
