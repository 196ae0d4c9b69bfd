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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.eclipse.osgi.util.NLS;

/**
 * Replaces the pixels of one image asset ({@code images[].id}) in a configuration's text: its
 * {@code data} (raw base64 PNG), {@code width}, {@code height}, {@code format} and {@code hash} (SHA-256
 * hex of the base64 text). Only those values change; the rest of the file keeps its bytes, layout and
 * key order, so the edit is a small diff and undo restores the file exactly.
 */
public final class ImageAssetEdit {

	private record Span(int start, int end, String text) {
	}

	private ImageAssetEdit() {
	}

	/**
	 * @return the new text
	 * @throws IllegalArgumentException when the text has no image with this id, or it has no {@code data}
	 */
	public static String replace(String json, String imageId, byte[] png, int width, int height) throws IOException {
		String base64 = Base64.getEncoder().encodeToString(png);
		List<Span> spans = locate(json, imageId, base64, width, height);
		StringBuilder out = new StringBuilder(json);
		spans.stream().sorted(Comparator.comparingInt(Span::start).reversed())
				.forEach(s -> out.replace(s.start(), s.end(), s.text()));
		return out.toString();
	}

	private static List<Span> locate(String json, String imageId, String base64, int width, int height)
			throws IOException {
		try (JsonParser p = new JsonFactory().createParser(json)) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException(Messages.ImageAssetEdit_notAnObject);
			}
			while (p.nextToken() == JsonToken.FIELD_NAME) {
				String field = p.currentName();
				JsonToken value = p.nextToken();
				if ("images".equals(field) && value == JsonToken.START_ARRAY) { //$NON-NLS-1$
					while (p.nextToken() == JsonToken.START_OBJECT) {
						List<Span> spans = image(p, imageId, base64, width, height);
						if (spans != null) {
							return spans;
						}
					}
					break;
				}
				p.skipChildren();
			}
		}
		throw new IllegalArgumentException(NLS.bind(Messages.ImageAssetEdit_noImage, imageId));
	}

	/** Reads one image object; its spans when it is the one asked for, else null. */
	private static List<Span> image(JsonParser p, String imageId, String base64, int width, int height)
			throws IOException {
		String id = null;
		List<Span> spans = new ArrayList<>();
		boolean hasData = false;
		while (p.nextToken() == JsonToken.FIELD_NAME) {
			String field = p.currentName();
			JsonToken token = p.nextToken();
			int start = (int) p.currentTokenLocation().getCharOffset();
			if (token.isStructStart()) {
				p.skipChildren();
				continue;
			}
			p.finishToken(); // strings are read lazily: the end is known once the value is
			int end = (int) p.currentLocation().getCharOffset();
			switch (field) {
			case "id" -> id = p.getText(); //$NON-NLS-1$
			case "data" -> { //$NON-NLS-1$
				spans.add(new Span(start, end, quoted(base64)));
				hasData = true;
			}
			case "width" -> spans.add(new Span(start, end, Integer.toString(width))); //$NON-NLS-1$
			case "height" -> spans.add(new Span(start, end, Integer.toString(height))); //$NON-NLS-1$
			case "format" -> spans.add(new Span(start, end, quoted("png"))); //$NON-NLS-1$//$NON-NLS-2$
			case "hash" -> spans.add(new Span(start, end, quoted(sha256(base64)))); //$NON-NLS-1$
			default -> {
				// other fields keep their text
			}
			}
		}
		if (!imageId.equals(id)) {
			return null;
		}
		if (!hasData) {
			throw new IllegalArgumentException(NLS.bind(Messages.ImageAssetEdit_noData, imageId));
		}
		return spans;
	}

	private static String quoted(String plain) {
		return '"' + plain + '"';
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(
					MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII))); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
