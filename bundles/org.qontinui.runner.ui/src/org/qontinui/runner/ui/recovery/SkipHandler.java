package org.qontinui.runner.ui.recovery;

import org.eclipse.core.commands.ExecutionEvent;
import org.qontinui.runner.debug.model.QontinuiThread;

/** Skip: the failed action counts as passed and the run goes on. */
public class SkipHandler extends FailureRecoveryHandler {

	@Override
	protected void recover(QontinuiThread thread, ExecutionEvent event) {
		thread.skip();
	}
}
