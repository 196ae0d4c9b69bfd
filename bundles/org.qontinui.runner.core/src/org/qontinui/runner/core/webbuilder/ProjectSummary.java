package org.qontinui.runner.core.webbuilder;

import java.time.Instant;

/**
 * A project as listed by the web builder.
 *
 * @param updated last change, null when the server did not say
 */
public record ProjectSummary(String id, String name, Instant updated) {
}
