/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.runs.report;

import org.eclipse.osgi.util.NLS;

/** The HTML report's strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.runs.report.messages"; //$NON-NLS-1$

	public static String HtmlReport_summary;
	public static String HtmlReport_passedCount;
	public static String HtmlReport_failedCount;
	public static String HtmlReport_failedSkippedCount;
	public static String HtmlReport_columnRun;
	public static String HtmlReport_columnConfiguration;
	public static String HtmlReport_columnWorkflow;
	public static String HtmlReport_columnResult;
	public static String HtmlReport_columnTime;
	public static String HtmlReport_columnDisplay;
	public static String HtmlReport_defaultWorkflow;
	public static String HtmlReport_passed;
	public static String HtmlReport_failed;
	public static String HtmlReport_skipped;
	public static String HtmlReport_verdictWithNote;
	public static String HtmlReport_seconds;
	public static String HtmlReport_milliseconds;
	public static String HtmlReport_runFolder;
	public static String HtmlReport_timeline;
	public static String HtmlReport_noEvents;
	public static String HtmlReport_columnKind;
	public static String HtmlReport_columnWhat;
	public static String HtmlReport_columnStart;
	public static String HtmlReport_columnDuration;
	public static String HtmlReport_kindState;
	public static String HtmlReport_kindDetection;
	public static String HtmlReport_kindInterruption;
	public static String HtmlReport_kindTransition;
	public static String HtmlReport_kindAction;
	public static String HtmlReport_stateSeen;
	public static String HtmlReport_stateAssumed;
	public static String HtmlReport_detection;
	public static String HtmlReport_none;
	public static String HtmlReport_interruption;
	public static String HtmlReport_transition;
	public static String HtmlReport_activeAtEnd;
	public static String HtmlReport_activeAtEndSeen;
	public static String HtmlReport_activeAtEndAssumed;
	public static String HtmlReport_failures;
	public static String HtmlReport_failedAction;
	public static String HtmlReport_screenshotMissing;
	public static String HtmlReport_bestScore;
	public static String HtmlReport_found;
	public static String HtmlReport_notFound;
	public static String HtmlReport_template;
	public static String HtmlReport_bestMatch;
	public static String HtmlReport_performance;
	public static String HtmlReport_waitingActing;
	public static String HtmlReport_columnSlowestFinds;
	public static String HtmlReport_columnAction;
	public static String HtmlReport_columnMs;
	public static String HtmlReport_columnScore;
	public static String HtmlReport_columnMethod;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
