/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.QontinuiPerspective;

/** The Qontinui perspective opens in a real workbench, with each contributed view. */
class PerspectiveTest {

	@Test
	void perspectiveAndEveryViewOpen() {
		UiThread.run(() -> {
			IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
			page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
					.findPerspectiveWithId(QontinuiPerspective.ID));
			assertEquals(QontinuiPerspective.ID, page.getPerspective().getId());
			for (String id : new String[] { QontinuiPerspective.CONFIG_EXPLORER, QontinuiPerspective.STATE_DIAGRAM,
					QontinuiPerspective.EXECUTION_MONITOR, QontinuiPerspective.RUN_LOG }) {
				IViewPart view = page.showView(id);
				assertNotNull(view, id);
				assertEquals(id, view.getSite().getId());
			}
		});
	}
}
