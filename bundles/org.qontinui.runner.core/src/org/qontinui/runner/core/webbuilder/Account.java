package org.qontinui.runner.core.webbuilder;

/**
 * The account the sign-in token belongs to, as answered by {@code GET /api/v1/me}. Fields the
 * server does not send are null.
 */
public record Account(String id, String name, String email) {
}
