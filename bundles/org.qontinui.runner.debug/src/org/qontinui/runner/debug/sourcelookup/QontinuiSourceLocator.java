/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.sourcelookup;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.model.IPersistableSourceLocator;
import org.eclipse.debug.core.model.IStackFrame;
import org.qontinui.runner.debug.model.QontinuiStackFrame;

/**
 * A frame's source is the configuration file it runs, at the element's line; the frame knows both,
 * so it is its own source element and the model presentation opens the file.
 * <p>
 * Contributed through {@code org.eclipse.debug.core.sourceLocators} and named by the launch
 * configuration type, so the debug platform gives it to every Qontinui launch. It has no settings:
 * its memento is empty.
 */
public class QontinuiSourceLocator implements IPersistableSourceLocator {

	/** Its id in {@code org.eclipse.debug.core.sourceLocators}. */
	public static final String ID = "org.qontinui.runner.debug.sourceLocator"; //$NON-NLS-1$

	@Override
	public Object getSourceElement(IStackFrame stackFrame) {
		return stackFrame instanceof QontinuiStackFrame ? stackFrame : null;
	}

	@Override
	public String getMemento() throws CoreException {
		return ""; //$NON-NLS-1$
	}

	@Override
	public void initializeFromMemento(String memento) throws CoreException {
		// nothing to restore
	}

	@Override
	public void initializeDefaults(ILaunchConfiguration configuration) throws CoreException {
		// nothing to set up: the frames carry their file and line
	}
}
