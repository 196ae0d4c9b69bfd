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

	static final String[] BACKENDS = { "x11", "screenshots", "mock" }; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
	static final String[] STRATEGIES = { "", "stop", "continue", "pause" }; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
	private static final String[] STRATEGY_LABELS = { Messages.ExecutionTab_strategyDefault,
			Messages.ExecutionTab_strategyStop, Messages.ExecutionTab_strategyContinue, Messages.ExecutionTab_strategyPause };

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

		label(root, Messages.ExecutionTab_backend);
		backend = new Combo(root, SWT.READ_ONLY);
		backend.setItems(Messages.ExecutionTab_backendX11, Messages.ExecutionTab_backendScreenshots,
				Messages.ExecutionTab_backendMock);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(backend);
		backend.addListener(SWT.Selection, e -> changed());

		label(root, Messages.ExecutionTab_screenshotFolder);
		screenshots = new Text(root, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(screenshots);
		screenshots.addModifyListener(e -> changed());
		Button browse = new Button(root, SWT.PUSH);
		browse.setText(Messages.ExecutionTab_browse);
		browse.addListener(SWT.Selection, e -> {
			String dir = new DirectoryDialog(getShell()).open();
			if (dir != null) {
				screenshots.setText(dir);
			}
		});

		label(root, Messages.ExecutionTab_monitor);
		monitor = new Spinner(root, SWT.BORDER);
		monitor.setValues(0, 0, 16, 0, 1, 1);
		GridDataFactory.swtDefaults().span(2, 1).applyTo(monitor);
		monitor.addModifyListener(e -> changed());

		label(root, Messages.ExecutionTab_onFailure);
		strategy = new Combo(root, SWT.READ_ONLY);
		strategy.setItems(STRATEGY_LABELS);
		GridDataFactory.fillDefaults().span(2, 1).applyTo(strategy);
		strategy.addListener(SWT.Selection, e -> changed());

		label(root, Messages.ExecutionTab_slowStep);
		slowStep = new Spinner(root, SWT.BORDER);
		slowStep.setValues(0, 0, 10000, 0, 100, 500);
		GridDataFactory.swtDefaults().span(2, 1).applyTo(slowStep);
		slowStep.addModifyListener(e -> changed());

		record = new Button(root, SWT.CHECK);
		record.setText(Messages.ExecutionTab_record);
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
			screenshots.setText(configuration.getAttribute(LaunchAttributes.SCREENSHOTS, "")); //$NON-NLS-1$
			monitor.setSelection(configuration.getAttribute(LaunchAttributes.MONITOR, 0));
			strategy.select(Math.max(0, indexOf(STRATEGIES, configuration.getAttribute(LaunchAttributes.FAILURE_STRATEGY, "")))); //$NON-NLS-1$
			slowStep.setSelection(configuration.getAttribute(LaunchAttributes.SLOW_STEP_MS, 0));
			record.setSelection(configuration.getAttribute(LaunchAttributes.RECORD, false));
			screenshots.setEnabled(backend.getSelectionIndex() == 1);
		} catch (CoreException e) {
			QontinuiUiPlugin.log("Cannot read launch configuration", e); //$NON-NLS-1$
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
				setErrorMessage(Messages.ExecutionTab_screenshotsNeeded);
				return false;
			}
			if (!Files.isDirectory(Path.of(dir))) {
				setErrorMessage(NLS.bind(Messages.ExecutionTab_screenshotFolderMissing, dir));
				return false;
			}
		}
		return true;
	}

	@Override
	public String getName() {
		return Messages.ExecutionTab_name;
	}

	@Override
	public Image getImage() {
		return QontinuiUiPlugin.image("monitor"); //$NON-NLS-1$
	}
}
