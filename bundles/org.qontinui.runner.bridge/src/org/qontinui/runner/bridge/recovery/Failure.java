/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge.recovery;

import java.util.List;

/**
 * What failed at a failure stop ({@code stopped.failure}) and what can be done about it.
 *
 * @param imageIds   the image assets ({@code images[].id}) the action searched, in search order
 * @param screenshot the failure screenshot's path, or null when none was saved
 * @param options    of {@code retry}, {@code skip}, {@code abort}, {@code updateImage}
 */
public record Failure(String actionId, String actionType, String workflowId, String message, List<String> imageIds,
		List<String> stateImageIds, Double threshold, Double bestScore, String screenshot, int attempt,
		List<String> options) {

	/** Absent lists are empty. */
	public Failure {
		imageIds = imageIds == null ? List.of() : imageIds;
		options = options == null ? List.of() : options;
	}
}
