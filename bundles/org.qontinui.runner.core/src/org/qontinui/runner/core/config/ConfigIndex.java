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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups by id, built once from a configuration. A snapshot: rebuild it after editing the model.
 * When ids repeat, the first occurrence wins (the validator reports the others).
 */
public final class ConfigIndex {

	/** An action together with the workflow that holds it. */
	public record ActionEntry(Workflow workflow, Action action) {
	}

	/** A state image together with its state. */
	public record StateImageEntry(State state, StateImage image) {
	}

	private final Map<String, State> states;
	private final Map<String, Workflow> workflows;
	private final Map<String, ImageAsset> images;
	private final Map<String, Transition> transitions;
	private final Map<String, ActionEntry> actions;
	private final Map<String, StateImageEntry> stateImages;

	private ConfigIndex(QontinuiConfig config) {
		List<State> stateList = config.getStates();
		states = new HashMap<>(capacity(stateList.size()));
		stateImages = new HashMap<>(capacity(stateList.size()));
		for (State state : stateList) {
			putFirst(states, state.getId(), state);
			for (StateImage image : state.getStateImages()) {
				putFirst(stateImages, image.getId(), new StateImageEntry(state, image));
			}
		}
		List<Workflow> workflowList = config.getWorkflows();
		workflows = new HashMap<>(capacity(workflowList.size()));
		int actionCount = 0;
		for (Workflow workflow : workflowList) {
			actionCount += workflow.getActions().size();
		}
		actions = new HashMap<>(capacity(actionCount));
		for (Workflow workflow : workflowList) {
			putFirst(workflows, workflow.getId(), workflow);
			for (Action action : workflow.getActions()) {
				putFirst(actions, action.getId(), new ActionEntry(workflow, action));
			}
		}
		images = new HashMap<>(capacity(config.getImages().size()));
		for (ImageAsset image : config.getImages()) {
			putFirst(images, image.getId(), image);
		}
		transitions = new HashMap<>(capacity(config.getTransitions().size()));
		for (Transition transition : config.getTransitions()) {
			putFirst(transitions, transition.getId(), transition);
		}
	}

	public static ConfigIndex of(QontinuiConfig config) {
		return new ConfigIndex(config);
	}

	public Optional<State> state(String id) {
		return Optional.ofNullable(id == null ? null : states.get(id));
	}

	public Optional<Workflow> workflow(String id) {
		return Optional.ofNullable(id == null ? null : workflows.get(id));
	}

	public Optional<ImageAsset> image(String id) {
		return Optional.ofNullable(id == null ? null : images.get(id));
	}

	public Optional<Transition> transition(String id) {
		return Optional.ofNullable(id == null ? null : transitions.get(id));
	}

	public Optional<ActionEntry> action(String id) {
		return Optional.ofNullable(id == null ? null : actions.get(id));
	}

	public Optional<StateImageEntry> stateImage(String id) {
		return Optional.ofNullable(id == null ? null : stateImages.get(id));
	}

	private static <T> void putFirst(Map<String, T> map, String id, T value) {
		if (id != null) {
			map.putIfAbsent(id, value);
		}
	}

	private static int capacity(int size) {
		return Math.max(16, (int) (size / 0.75f) + 1);
	}
}
