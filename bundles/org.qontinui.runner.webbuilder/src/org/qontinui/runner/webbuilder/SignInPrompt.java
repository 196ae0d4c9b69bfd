/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder;

import org.eclipse.swt.widgets.Shell;

/**
 * Asks the user to sign in when the web builder answered 401. The Web Builder view goes through
 * this interface rather than opening the dialog itself, so tests can answer without a modal dialog.
 */
@FunctionalInterface
public interface SignInPrompt {

	/**
	 * Called on the UI thread.
	 *
	 * @param reason why signing in is needed (the server's message)
	 * @return true when the user signed in and the request should be tried again
	 */
	boolean signIn(Shell shell, String reason);
}
