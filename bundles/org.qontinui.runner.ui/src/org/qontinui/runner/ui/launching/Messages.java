/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.launching;

import org.eclipse.osgi.util.NLS;

/** The launch tabs' and the launch shortcut's strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.launching.messages"; //$NON-NLS-1$

	public static String MainTab_name;
	public static String MainTab_configuration;
	public static String MainTab_workspace;
	public static String MainTab_fileSystem;
	public static String MainTab_workflow;
	public static String MainTab_initialStates;
	public static String MainTab_selectConfiguration;
	public static String MainTab_states;
	public static String MainTab_chooseConfiguration;
	public static String MainTab_configurationMissing;
	public static String MainTab_notJson;
	public static String MainTab_noWorkflow;
	public static String MainTab_noState;
	public static String ExecutionTab_name;
	public static String ExecutionTab_backend;
	public static String ExecutionTab_backendX11;
	public static String ExecutionTab_backendScreenshots;
	public static String ExecutionTab_backendMock;
	public static String ExecutionTab_screenshotFolder;
	public static String ExecutionTab_browse;
	public static String ExecutionTab_monitor;
	public static String ExecutionTab_onFailure;
	public static String ExecutionTab_strategyDefault;
	public static String ExecutionTab_strategyStop;
	public static String ExecutionTab_strategyContinue;
	public static String ExecutionTab_strategyPause;
	public static String ExecutionTab_slowStep;
	public static String ExecutionTab_record;
	public static String ExecutionTab_screenshotsNeeded;
	public static String ExecutionTab_screenshotFolderMissing;
	public static String PythonTab_name;
	public static String PythonTab_interpreter;
	public static String PythonTab_extraPath;
	public static String PythonTab_notExecutable;
	public static String PythonTab_notFolder;
	public static String LaunchShortcut_title;
	public static String LaunchShortcut_cannotLaunch;
	public static String QontinuiLaunches_nameWithWorkflow;
	public static String QontinuiLaunches_goToStates;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
