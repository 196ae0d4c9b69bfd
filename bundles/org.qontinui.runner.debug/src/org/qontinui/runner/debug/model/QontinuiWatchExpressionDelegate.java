/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.model;

import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IWatchExpressionDelegate;
import org.eclipse.debug.core.model.IWatchExpressionListener;
import org.eclipse.debug.core.model.IWatchExpressionResult;

/** Evaluates Expressions-view entries in the executor (DAP {@code evaluate}) against the selected frame. */
public class QontinuiWatchExpressionDelegate implements IWatchExpressionDelegate {

	@Override
	public void evaluateExpression(String expression, IDebugElement context, IWatchExpressionListener listener) {
		QontinuiStackFrame frame = frameOf(context);
		Thread worker = new Thread(() -> {
			IValue value = null;
			DebugException error = null;
			if (frame == null) {
				error = new DebugException(Status.error(Messages.QontinuiWatchExpressionDelegate_notSuspended));
			} else {
				try {
					value = frame.evaluate(expression);
				} catch (DebugException e) {
					error = e;
				}
			}
			listener.watchEvaluationFinished(result(expression, value, error));
		}, "Qontinui evaluate"); //$NON-NLS-1$
		worker.setDaemon(true);
		worker.start();
	}

	private static QontinuiStackFrame frameOf(IDebugElement context) {
		try {
			if (context instanceof QontinuiStackFrame f) {
				return f;
			}
			if (context instanceof IThread t && t.isSuspended()) {
				IStackFrame top = t.getTopStackFrame();
				return top instanceof QontinuiStackFrame f ? f : null;
			}
			if (context instanceof QontinuiDebugTarget target && target.isSuspended()) {
				IStackFrame top = target.thread().getTopStackFrame();
				return top instanceof QontinuiStackFrame f ? f : null;
			}
		} catch (DebugException e) {
			return null;
		}
		return null;
	}

	private static IWatchExpressionResult result(String expression, IValue value, DebugException error) {
		return new IWatchExpressionResult() {
			@Override
			public IValue getValue() {
				return value;
			}

			@Override
			public boolean hasErrors() {
				return error != null;
			}

			@Override
			public String[] getErrorMessages() {
				return error == null ? new String[0] : new String[] { error.getStatus().getMessage() };
			}

			@Override
			public String getExpressionText() {
				return expression;
			}

			@Override
			public DebugException getException() {
				return error;
			}
		};
	}
}
