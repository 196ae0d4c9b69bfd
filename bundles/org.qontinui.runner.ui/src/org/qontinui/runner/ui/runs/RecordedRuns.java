/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.runs.RunFolder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A recorded run folder ({@code --record}, or a launch with Record on) opened as a debug launch: the
 * executor replays the recorded configuration on the recorded frames, so breakpoints and stepping work
 * as in the original run and Step Back walks backwards through it. A CI failure becomes a local session.
 */
public final class RecordedRuns {

	private RecordedRuns() {
	}

	/** A launch configuration (not saved) that replays {@code folder}. */
	public static ILaunchConfigurationWorkingCopy configuration(Path folder) throws CoreException {
		RunFolder run = new RunFolder(folder);
		if (!run.isRecorded()) {
			throw new CoreException(Status.error(NLS.bind(Messages.RecordedRuns_notRecorded, folder, RunFolder.MANIFEST)));
		}
		JsonNode manifest;
		try {
			manifest = run.manifest();
		} catch (IOException e) {
			throw new CoreException(Status.error(
					NLS.bind(Messages.RecordedRuns_cannotRead, folder.resolve(RunFolder.MANIFEST), e.getMessage()), e));
		}
		Path config = folder.resolve(manifest.path("config").asText("config.json")); //$NON-NLS-1$//$NON-NLS-2$
		if (!Files.isRegularFile(config)) {
			throw new CoreException(Status.error(NLS.bind(Messages.RecordedRuns_configurationMissing, config)));
		}
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(QontinuiDebugCore.LAUNCH_TYPE_ID);
		ILaunchConfigurationWorkingCopy wc = type.newInstance(null,
				manager.generateLaunchConfigurationName(NLS.bind(Messages.RecordedRuns_launchName, folder.getFileName())));
		wc.setAttribute(LaunchAttributes.CONFIG, config.toString());
		wc.setAttribute(LaunchAttributes.WORKFLOW, manifest.path("workflow").asText("")); //$NON-NLS-1$//$NON-NLS-2$
		wc.setAttribute(LaunchAttributes.REPLAY, folder.toString());
		return wc;
	}

	/** Starts the replay of {@code folder} as a debug launch. */
	public static ILaunch debug(Path folder) throws CoreException {
		return configuration(folder).launch(ILaunchManager.DEBUG_MODE, null);
	}

	/** True for a launch that replays a recording: Step Back applies. */
	public static boolean isReplay(ILaunch launch) {
		ILaunchConfiguration c = launch == null ? null : launch.getLaunchConfiguration();
		try {
			return c != null && !c.getAttribute(LaunchAttributes.REPLAY, "").isBlank(); //$NON-NLS-1$
		} catch (CoreException e) {
			return false;
		}
	}
}
