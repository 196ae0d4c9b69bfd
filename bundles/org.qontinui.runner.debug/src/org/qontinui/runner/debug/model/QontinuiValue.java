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

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.qontinui.runner.bridge.ExecutorException;

/** A value as the executor rendered it; structured values fetch their children on demand. */
public class QontinuiValue extends QontinuiDebugElement implements IValue {

	private final QontinuiStackFrame frame;
	private final String value;
	private final String type;
	private final int variablesReference;
	private IVariable[] children;

	QontinuiValue(QontinuiStackFrame frame, String value, String type, int variablesReference) {
		super(frame.getDebugTarget());
		this.frame = frame;
		this.value = value == null ? "" : value; //$NON-NLS-1$
		this.type = type == null ? "" : type; //$NON-NLS-1$
		this.variablesReference = variablesReference;
	}

	@Override
	public String getReferenceTypeName() {
		return type;
	}

	@Override
	public String getValueString() {
		return value;
	}

	@Override
	public boolean isAllocated() {
		return true;
	}

	@Override
	public synchronized IVariable[] getVariables() throws DebugException {
		if (variablesReference <= 0) {
			return new IVariable[0];
		}
		if (children == null) {
			VariablesArguments args = new VariablesArguments();
			args.setVariablesReference(variablesReference);
			try {
				Variable[] raw = connection().call("variables", s -> s.variables(args)).getVariables(); //$NON-NLS-1$
				children = new IVariable[raw.length];
				for (int i = 0; i < raw.length; i++) {
					Variable v = raw[i];
					children[i] = new QontinuiVariable(frame, v.getName(), v.getValue(),
							v.getVariablesReference(), variablesReference,
							v.getType());
				}
			} catch (ExecutorException e) {
				throw failed(Messages.QontinuiValue_cannotReadVariables, e);
			}
		}
		return children;
	}

	@Override
	public boolean hasVariables() {
		return variablesReference > 0;
	}
}
