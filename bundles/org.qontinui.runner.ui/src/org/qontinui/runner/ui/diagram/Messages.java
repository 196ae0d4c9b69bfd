/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.diagram;

import org.eclipse.osgi.util.NLS;

/** The State Diagram's user-visible strings (messages.properties beside this class). */
final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.qontinui.runner.ui.diagram.messages"; //$NON-NLS-1$

	public static String StateDiagram_zoomIn;
	public static String StateDiagram_zoomOut;
	public static String StateDiagram_fit;
	public static String StateDiagram_exportPng;
	public static String StateDiagram_exportSvg;
	public static String StateDiagram_exportTitle;
	public static String StateDiagram_cannotWrite;
	public static String StateDiagram_toggleBreakpoint;
	public static String StateDiagram_goToState;
	public static String StateDiagram_showInExplorer;
	public static String StateDiagram_showIn;
	public static String StateDiagram_layingOut;
	public static String StateDiagram_preparingLayout;
	public static String StateDiagram_empty;
	public static String StateDiagram_activeSeen;
	public static String StateDiagram_activeAssumed;
	public static String StateDiagram_assumedLegend;
	public static String StateDiagram_svgAssumed;
	public static String StateDiagram_svgSeen;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
