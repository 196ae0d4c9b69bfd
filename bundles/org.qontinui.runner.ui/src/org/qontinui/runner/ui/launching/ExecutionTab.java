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
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;
import org.qontinui.runner.ui.preferences.QontinuiPreferences;

/** Where the run looks and acts: backend, screenshots to replay, monitor, failure strategy, speed. */
public class ExecutionTab extends AbstractLaunchConfigurationTab {

	static final String[] BACKENDS = { "x11", "screenshots", "mock" };
	static final String[] STRATEGIES = { "", "stop", "continue", "pause" };
	private static final String[] STRATEGY_LABELS = { "As the configuration says", "Stop the run",
			"Continue with the next action", "Pause (suspend like a breakpoint)" };

	private Combo backend;
	private Text screenshots;
	private Spinner monitor;
	private Combo strategy;
	private Spinner slowStep;
	private Button record;

	@Override
	public void createControl(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(root);
		setControl(root);

		label(root, "Backend:");
		backend = new Combo(root, SWT.READ_ONLY);
		backend.setItems("x11 - the real screen, mouse and keyboard", "screenshots - replay a folder of screenshots",
				"mock - no screen, states found as the model says");
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(backend);
		backend.addListener(SWT.Selection, e -> changed());

		label(root, "Screenshot folder:");
		screenshots = new Text(root, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(screenshots);
		screenshots.addModifyListener(e -> changed());
		Button browse = new Button(root, SWT.PUSH);
		browse.setText("Browse...");
		browse.addListener(SWT.Selection, e -> {
			String dir = new DirectoryDialog(getShell()).open();
			if (dir != null) {
				screenshots.setText(dir);
			}
		});

		label(root, "Monitor:");
		monitor = new Spinner(root, SWT.BORDER);
		monitor.setValues(0, 0, 16, 0, 1, 1);
		GridDataFactory.swtDefaults().span(2, 1).applyTo(monitor);
		monitor.addModifyListener(e -> changed());

		label(root, "On failure:");
		strategy = new Combo(root, SWT.READ_ONLY);
		strategy.setItems(STRATEGY_LABELS);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(strategy);
		strategy.addListener(SWT.Selection, e -> changed());

		label(root, "Slow step (ms between actions):");
		slowStep = new Spinner(root, SWT.BORDER);
		slowStep.setValues(0, 0, 10000, 0, 100, 500);
		GridDataFactory.swtDefaults().span(2, 1).applyTo(slowStep);
		slowStep.addModifyListener(e -> changed());

		record = new Button(root, SWT.CHECK);
		record.setText("Record the frame each action saw (the run folder can be replayed later, with Step Back)");
		GridDataFactory.swtDefaults().span(3, 1).applyTo(record);
		record.addListener(SWT.Selection, e -> changed());
	}

	private static void label(Composite parent, String text) {
		new Label(parent, SWT.NONE).setText(text);
	}

	private void changed() {
		screenshots.setEnabled(backend.getSelectionIndex() == 1);
		updateLaunchConfigurationDialog();
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(LaunchAttributes.BACKEND, QontinuiPreferences.defaultBackend());
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			backend.select(Math.max(0, indexOf(BACKENDS,
					configuration.getAttribute(LaunchAttributes.BACKEND, QontinuiPreferences.defaultBackend()))));
			screenshots.setText(configuration.getAttribute(LaunchAttributes.SCREENSHOTS, ""));
			monitor.setSelection(configuration.getAttribute(LaunchAttributes.MONITOR, 0));
			strategy.select(Math.max(0, indexOf(STRATEGIES, configuration.getAttribute(LaunchAttributes.FAILURE_STRATEGY, ""))));
			slowStep.setSelection(configuration.getAttribute(LaunchAttributes.SLOW_STEP_MS, 0));
			record.setSelection(configuration.getAttribute(LaunchAttributes.RECORD, false));
			screenshots.setEnabled(backend.getSelectionIndex() == 1);
		} catch (CoreException e) {
			QontinuiUiPlugin.log("Cannot read launch configuration", e);
		}
	}

	private static int indexOf(String[] values, String value) {
		for (int i = 0; i < values.length; i++) {
			if (values[i].equals(value)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(LaunchAttributes.BACKEND, BACKENDS[Math.max(0, backend.getSelectionIndex())]);
		configuration.setAttribute(LaunchAttributes.SCREENSHOTS, screenshots.getText().trim());
		configuration.setAttribute(LaunchAttributes.MONITOR, monitor.getSelection());
		configuration.setAttribute(LaunchAttributes.FAILURE_STRATEGY, STRATEGIES[Math.max(0, strategy.getSelectionIndex())]);
		configuration.setAttribute(LaunchAttributes.SLOW_STEP_MS, slowStep.getSelection());
		configuration.setAttribute(LaunchAttributes.RECORD, record.getSelection());
	}

	@Override
	public boolean isValid(ILaunchConfiguration launchConfig) {
		setErrorMessage(null);
		if (backend.getSelectionIndex() == 1) {
			String dir = screenshots.getText().trim();
			if (dir.isEmpty()) {
				setErrorMessage("The screenshots backend needs a folder of screenshots to replay");
				return false;
			}
			if (!Files.isDirectory(Path.of(dir))) {
				setErrorMessage("Screenshot folder does not exist: " + dir);
				return false;
			}
		}
		return true;
	}

	@Override
	public String getName() {
		return "Execution";
	}

	@Override
	public Image getImage() {
		return QontinuiUiPlugin.image("monitor");
	}
}
