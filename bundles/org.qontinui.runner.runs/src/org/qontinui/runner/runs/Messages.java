/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.runs;

import org.eclipse.osgi.util.NLS;

/** The run log's strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.runs.messages"; //$NON-NLS-1$

	public static String RunRecord_runStarted;
	public static String RunRecord_runStartedWorkflow;
	public static String RunRecord_suspended;
	public static String RunRecord_stateSeen;
	public static String RunRecord_stateAssumed;
	public static String RunRecord_stateWithReason;
	public static String RunRecord_activeSeen;
	public static String RunRecord_activeAssumed;
	public static String RunRecord_entered;
	public static String RunRecord_left;
	public static String RunRecord_detection;
	public static String RunRecord_budgetRanOut;
	public static String RunRecord_none;
	public static String RunRecord_notSearched;
	public static String RunRecord_navigation;
	public static String RunRecord_navigationScores;
	public static String RunRecord_interruption;
	public static String RunRecord_interruptionDuring;
	public static String RunRecord_transitionStarted;
	public static String RunRecord_transitionDone;
	public static String RunRecord_transitionFailed;
	public static String RunRecord_transitionFailedWith;
	public static String RunRecord_workflowStarted;
	public static String RunRecord_workflowPassed;
	public static String RunRecord_workflowFailed;
	public static String RunRecord_actionStarted;
	public static String RunRecord_actionStartedNamed;
	public static String RunRecord_actionOk;
	public static String RunRecord_actionFailed;
	public static String RunRecord_actionDetail;
	public static String RunRecord_actionTime;
	public static String RunRecord_actionTimeAttempts;
	public static String RunRecord_found;
	public static String RunRecord_notFound;
	public static String RunRecord_matchAt;
	public static String RunRecord_matchTime;
	public static String RunRecord_screenshotSaved;
	public static String RunRecord_screenshotSavedWhy;
	public static String RunRecord_detectionSummary;
	public static String RunRecord_runPassed;
	public static String RunRecord_runFailed;
	public static String RunRecord_runFailedWith;
	public static String RunRecord_runEnded;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
