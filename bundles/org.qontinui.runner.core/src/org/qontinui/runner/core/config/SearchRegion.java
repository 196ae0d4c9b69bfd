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

/** Where on screen to look for a state image or pattern; flat {@code x, y, width, height}. */
public class SearchRegion extends Bounds {

	private String id;
	private String name;
	private String referenceImageId;

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

	/** Set when the region is relative to a found image rather than absolute. */
	public String getReferenceImageId() {
		return referenceImageId;
	}

	public void setReferenceImageId(String referenceImageId) {
		this.referenceImageId = referenceImageId;
	}
}
