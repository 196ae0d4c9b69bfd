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

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.bridge.ExecutorException;

/**
 * One level of where the run is: an action, its workflow, the transition running that workflow, or
 * the state it leaves. Its variables are the DAP scopes (Variables, Active States, Last Match,
 * Settings), each shown as an expandable variable.
 */
public class QontinuiStackFrame extends QontinuiDebugElement implements IStackFrame {

	private final QontinuiThread thread;
	private final StackFrame frame;
	private final String kind;
	private final String elementId;
	private IVariable[] scopes;

	QontinuiStackFrame(QontinuiThread thread, StackFrame frame) {
		super(thread.getDebugTarget());
		this.thread = thread;
		this.frame = frame;
		String[] element = element(frame);
		this.kind = element[0];
		this.elementId = element[1];
	}

	/** The executor's frame id, for evaluate requests. */
	public int frameId() {
		return frame.getId();
	}

	/** What this frame stands for, e.g. {@code action}, {@code workflow}, {@code transition}, {@code state}. */
	public String kind() {
		return kind;
	}

	/** The id of the configuration element this frame stands for, exactly as in the configuration. */
	public String elementId() {
		return elementId;
	}

	/**
	 * The executor sends a frame's element in {@code source.adapterData} as {@code {"kind","id"}}: the
	 * label is for people, and ids may hold spaces or dashes a label cannot be parsed back from.
	 */
	private static String[] element(StackFrame frame) {
		Object data = frame.getSource() == null ? null : frame.getSource().getAdapterData();
		JsonElement json = data instanceof JsonElement j ? j : data == null ? null : new Gson().toJsonTree(data);
		if (json == null || !json.isJsonObject()) {
			return new String[] { "", "" }; //$NON-NLS-1$//$NON-NLS-2$
		}
		JsonObject o = json.getAsJsonObject();
		return new String[] { text(o, "kind"), text(o, "id") }; //$NON-NLS-1$//$NON-NLS-2$
	}

	private static String text(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e != null && e.isJsonPrimitive() ? e.getAsString() : ""; //$NON-NLS-1$
	}

	@Override
	public IThread getThread() {
		return thread;
	}

	@Override
	public synchronized IVariable[] getVariables() throws DebugException {
		if (scopes == null) {
			ScopesArguments args = new ScopesArguments();
			args.setFrameId(frame.getId());
			try {
				Scope[] raw = connection().call("scopes", s -> s.scopes(args)).getScopes(); //$NON-NLS-1$
				scopes = new IVariable[raw.length];
				for (int i = 0; i < raw.length; i++) {
					scopes[i] = new QontinuiVariable(this, raw[i].getName(), "", //$NON-NLS-1$
							raw[i].getVariablesReference(), 0, "scope"); //$NON-NLS-1$
				}
			} catch (ExecutorException e) {
				throw failed(Messages.QontinuiStackFrame_cannotReadScopes, e);
			}
		}
		return scopes;
	}

	@Override
	public boolean hasVariables() throws DebugException {
		return getVariables().length > 0;
	}

	@Override
	public int getLineNumber() {
		return frame.getLine();
	}

	@Override
	public int getCharStart() {
		return -1;
	}

	@Override
	public int getCharEnd() {
		return -1;
	}

	@Override
	public String getName() {
		return frame.getName();
	}

	/** The configuration file this frame's element is in. */
	public String getSourcePath() {
		return frame.getSource() != null ? frame.getSource().getPath() : qontinuiTarget().configPath().toString();
	}

	@Override
	public IRegisterGroup[] getRegisterGroups() {
		return new IRegisterGroup[0];
	}

	@Override
	public boolean hasRegisterGroups() {
		return false;
	}

	@Override
	public boolean canStepInto() {
		return thread.canStepInto();
	}

	@Override
	public boolean canStepOver() {
		return thread.canStepOver();
	}

	@Override
	public boolean canStepReturn() {
		return thread.canStepReturn();
	}

	@Override
	public boolean isStepping() {
		return thread.isStepping();
	}

	@Override
	public void stepInto() throws DebugException {
		thread.stepInto();
	}

	@Override
	public void stepOver() throws DebugException {
		thread.stepOver();
	}

	@Override
	public void stepReturn() throws DebugException {
		thread.stepReturn();
	}

	@Override
	public boolean canResume() {
		return thread.canResume();
	}

	@Override
	public boolean canSuspend() {
		return thread.canSuspend();
	}

	@Override
	public boolean isSuspended() {
		return thread.isSuspended();
	}

	@Override
	public void resume() throws DebugException {
		thread.resume();
	}

	@Override
	public void suspend() throws DebugException {
		thread.suspend();
	}

	@Override
	public boolean canTerminate() {
		return thread.canTerminate();
	}

	@Override
	public boolean isTerminated() {
		return thread.isTerminated();
	}

	@Override
	public void terminate() throws DebugException {
		thread.terminate();
	}

	/** Evaluates an expression in the executor, in this frame's scope (variables, states, last match). */
	public QontinuiValue evaluate(String expression) throws DebugException {
		EvaluateArguments args = new EvaluateArguments();
		args.setExpression(expression);
		args.setFrameId(frame.getId());
		args.setContext("watch"); //$NON-NLS-1$
		try {
			var response = connection().call("evaluate", s -> s.evaluate(args)); //$NON-NLS-1$
			return new QontinuiValue(this, response.getResult(), response.getType(), response.getVariablesReference());
		} catch (ExecutorException e) {
			throw failed(NLS.bind(Messages.QontinuiStackFrame_cannotEvaluate, expression), e);
		}
	}

	void variableChanged() {
		thread.refresh();
	}
}
