package org.qontinui.runner.bridge.recovery;

/** {@code qontinui/updateImage}: the image asset's id and its new pixels as a base64 PNG. */
public record UpdateImageArguments(String imageId, String data) {
}
