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

/**
 * Root of a Qontinui v2.0.0 configuration as exported by the web builder: images, states,
 * transitions between them, and the workflows the transitions run.
 * <p>
 * Absent lists stay {@code null} internally (so they stay absent when written); the getters return
 * an empty immutable list for them.
 */
public class QontinuiConfig extends ConfigElement {

	public static final String CURRENT_VERSION = "2.0.0"; //$NON-NLS-1$

	private String version;
	private Metadata metadata;
	private List<ImageAsset> images;
	private List<Workflow> workflows;
	private List<State> states;
	private List<Transition> transitions;
	private List<Category> categories;
	private Settings settings;

	public String getVersion() {
		return version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public Metadata getMetadata() {
		return metadata;
	}

	public void setMetadata(Metadata metadata) {
		this.metadata = metadata;
	}

	public List<ImageAsset> getImages() {
		return listOrEmpty(images);
	}

	public void setImages(List<ImageAsset> images) {
		this.images = images;
	}

	public List<Workflow> getWorkflows() {
		return listOrEmpty(workflows);
	}

	public void setWorkflows(List<Workflow> workflows) {
		this.workflows = workflows;
	}

	public List<State> getStates() {
		return listOrEmpty(states);
	}

	public void setStates(List<State> states) {
		this.states = states;
	}

	public List<Transition> getTransitions() {
		return listOrEmpty(transitions);
	}

	public void setTransitions(List<Transition> transitions) {
		this.transitions = transitions;
	}

	public List<Category> getCategories() {
		return listOrEmpty(categories);
	}

	public void setCategories(List<Category> categories) {
		this.categories = categories;
	}

	public Settings getSettings() {
		return settings;
	}

	public void setSettings(Settings settings) {
		this.settings = settings;
	}
}
