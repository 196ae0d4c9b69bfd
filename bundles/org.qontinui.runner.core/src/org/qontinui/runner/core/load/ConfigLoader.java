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

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.config.ConfigIndex;
import org.qontinui.runner.core.load.ConfigLoadException.Reason;
import org.qontinui.runner.core.load.LoadedConfig.Origin;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.DiagnosticCodes;
import org.qontinui.runner.core.validation.TextPosition;
import org.qontinui.runner.core.validation.Vocabulary;

/**
 * Loads a configuration from a file, a URL or text: reads it, validates it and returns model and
 * diagnostics together. Content problems never throw; {@link ConfigLoadException} means there was
 * no text to read at all.
 */
public final class ConfigLoader {

	private final ConfigReader reader = new ConfigReader();
	private final ConfigValidator validator;
	private final UrlConfigSource urlSource;

	/** Validates with the default action types; URLs are loaded without token or cache. */
	public ConfigLoader() {
		this(new ConfigValidator(), new UrlConfigSource(new InMemoryTokenStore(), null));
	}

	public ConfigLoader(ConfigValidator validator, UrlConfigSource urlSource) {
		this.validator = validator;
		this.urlSource = urlSource;
	}

	public LoadedConfig load(Path file) throws ConfigLoadException {
		byte[] bytes;
		try {
			long size = Files.size(file);
			if (size > Vocabulary.get().limits().maxFileBytes()) {
				// Not read at all: the reader reports the size from a prefix one byte over the limit.
				try (var in = Files.newInputStream(file)) {
					bytes = in.readNBytes((int) Vocabulary.get().limits().maxFileBytes() + 1);
				}
				return load(reader.read(bytes), file.toString(), Origin.FILE, null);
			}
			bytes = Files.readAllBytes(file);
		} catch (NoSuchFileException e) {
			throw new ConfigLoadException(Reason.NOT_FOUND, NLS.bind(Messages.ConfigLoader_noFile, file));
		} catch (IOException e) {
			throw new ConfigLoadException(Reason.IO, NLS.bind(Messages.ConfigLoader_cannotRead, file, e.getMessage()), e);
		}
		return load(reader.read(bytes), file.toString(), Origin.FILE, null);
	}

	/** Loads from {@code https:} (or loopback {@code http:}) or {@code file:} URIs. */
	public LoadedConfig load(URI uri) throws ConfigLoadException {
		if ("file".equalsIgnoreCase(uri.getScheme())) { //$NON-NLS-1$
			return load(Path.of(uri));
		}
		UrlConfigSource.Fetched fetched = urlSource.fetch(uri);
		return load(reader.read(fetched.body()), UrlConfigSource.display(uri), fetched.origin(), fetched.warning());
	}

	/** Reads and validates text from an editor or a test; {@code source} is only for display. */
	public LoadedConfig loadText(String text, String source) {
		return load(reader.read(text), source, Origin.TEXT, null);
	}

	private LoadedConfig load(ConfigDocument document, String source, Origin origin, String warning) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		if (warning != null) {
			diagnostics.add(Diagnostic.warning(DiagnosticCodes.OFFLINE_COPY, warning, "", TextPosition.UNKNOWN)); //$NON-NLS-1$
		}
		diagnostics.addAll(document.diagnostics());
		ConfigIndex index = null;
		if (document.config() != null) {
			index = ConfigIndex.of(document.config());
			diagnostics.addAll(validator.validate(document.config(), index, document.sourceMap()));
		}
		return new LoadedConfig(document.config(), index, diagnostics, source, origin, document.sourceMap());
	}
}
