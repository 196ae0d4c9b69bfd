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
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.core.secure.SecretMask;
import org.qontinui.runner.debug.QontinuiDebugCore;

/** Base of every element of the Qontinui debug model. */
public abstract class QontinuiDebugElement extends DebugElement {

	protected QontinuiDebugElement(IDebugTarget target) {
		super(target);
	}

	@Override
	public String getModelIdentifier() {
		return QontinuiDebugCore.MODEL_ID;
	}

	protected QontinuiDebugTarget qontinuiTarget() {
		return (QontinuiDebugTarget) getDebugTarget();
	}

	protected ExecutorConnection connection() {
		return qontinuiTarget().connection();
	}

	protected static DebugException failed(String what, ExecutorException e) {
		return new DebugException(Status.error(SecretMask.mask(what + ": " + e.getMessage()), //$NON-NLS-1$
				SecretMask.mask(e)));
	}
}
