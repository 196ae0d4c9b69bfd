/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.breakpoints;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PropertyPage;
import org.qontinui.runner.debug.breakpoints.ElementBreakpoint;

/**
 * Properties of a breakpoint on a state, transition, workflow or action: enabled, a condition
 * evaluated by the executor (e.g. {@code count > 3}, {@code 'state-login' in active}), and a hit count.
 */
public class ElementBreakpointPropertyPage extends PropertyPage {

	private Button enabled;
	private Text condition;
	private Button useHitCount;
	private Spinner hitCount;

	private ElementBreakpoint breakpoint() {
		return getElement().getAdapter(ElementBreakpoint.class);
	}

	@Override
	protected Control createContents(Composite parent) {
		ElementBreakpoint bp = breakpoint();
		Composite root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(root);
		Label what = new Label(root, SWT.WRAP);
		what.setText(NLS.bind(Messages.ElementBreakpointPropertyPage_element,
				new Object[] { bp.kind(), bp.getElementName(), bp.getElementId() }));
		GridDataFactory.fillDefaults().span(2, 1).applyTo(what);

		enabled = new Button(root, SWT.CHECK);
		enabled.setText(Messages.ElementBreakpointPropertyPage_enabled);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(enabled);

		new Label(root, SWT.NONE).setText(Messages.ElementBreakpointPropertyPage_condition);
		condition = new Text(root, SWT.BORDER);
		condition.setMessage(Messages.ElementBreakpointPropertyPage_conditionHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(condition);

		useHitCount = new Button(root, SWT.CHECK);
		useHitCount.setText(Messages.ElementBreakpointPropertyPage_hitCount);
		hitCount = new Spinner(root, SWT.BORDER);
		hitCount.setValues(1, 1, 1_000_000, 0, 1, 10);
		useHitCount.addListener(SWT.Selection, e -> hitCount.setEnabled(useHitCount.getSelection()));
		try {
			enabled.setSelection(bp.isEnabled());
		} catch (CoreException e) {
			enabled.setSelection(true);
		}
		condition.setText(bp.getCondition());
		useHitCount.setSelection(bp.getHitCount() > 0);
		hitCount.setSelection(Math.max(1, bp.getHitCount()));
		hitCount.setEnabled(bp.getHitCount() > 0);
		return root;
	}

	@Override
	public boolean performOk() {
		ElementBreakpoint bp = breakpoint();
		try {
			bp.setEnabled(enabled.getSelection());
			bp.setCondition(condition.getText());
			bp.setHitCount(useHitCount.getSelection() ? hitCount.getSelection() : 0);
			return true;
		} catch (CoreException e) {
			setErrorMessage(NLS.bind(Messages.ElementBreakpointPropertyPage_cannotChange, e.getMessage()));
			return false;
		}
	}
}
