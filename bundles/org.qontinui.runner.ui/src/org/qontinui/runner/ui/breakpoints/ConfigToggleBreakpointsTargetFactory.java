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

import java.util.Set;

import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTargetFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;

/** Offers {@link ConfigToggleBreakpointsTarget} for text editors on {@code .json} files (see plugin.xml). */
public class ConfigToggleBreakpointsTargetFactory implements IToggleBreakpointsTargetFactory {

	public static final String ID = "org.qontinui.runner.ui.toggleBreakpointsTarget"; //$NON-NLS-1$

	@Override
	public Set<String> getToggleTargets(IWorkbenchPart part, ISelection selection) {
		return Set.of(ID);
	}

	@Override
	public String getDefaultToggleTarget(IWorkbenchPart part, ISelection selection) {
		return ID;
	}

	@Override
	public IToggleBreakpointsTarget createToggleTarget(String targetID) {
		return ID.equals(targetID) ? new ConfigToggleBreakpointsTarget() : null;
	}

	@Override
	public String getToggleTargetName(String targetID) {
		return Messages.ConfigToggleBreakpointsTargetFactory_name;
	}

	@Override
	public String getToggleTargetDescription(String targetID) {
		return Messages.ConfigToggleBreakpointsTargetFactory_description;
	}
}
