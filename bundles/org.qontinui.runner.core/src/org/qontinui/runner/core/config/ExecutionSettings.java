/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.config;

import java.util.Map;

/** {@code settings.execution}. */
public class ExecutionSettings extends ConfigElement {

	private static final Map<String, String> ALIASES = Map.of("default_timeout", "defaultTimeout", //$NON-NLS-1$//$NON-NLS-2$
			"default_retry_count", "defaultRetryCount", "action_delay", "actionDelay", "failure_strategy", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$
			"failureStrategy", "execution_mode", "executionMode"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$

	private Number defaultTimeout;
	private Number defaultRetryCount;
	private Number actionDelay;
	private String failureStrategy;
	private Boolean headless;
	private String executionMode;

	@Override
	protected Map<String, String> aliases() {
		return ALIASES;
	}

	/** Milliseconds; the library's default when unset. */
	public int getDefaultTimeout() {
		return intValue(defaultTimeout, 10000);
	}

	public int getDefaultRetryCount() {
		return intValue(defaultRetryCount, 3);
	}

	public int getActionDelay() {
		return intValue(actionDelay, 100);
	}

	/** {@code stop}, {@code continue}, {@code pause} or {@code retry}; null when unset. */
	public String getFailureStrategy() {
		return failureStrategy;
	}

	public void setFailureStrategy(String failureStrategy) {
		this.failureStrategy = failureStrategy;
	}

	public boolean isHeadless() {
		return Boolean.TRUE.equals(headless);
	}

	/** Runner only: {@code real}, {@code mock} or {@code screenshot}; null when unset. */
	public String getExecutionMode() {
		return executionMode;
	}
}
