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

import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.SourceMap;

/**
 * The result of reading configuration text, before validation.
 *
 * @param config      the model, or null when the text could not be read as a configuration
 * @param sourceMap   positions of the tree's values in the text
 * @param diagnostics problems found while reading (malformed JSON, wrong value types, v1 format)
 */
public record ConfigDocument(QontinuiConfig config, SourceMap sourceMap, List<Diagnostic> diagnostics) {
}
