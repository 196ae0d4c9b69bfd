package org.qontinui.runner.ui.recovery;

import org.eclipse.core.commands.ExecutionEvent;
import org.qontinui.runner.debug.model.QontinuiThread;

/** Retry: runs the failed action again. */
public class RetryHandler extends FailureRecoveryHandler {

	@Override
	protected void recover(QontinuiThread thread, ExecutionEvent event) {
		thread.retry(null);
	}
}
