package org.qontinui.runner.bridge;

/** A request to the executor failed, timed out, or the executor is gone. */
public class ExecutorException extends Exception {

	private static final long serialVersionUID = 1L;

	public ExecutorException(String message) {
		super(message);
	}

	public ExecutorException(String message, Throwable cause) {
		super(message, cause);
	}
}
