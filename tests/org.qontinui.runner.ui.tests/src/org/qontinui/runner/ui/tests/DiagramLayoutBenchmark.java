/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.tests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.load.ConfigReader;
import org.qontinui.runner.ui.diagram.DiagramLayout;
import org.qontinui.runner.ui.diagram.DiagramModel;

/**
 * Benchmark (not a test): ELK layout of the State Diagram for a generated 1000-state, 3000-transition
 * configuration. Prints the first layout after the same small warm-up the view does when it opens,
 * and the median of the following ones. {@code java ... DiagramLayoutBenchmark [RUNS]}
 */
public final class DiagramLayoutBenchmark {

	public static void main(String[] args) {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
		QontinuiConfig small = new ConfigReader().read(LargeConfig.generate(30, 30, 1)).config();
		QontinuiConfig big = new ConfigReader().read(LargeConfig.generate(1000, 3000, 10)).config();
		long t = System.nanoTime();
		DiagramLayout.layout(small);
		System.out.printf("warm-up (30 states, first use of ELK): %d ms%n", (System.nanoTime() - t) / 1_000_000);
		List<Long> times = new ArrayList<>();
		DiagramModel model = null;
		for (int i = 0; i < runs; i++) {
			t = System.nanoTime();
			model = DiagramLayout.layout(big);
			times.add((System.nanoTime() - t) / 1_000_000);
		}
		if (model == null) {
			throw new IllegalStateException("no layout run");
		}
		long first = times.get(0);
		List<Long> rest = new ArrayList<>(times.subList(1, times.size()));
		Collections.sort(rest);
		System.out.printf("1000 states / %d transitions: first %d ms, then median %d ms (min %d, max %d) over %d runs%n",
				model.edges().size(), first, rest.get(rest.size() / 2), rest.get(0), rest.get(rest.size() - 1), rest.size());
	}
}
