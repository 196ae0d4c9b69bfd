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

	private static final String P = "org.qontinui.runner.debug."; //$NON-NLS-1$

	/** Configuration file path, or a workspace path starting with {@code /project/}, or an http(s) URL. */
	public static final String CONFIG = P + "config"; //$NON-NLS-1$
	public static final String WORKFLOW = P + "workflow"; //$NON-NLS-1$
	/** List of state ids; empty means: as the configuration says. */
	public static final String INITIAL_STATES = P + "initialStates"; //$NON-NLS-1$
	/** {@code x11}, {@code screenshots} or {@code mock}. */
	public static final String BACKEND = P + "backend"; //$NON-NLS-1$
	public static final String SCREENSHOTS = P + "screenshots"; //$NON-NLS-1$
	public static final String MONITOR = P + "monitor"; //$NON-NLS-1$
	/** {@code stop}, {@code continue} or {@code pause}; empty means: as the configuration says. */
	public static final String FAILURE_STRATEGY = P + "failureStrategy"; //$NON-NLS-1$
	public static final String SLOW_STEP_MS = P + "slowStepMs"; //$NON-NLS-1$
	public static final String PYTHON = P + "python"; //$NON-NLS-1$
	/** List of state ids: instead of a workflow, navigate to these states (GO_TO_STATE). */
	public static final String GO_TO_STATES = P + "goToStates"; //$NON-NLS-1$
	/** Extra folders for the executor's PYTHONPATH, one per line. */
	public static final String EXTRA_PYTHON_PATH = P + "extraPythonPath"; //$NON-NLS-1$
	/** Boolean: save the frame each action saw into the run folder, for replay. */
	public static final String RECORD = P + "record"; //$NON-NLS-1$
	/** A recorded run folder to replay (docs/protocol.md, "Run folder"); empty: a live run. */
	public static final String REPLAY = P + "replay"; //$NON-NLS-1$

	public static final String DEFAULT_BACKEND = "x11"; //$NON-NLS-1$

	/** Preference node shared by the UI's preference page and launches (which may run headless). */
	public static final String PREFERENCE_NODE = "org.qontinui.runner"; //$NON-NLS-1$
	/** Preference: the interpreter used when a launch names none. */
	public static final String PREF_PYTHON = "python"; //$NON-NLS-1$
	/** Preference: save a screenshot when an action fails (default true). */
	public static final String PREF_SCREENSHOT_ON_ERROR = "screenshotOnError"; //$NON-NLS-1$
	/** Preference: how many runs keep their folder and history entry (default 50). */
	public static final String PREF_LOG_RETENTION_RUNS = "logRetentionRuns"; //$NON-NLS-1$

	private LaunchAttributes() {
	}
}
