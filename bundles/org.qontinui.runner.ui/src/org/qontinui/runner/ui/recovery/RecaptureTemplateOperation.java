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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.model.QontinuiThread;

/**
 * Replaces an image asset's pixels in the configuration file (undoable on the workbench's operation
 * history) and, the first time, gives the executor the same pixels and retries the failed action.
 * Undo and redo change the file only: the run has moved on by then.
 */
public final class RecaptureTemplateOperation extends AbstractOperation {

	private final Path config;
	private final String imageId;
	private final byte[] png;
	private final int width;
	private final int height;
	private final QontinuiThread thread;
	private String before;
	private String after;

	/** @param thread the run to retry, or null to change the file only */
	public RecaptureTemplateOperation(Path config, String imageId, byte[] png, int width, int height,
			QontinuiThread thread) {
		super(NLS.bind(Messages.Recapture_operation, imageId));
		this.config = config;
		this.imageId = imageId;
		this.png = png.clone();
		this.width = width;
		this.height = height;
		this.thread = thread;
	}

	@Override
	public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		try {
			before = Files.readString(config, StandardCharsets.UTF_8);
			after = ImageAssetEdit.replace(before, imageId, png, width, height);
			write(after);
		} catch (IOException | CoreException | IllegalArgumentException e) {
			throw new ExecutionException(NLS.bind(Messages.Recapture_failed, imageId, e.getMessage()), e);
		}
		if (thread != null) {
			thread.recapture(imageId, png).exceptionally(error -> {
				QontinuiDebugCore.log("The executor did not take the recaptured " + imageId, error); //$NON-NLS-1$
				return null;
			});
		}
		return Status.OK_STATUS;
	}

	@Override
	public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return rewrite(before);
	}

	@Override
	public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return rewrite(after);
	}

	private IStatus rewrite(String text) throws ExecutionException {
		try {
			write(text);
			return Status.OK_STATUS;
		} catch (IOException | CoreException e) {
			throw new ExecutionException(NLS.bind(Messages.Recapture_failed, imageId, e.getMessage()), e);
		}
	}

	/** Through the workspace when the file is in it, so editors, the explorer and local history follow. */
	private void write(String text) throws IOException, CoreException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		for (IFile file : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(config.toUri())) {
			if (file.exists()) {
				file.setContents(new ByteArrayInputStream(bytes), IResource.FORCE | IResource.KEEP_HISTORY, null);
				return;
			}
		}
		Files.write(config, bytes);
	}
}
