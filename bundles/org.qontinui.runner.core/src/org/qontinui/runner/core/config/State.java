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

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A screen state, recognised by its state images; transitions move between states.
 * Accepts {@code stateImages}, {@code identifyingImages} (runner examples, v1) and snake_case keys.
 */
public class State extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of( //
			"identifyingImages", "stateImages", //$NON-NLS-1$//$NON-NLS-2$
			"identifying_images", "stateImages", //$NON-NLS-1$//$NON-NLS-2$
			"state_images", "stateImages", //$NON-NLS-1$//$NON-NLS-2$
			"state_strings", "strings", //$NON-NLS-1$//$NON-NLS-2$
			"state_regions", "regions", //$NON-NLS-1$//$NON-NLS-2$
			"state_locations", "locations", //$NON-NLS-1$//$NON-NLS-2$
			"is_initial", "isInitial", //$NON-NLS-1$//$NON-NLS-2$
			"is_final", "isFinal"); //$NON-NLS-1$//$NON-NLS-2$

	private String id;
	private String name;
	private String description;
	@JsonSerialize(contentConverter = StateImage.ShorthandConverter.class)
	private List<StateImage> stateImages;
	private List<StateRegion> regions;
	private List<StateLocation> locations;
	private List<StateString> strings;
	private Position position;
	private Boolean isInitial;
	private Boolean isFinal;

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

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<StateImage> getStateImages() {
		return listOrEmpty(stateImages);
	}

	public void setStateImages(List<StateImage> stateImages) {
		this.stateImages = stateImages;
	}

	public List<StateRegion> getRegions() {
		return listOrEmpty(regions);
	}

	public void setRegions(List<StateRegion> regions) {
		this.regions = regions;
	}

	public List<StateLocation> getLocations() {
		return listOrEmpty(locations);
	}

	public void setLocations(List<StateLocation> locations) {
		this.locations = locations;
	}

	public List<StateString> getStrings() {
		return listOrEmpty(strings);
	}

	public void setStrings(List<StateString> strings) {
		this.strings = strings;
	}

	public Position getPosition() {
		return position;
	}

	public void setPosition(Position position) {
		this.position = position;
	}

	public boolean isInitial() {
		return Boolean.TRUE.equals(isInitial);
	}

	public void setInitial(boolean initial) {
		this.isInitial = initial;
	}

	public boolean isFinal() {
		return Boolean.TRUE.equals(isFinal);
	}

	public void setFinal(boolean isFinal) {
		this.isFinal = isFinal;
	}
}
