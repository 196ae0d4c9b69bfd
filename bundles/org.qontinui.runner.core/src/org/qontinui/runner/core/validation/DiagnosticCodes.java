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
 * Some of the stable {@link Diagnostic#code()} values; every code and its severity is listed in
 * {@link Vocabulary#rules()} (vocabulary.json, shared with the executor).
 */
public final class DiagnosticCodes {

	public static final String MALFORMED_JSON = "malformed-json";
	public static final String TOO_LARGE = "too-large";
	public static final String TOO_DEEP = "too-deep";
	public static final String BAD_NUMBER = "bad-number";
	public static final String DUPLICATE_KEY = "duplicate-key";
	public static final String MISSING_NAME = "missing-name";
	public static final String UNSUPPORTED_VERSION = "unsupported-version";
	public static final String MISSING_IMAGE_DATA = "missing-image-data";
	public static final String IMAGE_TOO_LARGE = "image-too-large";
	public static final String IMAGE_HASH_MISMATCH = "image-hash-mismatch";
	public static final String NO_PATTERNS = "no-patterns";
	public static final String LIMIT_EXCEEDED = "limit-exceeded";
	public static final String CONTROL_FLOW_CYCLE = "control-flow-cycle";
	public static final String RECURSIVE_WORKFLOW = "recursive-workflow";
	public static final String INTERNAL_ERROR = "internal-error";
	public static final String WRONG_TYPE = "wrong-type";
	public static final String LEGACY_FORMAT = "legacy-format";
	public static final String MISSING_FIELD = "missing-field";
	public static final String BAD_VERSION = "bad-version";
	public static final String DUPLICATE_ID = "duplicate-id";
	public static final String DANGLING_REFERENCE = "dangling-reference";
	public static final String UNKNOWN_ACTION_TYPE = "unknown-action-type";
	public static final String BAD_ENUM_VALUE = "bad-enum-value";
	public static final String BAD_IMAGE = "bad-image";
	public static final String NO_INITIAL_STATE = "no-initial-state";
	public static final String UNREACHABLE_STATE = "unreachable-state";
	public static final String UNUSED_WORKFLOW = "unused-workflow";
	public static final String OFFLINE_COPY = "offline-copy";

	private DiagnosticCodes() {
	}
}
