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

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** Run > Debug Recorded Run...: picks a recorded run folder and replays it in the debugger. */
public class OpenRecordedRunHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		DirectoryDialog dialog = new DirectoryDialog(shell);
		dialog.setText(Messages.OpenRecordedRunHandler_title);
		dialog.setMessage(Messages.OpenRecordedRunHandler_message);
		String folder = dialog.open();
		if (folder == null) {
			return null;
		}
		try {
			DebugUITools.launch(RecordedRuns.configuration(Path.of(folder)), ILaunchManager.DEBUG_MODE);
		} catch (CoreException e) {
			ErrorDialog.openError(shell, Messages.OpenRecordedRunHandler_title,
					NLS.bind(Messages.OpenRecordedRunHandler_cannotReplay, folder), e.getStatus());
		}
		return null;
	}
}
