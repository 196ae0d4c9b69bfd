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

import java.util.Map;

/**
 * A named rectangle of a state. Read from flat {@code x, y, width, height} (schemas) or from
 * {@code bounds} (library).
 */
public class StateRegion extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("is_search_region", "isSearchRegion", //$NON-NLS-1$//$NON-NLS-2$
			"is_interaction_region", "isInteractionRegion", "reference_image_id", "referenceImageId"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$

	private String id;
	private String name;
	private Number x;
	private Number y;
	private Number width;
	private Number height;
	private Bounds bounds;
	private Boolean fixed;
	private Boolean isSearchRegion;
	private Boolean isInteractionRegion;
	private String referenceImageId;

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

	/** The rectangle, from the flat fields if present, else from {@code bounds}. */
	public Bounds getBounds() {
		if (x != null || width != null || bounds == null) {
			return new Bounds(intValue(x, 0), intValue(y, 0), intValue(width, 0), intValue(height, 0));
		}
		return bounds;
	}

	public boolean isFixed() {
		return fixed == null || fixed;
	}

	public boolean isSearchRegion() {
		return Boolean.TRUE.equals(isSearchRegion);
	}

	public boolean isInteractionRegion() {
		return Boolean.TRUE.equals(isInteractionRegion);
	}

	public String getReferenceImageId() {
		return referenceImageId;
	}
}
