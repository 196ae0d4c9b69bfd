/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.diagram.DiagramModel;
import org.qontinui.runner.ui.diagram.DiagramSvg;
import org.qontinui.runner.ui.diagram.StateDiagramCanvas;

/** Active states seen on screen and active states only assumed look different on the State Diagram (issue 11). */
class DiagramSeenStatesTest {

	/** Two active states side by side (seen, assumed) and an inactive one. */
	private static DiagramModel model() {
		Map<String, DiagramModel.Node> nodes = new LinkedHashMap<>();
		nodes.put("seen", new DiagramModel.Node("seen", "Seen", 0, 0, 160, 90, true, false));
		nodes.put("assumed", new DiagramModel.Node("assumed", "Assumed", 200, 0, 160, 90, false, false));
		nodes.put("idle", new DiagramModel.Node("idle", "Idle", 400, 0, 160, 90, false, false));
		return new DiagramModel(nodes, List.of(), 560, 90);
	}

	@Test
	void assumedStateIsDrawnLighterAndItsHoverTextSaysSo() {
		UiThread.run(() -> {
			Shell shell = new Shell(UiThread.display());
			try {
				shell.setLayout(new FillLayout());
				shell.setSize(700, 300);
				StateDiagramCanvas canvas = new StateDiagramCanvas(shell);
				shell.open();
				shell.layout();
				canvas.setModel(null, model());
				canvas.fit();
				canvas.setRunState(Set.of("seen", "assumed"), Set.of("seen"), List.of("seen"), null);
				assertTrue(canvas.isAssumed("assumed"));
				assertFalse(canvas.isAssumed("seen"));
				assertFalse(canvas.isAssumed("idle"), "an inactive state is neither");

				assertEquals("Assumed \u2014 active, assumed (not seen on screen)", hoverText(canvas, 280, 45));
				assertEquals("Seen \u2014 active, seen on screen", hoverText(canvas, 80, 45));
				assertEquals("Idle", hoverText(canvas, 480, 45));

				// Paint it: the fills differ (the seen one is the stronger green), both differ from an idle box.
				Image image = new Image(UiThread.display(), 700, 300);
				GC gc = new GC(image);
				canvas.print(gc);
				gc.dispose();
				ImageData pixels = image.getImageData();
				image.dispose();
				RGB seen = pixel(pixels, canvas, 80, 60);
				RGB assumed = pixel(pixels, canvas, 280, 60);
				RGB idle = pixel(pixels, canvas, 480, 60);
				assertEquals(new RGB(200, 240, 200), seen);
				assertEquals(new RGB(232, 247, 232), assumed);
				assertFalse(idle.equals(assumed) || idle.equals(seen), idle.toString());
			} finally {
				shell.dispose();
			}
		});
	}

	@Test
	void svgExportMarksAssumedStatesDashed() {
		String svg = DiagramSvg.toSvg(model(), Set.of("seen", "assumed"), Set.of("seen"));
		assertTrue(svg.contains("<g class=\"state assumed\" data-id=\"assumed\"><title>Assumed (assumed, not seen on screen)</title>"),
				svg);
		assertTrue(svg.contains("<g class=\"state seen\" data-id=\"seen\"><title>Seen (seen on screen)</title>"), svg);
		String assumedBox = svg.substring(svg.indexOf("data-id=\"assumed\""), svg.indexOf("data-id=\"idle\""));
		assertTrue(assumedBox.contains("stroke-dasharray"), assumedBox);
		String seenBox = svg.substring(svg.indexOf("data-id=\"seen\""), svg.indexOf("data-id=\"assumed\""));
		assertFalse(seenBox.contains("stroke-dasharray"), seenBox);
	}

	/** Moves the mouse over a diagram point (diagram units) and returns the canvas's hover text. */
	private static String hoverText(StateDiagramCanvas canvas, double x, double y) {
		Event e = new Event();
		e.x = screenX(canvas, x);
		e.y = screenY(canvas, y);
		canvas.notifyListeners(SWT.MouseMove, e);
		return canvas.getToolTipText();
	}

	private static RGB pixel(ImageData pixels, StateDiagramCanvas canvas, double x, double y) {
		return pixels.palette.getRGB(pixels.getPixel(screenX(canvas, x), screenY(canvas, y)));
	}

	/** Diagram units to canvas pixels after {@link StateDiagramCanvas#fit()} (origin at -10 px). */
	private static int screenX(StateDiagramCanvas canvas, double x) {
		return (int) Math.round(x * canvas.zoom() + 10);
	}

	private static int screenY(StateDiagramCanvas canvas, double y) {
		return (int) Math.round(y * canvas.zoom() + 10);
	}
}
