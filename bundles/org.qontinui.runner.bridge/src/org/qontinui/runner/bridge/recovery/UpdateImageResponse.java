package org.qontinui.runner.bridge.recovery;

/** The image the executor now searches for. */
public record UpdateImageResponse(String imageId, int width, int height) {
}
