/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.testing.UiThread;

/**
 * The Recapture dialog driven like a user: the mouse (real X events through XTEST, on Xvfb) drags a
 * rectangle on the screenshot, the image is picked, OK is clicked. The dialog's result
 * is the rectangle in the screenshot's pixels.
 */
class RecaptureDialogTest {

	@Test
	void draggingOnTheScreenshotSelectsTheRegionAndOkTakesIt() {
		AtomicReference<RecaptureDialog> dialog = open(400, 300, List.of("img-first", "img-second"));
		try {
			Shell shell = UiThread.get(() -> dialog.get().getShell());
			Canvas canvas = UiThread.get(() -> find(shell, Canvas.class).get(0));
			Button ok = UiThread.get(() -> button(shell, "OK"));
			assertFalse(UiThread.get(ok::isEnabled), "nothing selected yet");

			// A drag from (300, 220) up and left to (40, 30): the selection is normalised.
			Point from = UiThread.get(() -> canvas.toDisplay(300, 220));
			Point to = UiThread.get(() -> canvas.toDisplay(40, 30));
			xtest("move", from.x, from.y, "down", "move", (from.x + to.x) / 2, (from.y + to.y) / 2, "move", to.x, to.y, "up");
			Rectangle expected = new Rectangle(40, 30, 260, 190);
			try {
				UiThread.waitUntil("the dragged selection", Duration.ofSeconds(10),
						() -> expected.equals(dialog.get().selection()));
			} catch (AssertionError e) {
				throw new AssertionError(e.getMessage() + ": " + UiThread.get(() -> "selection " + dialog.get().selection()
						+ ", shell " + shell.getBounds() + ", canvas at " + canvas.toDisplay(0, 0) + " size "
						+ canvas.getSize() + ", visible " + canvas.isVisible() + ", cursor "
						+ UiThread.display().getCursorLocation() + ", control under cursor "
						+ UiThread.display().getCursorControl() + ", from " + from + " to " + to), e);
			}
			String status = UiThread.get(() -> find(shell, Label.class).stream().map(Label::getText)
					.filter(t -> t.startsWith("Selection")).findFirst().orElse(""));
			assertTrue(status.contains("260") && status.contains("190") && status.contains("(40, 30)"), status);
			assertTrue(UiThread.get(ok::isEnabled));

			UiThread.run(() -> {
				Combo images = find(shell, Combo.class).get(0);
				images.select(1);
				images.notifyListeners(SWT.Selection, new Event());
			});
			Point okCentre = UiThread.get(() -> ok.toDisplay(ok.getSize().x / 2, ok.getSize().y / 2));
			xtest("move", okCentre.x, okCentre.y, "down", "up");
			UiThread.waitUntil("the dialog closed by OK", Duration.ofSeconds(10), shell::isDisposed);
			assertEquals(Window.OK, dialog.get().getReturnCode());
			assertEquals(expected, dialog.get().selection());
			assertEquals("img-second", dialog.get().imageId());
		} finally {
			UiThread.run(() -> {
				if (dialog.get() != null && dialog.get().getShell() != null) {
					dialog.get().close();
				}
			});
		}
	}

	/** A tiny drag (under 4 px) selects nothing: OK stays disabled. */
	@Test
	void aClickWithoutDragSelectsNothing() {
		AtomicReference<RecaptureDialog> dialog = open(200, 100, List.of("img-first"));
		try {
			Shell shell = UiThread.get(() -> dialog.get().getShell());
			Canvas canvas = UiThread.get(() -> find(shell, Canvas.class).get(0));
			int[] releases = { 0 };
			UiThread.run(() -> canvas.addListener(SWT.MouseUp, e -> releases[0]++));
			Point at = UiThread.get(() -> canvas.toDisplay(50, 50));
			xtest("move", at.x, at.y, "down", "move", at.x + 2, at.y + 1, "up");
			UiThread.waitUntil("the click reached the canvas", Duration.ofSeconds(10), () -> releases[0] > 0);
			Button ok = UiThread.get(() -> button(shell, "OK"));
			assertEquals(null, dialog.get().selection());
			assertFalse(UiThread.get(ok::isEnabled));
		} finally {
			UiThread.run(() -> dialog.get().close());
		}
	}

	/** Opens the dialog (not blocking) on a blank screenshot of this size. */
	private static AtomicReference<RecaptureDialog> open(int width, int height, List<String> imageIds) {
		ImageData screen = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
		AtomicReference<RecaptureDialog> dialog = new AtomicReference<>();
		UiThread.run(() -> {
			RecaptureDialog d = new RecaptureDialog(UiThread.display().getActiveShell(), screen, "screenshot", "a1",
					imageIds, "demo.json");
			d.setBlockOnOpen(false);
			d.open();
			dialog.set(d);
		});
		return dialog;
	}

	/**
	 * Real pointer input through the X server's XTEST extension (python-xlib, as the executor's x11
	 * backend sends it): {@code move X Y}, {@code down}, {@code up} for the left button. SWT's
	 * Display.post is not used: on GTK it warps the pointer but its button events did not reach the
	 * dialog under Xvfb. The UI thread stays free to handle the events while the script runs.
	 */
	private static void xtest(Object... steps) {
		String script = String.join("\n", "import sys, time", "from Xlib import X, display", "from Xlib.ext import xtest",
				"d = display.Display()", "a = sys.argv[1:]", "i = 0", "while i < len(a):",
				"    if a[i] == 'move':", "        xtest.fake_input(d, X.MotionNotify, x=int(a[i + 1]), y=int(a[i + 2])); i += 3",
				"    else:", "        xtest.fake_input(d, X.ButtonPress if a[i] == 'down' else X.ButtonRelease, 1); i += 1",
				"    d.sync(); time.sleep(0.1)");
		List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
		for (Object step : steps) {
			command.add(String.valueOf(step));
		}
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(p.getInputStream().readAllBytes());
			assertEquals(0, p.waitFor(), () -> "xtest: " + output);
		} catch (IOException | InterruptedException e) {
			throw new AssertionError("xtest", e);
		}
	}

	private static <T extends Control> List<T> find(Composite parent, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Control c : parent.getChildren()) {
			if (type.isInstance(c)) {
				found.add(type.cast(c));
			}
			if (c instanceof Composite composite) {
				found.addAll(find(composite, type));
			}
		}
		return found;
	}

	private static Button button(Shell shell, String text) {
		Button b = find(shell, Button.class).stream().filter(x -> text.equals(x.getText().replace("&", ""))).findFirst()
				.orElse(null);
		assertNotNull(b, text);
		return b;
	}
}
