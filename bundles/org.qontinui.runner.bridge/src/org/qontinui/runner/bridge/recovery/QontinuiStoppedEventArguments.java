package org.qontinui.runner.bridge.recovery;

import org.eclipse.lsp4j.debug.StoppedEventArguments;

/** A {@code stopped} event; on a failure stop it carries {@link Failure}. */
public class QontinuiStoppedEventArguments extends StoppedEventArguments {

	private Failure failure;

	/** What failed, or null when the stop is not a failure stop. */
	public Failure getFailure() {
		return failure;
	}

	public void setFailure(Failure failure) {
		this.failure = failure;
	}
}
