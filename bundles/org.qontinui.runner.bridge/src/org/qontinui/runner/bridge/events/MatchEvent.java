/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge.events;

/**
 * {@code qontinui/match}: the diagnostics of one find: the best score even when it is below the
 * threshold, where it was, how long the search took and how ({@code full}, {@code coarseN}, {@code mock}),
 * and what the screen showed there ({@code regionPng}: base64 PNG, at most 160x160; absent on mock).
 */
public record MatchEvent(String actionId, String imageId, boolean found, double score, double threshold,
		Location location, double durationMs, String method, Region region, String regionPng) {

	public record Location(int x, int y) {
	}

	public record Region(int x, int y, int width, int height) {
	}
}
