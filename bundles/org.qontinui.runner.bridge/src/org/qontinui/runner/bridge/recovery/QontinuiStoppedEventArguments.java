/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge.recovery;

import org.eclipse.lsp4j.debug.StoppedEventArguments;

/** A {@code stopped} event; on a failure stop it carries {@link Failure}. */
public class QontinuiStoppedEventArguments extends StoppedEventArguments {

	private Failure failure;

	/** What failed, or null when the stop is not a failure stop. */
	public Failure getFailure() {
		return failure;
	}

	public void setFailure(Failure failure) {
		this.failure = failure;
	}
}
