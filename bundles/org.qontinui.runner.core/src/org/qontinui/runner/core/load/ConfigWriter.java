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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.internal.json.ConfigJsonMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes the model back as JSON, including every property the model does not know, under the
 * spellings it was read with.
 */
public final class ConfigWriter {

	public String write(QontinuiConfig config) {
		try {
			return ConfigJsonMapper.get().writerWithDefaultPrettyPrinter().writeValueAsString(config);
		} catch (JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}

	public JsonNode toTree(QontinuiConfig config) {
		return ConfigJsonMapper.get().valueToTree(config);
	}

	/** Writes to a sibling temporary file first so a crash never leaves half a configuration. */
	public void write(QontinuiConfig config, Path file) throws IOException {
		Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp"); //$NON-NLS-1$
		try {
			Files.writeString(temporary, write(config), StandardCharsets.UTF_8);
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}
