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

	public static final String MALFORMED_JSON = "malformed-json"; //$NON-NLS-1$
	public static final String TOO_LARGE = "too-large"; //$NON-NLS-1$
	public static final String TOO_DEEP = "too-deep"; //$NON-NLS-1$
	public static final String BAD_NUMBER = "bad-number"; //$NON-NLS-1$
	public static final String DUPLICATE_KEY = "duplicate-key"; //$NON-NLS-1$
	public static final String MISSING_NAME = "missing-name"; //$NON-NLS-1$
	public static final String UNSUPPORTED_VERSION = "unsupported-version"; //$NON-NLS-1$
	public static final String MISSING_IMAGE_DATA = "missing-image-data"; //$NON-NLS-1$
	public static final String IMAGE_TOO_LARGE = "image-too-large"; //$NON-NLS-1$
	public static final String IMAGE_HASH_MISMATCH = "image-hash-mismatch"; //$NON-NLS-1$
	public static final String NO_PATTERNS = "no-patterns"; //$NON-NLS-1$
	public static final String LIMIT_EXCEEDED = "limit-exceeded"; //$NON-NLS-1$
	public static final String CONTROL_FLOW_CYCLE = "control-flow-cycle"; //$NON-NLS-1$
	public static final String RECURSIVE_WORKFLOW = "recursive-workflow"; //$NON-NLS-1$
	public static final String INTERNAL_ERROR = "internal-error"; //$NON-NLS-1$
	public static final String WRONG_TYPE = "wrong-type"; //$NON-NLS-1$
	public static final String LEGACY_FORMAT = "legacy-format"; //$NON-NLS-1$
	public static final String MISSING_FIELD = "missing-field"; //$NON-NLS-1$
	public static final String BAD_VERSION = "bad-version"; //$NON-NLS-1$
	public static final String DUPLICATE_ID = "duplicate-id"; //$NON-NLS-1$
	public static final String DANGLING_REFERENCE = "dangling-reference"; //$NON-NLS-1$
	public static final String UNKNOWN_ACTION_TYPE = "unknown-action-type"; //$NON-NLS-1$
	public static final String BAD_ENUM_VALUE = "bad-enum-value"; //$NON-NLS-1$
	public static final String BAD_IMAGE = "bad-image"; //$NON-NLS-1$
	public static final String NO_INITIAL_STATE = "no-initial-state"; //$NON-NLS-1$
	public static final String UNREACHABLE_STATE = "unreachable-state"; //$NON-NLS-1$
	public static final String UNUSED_WORKFLOW = "unused-workflow"; //$NON-NLS-1$
	public static final String OFFLINE_COPY = "offline-copy"; //$NON-NLS-1$

	private DiagnosticCodes() {
	}
}
