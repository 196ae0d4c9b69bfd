/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge;

import org.eclipse.osgi.util.NLS;

/** The executor bridge's strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.bridge.messages"; //$NON-NLS-1$

	public static String ExecutorConnection_notRunning;
	public static String ExecutorConnection_interrupted;
	public static String ExecutorConnection_noAnswer;
	public static String ExecutorConnection_failed;
	public static String ExitInfo_exited;
	public static String ExitInfo_noStderr;
	public static String ExitInfo_died;
	public static String InterpreterCheck_cannotRun;
	public static String InterpreterCheck_lacks;
	public static String InterpreterCheck_x11Needs;
	public static String InterpreterCheck_notExecutable;
	public static String InterpreterCheck_noAnswer;
	public static String InterpreterCheck_failed;
	public static String InterpreterCheck_interrupted;
	public static String LaunchHandshake_interrupted;
	public static String PythonSources_missing;
	public static String PythonSources_noPackage;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
