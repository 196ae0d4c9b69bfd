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
	public static String ConfigExplorer_atLine;
	public static String ConfigExplorer_andMore;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
