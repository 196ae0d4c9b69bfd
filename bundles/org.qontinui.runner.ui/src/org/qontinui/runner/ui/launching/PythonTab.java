/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.launching;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;
import org.qontinui.runner.ui.preferences.QontinuiPreferences;

/** The interpreter that runs the executor, and extra folders for its module path. */
public class PythonTab extends AbstractLaunchConfigurationTab {

	private Text interpreter;
	private Text extraPath;

	@Override
	public void createControl(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(root);
		setControl(root);
		new Label(root, SWT.NONE).setText(NLS.bind(Messages.PythonTab_interpreter, QontinuiPreferences.python()));
		interpreter = new Text(root, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(interpreter);
		interpreter.addModifyListener(e -> updateLaunchConfigurationDialog());
		Label l = new Label(root, SWT.NONE);
		l.setText(Messages.PythonTab_extraPath);
		GridDataFactory.swtDefaults().span(2, 1).applyTo(l);
		extraPath = new Text(root, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(SWT.DEFAULT, 80).applyTo(extraPath);
		extraPath.addModifyListener(e -> updateLaunchConfigurationDialog());
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(LaunchAttributes.PYTHON, ""); //$NON-NLS-1$
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			interpreter.setText(configuration.getAttribute(LaunchAttributes.PYTHON, "")); //$NON-NLS-1$
			extraPath.setText(configuration.getAttribute(LaunchAttributes.EXTRA_PYTHON_PATH, "")); //$NON-NLS-1$
		} catch (CoreException e) {
			QontinuiUiPlugin.log("Cannot read launch configuration", e); //$NON-NLS-1$
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(LaunchAttributes.PYTHON, interpreter.getText().trim());
		configuration.setAttribute(LaunchAttributes.EXTRA_PYTHON_PATH, extraPath.getText().trim());
	}

	@Override
	public boolean isValid(ILaunchConfiguration launchConfig) {
		setErrorMessage(null);
		String python = interpreter.getText().trim();
		if (!python.isEmpty() && !Files.isExecutable(Path.of(python))) {
			setErrorMessage(NLS.bind(Messages.PythonTab_notExecutable, python));
			return false;
		}
		for (String line : extraPath.getText().split("\\R")) { //$NON-NLS-1$
			if (!line.isBlank() && !Files.isDirectory(Path.of(line.trim()))) {
				setErrorMessage(NLS.bind(Messages.PythonTab_notFolder, line.trim()));
				return false;
			}
		}
		return true;
	}

	@Override
	public String getName() {
		return Messages.PythonTab_name;
	}

	@Override
	public Image getImage() {
		return QontinuiUiPlugin.image("config"); //$NON-NLS-1$
	}
}
