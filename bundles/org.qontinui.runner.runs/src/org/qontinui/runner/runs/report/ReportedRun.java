/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.runs.report;

import java.nio.file.Path;

/**
 * One run as the report lists it; its timeline and failures are read from {@code runDir}.
 *
 * @param id       unique within the report, e.g. {@code login.json#wf-main}
 * @param config   the configuration file
 * @param workflow the workflow id, or null for the configuration's default
 * @param passed   the run's verdict
 * @param failure  why it failed, or null
 * @param seconds  the run's own duration
 * @param runDir   the run folder (docs/protocol.md, "Run folder")
 * @param display  the X display it ran on, or null
 * @param note     shown beside the verdict (a flaky run: which retry passed), or null
 * @param skipped  not started (the suite's failure limit was reached): neither passed nor failed
 */
public record ReportedRun(String id, Path config, String workflow, boolean passed, String failure, double seconds,
		Path runDir, String display, String note, boolean skipped) {

	/** A run that was started, without a note. */
	public ReportedRun(String id, Path config, String workflow, boolean passed, String failure, double seconds,
			Path runDir, String display) {
		this(id, config, workflow, passed, failure, seconds, runDir, display, null, false);
	}
}
