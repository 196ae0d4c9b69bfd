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

import java.util.Locale;
import java.util.Set;

import org.eclipse.osgi.util.NLS;

/** Writes a laid-out diagram as a standalone SVG document (vector, for reports and docs). */
public final class DiagramSvg {

	private DiagramSvg() {
	}

	public static String toSvg(DiagramModel model, Set<String> activeStates) {
		return toSvg(model, activeStates, activeStates);
	}

	/** Active states in {@code seenStates} are drawn lit; the other active ones (assumed) lighter and dashed. */
	public static String toSvg(DiagramModel model, Set<String> activeStates, Set<String> seenStates) {
		double w = model.width() + 20;
		double h = model.height() + 20;
		StringBuilder svg = new StringBuilder();
		svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"); //$NON-NLS-1$
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"-10 -10 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"12\">\n", //$NON-NLS-1$
				w, h, w, h));
		svg.append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\">" //$NON-NLS-1$
				+ "<path d=\"M0,0 L10,4 L0,8 z\" fill=\"#787878\"/></marker></defs>\n"); //$NON-NLS-1$
		for (DiagramModel.Edge e : model.edges()) {
			double[] p = e.points();
			if (p.length < 4) {
				continue;
			}
			StringBuilder points = new StringBuilder();
			for (int i = 0; i + 1 < p.length; i += 2) {
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[i], p[i + 1])); //$NON-NLS-1$
			}
			svg.append("<polyline class=\"transition\" data-id=\"").append(escape(e.transitionId())) //$NON-NLS-1$
					.append("\" points=\"").append(points.toString().strip()) //$NON-NLS-1$
					.append("\" fill=\"none\" stroke=\"#787878\" marker-end=\"url(#arrow)\"/>\n"); //$NON-NLS-1$
			if (e.label() != null && !e.label().isEmpty()) {
				svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#444\">%s</text>\n", //$NON-NLS-1$
						e.labelX(), e.labelY() + 11, escape(e.label())));
			}
		}
		for (DiagramModel.Node n : model.nodes().values()) {
			boolean active = activeStates.contains(n.stateId());
			boolean assumed = active && !seenStates.contains(n.stateId());
			svg.append(String.format(Locale.ROOT,
					"<g class=\"state%s\" data-id=\"%s\"><title>%s</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"7\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\"%s/>", //$NON-NLS-1$
					assumed ? " assumed" : active ? " seen" : "", escape(n.stateId()), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
					escape(assumed ? NLS.bind(Messages.StateDiagram_svgAssumed, n.name())
							: active ? NLS.bind(Messages.StateDiagram_svgSeen, n.name()) : n.name()),
					n.x(), n.y(), n.width(), n.height(), assumed ? "#e8f7e8" : active ? "#c8f0c8" : "#e8f0fe", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
					active ? "#006400" : "#4664aa", active ? 3 : 1, assumed ? " stroke-dasharray=\"6 4\"" : "")); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
			if (n.initial()) {
				svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"#006400\"/>", //$NON-NLS-1$
						n.x() + 10, n.y() + 10));
			}
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text></g>\n", //$NON-NLS-1$
					n.x() + (n.initial() ? 20 : 8), n.y() + 18, escape(n.name())));
		}
		svg.append("</svg>\n"); //$NON-NLS-1$
		return svg.toString();
	}

	private static String escape(String s) {
		if (s == null) {
			return ""; //$NON-NLS-1$
		}
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$//$NON-NLS-7$//$NON-NLS-8$
	}
}
