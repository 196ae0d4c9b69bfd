/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.runs;

import java.time.Instant;

/**
 * One entry of a run's structured log.
 *
 * @param time       when the executor's event reached us
 * @param kind       what it is about, for filtering
 * @param level      how bad it is
 * @param message    one readable line
 * @param elementId  the state, transition, workflow or action it concerns, or {@code null}
 * @param score      for matches: the best score found; NaN otherwise
 * @param threshold  for matches: the similarity the find needed; NaN otherwise
 * @param screenshot a saved screenshot (failed finds), or {@code null}
 */
public record RunEvent(Instant time, Kind kind, Level level, String message, String elementId, double score,
		double threshold, String screenshot) {

	public enum Kind {
		RUN, STATE, TRANSITION, WORKFLOW, ACTION, MATCH, OUTPUT, ERROR
	}

	public enum Level {
		DEBUG, INFO, WARNING, ERROR
	}

	public static RunEvent of(Kind kind, Level level, String message, String elementId) {
		return new RunEvent(Instant.now(), kind, level, message, elementId, Double.NaN, Double.NaN, null);
	}

	public boolean isMatch() {
		return kind == Kind.MATCH;
	}

	/** The line written to text exports and the headless runner's output. */
	public String toText() {
		return time + " " + level + " " + kind + " " + message; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}
}
