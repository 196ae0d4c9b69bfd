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
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.bridge.ExecutorException;

/**
 * A named value of the run: a workflow variable, an active state, a field of the last match, or a
 * whole scope. Workflow variables can be changed while suspended (DAP {@code setVariable}).
 */
public class QontinuiVariable extends QontinuiDebugElement implements IVariable {

	private final QontinuiStackFrame frame;
	private final String name;
	private final int containerReference;
	private final String type;
	private QontinuiValue value;

	QontinuiVariable(QontinuiStackFrame frame, String name, String value, int variablesReference,
			int containerReference, String type) {
		super(frame.getDebugTarget());
		this.frame = frame;
		this.name = name;
		this.containerReference = containerReference;
		this.type = type;
		this.value = new QontinuiValue(frame, value, type, variablesReference);
	}

	@Override
	public IValue getValue() {
		return value;
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public String getReferenceTypeName() {
		return type == null ? "" : type; //$NON-NLS-1$
	}

	@Override
	public boolean hasValueChanged() {
		return false;
	}

	@Override
	public void setValue(String expression) throws DebugException {
		SetVariableArguments args = new SetVariableArguments();
		args.setVariablesReference(containerReference);
		args.setName(name);
		args.setValue(expression);
		try {
			var response = connection().call("setVariable", s -> s.setVariable(args)); //$NON-NLS-1$
			value = new QontinuiValue(frame, response.getValue(), response.getType(),
					response.getVariablesReference() == null ? 0 : response.getVariablesReference());
			frame.variableChanged();
		} catch (ExecutorException e) {
			throw failed(NLS.bind(Messages.QontinuiVariable_cannotSet, name), e);
		}
	}

	@Override
	public void setValue(IValue newValue) throws DebugException {
		setValue(newValue.getValueString());
	}

	@Override
	public boolean supportsValueModification() {
		// Only leaves inside a scope are assignable; the executor refuses read-only scopes itself.
		return containerReference > 0 && !value.hasVariables();
	}

	@Override
	public boolean verifyValue(String expression) {
		return expression != null;
	}

	@Override
	public boolean verifyValue(IValue newValue) {
		return newValue != null;
	}
}
