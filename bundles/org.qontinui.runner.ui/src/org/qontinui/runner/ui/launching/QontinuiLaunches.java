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
import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.ui.preferences.QontinuiPreferences;

/** Finds or creates the launch configuration for a configuration file and workflow, and launches it. */
public final class QontinuiLaunches {

	private QontinuiLaunches() {
	}

	/** An existing launch configuration for this file and workflow, or a new saved one. */
	public static ILaunchConfiguration configurationFor(Path config, String workflow) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(QontinuiDebugCore.LAUNCH_TYPE_ID);
		String wanted = workflow == null ? "" : workflow; //$NON-NLS-1$
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(type)) {
			if (config.toString().equals(c.getAttribute(LaunchAttributes.CONFIG, "")) //$NON-NLS-1$
					&& wanted.equals(c.getAttribute(LaunchAttributes.WORKFLOW, ""))) { //$NON-NLS-1$
				return c;
			}
		}
		String base = config.getFileName().toString().replaceAll("\\.json$", ""); //$NON-NLS-1$//$NON-NLS-2$
		if (!wanted.isEmpty()) {
			base = NLS.bind(Messages.QontinuiLaunches_nameWithWorkflow, base, wanted);
		}
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null, manager.generateLaunchConfigurationName(base));
		wc.setAttribute(LaunchAttributes.CONFIG, config.toString());
		wc.setAttribute(LaunchAttributes.WORKFLOW, wanted);
		wc.setAttribute(LaunchAttributes.BACKEND, QontinuiPreferences.defaultBackend());
		Path screenshots = config.resolveSibling("screenshots"); //$NON-NLS-1$
		if (Files.isDirectory(screenshots) && !"x11".equals(System.getProperty("qontinui.backend", ""))) { //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
			// A configuration delivered with its screenshots (like the demo) replays them by default.
			wc.setAttribute(LaunchAttributes.BACKEND, "screenshots"); //$NON-NLS-1$
			wc.setAttribute(LaunchAttributes.SCREENSHOTS, screenshots.toString());
		}
		return wc.doSave();
	}

	/** Launches in {@code mode} ({@link ILaunchManager#RUN_MODE} or {@link ILaunchManager#DEBUG_MODE}). */
	public static void launch(Path config, String workflow, String mode) throws CoreException {
		DebugUITools.launch(configurationFor(config, workflow), mode);
	}

	/** Runs the configuration with the executor going straight to the given states (GO_TO_STATE). */
	public static void goToStates(Path config, List<String> stateIds, String mode) throws CoreException {
		ILaunchConfigurationWorkingCopy wc = configurationFor(config, "").copy( //$NON-NLS-1$
				NLS.bind(Messages.QontinuiLaunches_goToStates, config.getFileName(), String.join(",", stateIds))); //$NON-NLS-1$
		wc.setAttribute(LaunchAttributes.GO_TO_STATES, List.copyOf(stateIds));
		DebugUITools.launch(wc, Objects.requireNonNullElse(mode, ILaunchManager.RUN_MODE));
	}
}
