/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.views;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.qontinui.runner.runs.RunEvent;

/**
 * Which log entries the Run Log shows: a minimum level, the kinds ticked, and a search text.
 * Kept apart from the view so it is tested without widgets.
 */
public final class RunLogFilter {

	/** The kinds the view offers as check boxes; the rest count as "other". */
	public enum Shown {
		STATE, ACTION, MATCH, ERROR, OTHER
	}

	private RunEvent.Level minimum = RunEvent.Level.INFO;
	private final Set<Shown> kinds = EnumSet.allOf(Shown.class);
	private String search = ""; //$NON-NLS-1$

	public void setMinimum(RunEvent.Level level) {
		minimum = level;
	}

	public RunEvent.Level minimum() {
		return minimum;
	}

	public void show(Shown kind, boolean shown) {
		if (shown) {
			kinds.add(kind);
		} else {
			kinds.remove(kind);
		}
	}

	public boolean isShown(Shown kind) {
		return kinds.contains(kind);
	}

	public void setSearch(String text) {
		search = text == null ? "" : text.trim().toLowerCase(Locale.ROOT); //$NON-NLS-1$
	}

	static Shown shownKind(RunEvent e) {
		return switch (e.kind()) {
		case STATE -> Shown.STATE;
		case ACTION -> Shown.ACTION;
		case MATCH -> Shown.MATCH;
		case ERROR -> Shown.ERROR;
		default -> e.level() == RunEvent.Level.ERROR ? Shown.ERROR : Shown.OTHER;
		};
	}

	public boolean accepts(RunEvent e) {
		if (e.level().ordinal() < minimum.ordinal()) {
			return false;
		}
		if (!kinds.contains(shownKind(e))) {
			return false;
		}
		return search.isEmpty() || e.message().toLowerCase(Locale.ROOT).contains(search)
				|| e.elementId() != null && e.elementId().toLowerCase(Locale.ROOT).contains(search);
	}

	public List<RunEvent> apply(List<RunEvent> events) {
		return events.stream().filter(this::accepts).toList();
	}
}
