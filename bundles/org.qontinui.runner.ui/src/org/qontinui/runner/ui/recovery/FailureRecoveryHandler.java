/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.recovery;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.qontinui.runner.debug.model.QontinuiDebugTarget;
import org.qontinui.runner.debug.model.QontinuiThread;

/**
 * A command on a run suspended on a failure (a failure breakpoint, or {@code failureStrategy: pause}):
 * enabled only then, for the run selected in the Debug view, or the only such run when the selection
 * is elsewhere. Enablement follows the runs' suspend and resume events.
 */
abstract class FailureRecoveryHandler extends AbstractHandler implements IDebugEventSetListener {

	FailureRecoveryHandler() {
		DebugPlugin.getDefault().addDebugEventListener(this);
		refresh();
	}

	@Override
	public void dispose() {
		DebugPlugin.getDefault().removeDebugEventListener(this);
		super.dispose();
	}

	/** Does the command's work on the UI thread; {@code thread} is suspended on a failure. */
	protected abstract void recover(QontinuiThread thread, ExecutionEvent event) throws ExecutionException;

	@Override
	public final Object execute(ExecutionEvent event) throws ExecutionException {
		QontinuiThread thread = failedThread();
		if (thread == null) {
			throw new ExecutionException(Messages.FailureRecovery_notSuspended);
		}
		recover(thread, event);
		return null;
	}

	@Override
	public void setEnabled(Object evaluationContext) {
		setBaseEnabled(failedThread() != null);
	}

	@Override
	public void handleDebugEvents(DebugEvent[] events) {
		for (DebugEvent e : events) {
			if (e.getSource() instanceof QontinuiThread && (e.getKind() == DebugEvent.SUSPEND
					|| e.getKind() == DebugEvent.RESUME || e.getKind() == DebugEvent.TERMINATE)) {
				Display display = PlatformUI.isWorkbenchRunning() ? PlatformUI.getWorkbench().getDisplay() : null;
				if (display != null && !display.isDisposed()) {
					display.asyncExec(this::refresh);
				}
				return;
			}
		}
	}

	private void refresh() {
		if (Display.getCurrent() != null) {
			setBaseEnabled(failedThread() != null);
		}
	}

	/** On the UI thread: the run the command acts on, or null. */
	static QontinuiThread failedThread() {
		QontinuiThread selected = threadOf(DebugUITools.getDebugContext());
		if (selected != null) {
			return selected.isSuspendedOnFailure() ? selected : null;
		}
		QontinuiThread only = null;
		for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
			for (IDebugTarget target : launch.getDebugTargets()) {
				if (target instanceof QontinuiDebugTarget q && q.thread().isSuspendedOnFailure()) {
					if (only != null) {
						return null; // several: the user must say which, in the Debug view
					}
					only = q.thread();
				}
			}
		}
		return only;
	}

	private static QontinuiThread threadOf(IAdaptable context) {
		if (context == null) {
			return null;
		}
		if (context instanceof ILaunch launch) {
			return launch.getDebugTarget() instanceof QontinuiDebugTarget q ? q.thread() : null;
		}
		IDebugElement element = context.getAdapter(IDebugElement.class);
		return element != null && element.getDebugTarget() instanceof QontinuiDebugTarget q ? q.thread() : null;
	}
}
