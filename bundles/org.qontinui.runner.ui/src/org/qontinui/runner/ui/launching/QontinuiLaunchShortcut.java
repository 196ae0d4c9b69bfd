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

import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.qontinui.runner.ui.model.ConfigNode;

/** Run As / Debug As "Qontinui Automation" on a {@code .json} file or an opened configuration. */
public class QontinuiLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection s) {
			Object first = s.getFirstElement();
			if (first instanceof ConfigNode node) {
				launch(node.path(), mode);
				return;
			}
			IFile file = Adapters.adapt(first, IFile.class);
			if (file != null && file.getLocation() != null) {
				launch(file.getLocation().toPath(), mode);
			}
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IFile file = Adapters.adapt(editor.getEditorInput(), IFile.class);
		if (file != null && file.getLocation() != null) {
			launch(file.getLocation().toPath(), mode);
		}
	}

	private static void launch(Path config, String mode) {
		try {
			QontinuiLaunches.launch(config, "", mode); //$NON-NLS-1$
		} catch (CoreException e) {
			MessageDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
					Messages.LaunchShortcut_title, NLS.bind(Messages.LaunchShortcut_cannotLaunch, config, e.getMessage()));
		}
	}
}
