/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.qontinui.runner.core.config.OutgoingTransition;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.config.State;
import org.qontinui.runner.core.config.Transition;

/**
 * Lays a configuration's states and outgoing transitions out with ELK Layered, left to right. Pure
 * computation without SWT, so it runs in a Job and in benchmarks.
 */
public final class DiagramLayout {

	public static final double NODE_WIDTH = 160;
	public static final double NODE_HEIGHT = 72;
	private static final double CHAR_WIDTH = 6.5;
	private static boolean registered;
	private static boolean warmedUp;

	private DiagramLayout() {
	}

	private static synchronized void registerAlgorithm() {
		if (!registered) {
			// Outside ELK's Eclipse integration nothing registers the algorithm for us.
			LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
			registered = true;
		}
	}

	/**
	 * Lays out a tiny graph in the background so ELK's classes and algorithm data are loaded (and
	 * partly compiled) before a user opens a big configuration.
	 */
	public static synchronized void warmUp() {
		if (warmedUp) {
			return;
		}
		warmedUp = true;
		Job job = Job.createSystem(Messages.StateDiagram_preparingLayout, m -> {
			QontinuiConfig tiny = new QontinuiConfig();
			List<State> states = new ArrayList<>();
			List<Transition> transitions = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				State s = new State();
				s.setId("s" + i); //$NON-NLS-1$
				states.add(s);
				OutgoingTransition t = new OutgoingTransition();
				t.setId("t" + i); //$NON-NLS-1$
				t.setFromState("s" + i); //$NON-NLS-1$
				t.setToState("s" + (i * 7 + 3) % 30); //$NON-NLS-1$
				transitions.add(t);
			}
			tiny.setStates(states);
			tiny.setTransitions(transitions);
			layout(tiny);
		});
		job.setPriority(Job.DECORATE);
		job.schedule();
	}

	public static DiagramModel layout(QontinuiConfig config) {
		registerAlgorithm();
		ElkNode graph = ElkGraphUtil.createGraph();
		graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
		graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
		graph.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
		graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
		graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 15.0);
		int states = config.getStates().size();
		if (states > 200) {
			// Big models: cheaper phases keep the layout of a thousand states under two seconds
			// (measured by DiagramLayoutBenchmark); small ones get ELK's best effort.
			graph.setProperty(LayeredOptions.THOROUGHNESS, 1);
			graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.LAYER_SWEEP);
			graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.OFF);
			graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.SIMPLE);
		}

		Map<String, ElkNode> nodes = new LinkedHashMap<>();
		Map<ElkNode, State> stateOf = new HashMap<>();
		for (State s : config.getStates()) {
			if (s.getId() == null || nodes.containsKey(s.getId())) {
				continue;
			}
			ElkNode n = ElkGraphUtil.createNode(graph);
			String name = s.getName() == null ? s.getId() : s.getName();
			n.setDimensions(Math.max(NODE_WIDTH, Math.min(260, 50 + name.length() * CHAR_WIDTH)), NODE_HEIGHT);
			nodes.put(s.getId(), n);
			stateOf.put(n, s);
		}
		Map<ElkEdge, Transition> transitionOf = new HashMap<>();
		for (Transition t : config.getTransitions()) {
			if (!(t instanceof OutgoingTransition o)) {
				continue;
			}
			ElkNode from = nodes.get(o.getFromState());
			ElkNode to = nodes.get(o.getToState());
			if (from == null || to == null) {
				continue; // the validator reports dangling states
			}
			ElkEdge e = ElkGraphUtil.createSimpleEdge(from, to);
			String text = label(t);
			if (!text.isEmpty() && states <= 200) {
				ElkLabel label = ElkGraphUtil.createLabel(text, e);
				label.setDimensions(text.length() * CHAR_WIDTH, 14);
			}
			transitionOf.put(e, t);
		}

		new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

		Map<String, DiagramModel.Node> outNodes = new LinkedHashMap<>();
		for (Map.Entry<String, ElkNode> entry : nodes.entrySet()) {
			ElkNode n = entry.getValue();
			State s = stateOf.get(n);
			outNodes.put(entry.getKey(), new DiagramModel.Node(s.getId(), s.getName() == null ? s.getId() : s.getName(),
					n.getX(), n.getY(), n.getWidth(), n.getHeight(), s.isInitial(), s.isFinal()));
		}
		List<DiagramModel.Edge> outEdges = new ArrayList<>();
		for (Map.Entry<ElkEdge, Transition> entry : transitionOf.entrySet()) {
			ElkEdge e = entry.getKey();
			OutgoingTransition t = (OutgoingTransition) entry.getValue();
			List<Double> points = new ArrayList<>();
			for (ElkEdgeSection section : e.getSections()) {
				points.add(section.getStartX());
				points.add(section.getStartY());
				for (ElkBendPoint bend : section.getBendPoints()) {
					points.add(bend.getX());
					points.add(bend.getY());
				}
				points.add(section.getEndX());
				points.add(section.getEndY());
			}
			double[] p = points.stream().mapToDouble(Double::doubleValue).toArray();
			double lx;
			double ly;
			if (!e.getLabels().isEmpty()) {
				lx = e.getLabels().get(0).getX();
				ly = e.getLabels().get(0).getY();
			} else {
				lx = p.length >= 4 ? (p[0] + p[p.length - 2]) / 2 : 0;
				ly = p.length >= 4 ? (p[1] + p[p.length - 1]) / 2 : 0;
			}
			outEdges.add(new DiagramModel.Edge(t.getId(), t.getFromState(), t.getToState(), label(t), p, lx, ly));
		}
		return new DiagramModel(outNodes, outEdges, graph.getWidth(), graph.getHeight());
	}

	static String label(Transition t) {
		String name = t.getName();
		return name != null && !name.isBlank() ? name : t.getId() == null ? "" : t.getId(); //$NON-NLS-1$
	}
}
