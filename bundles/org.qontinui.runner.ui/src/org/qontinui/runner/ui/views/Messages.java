/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.views;

import org.eclipse.osgi.util.NLS;

/** The views' user-visible strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.views.messages"; //$NON-NLS-1$

	public static String ConfigExplorer_open;
	public static String ConfigExplorer_reload;
	public static String ConfigExplorer_run;
	public static String ConfigExplorer_debug;
	public static String ConfigExplorer_runWorkflow;
	public static String ConfigExplorer_debugWorkflow;
	public static String ConfigExplorer_goToState;
	public static String ConfigExplorer_toggleBreakpoint;
	public static String ConfigExplorer_showInDiagram;
	public static String ConfigExplorer_showIn;
	public static String ConfigExplorer_openInEditor;
	public static String ConfigExplorer_close;
	public static String ConfigExplorer_nameWithErrors;
	public static String ConfigExplorer_nameWithLocation;
	public static String ConfigExplorer_atLine;
	public static String ConfigExplorer_andMore;
	public static String RunConsole_name;
	public static String RunLog_levelDebug;
	public static String RunLog_levelInfo;
	public static String RunLog_levelWarning;
	public static String RunLog_levelError;
	public static String RunLog_kindState;
	public static String RunLog_kindAction;
	public static String RunLog_kindMatch;
	public static String RunLog_kindError;
	public static String RunLog_kindOther;
	public static String RunLog_search;
	public static String RunLog_time;
	public static String RunLog_level;
	public static String RunLog_kind;
	public static String RunLog_score;
	public static String RunLog_message;
	public static String RunLog_withScreenshot;
	public static String RunLog_exportJsonLines;
	public static String RunLog_exportText;
	public static String RunLog_openReport;
	public static String RunLog_exportTitle;
	public static String RunLog_cannotWrite;
	public static String RunLog_cannotOpenScreenshot;
	public static String ExecutionMonitor_lastMatch;
	public static String ExecutionMonitor_templateTooltip;
	public static String ExecutionMonitor_foundTooltip;
	public static String ExecutionMonitor_pastRuns;
	public static String ExecutionMonitor_started;
	public static String ExecutionMonitor_configuration;
	public static String ExecutionMonitor_duration;
	public static String ExecutionMonitor_result;
	public static String ExecutionMonitor_actions;
	public static String ExecutionMonitor_configWithWorkflow;
	public static String ExecutionMonitor_actionCounts;
	public static String ExecutionMonitor_openReport;
	public static String ExecutionMonitor_noRun;
	public static String ExecutionMonitor_noRunHint;
	public static String ExecutionMonitor_status;
	public static String ExecutionMonitor_starting;
	public static String ExecutionMonitor_running;
	public static String ExecutionMonitor_suspended;
	public static String ExecutionMonitor_passed;
	public static String ExecutionMonitor_failed;
	public static String ExecutionMonitor_crashed;
	public static String ExecutionMonitor_terminated;
	public static String ExecutionMonitor_where;
	public static String ExecutionMonitor_whereWithFailure;
	public static String ExecutionMonitor_counts;
	public static String ExecutionMonitor_countsOfTotal;
	public static String ExecutionMonitor_found;
	public static String ExecutionMonitor_notFound;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
