/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.breakpoints;

import org.eclipse.osgi.util.NLS;

/** The breakpoints' labels and verification messages (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.debug.breakpoints.messages"; //$NON-NLS-1$

	public static String ElementBreakpoint_state;
	public static String ElementBreakpoint_transition;
	public static String ElementBreakpoint_workflow;
	public static String ElementBreakpoint_action;
	public static String ElementBreakpoint_other;
	public static String FailureBreakpoint_actionFailed;
	public static String FailureBreakpoint_findFailed;
	public static String FailureBreakpoint_transitionFailed;
	public static String FailureBreakpoint_other;
	public static String InstalledBreakpoints_noFilter;
	public static String InstalledBreakpoints_answerMismatch;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
