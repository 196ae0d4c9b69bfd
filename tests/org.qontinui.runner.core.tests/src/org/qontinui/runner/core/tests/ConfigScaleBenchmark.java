/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.tests;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.validation.Diagnostic;

/**
 * Times parse + validate of the {@link ScaleConfigGenerator#generateDefault() large configuration}.
 * Not a test (no timing assertions on shared CI machines); run it with plain {@code java}:
 * <pre>java -cp ... org.qontinui.runner.core.tests.ConfigScaleBenchmark [warmups] [runs]</pre>
 */
public final class ConfigScaleBenchmark {

	public static void main(String[] args) {
		int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
		String text = ScaleConfigGenerator.generateDefault();
		ConfigLoader loader = new ConfigLoader();
		LoadedConfig loaded = loader.loadText(text, "scale");
		int actions = loaded.config().getWorkflows().stream().mapToInt(w -> w.getActions().size()).sum();
		System.out.printf(Locale.ROOT, "config: %d states, %d transitions, %d workflows, %d actions, %.1f MiB, %d lines%n",
				loaded.config().getStates().size(), loaded.config().getTransitions().size(),
				loaded.config().getWorkflows().size(), actions, text.length() / 1048576.0, text.lines().count());
		measure("clean (no diagnostics)", loader, text, warmups, runs);
		// One dangling reference: the validator asks for a line, so source positions are computed too.
		String broken = text.replaceFirst("\"toState\": \"s-1\"", "\"toState\": \"s-missing\"");
		measure("one error (with line:column)", loader, broken, warmups, runs);
		System.out.printf(Locale.ROOT, "java %s, %d cores%n", System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors());
	}

	private static void measure(String label, ConfigLoader loader, String text, int warmups, int runs) {
		for (int i = 0; i < warmups; i++) {
			loader.loadText(text, "scale");
		}
		double[] millis = new double[runs];
		List<Diagnostic> diagnostics = List.of();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			diagnostics = loader.loadText(text, "scale").diagnostics();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		System.out.printf(Locale.ROOT,
				"%s: %d diagnostics; parse+validate over %d runs after %d warm-ups: median %.1f ms, min %.1f ms, max %.1f ms%n",
				label, diagnostics.size(), runs, warmups, median(millis), millis[0], millis[runs - 1]);
		for (Diagnostic diagnostic : diagnostics) {
			System.out.println("  " + diagnostic);
		}
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}
}
