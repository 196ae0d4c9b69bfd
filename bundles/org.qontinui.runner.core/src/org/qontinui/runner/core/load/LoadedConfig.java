/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.load;

import java.util.List;

import org.qontinui.runner.core.config.ConfigIndex;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.SourceMap;

/**
 * A configuration as loaded: the model (null if the text could not be read), lookups, every
 * diagnostic from reading and validation, and where it came from.
 *
 * @param source a path or URL (without query) for display
 */
public record LoadedConfig(QontinuiConfig config, ConfigIndex index, List<Diagnostic> diagnostics, String source,
		Origin origin, SourceMap sourceMap) {

	/** Where the text came from. */
	public enum Origin {
		/** A file on disk. */
		FILE,
		/** Downloaded just now. */
		NETWORK,
		/** The server answered 304 Not Modified; the cached copy is current. */
		CACHE_NOT_MODIFIED,
		/** The server could not be reached; the cached copy may be outdated. */
		CACHE_OFFLINE,
		/** Text handed in by the caller (editor buffer, tests). */
		TEXT
	}

	public LoadedConfig {
		diagnostics = List.copyOf(diagnostics);
	}

	public boolean hasErrors() {
		return config == null || diagnostics.stream().anyMatch(Diagnostic::isError);
	}

	public List<Diagnostic> errors() {
		return diagnostics.stream().filter(Diagnostic::isError).toList();
	}
}
