/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;

/**
 * The "Qontinui" perspective: configurations on the left, the state diagram beside the editor, the
 * run's console, log and monitor below, and the debugger's views on the right.
 */
public class QontinuiPerspective implements IPerspectiveFactory {

	public static final String ID = "org.qontinui.runner.ui.perspective"; //$NON-NLS-1$
	public static final String CONFIG_EXPLORER = "org.qontinui.runner.ui.configExplorer"; //$NON-NLS-1$
	public static final String STATE_DIAGRAM = "org.qontinui.runner.ui.stateDiagram"; //$NON-NLS-1$
	public static final String EXECUTION_MONITOR = "org.qontinui.runner.ui.executionMonitor"; //$NON-NLS-1$
	public static final String RUN_LOG = "org.qontinui.runner.ui.runLog"; //$NON-NLS-1$

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editor = layout.getEditorArea();

		IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editor); //$NON-NLS-1$
		left.addView(CONFIG_EXPLORER);
		left.addView(IPageLayout.ID_PROJECT_EXPLORER);

		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.68f, editor); //$NON-NLS-1$
		bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
		bottom.addView(RUN_LOG);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addView(IPageLayout.ID_PROP_SHEET);

		IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.72f, editor); //$NON-NLS-1$
		right.addView(IDebugUIConstants.ID_DEBUG_VIEW);
		right.addView(EXECUTION_MONITOR);
		IFolderLayout rightBottom = layout.createFolder("rightBottom", IPageLayout.BOTTOM, 0.45f, "right"); //$NON-NLS-1$//$NON-NLS-2$
		rightBottom.addView(IDebugUIConstants.ID_VARIABLE_VIEW);
		rightBottom.addView(IDebugUIConstants.ID_BREAKPOINT_VIEW);
		rightBottom.addView(IDebugUIConstants.ID_EXPRESSION_VIEW);

		// The diagram takes the editor's place until a JSON file is opened.
		layout.addView(STATE_DIAGRAM, IPageLayout.TOP, 0.75f, editor);

		layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
		layout.addActionSet(IDebugUIConstants.DEBUG_ACTION_SET);
		layout.addShowViewShortcut(CONFIG_EXPLORER);
		layout.addShowViewShortcut(STATE_DIAGRAM);
		layout.addShowViewShortcut(EXECUTION_MONITOR);
		layout.addShowViewShortcut(RUN_LOG);
		layout.addPerspectiveShortcut(IDebugUIConstants.ID_DEBUG_PERSPECTIVE);
	}
}
