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

/**
 * {@code settings}. Only {@code execution} and {@code recognition} are typed; {@code logging},
 * {@code performance}, {@code mouse} ... are kept as {@link #getOtherProperties() raw JSON}.
 */
public class Settings extends ConfigElement {

	private ExecutionSettings execution;
	private RecognitionSettings recognition;

	public ExecutionSettings getExecution() {
		return execution;
	}

	public void setExecution(ExecutionSettings execution) {
		this.execution = execution;
	}

	public RecognitionSettings getRecognition() {
		return recognition;
	}

	public void setRecognition(RecognitionSettings recognition) {
		this.recognition = recognition;
	}
}
