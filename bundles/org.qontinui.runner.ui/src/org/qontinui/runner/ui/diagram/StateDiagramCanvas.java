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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.LineAttributes;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.qontinui.runner.core.config.State;
import org.qontinui.runner.ui.model.ConfigNode;
import org.qontinui.runner.ui.model.ThumbnailCache;

/**
 * Draws a laid-out state diagram with SWT: state boxes with thumbnails, labelled transition arrows,
 * the active states lit, the running transition animated, the trail of entered states numbered, and
 * breakpoints. Wheel zooms, dragging pans, a click selects a state.
 */
public class StateDiagramCanvas extends Canvas {

	/** Height of a state's picture in its box. */
	private static final int THUMB = 40;

	private DiagramModel model = DiagramModel.empty();
	private ConfigNode config;
	private final ThumbnailCache thumbnails;
	private double zoom = 1.0;
	private double originX;
	private double originY;
	private String selected;
	private Set<String> active = Set.of();
	private Set<String> seen = Set.of();
	private List<String> trail = List.of();
	private String runningTransition;
	private Set<String> breakpoints = Set.of();
	private int dashOffset;
	private Point dragStart;
	private boolean dragged;
	private final List<Consumer<String>> selectionListeners = new ArrayList<>();

	private final Color nodeFill;
	private final Color activeFill;
	private final Color assumedFill;
	private final Color border;
	private final Color selectedBorder;
	private final Color edgeColor;
	private final Color runningColor;
	private final Color trailColor;
	private final Color breakpointColor;

	public StateDiagramCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		thumbnails = new ThumbnailCache(getDisplay());
		nodeFill = new Color(232, 240, 254);
		activeFill = new Color(200, 240, 200);
		assumedFill = new Color(232, 247, 232);
		border = new Color(70, 100, 170);
		selectedBorder = new Color(20, 60, 220);
		edgeColor = new Color(120, 120, 120);
		runningColor = new Color(230, 126, 34);
		trailColor = new Color(142, 68, 173);
		breakpointColor = new Color(30, 70, 200);
		addPaintListener(e -> paint(e.gc));
		addListener(SWT.MouseDown, e -> {
			dragStart = new Point(e.x, e.y);
			dragged = false;
		});
		addListener(SWT.MouseMove, e -> {
			if (dragStart != null && (e.stateMask & SWT.BUTTON_MASK) != 0) {
				originX -= (e.x - dragStart.x) / zoom;
				originY -= (e.y - dragStart.y) / zoom;
				dragged |= Math.abs(e.x - dragStart.x) + Math.abs(e.y - dragStart.y) > 2;
				dragStart = new Point(e.x, e.y);
				redraw();
			} else {
				DiagramModel.Node n = model.nodeAt(originX + e.x / zoom, originY + e.y / zoom);
				String tip = n == null ? null : stateToolTip(n);
				if (!Objects.equals(tip, getToolTipText())) {
					setToolTipText(tip);
				}
			}
		});
		addListener(SWT.MouseUp, e -> {
			if (!dragged && e.button == 1) {
				DiagramModel.Node n = model.nodeAt(originX + e.x / zoom, originY + e.y / zoom);
				select(n == null ? null : n.stateId());
				selectionListeners.forEach(l -> l.accept(selected));
			}
			dragStart = null;
		});
		addListener(SWT.MouseVerticalWheel, e -> zoomAt(e.count > 0 ? 1.15 : 1 / 1.15, e.x, e.y));
		addListener(SWT.Dispose, e -> {
			thumbnails.dispose();
			for (Color c : new Color[] { nodeFill, activeFill, assumedFill, border, selectedBorder, edgeColor, runningColor, trailColor,
					breakpointColor }) {
				c.dispose();
			}
		});
	}

	public void setModel(ConfigNode config, DiagramModel model) {
		this.config = config;
		this.model = model;
		fit();
	}

	public DiagramModel model() {
		return model;
	}

	public ConfigNode config() {
		return config;
	}

	public void addSelectionListener(Consumer<String> listener) {
		selectionListeners.add(listener);
	}

	public void select(String stateId) {
		selected = stateId;
		if (stateId != null) {
			reveal(stateId);
		}
		redraw();
	}

	public String selectedState() {
		return selected;
	}

	/** Live run state: which states are active, the trail, and the transition that runs now (all seen). */
	public void setRunState(Set<String> activeStates, List<String> trailOfStates, String transition) {
		setRunState(activeStates, activeStates, trailOfStates, transition);
	}

	/**
	 * Live run state: which states are active, which of them were seen on screen (the others are only
	 * assumed and drawn lighter with a dashed outline), the trail, and the transition that runs now.
	 */
	public void setRunState(Set<String> activeStates, Set<String> seenStates, List<String> trailOfStates,
			String transition) {
		active = Set.copyOf(activeStates);
		seen = Set.copyOf(seenStates);
		trail = List.copyOf(trailOfStates);
		runningTransition = transition;
		redraw();
	}

	public Set<String> activeStates() {
		return active;
	}

	/** The active states seen on screen; {@link #activeStates()} minus these are assumed. */
	public Set<String> seenStates() {
		return seen;
	}

	/** Whether the state is active but only assumed (not seen on screen). */
	public boolean isAssumed(String stateId) {
		return active.contains(stateId) && !seen.contains(stateId);
	}

	/** The hover text of a state: its name and, while it is active, whether it was seen or is assumed. */
	String stateToolTip(DiagramModel.Node n) {
		if (!active.contains(n.stateId())) {
			return n.name();
		}
		return NLS.bind(seen.contains(n.stateId()) ? Messages.StateDiagram_activeSeen
				: Messages.StateDiagram_activeAssumed, n.name());
	}

	public void setBreakpoints(Set<String> stateIds) {
		breakpoints = new HashSet<>(stateIds);
		redraw();
	}

	/** Advances the running transition's dashes; called by the view's timer while a run is live. */
	public void animate() {
		if (runningTransition != null) {
			dashOffset = (dashOffset + 2) % 24;
			redraw();
		}
	}

	public double zoom() {
		return zoom;
	}

	public void zoomBy(double factor) {
		Rectangle area = getClientArea();
		zoomAt(factor, area.width / 2, area.height / 2);
	}

	private void zoomAt(double factor, int sx, int sy) {
		double wx = originX + sx / zoom;
		double wy = originY + sy / zoom;
		zoom = Math.max(0.05, Math.min(4.0, zoom * factor));
		originX = wx - sx / zoom;
		originY = wy - sy / zoom;
		redraw();
	}

	/** Zooms so the whole diagram fits, never above 100 %. */
	public void fit() {
		Rectangle area = getClientArea();
		if (model.width() <= 0 || area.width <= 0) {
			zoom = 1.0;
		} else {
			zoom = Math.min(1.0, Math.min((area.width - 20) / model.width(), (area.height - 20) / model.height()));
			zoom = Math.max(zoom, 0.05);
		}
		originX = -10 / zoom;
		originY = -10 / zoom;
		redraw();
	}

	private void reveal(String stateId) {
		DiagramModel.Node n = model.nodes().get(stateId);
		Rectangle area = getClientArea();
		if (n == null || area.width == 0) {
			return;
		}
		double sx = (n.x() - originX) * zoom;
		double sy = (n.y() - originY) * zoom;
		if (sx < 0 || sy < 0 || sx + n.width() * zoom > area.width || sy + n.height() * zoom > area.height) {
			originX = n.x() + n.width() / 2 - area.width / 2 / zoom;
			originY = n.y() + n.height() / 2 - area.height / 2 / zoom;
		}
	}

	// --- painting -----------------------------------------------------------------------------------

	private void paint(GC gc) {
		Rectangle area = getClientArea();
		gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(area);
		if (model.nodes().isEmpty()) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
			gc.drawText(Messages.StateDiagram_empty, 10, 10, true);
			return;
		}
		Transform t = new Transform(getDisplay());
		t.scale((float) zoom, (float) zoom);
		t.translate((float) -originX, (float) -originY);
		gc.setTransform(t);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		drawDiagram(gc, visibleRegion(area));
		gc.setTransform(null);
		t.dispose();
		if (active.stream().anyMatch(this::isAssumed)) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
			Point size = gc.textExtent(Messages.StateDiagram_assumedLegend);
			gc.drawText(Messages.StateDiagram_assumedLegend, 8, area.height - size.y - 6, true);
		}
	}

	private double[] visibleRegion(Rectangle area) {
		return new double[] { originX, originY, originX + area.width / zoom, originY + area.height / zoom };
	}

	/** Draws in diagram units; {@code view} culls what is off screen ({x0,y0,x1,y1}, or null for all). */
	void drawDiagram(GC gc, double[] view) {
		gc.setLineWidth(1);
		for (DiagramModel.Edge e : model.edges()) {
			boolean running = e.transitionId() != null && e.transitionId().equals(runningTransition);
			if (!running && view != null && !intersects(e.points(), view)) {
				continue;
			}
			drawEdge(gc, e, running);
		}
		Map<String, List<Integer>> order = trailNumbers();
		for (DiagramModel.Node n : model.nodes().values()) {
			if (view != null && (n.x() > view[2] || n.y() > view[3] || n.x() + n.width() < view[0]
					|| n.y() + n.height() < view[1])) {
				continue;
			}
			drawNode(gc, n, order.get(n.stateId()));
		}
	}

	private static boolean intersects(double[] p, double[] view) {
		for (int i = 0; i + 1 < p.length; i += 2) {
			if (p[i] >= view[0] && p[i] <= view[2] && p[i + 1] >= view[1] && p[i + 1] <= view[3]) {
				return true;
			}
		}
		return false;
	}

	private Map<String, List<Integer>> trailNumbers() {
		Map<String, List<Integer>> order = new LinkedHashMap<>();
		for (int i = 0; i < trail.size(); i++) {
			order.computeIfAbsent(trail.get(i), k -> new ArrayList<>()).add(i + 1);
		}
		return order;
	}

	private void drawEdge(GC gc, DiagramModel.Edge e, boolean running) {
		double[] p = e.points();
		if (p.length < 4) {
			return;
		}
		boolean onTrail = trailContainsStep(e.from(), e.to());
		gc.setForeground(running ? runningColor : onTrail ? trailColor : edgeColor);
		gc.setLineWidth(running || onTrail ? 3 : 1);
		if (running) {
			gc.setLineDash(new int[] { 8, 4 });
			gc.setLineStyle(SWT.LINE_CUSTOM);
			gc.setLineAttributes(new LineAttributes(3, SWT.CAP_FLAT, SWT.JOIN_MITER,
					SWT.LINE_CUSTOM, new float[] { 8, 4 }, dashOffset, 10));
		}
		int[] ip = new int[p.length];
		for (int i = 0; i < p.length; i++) {
			ip[i] = (int) Math.round(p[i]);
		}
		gc.drawPolyline(ip);
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setLineWidth(1);
		drawArrowHead(gc, p[p.length - 4], p[p.length - 3], p[p.length - 2], p[p.length - 1]);
		if (e.label() != null && !e.label().isEmpty() && zoom > 0.4) {
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
			gc.drawText(e.label(), (int) e.labelX(), (int) e.labelY(), true);
		}
	}

	private boolean trailContainsStep(String from, String to) {
		for (int i = 0; i + 1 < trail.size(); i++) {
			if (trail.get(i).equals(from) && trail.get(i + 1).equals(to)) {
				return true;
			}
		}
		return false;
	}

	private void drawArrowHead(GC gc, double x0, double y0, double x1, double y1) {
		double angle = Math.atan2(y1 - y0, x1 - x0);
		double len = 9;
		int[] head = { (int) x1, (int) y1, (int) (x1 - len * Math.cos(angle - 0.4)), (int) (y1 - len * Math.sin(angle - 0.4)),
				(int) (x1 - len * Math.cos(angle + 0.4)), (int) (y1 - len * Math.sin(angle + 0.4)) };
		gc.setBackground(gc.getForeground());
		gc.fillPolygon(head);
	}

	private void drawNode(GC gc, DiagramModel.Node n, List<Integer> order) {
		int x = (int) n.x();
		int y = (int) n.y();
		int w = (int) n.width();
		int h = (int) n.height();
		boolean isActive = active.contains(n.stateId());
		boolean assumed = isActive && !seen.contains(n.stateId());
		gc.setBackground(assumed ? assumedFill : isActive ? activeFill : nodeFill);
		gc.fillRoundRectangle(x, y, w, h, 14, 14);
		boolean isSelected = n.stateId().equals(selected);
		gc.setForeground(isSelected ? selectedBorder : isActive ? getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN) : border);
		gc.setLineWidth(isSelected || isActive ? 3 : 1);
		// Assumed (believed from the configuration, not seen on screen): lit, but dashed.
		gc.setLineStyle(assumed ? SWT.LINE_DASH : SWT.LINE_SOLID);
		gc.drawRoundRectangle(x, y, w, h, 14, 14);
		gc.setLineStyle(SWT.LINE_SOLID);
		if (n.isFinal()) {
			gc.setLineWidth(1);
			gc.drawRoundRectangle(x + 4, y + 4, w - 8, h - 8, 10, 10);
		}
		gc.setLineWidth(1);
		if (n.initial()) {
			gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN));
			gc.fillOval(x + 6, y + 6, 9, 9);
		}
		if (breakpoints.contains(n.stateId())) {
			gc.setBackground(breakpointColor);
			gc.fillOval(x + w - 15, y + 6, 9, 9);
		}
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
		Image thumb = thumbnail(n);
		int textX = x + (n.initial() ? 20 : 8);
		if (thumb != null && zoom > 0.3) {
			Rectangle b = thumb.getBounds();
			gc.drawImage(thumb, x + 8, y + h - b.height - 6);
		}
		gc.drawText(n.name(), textX, y + 5, true);
		if (order != null && !order.isEmpty()) {
			String text = order.size() > 4 ? order.subList(0, 3) + "..." : order.toString(); //$NON-NLS-1$
			text = text.replace("[", "").replace("]", ""); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
			Point size = gc.textExtent(text);
			gc.setBackground(trailColor);
			gc.fillRoundRectangle(x + w - size.x - 12, y + h - size.y - 6, size.x + 8, size.y + 2, 8, 8);
			gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.drawText(text, x + w - size.x - 8, y + h - size.y - 5, true);
		}
	}

	private Image thumbnail(DiagramModel.Node n) {
		if (config == null || config.index() == null) {
			return null;
		}
		State s = config.index().state(n.stateId()).orElse(null);
		return s == null ? null : thumbnails.ofState(config, s, (int) n.width() - 16, THUMB);
	}

	/** Renders the whole diagram at 100 % into a new image; the caller disposes it. */
	public Image renderImage() {
		int w = (int) Math.ceil(model.width()) + 20;
		int h = (int) Math.ceil(model.height()) + 20;
		Image image = new Image(getDisplay(), Math.max(w, 1), Math.max(h, 1));
		GC gc = new GC(image);
		try {
			gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
			gc.fillRectangle(0, 0, w, h);
			gc.setAntialias(SWT.ON);
			Transform t = new Transform(getDisplay());
			t.translate(10, 10);
			gc.setTransform(t);
			drawDiagram(gc, null);
			gc.setTransform(null);
			t.dispose();
		} finally {
			gc.dispose();
		}
		return image;
	}
}
