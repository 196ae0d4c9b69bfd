package org.qontinui.runner.ui.recovery;

import org.eclipse.core.commands.ExecutionEvent;
import org.qontinui.runner.debug.model.QontinuiThread;

/** Abort: the run ends as failed, "aborted by user". */
public class AbortHandler extends FailureRecoveryHandler {

	@Override
	protected void recover(QontinuiThread thread, ExecutionEvent event) {
		thread.abort();
	}
}
