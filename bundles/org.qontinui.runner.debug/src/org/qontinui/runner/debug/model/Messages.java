/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.model;

import org.eclipse.osgi.util.NLS;

/** The debug model's labels and errors (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.debug.model.messages"; //$NON-NLS-1$

	public static String QontinuiThread_running;
	public static String QontinuiThread_stepping;
	public static String QontinuiThread_suspended;
	public static String QontinuiThread_terminated;
	public static String QontinuiThread_paused;
	public static String QontinuiThread_cannotReadStack;
	public static String QontinuiStackFrame_cannotReadScopes;
	public static String QontinuiStackFrame_cannotEvaluate;
	public static String QontinuiValue_cannotReadVariables;
	public static String QontinuiVariable_cannotSet;
	public static String QontinuiWatchExpressionDelegate_notSuspended;
	public static String QontinuiDebugTarget_name;
	public static String QontinuiDebugTarget_nameWithExit;
	public static String QontinuiProcess_stderrTail;
	public static String QontinuiProcess_endedUnexpectedly;
	public static String QontinuiProcess_stillRunning;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
