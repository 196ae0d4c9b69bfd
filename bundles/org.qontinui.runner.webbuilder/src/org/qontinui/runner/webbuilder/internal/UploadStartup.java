package org.qontinui.runner.webbuilder.internal;

import org.eclipse.ui.IStartup;
import org.qontinui.runner.webbuilder.RunUploader;

/**
 * Starts the run upload hook with the workbench: from then on finished runs are uploaded (when the
 * preference is on), and uploads left queued by an earlier session are sent.
 */
public class UploadStartup implements IStartup {

	@Override
	public void earlyStartup() {
		RunUploader.getDefault().start();
	}
}
