/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.launcher;

/** Keys of a "Qontinui Automation" launch configuration. */
public final class LaunchAttributes {

	private static final String P = "org.qontinui.runner.debug.";

	/** Configuration file path, or a workspace path starting with {@code /project/}, or an http(s) URL. */
	public static final String CONFIG = P + "config";
	public static final String WORKFLOW = P + "workflow";
	/** List of state ids; empty means: as the configuration says. */
	public static final String INITIAL_STATES = P + "initialStates";
	/** {@code x11}, {@code screenshots} or {@code mock}. */
	public static final String BACKEND = P + "backend";
	public static final String SCREENSHOTS = P + "screenshots";
	public static final String MONITOR = P + "monitor";
	/** {@code stop}, {@code continue} or {@code pause}; empty means: as the configuration says. */
	public static final String FAILURE_STRATEGY = P + "failureStrategy";
	public static final String SLOW_STEP_MS = P + "slowStepMs";
	public static final String PYTHON = P + "python";
	/** List of state ids: instead of a workflow, navigate to these states (GO_TO_STATE). */
	public static final String GO_TO_STATES = P + "goToStates";
	/** Extra folders for the executor's PYTHONPATH, one per line. */
	public static final String EXTRA_PYTHON_PATH = P + "extraPythonPath";
	/** Boolean: save the frame each action saw into the run folder, for replay. */
	public static final String RECORD = P + "record";
	/** A recorded run folder to replay (docs/protocol.md, "Run folder"); empty: a live run. */
	public static final String REPLAY = P + "replay";

	public static final String DEFAULT_BACKEND = "x11";

	/** Preference node shared by the UI's preference page and launches (which may run headless). */
	public static final String PREFERENCE_NODE = "org.qontinui.runner";
	/** Preference: the interpreter used when a launch names none. */
	public static final String PREF_PYTHON = "python";
	/** Preference: save a screenshot when an action fails (default true). */
	public static final String PREF_SCREENSHOT_ON_ERROR = "screenshotOnError";
	/** Preference: how many runs keep their folder and history entry (default 50). */
	public static final String PREF_LOG_RETENTION_RUNS = "logRetentionRuns";

	private LaunchAttributes() {
	}
}
