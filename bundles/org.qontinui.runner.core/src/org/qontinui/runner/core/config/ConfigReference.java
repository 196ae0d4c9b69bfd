package org.qontinui.runner.core.config;

/**
 * An id mentioned somewhere inside an element, with the JSON pointer of the mention relative to
 * the element (e.g. {@code /config/thenActions/0}).
 */
public record ConfigReference(String pointer, String id) {
}
