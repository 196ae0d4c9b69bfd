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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A laid-out state diagram: where every state box and transition line goes, in diagram units. */
public record DiagramModel(Map<String, Node> nodes, List<Edge> edges, double width, double height) {

	/** A state box. */
	public record Node(String stateId, String name, double x, double y, double width, double height, boolean initial,
			boolean isFinal) {

		public boolean contains(double px, double py) {
			return px >= x && px <= x + width && py >= y && py <= y + height;
		}
	}

	/**
	 * A transition line from {@code from} to {@code to} through {@code points} (x0,y0,x1,y1,...),
	 * with its label's position.
	 */
	public record Edge(String transitionId, String from, String to, String label, double[] points, double labelX,
			double labelY) {
	}

	public static DiagramModel empty() {
		return new DiagramModel(new LinkedHashMap<>(), List.of(), 0, 0);
	}

	/** The state whose box contains the point, or {@code null}. */
	public Node nodeAt(double x, double y) {
		for (Node n : nodes.values()) {
			if (n.contains(x, y)) {
				return n;
			}
		}
		return null;
	}
}
