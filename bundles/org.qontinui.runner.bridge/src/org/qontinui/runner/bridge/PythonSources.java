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

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;

/** Where the executor's Python package lives: the copy inside this bundle, or a working tree. */
public final class PythonSources {

	/** System property naming a {@code python-bridge} folder; tests and developers point it at the repository. */
	public static final String PROPERTY = "qontinui.python.sources"; //$NON-NLS-1$
	/** System property naming the interpreter when the launch does not. */
	public static final String INTERPRETER_PROPERTY = "qontinui.python"; //$NON-NLS-1$
	private static final String BUNDLE = "org.qontinui.runner.bridge"; //$NON-NLS-1$
	private static final String MAIN = "qontinui_bridge/__main__.py"; //$NON-NLS-1$

	private PythonSources() {
	}

	/** The folder that holds the {@code qontinui_bridge} package. */
	public static Path locate() throws IOException {
		String override = System.getProperty(PROPERTY);
		if (override != null && !override.isBlank()) {
			return checked(Paths.get(override));
		}
		Bundle bundle = Platform.getBundle(BUNDLE);
		URL entry = bundle == null ? null : bundle.getEntry("python/" + MAIN); //$NON-NLS-1$
		if (entry == null) {
			throw new IOException(NLS.bind(Messages.PythonSources_missing, BUNDLE, PROPERTY));
		}
		// The bundle is shipped as a folder (Eclipse-BundleShape: dir), so this is a plain file path.
		Path main = Paths.get(FileLocator.toFileURL(entry).getPath());
		return checked(main.getParent().getParent());
	}

	/** The interpreter to use when nothing else was configured. */
	public static Path defaultInterpreter() {
		String p = System.getProperty(INTERPRETER_PROPERTY);
		return p == null || p.isBlank() ? ExecutorSettings.DEFAULT_PYTHON : Paths.get(p);
	}

	private static Path checked(Path dir) throws IOException {
		if (!Files.isRegularFile(dir.resolve(MAIN))) {
			throw new IOException(NLS.bind(Messages.PythonSources_noPackage, dir));
		}
		return dir;
	}
}
