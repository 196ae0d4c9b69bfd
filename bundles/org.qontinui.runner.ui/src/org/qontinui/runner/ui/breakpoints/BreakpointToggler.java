/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.breakpoints;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.ActionBreakpoint;
import org.qontinui.runner.debug.breakpoints.ElementBreakpoint;
import org.qontinui.runner.debug.breakpoints.StateBreakpoint;
import org.qontinui.runner.debug.breakpoints.TransitionBreakpoint;
import org.qontinui.runner.debug.breakpoints.WorkflowBreakpoint;
import org.qontinui.runner.ui.model.ConfigElementNode;
import org.qontinui.runner.ui.model.ConfigElementNode.Kind;

/** Sets and clears breakpoints on configuration elements, from the explorer, the diagram and the editor. */
public final class BreakpointToggler {

	private BreakpointToggler() {
	}

	public static boolean supports(Kind kind) {
		return kind == Kind.STATE || kind == Kind.TRANSITION || kind == Kind.WORKFLOW || kind == Kind.ACTION;
	}

	/** The breakpoint on this element, or {@code null}. */
	public static ElementBreakpoint find(ConfigElementNode node) {
		String kind = kindName(node.kind());
		if (kind == null) {
			return null;
		}
		IResource resource = resourceOf(node);
		for (IBreakpoint bp : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(QontinuiDebugCore.MODEL_ID)) {
			if (bp instanceof ElementBreakpoint e && e.kind().equals(kind) && e.getElementId().equals(node.elementId())
					&& resource.equals(bp.getMarker().getResource())) {
				return e;
			}
		}
		return null;
	}

	public static boolean hasBreakpoint(ConfigElementNode node) {
		return supports(node.kind()) && find(node) != null;
	}

	/** Removes the element's breakpoint, or adds one. */
	public static void toggle(ConfigElementNode node, Shell shell) {
		IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
		try {
			ElementBreakpoint existing = find(node);
			if (existing != null) {
				manager.removeBreakpoint(existing, true);
			} else {
				manager.addBreakpoint(create(node));
			}
		} catch (CoreException e) {
			if (shell != null) {
				MessageDialog.openError(shell, Messages.BreakpointToggler_title,
						NLS.bind(Messages.BreakpointToggler_cannotToggle, e.getMessage()));
			}
		}
	}

	public static ElementBreakpoint create(ConfigElementNode node) throws CoreException {
		IResource resource = resourceOf(node);
		int line = Math.max(1, node.root().positionOf(node.pointer()).line());
		String name = nameOf(node);
		return switch (node.kind()) {
		case STATE -> new StateBreakpoint(resource, node.elementId(), name, line);
		case TRANSITION -> new TransitionBreakpoint(resource, node.elementId(), name, line);
		case WORKFLOW -> new WorkflowBreakpoint(resource, node.elementId(), name, line);
		case ACTION -> new ActionBreakpoint(resource, node.elementId(), name, line);
		default -> throw new CoreException(Status.error(NLS.bind(Messages.BreakpointToggler_notSupported, node.kind())));
		};
	}

	private static String nameOf(ConfigElementNode node) {
		String label = node.label();
		int bracket = label.indexOf("  ["); //$NON-NLS-1$
		return bracket > 0 ? label.substring(0, bracket).strip() : node.elementId();
	}

	static String kindName(Kind kind) {
		return switch (kind) {
		case STATE -> "state"; //$NON-NLS-1$
		case TRANSITION -> "transition"; //$NON-NLS-1$
		case WORKFLOW -> "workflow"; //$NON-NLS-1$
		case ACTION -> "action"; //$NON-NLS-1$
		default -> null;
		};
	}

	/** The configuration's workspace file; breakpoints on files outside the workspace sit on the root. */
	static IResource resourceOf(ConfigElementNode node) {
		IResource file = node.root().file();
		return file != null ? file : ResourcesPlugin.getWorkspace().getRoot();
	}
}
