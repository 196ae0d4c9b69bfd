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

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Shows the failure screenshot (or the live screen) at full size; the user drags a rectangle around
 * what the action should find and picks which of the action's images it replaces.
 */
final class RecaptureDialog extends TitleAreaDialog {

	private final ImageData screen;
	private final String sourceLabel;
	private final String actionId;
	private final List<String> imageIds;
	private final String configName;
	private Image image;
	private Rectangle selection;
	private String imageId;
	private Label status;

	RecaptureDialog(Shell parent, ImageData screen, String sourceLabel, String actionId, List<String> imageIds,
			String configName) {
		super(parent);
		this.screen = screen;
		this.sourceLabel = sourceLabel;
		this.actionId = actionId;
		this.imageIds = imageIds;
		this.configName = configName;
		this.imageId = imageIds.get(0);
		setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
	}

	Rectangle selection() {
		return selection;
	}

	String imageId() {
		return imageId;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Recapture_title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle(NLS.bind(Messages.Recapture_titleWithSource, Messages.Recapture_title, sourceLabel));
		setMessage(NLS.bind(Messages.Recapture_message, new Object[] { actionId, imageId, configName }));
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);

		new Label(body, SWT.NONE).setText(Messages.Recapture_image);
		Combo images = new Combo(body, SWT.READ_ONLY);
		images.setItems(imageIds.toArray(String[]::new));
		images.select(0);
		images.addListener(SWT.Selection, e -> {
			imageId = images.getText();
			setMessage(NLS.bind(Messages.Recapture_message, new Object[] { actionId, imageId, configName }));
		});

		ScrolledComposite scroll = new ScrolledComposite(body, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(900, 560).applyTo(scroll);
		image = new Image(getShell().getDisplay(), screen);
		Canvas canvas = new Canvas(scroll, SWT.DOUBLE_BUFFERED);
		canvas.setSize(screen.width, screen.height);
		scroll.setContent(canvas);
		int[] anchor = new int[2];
		boolean[] dragging = { false };
		canvas.addPaintListener(e -> {
			e.gc.drawImage(image, 0, 0);
			if (selection != null) {
				e.gc.setForeground(e.display.getSystemColor(SWT.COLOR_RED));
				e.gc.setLineWidth(2);
				e.gc.drawRectangle(selection.x, selection.y, selection.width, selection.height);
			}
		});
		canvas.addListener(SWT.MouseDown, e -> {
			anchor[0] = e.x;
			anchor[1] = e.y;
			dragging[0] = true;
		});
		canvas.addListener(SWT.MouseMove, e -> {
			if (dragging[0]) {
				select(anchor[0], anchor[1], e.x, e.y);
				canvas.redraw();
			}
		});
		canvas.addListener(SWT.MouseUp, e -> {
			dragging[0] = false;
			select(anchor[0], anchor[1], e.x, e.y);
			canvas.redraw();
		});
		status = new Label(body, SWT.NONE);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(status);
		return area;
	}

	private void select(int x0, int y0, int x1, int y1) {
		int x = Math.max(0, Math.min(x0, x1));
		int y = Math.max(0, Math.min(y0, y1));
		int w = Math.min(screen.width, Math.max(x0, x1)) - x;
		int h = Math.min(screen.height, Math.max(y0, y1)) - y;
		selection = w >= 4 && h >= 4 ? new Rectangle(x, y, w, h) : null;
		status.setText(selection == null ? "" : NLS.bind(Messages.Recapture_selection, //$NON-NLS-1$
				new Object[] { selection.width, selection.height, selection.x, selection.y }));
		getButton(IDialogConstants.OK_ID).setEnabled(selection != null);
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setEnabled(false);
	}

	@Override
	public boolean close() {
		if (image != null) {
			image.dispose();
		}
		return super.close();
	}
}
