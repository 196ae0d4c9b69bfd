/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.runs;

import org.eclipse.osgi.util.NLS;

/** Recorded runs' and run reports' strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.runs.messages"; //$NON-NLS-1$

	public static String OpenRecordedRunHandler_title;
	public static String OpenRecordedRunHandler_message;
	public static String OpenRecordedRunHandler_cannotReplay;
	public static String RecordedRuns_notRecorded;
	public static String RecordedRuns_cannotRead;
	public static String RecordedRuns_configurationMissing;
	public static String RecordedRuns_launchName;
	public static String RunReports_noRecord;
	public static String RunReports_title;
	public static String RunReports_browserName;
	public static String RunReports_openTitle;
	public static String RunReports_cannotOpen;
	public static String StepBackHandler_noReplay;
	public static String StepBackHandler_failed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
