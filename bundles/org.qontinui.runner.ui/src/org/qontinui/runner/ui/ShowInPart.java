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

import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.IShowInTarget;
import org.eclipse.ui.part.ShowInContext;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;

/**
 * Hands an element to another view through {@link IShowInTarget}, the way the platform's Show In
 * menu does, so that views do not need each other's classes.
 */
public final class ShowInPart {

	private ShowInPart() {
	}

	/**
	 * Shows the context in the view {@code viewId}.
	 *
	 * @param open     open the view when it is not open yet (otherwise nothing happens)
	 * @param activate make it the active part
	 * @return whether the view took the context
	 */
	public static boolean show(IWorkbenchPage page, String viewId, ShowInContext context, boolean open, boolean activate) {
		IViewPart view = page.findView(viewId);
		if (view == null && open) {
			try {
				view = page.showView(viewId, null, activate ? IWorkbenchPage.VIEW_ACTIVATE : IWorkbenchPage.VIEW_VISIBLE);
			} catch (PartInitException e) {
				QontinuiUiPlugin.log("Cannot open the view " + viewId, e); //$NON-NLS-1$
			}
		}
		IShowInTarget target = Adapters.adapt(view, IShowInTarget.class);
		if (target == null || !target.show(context)) {
			return false;
		}
		if (activate) {
			page.activate(view);
		}
		return true;
	}
}
