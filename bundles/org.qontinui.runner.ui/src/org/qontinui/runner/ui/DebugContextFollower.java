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

import java.nio.file.Path;
import java.util.function.BiConsumer;

import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.contexts.DebugContextEvent;
import org.eclipse.debug.ui.contexts.IDebugContextListener;
import org.eclipse.debug.ui.contexts.IDebugContextService;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchWindow;
import org.qontinui.runner.debug.model.QontinuiStackFrame;
import org.qontinui.runner.ui.model.ConfigElementNode;
import org.qontinui.runner.ui.model.ConfigElementNode.Kind;
import org.qontinui.runner.ui.model.ConfigNode;

/**
 * Tells a view which configuration element the selected stack frame of a suspended run stands for,
 * so the explorer and the diagram show where the run is. Selection only: the workbench never takes
 * the focus from the application under automation.
 */
public final class DebugContextFollower implements IDebugContextListener {

	private final IDebugContextService service;
	private final BiConsumer<ConfigNode, ConfigElementNode> show;

	/** {@code show} receives the configuration and the element of the frame, on the UI thread. */
	public DebugContextFollower(IWorkbenchWindow window, BiConsumer<ConfigNode, ConfigElementNode> show) {
		this.service = DebugUITools.getDebugContextManager().getContextService(window);
		this.show = show;
		service.addDebugContextListener(this);
	}

	@Override
	public void debugContextChanged(DebugContextEvent event) {
		if ((event.getFlags() & DebugContextEvent.ACTIVATED) == 0
				|| !(event.getContext() instanceof IStructuredSelection s)
				|| !(s.getFirstElement() instanceof QontinuiStackFrame frame)) {
			return;
		}
		ConfigNode config = OpenConfigurations.getDefault().find(Path.of(frame.getSourcePath()));
		Kind kind = switch (frame.kind()) {
		case "action" -> Kind.ACTION; //$NON-NLS-1$
		case "state" -> Kind.STATE; //$NON-NLS-1$
		case "transition" -> Kind.TRANSITION; //$NON-NLS-1$
		case "workflow" -> Kind.WORKFLOW; //$NON-NLS-1$
		default -> null;
		};
		if (config != null && kind != null) {
			ConfigElementNode node = config.tree().find(kind, frame.elementId());
			if (node != null) {
				show.accept(config, node);
			}
		}
	}

	public void dispose() {
		service.removeDebugContextListener(this);
	}
}
