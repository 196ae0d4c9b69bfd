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

import com.fasterxml.jackson.databind.JsonNode;

/** A named point of a state; read from flat {@code x, y} or from {@code coordinates{x,y}}. */
public class StateLocation extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("reference_image_id", "referenceImageId"); //$NON-NLS-1$//$NON-NLS-2$

	private String id;
	private String name;
	private Number x;
	private Number y;
	private Boolean fixed;
	private Boolean anchor;
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

	public int getX() {
		return x != null ? x.intValue() : coordinate("x"); //$NON-NLS-1$
	}

	public int getY() {
		return y != null ? y.intValue() : coordinate("y"); //$NON-NLS-1$
	}

	private int coordinate(String axis) {
		JsonNode coordinates = getOtherProperty("coordinates"); //$NON-NLS-1$
		return coordinates == null ? 0 : coordinates.path(axis).asInt();
	}

	public boolean isFixed() {
		return Boolean.TRUE.equals(fixed);
	}

	public boolean isAnchor() {
		return Boolean.TRUE.equals(anchor);
	}

	public String getReferenceImageId() {
		return referenceImageId;
	}
}
