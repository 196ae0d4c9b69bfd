/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdaptable;
import org.qontinui.runner.core.config.ConfigIndex;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.load.ConfigDocument;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.TextPosition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One opened configuration: its file, the model read from it, and every diagnostic about it. The
 * root of its subtree in the Config Explorer; adapts to its workspace file for Run As / Debug As.
 */
public final class ConfigNode implements IAdaptable {

	private final Path path;
	private final IFile file;
	private final ConfigDocument document;
	private final List<Diagnostic> diagnostics;
	private final ConfigIndex index;
	private ConfigTree tree;
	private JsonNode json;

	public ConfigNode(Path path, IFile file, ConfigDocument document, List<Diagnostic> diagnostics) {
		this.path = path;
		this.file = file;
		this.document = document;
		this.diagnostics = List.copyOf(diagnostics);
		this.index = document.config() == null ? null : ConfigIndex.of(document.config());
	}

	public Path path() {
		return path;
	}

	/** The workspace file, or {@code null} for a file outside the workspace. */
	public IFile file() {
		return file;
	}

	public ConfigDocument document() {
		return document;
	}

	/** The model, or {@code null} when the file could not be read as a configuration. */
	public QontinuiConfig config() {
		return document.config();
	}

	/** The explorer subtree; built on first use, which the loading job does off the UI thread. */
	public synchronized ConfigTree tree() {
		if (tree == null) {
			tree = new ConfigTree(this);
		}
		return tree;
	}

	/**
	 * The raw JSON at a pointer, as written in the file (with fields the model does not know),
	 * or {@code null}. Read from the file on first use.
	 */
	public synchronized JsonNode jsonAt(String pointer) {
		if (json == null) {
			try {
				json = new ObjectMapper().readTree(Files.readString(path));
			} catch (IOException e) {
				return null;
			}
		}
		JsonNode node = json.at(pointer);
		return node.isMissingNode() ? null : node;
	}

	public ConfigIndex index() {
		return index;
	}

	public List<Diagnostic> diagnostics() {
		return diagnostics;
	}

	/** The diagnostics at or below a JSON pointer. */
	public List<Diagnostic> diagnosticsUnder(String pointer) {
		return diagnostics.stream()
				.filter(d -> d.pointer() != null && (d.pointer().equals(pointer) || d.pointer().startsWith(pointer + "/"))) //$NON-NLS-1$
				.toList();
	}

	public TextPosition positionOf(String pointer) {
		return document.sourceMap() == null ? TextPosition.UNKNOWN : document.sourceMap().positionOf(pointer);
	}

	public String name() {
		QontinuiConfig c = config();
		String title = c != null && c.getMetadata() != null ? c.getMetadata().getName() : null;
		return title == null || title.isBlank() ? path.getFileName().toString()
				: title + " (" + path.getFileName() + ")"; //$NON-NLS-1$//$NON-NLS-2$
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (file != null && adapter.isInstance(file)) {
			return adapter.cast(file);
		}
		return null;
	}
}
