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

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.qontinui.runner.core.config.ImageAsset;
import org.qontinui.runner.core.config.Pattern;
import org.qontinui.runner.core.config.State;
import org.qontinui.runner.core.config.StateImage;
import org.qontinui.runner.core.validation.ImageHeader;

/**
 * Small pictures of a configuration's images for trees and diagram nodes, decoded once per size.
 * Owned by one view and disposed with it.
 */
public final class ThumbnailCache {

	private final Display display;
	private final Map<String, Image> images = new HashMap<>();

	public ThumbnailCache(Display display) {
		this.display = display;
	}

	/** The image scaled to fit a {@code max}-pixel square, or {@code null} when it cannot be decoded. */
	public Image get(ConfigNode config, String imageId, int max) {
		return get(config, imageId, max, max);
	}

	/** The image scaled (never up) to fit a {@code maxWidth} x {@code maxHeight} box. */
	public Image get(ConfigNode config, String imageId, int maxWidth, int maxHeight) {
		if (imageId == null || config.index() == null) {
			return null;
		}
		String key = config.path() + "|" + imageId + "|" + maxWidth + "x" + maxHeight; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
		if (images.containsKey(key)) {
			return images.get(key);
		}
		Image image = config.index().image(imageId).map(asset -> decode(asset, maxWidth, maxHeight)).orElse(null);
		images.put(key, image);
		return image;
	}

	/** The first image of a state's first state image: what the state looks like. */
	public Image ofState(ConfigNode config, State state, int max) {
		return ofState(config, state, max, max);
	}

	public Image ofState(ConfigNode config, State state, int maxWidth, int maxHeight) {
		for (StateImage si : state.getStateImages()) {
			Image image = ofStateImage(config, si, maxWidth, maxHeight);
			if (image != null) {
				return image;
			}
		}
		return null;
	}

	public Image ofStateImage(ConfigNode config, StateImage si, int max) {
		return ofStateImage(config, si, max, max);
	}

	public Image ofStateImage(ConfigNode config, StateImage si, int maxWidth, int maxHeight) {
		for (Pattern p : si.getPatterns()) {
			Image image = get(config, p.getImageId(), maxWidth, maxHeight);
			if (image != null) {
				return image;
			}
		}
		return get(config, si.getShorthandImageId(), maxWidth, maxHeight);
	}

	private Image decode(ImageAsset asset, int maxWidth, int maxHeight) {
		String data = asset.getBase64Data();
		if (data == null || data.isEmpty()) {
			return null;
		}
		try {
			byte[] bytes = ImageHeader.decodeBase64(data);
			// The size from the header before decoding: a small file can claim 30000x30000 pixels.
			if (bytes == null || !ImageHeader.read(bytes).withinLimit()) {
				return null; // the validator reports it (bad-image, image-too-large)
			}
			ImageData[] frames = new ImageLoader().load(new ByteArrayInputStream(bytes));
			if (frames.length == 0) {
				return null;
			}
			ImageData d = frames[0];
			double scale = Math.min(1.0, Math.min((double) maxWidth / d.width, (double) maxHeight / d.height));
			int w = Math.max(1, (int) Math.round(d.width * scale));
			int h = Math.max(1, (int) Math.round(d.height * scale));
			return new Image(display, scale < 1.0 ? d.scaledTo(w, h) : d);
		} catch (IllegalArgumentException | SWTException | ImageHeader.BadHeaderException e) {
			return null; // the validator reports undecodable images
		}
	}

	public void dispose() {
		images.values().stream().filter(i -> i != null && !i.isDisposed()).forEach(Image::dispose);
		images.clear();
	}
}
