package org.qontinui.runner.bridge.events;

/** {@code qontinui/screenshot}: a screenshot was saved, e.g. when a find failed. */
public record ScreenshotEvent(String path, String actionId, String reason) {
}
