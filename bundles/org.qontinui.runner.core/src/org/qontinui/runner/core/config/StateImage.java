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

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.util.StdConverter;

/**
 * An image that identifies a state; its patterns are visual variants of it.
 * <p>
 * Runner examples list bare image ids ({@code "identifyingImages": ["img-button"]}); such an
 * entry becomes a state image with {@link #getShorthandImageId()} set and is written back as the
 * bare id.
 */
public class StateImage extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("search_regions", "searchRegions"); //$NON-NLS-1$//$NON-NLS-2$

	private String id;
	private String name;
	private List<Pattern> patterns;
	private Number threshold;
	private Boolean required;
	private Boolean shared;
	private List<SearchRegion> searchRegions;
	private List<Integer> monitors;
	// Transient: not a JSON property (a key of the same name is read as an other property).
	private transient String shorthandImageId;

	public StateImage() {
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static StateImage ofImageId(String imageId) {
		StateImage image = new StateImage();
		image.shorthandImageId = imageId;
		return image;
	}

	@Override
	protected Map<String, String> aliases() {
		return ALIASES;
	}

	/** For a bare-id entry the image id it names, otherwise null. */
	public String getShorthandImageId() {
		return shorthandImageId;
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

	public List<Pattern> getPatterns() {
		return listOrEmpty(patterns);
	}

	public void setPatterns(List<Pattern> patterns) {
		this.patterns = patterns;
	}

	/** Similarity needed to match, or {@code fallback} when the image does not say. */
	public double getThreshold(double fallback) {
		return doubleValue(threshold, fallback);
	}

	public void setThreshold(double threshold) {
		this.threshold = threshold;
	}

	public boolean isRequired() {
		return required == null || required;
	}

	public boolean isShared() {
		return Boolean.TRUE.equals(shared);
	}

	public List<SearchRegion> getSearchRegions() {
		return listOrEmpty(searchRegions);
	}

	public List<Integer> getMonitors() {
		return listOrEmpty(monitors);
	}

	/** Writes bare-id entries back as the bare id. */
	static final class ShorthandConverter extends StdConverter<StateImage, Object> {
		@Override
		public Object convert(StateImage value) {
			return value.shorthandImageId != null ? value.shorthandImageId : value;
		}
	}
}
