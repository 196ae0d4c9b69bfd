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

import java.util.Objects;

/**
 * One problem found while reading or validating a configuration.
 *
 * @param severity how bad it is
 * @param code     stable rule id (e.g. {@code dangling-reference}) for filters and quick fixes
 * @param message  human readable, complete sentence fragment without trailing period
 * @param pointer  JSON pointer of the offending value, {@code ""} for the whole document
 * @param position line:column of the pointer in the source text, or {@link TextPosition#UNKNOWN}
 */
public record Diagnostic(Severity severity, String code, String message, String pointer, TextPosition position) {

	public enum Severity {
		ERROR, WARNING, INFO
	}

	public Diagnostic {
		Objects.requireNonNull(severity);
		Objects.requireNonNull(code);
		Objects.requireNonNull(message);
		pointer = pointer == null ? "" : pointer; //$NON-NLS-1$
		position = position == null ? TextPosition.UNKNOWN : position;
	}

	public static Diagnostic error(String code, String message, String pointer, TextPosition position) {
		return new Diagnostic(Severity.ERROR, code, message, pointer, position);
	}

	public static Diagnostic warning(String code, String message, String pointer, TextPosition position) {
		return new Diagnostic(Severity.WARNING, code, message, pointer, position);
	}

	public static Diagnostic info(String code, String message, String pointer, TextPosition position) {
		return new Diagnostic(Severity.INFO, code, message, pointer, position);
	}

	public int line() {
		return position.line();
	}

	public int column() {
		return position.column();
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return severity + " " + position + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message + " [" + code + "]"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$
	}
}
