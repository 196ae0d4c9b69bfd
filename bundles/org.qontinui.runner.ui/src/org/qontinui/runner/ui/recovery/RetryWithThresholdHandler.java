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

import java.util.Locale;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.handlers.HandlerUtil;
import org.qontinui.runner.bridge.recovery.Failure;
import org.qontinui.runner.debug.model.QontinuiThread;

/**
 * Retry with threshold…: asks for a similarity (the command parameter {@value #THRESHOLD} gives it
 * without asking) and retries the failed action with it.
 */
public class RetryWithThresholdHandler extends FailureRecoveryHandler {

	public static final String THRESHOLD = "org.qontinui.runner.ui.threshold"; //$NON-NLS-1$

	@Override
	protected void recover(QontinuiThread thread, ExecutionEvent event) throws ExecutionException {
		String given = event.getParameter(THRESHOLD);
		Double threshold = given != null ? parse(given) : ask(thread, event);
		if (threshold == null) {
			if (given != null) {
				throw new ExecutionException(NLS.bind(Messages.RetryWithThreshold_invalidValue, Messages.RetryWithThreshold_invalid, given));
			}
			return; // cancelled
		}
		thread.retry(threshold);
	}

	private static Double ask(QontinuiThread thread, ExecutionEvent event) {
		Failure failure = thread.failure();
		double was = failure != null && failure.threshold() != null ? failure.threshold() : 0.9;
		String best = failure != null && failure.bestScore() != null
				? String.format(Locale.ROOT, "%.3f", failure.bestScore()) : "?"; //$NON-NLS-1$//$NON-NLS-2$
		String proposal = String.format(Locale.ROOT, "%.2f", Math.max(0.05, was - 0.1)); //$NON-NLS-1$
		InputDialog dialog = new InputDialog(HandlerUtil.getActiveShell(event), Messages.RetryWithThreshold_title,
				NLS.bind(Messages.RetryWithThreshold_prompt, String.format(Locale.ROOT, "%.2f", was), best), proposal, //$NON-NLS-1$
				text -> parse(text) == null ? Messages.RetryWithThreshold_invalid : null);
		return dialog.open() == Window.OK ? parse(dialog.getValue()) : null;
	}

	/** A similarity in (0, 1], or null. */
	static Double parse(String text) {
		try {
			double t = Double.parseDouble(text.trim());
			return t > 0 && t <= 1 ? t : null;
		} catch (NumberFormatException e) {
			return null;
		}
	}
}
