/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.validation;

import java.util.Base64;

/**
 * The kind and size of an image from its first bytes, read before anything is decoded: a
 * configuration can carry a small file that claims 30000x30000 pixels. Used by the validator and by
 * the workbench's thumbnails; the executor applies the same rules (python-bridge {@code images.py}).
 *
 * @param kind {@code "png"} or {@code "jpeg"}
 */
public record ImageHeader(String kind, long width, long height) {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** The bytes are not a PNG or JPEG image with a readable size; the message says what they are. */
	public static final class BadHeaderException extends Exception {
		private static final long serialVersionUID = 1L;

		BadHeaderException(String message) {
			super(message);
		}
	}

	public long pixels() {
		return width * height;
	}

	/** Whether an image of this size may be decoded ({@link Vocabulary.Limits#maxImagePixels()}). */
	public boolean withinLimit() {
		return pixels() <= Vocabulary.get().limits().maxImagePixels();
	}

	public static ImageHeader read(byte[] data) throws BadHeaderException {
		if (startsWith(data, PNG_SIGNATURE)) {
			if (data.length < 24 || u32(data, 8) != 13 || data[12] != 'I' || data[13] != 'H' || data[14] != 'D'
					|| data[15] != 'R') {
				throw new BadHeaderException(Messages.ImageHeader_pngWithoutHeader);
			}
			long width = u32(data, 16);
			long height = u32(data, 20);
			if (width == 0 || height == 0) {
				throw new BadHeaderException(Messages.ImageHeader_pngEmpty);
			}
			return new ImageHeader("png", width, height); //$NON-NLS-1$
		}
		if (data.length >= 2 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8) {
			int i = 2;
			while (i + 4 <= data.length) {
				if ((data[i] & 0xff) != 0xff) {
					throw new BadHeaderException(Messages.ImageHeader_jpegBrokenHeader);
				}
				int marker = data[i + 1] & 0xff;
				if (marker == 0xff) { // fill byte
					i++;
					continue;
				}
				if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
					i += 2;
					continue;
				}
				int length = u16(data, i + 2);
				if (isStartOfFrame(marker)) {
					if (i + 9 > data.length) {
						break;
					}
					long height = u16(data, i + 5);
					long width = u16(data, i + 7);
					if (width == 0 || height == 0) {
						throw new BadHeaderException(Messages.ImageHeader_jpegEmpty);
					}
					return new ImageHeader("jpeg", width, height); //$NON-NLS-1$
				}
				if (marker == 0xda || length < 2) {
					break;
				}
				i += 2 + length;
			}
			throw new BadHeaderException(Messages.ImageHeader_jpegWithoutFrame);
		}
		throw new BadHeaderException(Messages.ImageHeader_notAnImage);
	}

	/**
	 * The bytes of base64 image data as configurations hold it (a {@code data:} URL prefix and
	 * whitespace allowed, padding optional); null if it is not base64.
	 */
	public static byte[] decodeBase64(String data) {
		if (data.startsWith("data:")) { //$NON-NLS-1$
			int comma = data.indexOf(',');
			data = comma < 0 ? "" : data.substring(comma + 1); //$NON-NLS-1$
		}
		StringBuilder clean = new StringBuilder(data.length());
		for (int i = 0; i < data.length(); i++) {
			char c = data.charAt(i);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0b) {
				clean.append(c);
			}
		}
		if (clean.length() % 4 == 1) {
			return null;
		}
		while (clean.length() % 4 != 0) {
			clean.append('=');
		}
		try {
			return Base64.getDecoder().decode(clean.toString());
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static boolean isStartOfFrame(int marker) {
		return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
	}

	private static long u32(byte[] data, int at) {
		return ((long) (data[at] & 0xff) << 24) | ((data[at + 1] & 0xff) << 16) | ((data[at + 2] & 0xff) << 8)
				| (data[at + 3] & 0xff);
	}

	private static int u16(byte[] data, int at) {
		return ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
