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

import java.util.List;
import java.util.Map;

/**
 * A visual variant of a state image. The image is {@code imageId} in the library and schemas,
 * {@code image} in the runner's python bridge; both are read.
 */
public class Pattern extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("image", "imageId", "image_id", "imageId", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
			"search_regions", "searchRegions"); //$NON-NLS-1$//$NON-NLS-2$

	private String id;
	private String name;
	private String imageId;
	private String mask;
	private Boolean fixed;
	private Number similarity;
	private List<SearchRegion> searchRegions;

	@Override
	protected Map<String, String> aliases() {
		return ALIASES;
	}

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

	public String getImageId() {
		return imageId;
	}

	public void setImageId(String imageId) {
		this.imageId = imageId;
	}

	public String getMask() {
		return mask;
	}

	public boolean isFixed() {
		return Boolean.TRUE.equals(fixed);
	}

	/** Similarity of this variant, or {@code fallback} if it does not set one. */
	public double getSimilarity(double fallback) {
		return doubleValue(similarity, fallback);
	}

	public List<SearchRegion> getSearchRegions() {
		return listOrEmpty(searchRegions);
	}
}
