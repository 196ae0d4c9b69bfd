package org.qontinui.runner.core.internal.json;

/** Receives a problem found while reading: a rule code of the vocabulary, a JSON pointer, a message. */
@FunctionalInterface
public interface Reporter {

	void report(String code, String pointer, String message);
}
