/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.validation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps JSON pointers (RFC 6901, e.g. {@code /workflows/0/actions/3/type}) to positions in the
 * text a configuration was read from.
 */
@FunctionalInterface
public interface SourceMap {

	/** For configurations built in memory. */
	SourceMap NONE = pointer -> TextPosition.UNKNOWN;

	/**
	 * Returns the position of the value at {@code pointer}; if that value does not exist (a missing
	 * field), the position of its nearest existing parent, so a marker still lands near the problem.
	 */
	TextPosition positionOf(String pointer);

	/**
	 * The pointer in the text of a pointer into the model, which differ when an older dialect was
	 * converted on reading ({@code /workflows/0} of a v1 file is {@code /processes/0}).
	 */
	default String originalPointer(String pointer) {
		return pointer;
	}

	/** Positions of many pointers at once; implementations may find them all in one pass. */
	default Map<String, TextPosition> positionsOf(Collection<String> pointers) {
		Map<String, TextPosition> positions = new HashMap<>();
		for (String pointer : pointers) {
			positions.put(pointer, positionOf(pointer));
		}
		return positions;
	}
}
