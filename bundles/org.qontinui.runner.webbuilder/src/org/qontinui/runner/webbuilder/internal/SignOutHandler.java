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
import org.qontinui.runner.webbuilder.WebBuilderConnection;

/** Forgets the stored token. */
public class SignOutHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		WebBuilderConnection.getDefault().signOut();
		return null;
	}
}
