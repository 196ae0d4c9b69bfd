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
