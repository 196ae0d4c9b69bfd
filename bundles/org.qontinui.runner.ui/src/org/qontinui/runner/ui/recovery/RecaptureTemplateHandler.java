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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.operations.IWorkbenchOperationSupport;
import org.qontinui.runner.bridge.recovery.Failure;
import org.qontinui.runner.debug.model.QontinuiDebugTarget;
import org.qontinui.runner.debug.model.QontinuiThread;

/**
 * Recapture template: the user drags a rectangle on the failure screenshot (the live screen when the
 * run saved none); it replaces one of the failed action's images in the configuration file, undoably,
 * the executor gets the same pixels and the action is retried. The parameters {@value #REGION}
 * ({@code x,y,width,height}) and {@value #IMAGE} do it without the dialog.
 */
public class RecaptureTemplateHandler extends FailureRecoveryHandler {

	public static final String REGION = "org.qontinui.runner.ui.region"; //$NON-NLS-1$
	public static final String IMAGE = "org.qontinui.runner.ui.imageId"; //$NON-NLS-1$

	@Override
	protected void recover(QontinuiThread thread, ExecutionEvent event) throws ExecutionException {
		Failure failure = thread.failure();
		if (failure == null || failure.imageIds().isEmpty()) {
			throw new ExecutionException(NLS.bind(Messages.Recapture_noImage, failure == null ? "?" : failure.actionId())); //$NON-NLS-1$
		}
		List<String> imageIds = failure.imageIds();
		Path config = ((QontinuiDebugTarget) thread.getDebugTarget()).configPath();
		if (!Files.isWritable(config)) {
			throw new ExecutionException(NLS.bind(Messages.Recapture_noConfig, config));
		}
		Display display = HandlerUtil.getActiveShell(event) != null ? HandlerUtil.getActiveShell(event).getDisplay()
				: Display.getCurrent();
		boolean fromScreenshot = failure.screenshot() != null && Files.isRegularFile(Path.of(failure.screenshot()));
		ImageData screen = fromScreenshot ? new ImageData(failure.screenshot()) : TemplateImages.liveScreen(display);

		String imageId = event.getParameter(IMAGE) != null ? event.getParameter(IMAGE) : imageIds.get(0);
		Rectangle region = parseRegion(event.getParameter(REGION));
		if (region == null) {
			RecaptureDialog dialog = new RecaptureDialog(HandlerUtil.getActiveShell(event), screen,
					fromScreenshot ? Messages.Recapture_screenshot : Messages.Recapture_liveScreen, failure.actionId(),
					imageIds, config.getFileName().toString());
			if (dialog.open() != Window.OK || dialog.selection() == null) {
				return;
			}
			region = dialog.selection();
			imageId = dialog.imageId();
		}
		byte[] png;
		try {
			png = TemplateImages.cropToPng(screen, region);
		} catch (IllegalArgumentException e) {
			throw new ExecutionException(NLS.bind(Messages.Recapture_failed, imageId, e.getMessage()), e);
		}
		Rectangle clipped = region.intersection(new Rectangle(0, 0, screen.width, screen.height));
		RecaptureTemplateOperation operation = new RecaptureTemplateOperation(config, imageId, png, clipped.width,
				clipped.height, thread);
		IWorkbenchOperationSupport support = PlatformUI.getWorkbench().getOperationSupport();
		IUndoContext context = support.getUndoContext();
		operation.addContext(context);
		IOperationHistory history = support.getOperationHistory();
		history.execute(operation, null, null);
	}

	/** {@code x,y,width,height}, or null. */
	static Rectangle parseRegion(String text) throws ExecutionException {
		if (text == null || text.isBlank()) {
			return null;
		}
		String[] parts = text.split(","); //$NON-NLS-1$
		try {
			if (parts.length == 4) {
				return new Rectangle(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
						Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new ExecutionException(NLS.bind(Messages.Recapture_badRegion, text));
	}
}
