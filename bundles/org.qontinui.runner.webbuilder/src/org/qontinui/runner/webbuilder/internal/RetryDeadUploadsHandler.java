package org.qontinui.runner.webbuilder.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.qontinui.runner.webbuilder.RunUploader;

/** Puts the run uploads Web Builder refused back in the queue and sends them. */
public class RetryDeadUploadsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		RunUploader.getDefault().retryDead();
		return null;
	}
}
