/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.config;

/**
 * {@code images[]}: a picture embedded as base64 (raw PNG bytes, no {@code data:} prefix in
 * exports; tolerated when present). Patterns refer to it by {@link #getId()}.
 */
public class ImageAsset extends ConfigElement {

	private String id;
	private String name;
	private String data;
	private String format;
	private Number width;
	private Number height;
	private String hash;
	private String mask;

	public String getId() {
		return id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	/** Base64 text, possibly with a {@code data:image/png;base64,} prefix. */
	public String getData() {
		return data;
	}

	public void setData(String data) {
		this.data = data;
	}

	/** The base64 part of {@link #getData()} without any {@code data:} prefix; null if no data. */
	public String getBase64Data() {
		if (data == null) {
			return null;
		}
		if (data.startsWith("data:")) { //$NON-NLS-1$
			int comma = data.indexOf(',');
			return comma < 0 ? "" : data.substring(comma + 1); //$NON-NLS-1$
		}
		return data;
	}

	public String getFormat() {
		return format;
	}

	public void setFormat(String format) {
		this.format = format;
	}

	public int getWidth() {
		return intValue(width, 0);
	}

	public void setWidth(int width) {
		this.width = width;
	}

	public int getHeight() {
		return intValue(height, 0);
	}

	public void setHeight(int height) {
		this.height = height;
	}

	/** SHA-256 hex of the base64 text (not of the decoded bytes), as the library checks it. */
	public String getHash() {
		return hash;
	}

	public void setHash(String hash) {
		this.hash = hash;
	}

	public String getMask() {
		return mask;
	}

	public void setMask(String mask) {
		this.mask = mask;
	}
}
