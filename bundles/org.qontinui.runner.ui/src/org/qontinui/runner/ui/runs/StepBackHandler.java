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

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.debug.model.QontinuiThread;

/** Step Back (Debug view toolbar): the previous action of a replayed recording. */
public class StepBackHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		QontinuiThread thread = replayThread();
		if (thread == null) {
			throw new ExecutionException(Messages.StepBackHandler_noReplay);
		}
		try {
			thread.stepBack();
		} catch (DebugException e) {
			throw new ExecutionException(NLS.bind(Messages.StepBackHandler_failed, e.getMessage()), e);
		}
		return null;
	}

	@Override
	public void setEnabled(Object evaluationContext) {
		setBaseEnabled(replayThread() != null);
	}

	/** The suspended thread of the replay selected in the Debug view, or null. */
	static QontinuiThread replayThread() {
		IAdaptable context = DebugUITools.getDebugContext();
		IDebugElement element = context == null ? null : context.getAdapter(IDebugElement.class);
		if (element == null || !RecordedRuns.isReplay(element.getLaunch())) {
			return null;
		}
		try {
			for (IThread t : element.getDebugTarget().getThreads()) {
				if (t instanceof QontinuiThread q && q.isSuspended()) {
					return q;
				}
			}
		} catch (DebugException e) {
			return null;
		}
		return null;
	}
}
