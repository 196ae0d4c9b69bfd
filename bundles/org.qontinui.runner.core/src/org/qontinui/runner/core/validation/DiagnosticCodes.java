package org.qontinui.runner.core.validation;

/** The stable {@link Diagnostic#code()} values reported by this bundle. */
public final class DiagnosticCodes {

	public static final String MALFORMED_JSON = "malformed-json";
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
