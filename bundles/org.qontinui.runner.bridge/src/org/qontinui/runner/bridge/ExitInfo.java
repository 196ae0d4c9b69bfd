/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge;

import java.util.List;

import org.eclipse.osgi.util.NLS;

/**
 * How the executor process ended.
 *
 * @param exitCode    the process's exit code
 * @param stderrTail  its last lines on stderr, the usual place a Python traceback lands
 * @param requested   whether we asked it to end (terminate/disconnect) rather than it dying on its own
 * @param sawExitEvent whether the executor said goodbye with a DAP {@code exited} event first
 */
public record ExitInfo(int exitCode, List<String> stderrTail, boolean requested, boolean sawExitEvent) {

	/** A crash: the executor went away without being asked and without reporting an exit. */
	public boolean isCrash() {
		return !requested && !sawExitEvent;
	}

	/** One line a user can read: why the executor ended. */
	public String reason() {
		if (!isCrash()) {
			return NLS.bind(Messages.ExitInfo_exited, exitCode);
		}
		String last = stderrTail.isEmpty() ? Messages.ExitInfo_noStderr : stderrTail.get(stderrTail.size() - 1);
		return NLS.bind(Messages.ExitInfo_died, exitCode, last);
	}
}
