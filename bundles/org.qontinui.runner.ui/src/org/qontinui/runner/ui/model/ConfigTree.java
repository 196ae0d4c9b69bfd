/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.config.Action;
import org.qontinui.runner.core.config.ConfigReference;
import org.qontinui.runner.core.config.ImageAsset;
import org.qontinui.runner.core.config.OutgoingTransition;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.config.State;
import org.qontinui.runner.core.config.StateImage;
import org.qontinui.runner.core.config.Transition;
import org.qontinui.runner.core.config.Workflow;
import org.qontinui.runner.ui.model.ConfigElementNode.Kind;

/**
 * Builds the Config Explorer's subtree of one configuration, once, off the UI thread: metadata,
 * states with their images, transitions, workflows with their actions (IF/LOOP bodies nested), and
 * images. Also finds the node of an element by id, for "show in explorer".
 */
public final class ConfigTree {

	private final List<Object> children = new ArrayList<>();
	private final Map<String, ConfigElementNode> byId = new HashMap<>();
	private final List<ConfigElementNode> elementNodes = new ArrayList<>();

	public ConfigTree(ConfigNode root) {
		QontinuiConfig config = root.config();
		if (config == null) {
			return;
		}
		String metaName = config.getMetadata() != null && config.getMetadata().getName() != null
				? config.getMetadata().getName() : Messages.ConfigTree_noName;
		children.add(new ConfigElementNode(root, root, Kind.METADATA, NLS.bind(Messages.ConfigTree_metadata, metaName,
				config.getVersion()), "/metadata", null, config.getMetadata())); //$NON-NLS-1$

		ConfigElementNode states = group(root, NLS.bind(Messages.ConfigTree_states, config.getStates().size()),
				"/states"); //$NON-NLS-1$
		for (int i = 0; i < config.getStates().size(); i++) {
			State s = config.getStates().get(i);
			String p = "/states/" + i; //$NON-NLS-1$
			String name = label(s.getName(), s.getId());
			ConfigElementNode node = register(states.add(new ConfigElementNode(root, states, Kind.STATE,
					s.isInitial() ? NLS.bind(Messages.ConfigTree_initial, name) : name, p, s.getId(), s)));
			String images = s.spellingOf("stateImages"); //$NON-NLS-1$
			for (int j = 0; j < s.getStateImages().size(); j++) {
				StateImage si = s.getStateImages().get(j);
				String text = si.isRequired() ? label(si.getName(), si.getId())
						: NLS.bind(Messages.ConfigTree_optional, label(si.getName(), si.getId()));
				node.add(register(new ConfigElementNode(root, node, Kind.STATE_IMAGE, text, p + "/" + images + "/" + j, //$NON-NLS-1$//$NON-NLS-2$
						si.getId(), si)));
			}
		}

		ConfigElementNode transitions = group(root, NLS.bind(Messages.ConfigTree_transitions, config.getTransitions().size()),
				"/transitions"); //$NON-NLS-1$
		for (int i = 0; i < config.getTransitions().size(); i++) {
			Transition t = config.getTransitions().get(i);
			String from = t instanceof OutgoingTransition o ? stateName(root, o.getFromState()) + " \u2192 " : "\u2192 "; //$NON-NLS-1$//$NON-NLS-2$
			String text = from + stateName(root, t.getToState())
					+ (t.getName() != null && !t.getName().isBlank() ? "  " + t.getName() : "") + "  [" + t.getId() + "]"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
			transitions.add(register(new ConfigElementNode(root, transitions, Kind.TRANSITION, text, "/transitions/" + i, //$NON-NLS-1$
					t.getId(), t)));
		}

		ConfigElementNode workflows = group(root, NLS.bind(Messages.ConfigTree_workflows, config.getWorkflows().size()),
				"/workflows"); //$NON-NLS-1$
		for (int i = 0; i < config.getWorkflows().size(); i++) {
			Workflow w = config.getWorkflows().get(i);
			String p = "/workflows/" + i; //$NON-NLS-1$
			String name = NLS.bind(Messages.ConfigTree_workflow, label(w.getName(), w.getId()), w.getActions().size());
			ConfigElementNode node = register(workflows.add(new ConfigElementNode(root, workflows, Kind.WORKFLOW, name, p,
					w.getId(), w)));
			addActions(root, node, w, p);
		}

		ConfigElementNode imageGroup = group(root, NLS.bind(Messages.ConfigTree_images, config.getImages().size()),
				"/images"); //$NON-NLS-1$
		for (int i = 0; i < config.getImages().size(); i++) {
			ImageAsset im = config.getImages().get(i);
			String size = im.getWidth() > 0 ? "  " + im.getWidth() + "x" + im.getHeight() : ""; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
			imageGroup.add(register(new ConfigElementNode(root, imageGroup, Kind.IMAGE, label(im.getName(), im.getId()) + size,
					"/images/" + i, im.getId(), im))); //$NON-NLS-1$
		}
	}

	private ConfigElementNode group(ConfigNode root, String label, String pointer) {
		ConfigElementNode g = new ConfigElementNode(root, root, Kind.GROUP, label, pointer, null, null);
		children.add(g);
		return g;
	}

	private ConfigElementNode register(ConfigElementNode node) {
		if (node.elementId() != null) {
			byId.putIfAbsent(node.kind() + ":" + node.elementId(), node); //$NON-NLS-1$
			elementNodes.add(node);
		}
		return node;
	}

	/** Actions run by IF/LOOP/TRY_CATCH parents are shown under them, not at the top of the workflow. */
	private void addActions(ConfigNode root, ConfigElementNode workflowNode, Workflow w, String workflowPointer) {
		Map<String, Integer> indexById = new HashMap<>();
		Set<String> nested = new HashSet<>();
		for (int k = 0; k < w.getActions().size(); k++) {
			Action a = w.getActions().get(k);
			if (a.getId() != null) {
				indexById.put(a.getId(), k);
			}
			for (ConfigReference r : a.getNestedActionReferences()) {
				nested.add(r.id());
			}
		}
		for (int k = 0; k < w.getActions().size(); k++) {
			Action a = w.getActions().get(k);
			if (a.getId() == null || !nested.contains(a.getId())) {
				addAction(root, workflowNode, w, workflowPointer, k, indexById, new HashSet<>());
			}
		}
	}

	private void addAction(ConfigNode root, ConfigElementNode parent, Workflow w, String workflowPointer, int k,
			Map<String, Integer> indexById, Set<String> path) {
		Action a = w.getActions().get(k);
		String text = (a.getType() == null ? "?" : a.getType()) //$NON-NLS-1$
				+ (a.getName() != null && !a.getName().isBlank() ? "  " + a.getName() : "") + "  [" + a.getId() + "]"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
		ConfigElementNode node = register(parent.add(new ConfigElementNode(root, parent, Kind.ACTION, text,
				workflowPointer + "/actions/" + k, a.getId(), a))); //$NON-NLS-1$
		if (a.getId() == null || !path.add(a.getId())) {
			return; // a cycle of IF/LOOP references: the validator reports it, the tree just stops
		}
		for (ConfigReference r : a.getNestedActionReferences()) {
			Integer child = indexById.get(r.id());
			if (child != null) {
				addAction(root, node, w, workflowPointer, child, indexById, path);
			}
		}
		path.remove(a.getId());
	}

	private static String stateName(ConfigNode root, String id) {
		if (id == null) {
			return "?"; //$NON-NLS-1$
		}
		return root.index().state(id).map(s -> s.getName() != null ? s.getName() : id).orElse(id);
	}

	static String label(String name, String id) {
		if (name == null || name.isBlank() || name.equals(id)) {
			return id == null ? Messages.ConfigTree_noId : id;
		}
		return name + "  [" + id + "]"; //$NON-NLS-1$//$NON-NLS-2$
	}

	/** Every state, image, transition, workflow and action node, in document order of the groups. */
	public Collection<ConfigElementNode> elements() {
		return elementNodes;
	}

	public Object[] children() {
		return children.toArray();
	}

	/** The node of a state, transition, workflow, action or image. */
	public ConfigElementNode find(Kind kind, String id) {
		return byId.get(kind + ":" + id); //$NON-NLS-1$
	}
}
