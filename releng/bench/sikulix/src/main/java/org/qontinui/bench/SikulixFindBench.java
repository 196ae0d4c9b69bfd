/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sikuli.basics.Settings;
import org.sikuli.script.Finder;
import org.sikuli.script.Match;
import org.sikuli.script.Pattern;

/**
 * SikuliX 2.0.5 {@code Finder.find} on the templates and screens bench_find.py exported
 * ({@code templates.tsv}: screen, template file, x, y, w, h; screens as SCREEN-exact.png and
 * SCREEN-noisy.png). Prints one line per find and p50/p90 per template size and condition.
 * <p>Usage: {@code java -cp ... org.qontinui.bench.SikulixFindBench DIR [similarity]}
 */
public final class SikulixFindBench {

	private static final int[][] BUCKETS = { { 16, 31 }, { 32, 63 }, { 64, 99 }, { 100, 150 }, { 16, 150 } };

	private record Row(String condition, int width, double ms, boolean hit) {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		double similarity = args.length > 1 ? Double.parseDouble(args[1]) : 0.9;
		Settings.CheckLastSeen = false; // measure the search itself, like the default-mode figures
		Settings.ActionLogs = false;
		Settings.InfoLogs = false;
		List<String[]> manifest = Files.readAllLines(dir.resolve("templates.tsv")).stream()
				.filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
		List<Row> rows = new ArrayList<>();
		for (String condition : List.of("exact", "noisy")) {
			String current = null;
			Finder finder = null;
			boolean warm = false;
			for (String[] t : manifest) {
				if (!t[0].equals(current)) {
					current = t[0];
					finder = new Finder(dir.resolve(current + "-" + condition + ".png").toString());
				}
				Pattern pattern = new Pattern(dir.resolve(t[1]).toString()).similar(similarity);
				pattern.getBImage(); // load the template before the clock starts
				if (!warm) {
					finder.find(pattern);
					warm = true;
				}
				long t0 = System.nanoTime();
				finder.find(pattern);
				boolean found = finder.hasNext();
				Match m = found ? finder.next() : null;
				double ms = (System.nanoTime() - t0) / 1e6;
				int x = Integer.parseInt(t[2]), y = Integer.parseInt(t[3]), w = Integer.parseInt(t[4]);
				boolean hit = m != null && Math.abs(m.x - x) <= 1 && Math.abs(m.y - y) <= 1;
				rows.add(new Row(condition, w, ms, hit));
			}
		}
		System.out.printf(Locale.ROOT, "SikuliX 2.0.5 Finder.find, similarity %.2f, %d templates x 2 conditions%n",
				similarity, manifest.size());
		System.out.println("condition      size    n | sikulix p50    p90 | hits");
		for (String condition : List.of("exact", "noisy")) {
			for (int[] b : BUCKETS) {
				List<Row> sel = rows.stream()
						.filter(r -> r.condition.equals(condition) && r.width >= b[0] && r.width <= b[1]).toList();
				if (sel.isEmpty()) {
					continue;
				}
				double[] ms = sel.stream().mapToDouble(Row::ms).sorted().toArray();
				String label = b[0] == 16 && b[1] == 150 ? "all" : b[0] + "-" + b[1];
				System.out.printf(Locale.ROOT, "%-9s %9s %4d | %9.2fms %6.2f | %d of %d%n", condition, label, sel.size(),
						pct(ms, 50), pct(ms, 90), sel.stream().filter(Row::hit).count(), sel.size());
			}
		}
	}

	private static double pct(double[] sorted, double p) {
		double pos = p / 100 * (sorted.length - 1);
		int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
		return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
	}

	private SikulixFindBench() {
	}
}
