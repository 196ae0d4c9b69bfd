/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the Python executor: interpreter, where its sources are, and where it may write.
 *
 * @param python           the interpreter; Debian's {@code /usr/bin/python3} carries OpenCV and python-xlib
 * @param pythonSources    the folder holding the {@code qontinui_bridge} package
 * @param extraPythonPath  folders put after the sources on {@code PYTHONPATH} (plugin modules)
 * @param workingDirectory the process's working directory, usually the run directory
 * @param environment      variables added to the clean environment (e.g. {@code DISPLAY})
 */
public record ExecutorSettings(Path python, Path pythonSources, List<Path> extraPythonPath, Path workingDirectory,
		Map<String, String> environment) {

	public static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3"); //$NON-NLS-1$

	public ExecutorSettings {
		Objects.requireNonNull(python, "python"); //$NON-NLS-1$
		Objects.requireNonNull(pythonSources, "pythonSources"); //$NON-NLS-1$
		Objects.requireNonNull(workingDirectory, "workingDirectory"); //$NON-NLS-1$
		extraPythonPath = List.copyOf(extraPythonPath == null ? List.of() : extraPythonPath);
		environment = Map.copyOf(environment == null ? Map.of() : environment);
	}

	public static ExecutorSettings of(Path pythonSources, Path workingDirectory) {
		return new ExecutorSettings(DEFAULT_PYTHON, pythonSources, List.of(), workingDirectory, Map.of());
	}

	public ExecutorSettings withPython(Path interpreter) {
		return new ExecutorSettings(interpreter, pythonSources, extraPythonPath, workingDirectory, environment);
	}

	public ExecutorSettings withExtraPythonPath(List<Path> extra) {
		return new ExecutorSettings(python, pythonSources, extra, workingDirectory, environment);
	}

	public ExecutorSettings withEnvironment(Map<String, String> env) {
		return new ExecutorSettings(python, pythonSources, extraPythonPath, workingDirectory, env);
	}
}
