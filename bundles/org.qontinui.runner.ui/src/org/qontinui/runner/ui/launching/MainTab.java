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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ResourceSelectionDialog;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.ui.internal.QontinuiUiPlugin;

/** Which configuration to run, which workflow, from which states. */
public class MainTab extends AbstractLaunchConfigurationTab {

	private Text configText;
	private Combo workflowCombo;
	private Text initialStatesText;
	private Label statesHint;
	private ConfigSummary summary;

	@Override
	public void createControl(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().applyTo(root);
		setControl(root);

		Group configGroup = group(root, Messages.MainTab_configuration);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(configGroup);
		configText = new Text(configGroup, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(configText);
		configText.addModifyListener(e -> {
			readSummary();
			updateLaunchConfigurationDialog();
		});
		Button workspace = new Button(configGroup, SWT.PUSH);
		workspace.setText(Messages.MainTab_workspace);
		workspace.addListener(SWT.Selection, e -> browseWorkspace());
		Button file = new Button(configGroup, SWT.PUSH);
		file.setText(Messages.MainTab_fileSystem);
		file.addListener(SWT.Selection, e -> browseFile());

		Group workflowGroup = group(root, Messages.MainTab_workflow);
		GridLayoutFactory.swtDefaults().applyTo(workflowGroup);
		workflowCombo = new Combo(workflowGroup, SWT.DROP_DOWN);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(workflowCombo);
		workflowCombo.addModifyListener(e -> updateLaunchConfigurationDialog());

		Group statesGroup = group(root, Messages.MainTab_initialStates);
		GridLayoutFactory.swtDefaults().applyTo(statesGroup);
		initialStatesText = new Text(statesGroup, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(initialStatesText);
		initialStatesText.addModifyListener(e -> updateLaunchConfigurationDialog());
		statesHint = new Label(statesGroup, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(statesHint);
	}

	private static Group group(Composite parent, String text) {
		Group g = new Group(parent, SWT.NONE);
		g.setText(text);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(g);
		return g;
	}

	private void browseWorkspace() {
		ResourceSelectionDialog dialog = new ResourceSelectionDialog(getShell(),
				ResourcesPlugin.getWorkspace().getRoot(), Messages.MainTab_selectConfiguration);
		if (dialog.open() == Window.OK && dialog.getResult().length > 0
				&& dialog.getResult()[0] instanceof IFile f) {
			configText.setText("${workspace_loc:" + f.getFullPath() + "}"); //$NON-NLS-1$//$NON-NLS-2$
		}
	}

	private void browseFile() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
		dialog.setFilterExtensions(new String[] { "*.json", "*" }); //$NON-NLS-1$//$NON-NLS-2$
		String path = dialog.open();
		if (path != null) {
			configText.setText(path);
		}
	}

	/** The configuration's file, with variables expanded, or {@code null}. */
	private Path configPath() {
		String raw = configText.getText().trim();
		if (raw.isEmpty() || raw.startsWith("http://") || raw.startsWith("https://")) { //$NON-NLS-1$//$NON-NLS-2$
			return null;
		}
		try {
			return Path.of(VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(raw));
		} catch (CoreException | IllegalArgumentException e) {
			return null;
		}
	}

	private void readSummary() {
		Path path = configPath();
		summary = null;
		if (path != null && Files.isRegularFile(path)) {
			try {
				summary = ConfigSummary.read(path);
			} catch (Exception e) {
				summary = null;
			}
		}
		String current = workflowCombo.getText();
		workflowCombo.removeAll();
		if (summary != null) {
			summary.workflows().forEach(w -> workflowCombo.add(w.id()));
			statesHint.setText(NLS.bind(Messages.MainTab_states,
					String.join(", ", summary.states().stream().map(ConfigSummary.Entry::label).toList()))); //$NON-NLS-1$
		} else {
			statesHint.setText(""); //$NON-NLS-1$
		}
		workflowCombo.setText(current);
		statesHint.getParent().layout(true);
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(LaunchAttributes.CONFIG, ""); //$NON-NLS-1$
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			configText.setText(configuration.getAttribute(LaunchAttributes.CONFIG, "")); //$NON-NLS-1$
			readSummary();
			workflowCombo.setText(configuration.getAttribute(LaunchAttributes.WORKFLOW, "")); //$NON-NLS-1$
			initialStatesText.setText(String.join(", ", configuration.getAttribute(LaunchAttributes.INITIAL_STATES, List.of()))); //$NON-NLS-1$
		} catch (CoreException e) {
			QontinuiUiPlugin.log("Cannot read launch configuration", e); //$NON-NLS-1$
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(LaunchAttributes.CONFIG, configText.getText().trim());
		configuration.setAttribute(LaunchAttributes.WORKFLOW, workflowCombo.getText().trim());
		List<String> states = new ArrayList<>();
		Arrays.stream(initialStatesText.getText().split(",")).map(String::trim).filter(s -> !s.isEmpty()) //$NON-NLS-1$
				.forEach(states::add);
		configuration.setAttribute(LaunchAttributes.INITIAL_STATES, states);
	}

	@Override
	public boolean isValid(ILaunchConfiguration launchConfig) {
		setErrorMessage(null);
		String raw = configText.getText().trim();
		if (raw.isEmpty()) {
			setErrorMessage(Messages.MainTab_chooseConfiguration);
			return false;
		}
		if (raw.startsWith("http://") || raw.startsWith("https://")) { //$NON-NLS-1$//$NON-NLS-2$
			return true;
		}
		Path path = configPath();
		if (path == null || !Files.isRegularFile(path)) {
			setErrorMessage(NLS.bind(Messages.MainTab_configurationMissing, raw));
			return false;
		}
		if (summary == null) {
			setErrorMessage(NLS.bind(Messages.MainTab_notJson, raw));
			return false;
		}
		String workflow = workflowCombo.getText().trim();
		if (!workflow.isEmpty() && summary.workflows().stream().noneMatch(w -> w.id().equals(workflow) || workflow.equals(w.name()))) {
			setErrorMessage(NLS.bind(Messages.MainTab_noWorkflow, workflow, path.getFileName()));
			return false;
		}
		for (String state : initialStatesText.getText().split(",")) { //$NON-NLS-1$
			String id = state.trim();
			if (!id.isEmpty() && summary.states().stream().noneMatch(s -> s.id().equals(id))) {
				setErrorMessage(NLS.bind(Messages.MainTab_noState, id, path.getFileName()));
				return false;
			}
		}
		return true;
	}

	@Override
	public String getName() {
		return Messages.MainTab_name;
	}

	@Override
	public Image getImage() {
		return QontinuiUiPlugin.image("config"); //$NON-NLS-1$
	}
}
