/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.tests.Fixtures;
import org.qontinui.runner.core.validation.ImageHeader;

/** Image sizes from headers, before decoding (validator and workbench thumbnails). */
public class ImageHeaderTest {

	/** A 3.5 MB PNG would be needed to hold 30000x30000 pixels; this header just claims them. */
	static final String HUGE_PNG = "iVBORw0KGgoAAAANSUhEUgAAdTAAAHUwCAIAAADpRW/tAAAAEUlEQVR4nGNgGAWjYBQMdwAAA+gAAbOm00YAAAAASUVORK5CYII=";

	@Test
	void pngSizeComesFromIhdr() throws Exception {
		ImageHeader small = ImageHeader.read(Base64.getDecoder().decode(Fixtures.PNG_BASE64));
		assertEquals(new ImageHeader("png", 4, 2), small);
		assertTrue(small.withinLimit());
		ImageHeader huge = ImageHeader.read(ImageHeader.decodeBase64(HUGE_PNG));
		assertEquals(900_000_000L, huge.pixels());
		assertFalse(huge.withinLimit());
	}

	@Test
	void jpegSizeComesFromTheFrameHeader() throws Exception {
		byte[] jpeg = { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 4, 'J', 'F', (byte) 0xff, (byte) 0xc0, 0, 11, 8,
				0x01, 0x02, 0x03, 0x04, 3, 0, 0, 0 };
		assertEquals(new ImageHeader("jpeg", 0x0304, 0x0102), ImageHeader.read(jpeg));
	}

	@Test
	void anythingElseIsABadHeader() {
		assertThrows(ImageHeader.BadHeaderException.class, () -> ImageHeader.read("GIF89a".getBytes()));
		assertThrows(ImageHeader.BadHeaderException.class, () -> ImageHeader.read(new byte[] { (byte) 0x89, 'P', 'N', 'G' }));
		assertThrows(ImageHeader.BadHeaderException.class, () -> ImageHeader.read(new byte[] { (byte) 0xff, (byte) 0xd8 }));
	}

	@Test
	void base64AsConfigurationsHoldIt() {
		byte[] png = Base64.getDecoder().decode(Fixtures.PNG_BASE64);
		assertArrayEquals(png, ImageHeader.decodeBase64("data:image/png;base64," + Fixtures.PNG_BASE64));
		assertArrayEquals(png, ImageHeader.decodeBase64(Fixtures.PNG_BASE64.substring(0, 40) + "\n  " + Fixtures.PNG_BASE64.substring(40)));
		assertArrayEquals("A".getBytes(), ImageHeader.decodeBase64("QQ"));
		assertNull(ImageHeader.decodeBase64("!!not base64!!"));
		assertNull(ImageHeader.decodeBase64("QUJDR"));
	}
}
