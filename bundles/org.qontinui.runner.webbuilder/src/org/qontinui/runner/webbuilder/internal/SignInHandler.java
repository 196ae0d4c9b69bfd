/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.qontinui.runner.webbuilder.WebBuilderConnection;

/** "Sign in to Web Builder...": the sign-in dialog; the view reloads when the sign-in is stored. */
public class SignInHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		new SignInDialog(HandlerUtil.getActiveShellChecked(event), WebBuilderConnection.getDefault(), null).open();
		return null;
	}
}
