/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.recovery;

import java.io.ByteArrayOutputStream;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

/** Cutting a template out of a screen image, as PNG. */
final class TemplateImages {

	private TemplateImages() {
	}

	/** The part of {@code screen} under {@code region} (clipped to the image), as PNG bytes. */
	static byte[] cropToPng(ImageData screen, Rectangle region) {
		Rectangle r = region.intersection(new Rectangle(0, 0, screen.width, screen.height));
		if (r.width <= 0 || r.height <= 0) {
			throw new IllegalArgumentException(
					NLS.bind(Messages.TemplateImages_outside, new Object[] { region, screen.width, screen.height }));
		}
		ImageData out = new ImageData(r.width, r.height, screen.depth, screen.palette);
		int[] row = new int[r.width];
		byte[] alpha = new byte[r.width];
		for (int y = 0; y < r.height; y++) {
			screen.getPixels(r.x, r.y + y, r.width, row, 0);
			out.setPixels(0, y, r.width, row, 0);
			if (screen.alphaData != null) {
				screen.getAlphas(r.x, r.y + y, r.width, alpha, 0);
				out.setAlphas(0, y, r.width, alpha, 0);
			}
		}
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { out };
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		loader.save(png, SWT.IMAGE_PNG);
		return png.toByteArray();
	}

	/** What the screen shows now (the whole X screen). */
	static ImageData liveScreen(Display display) {
		Rectangle bounds = display.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			return image.getImageData();
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
