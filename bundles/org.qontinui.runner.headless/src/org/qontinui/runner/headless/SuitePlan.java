/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.headless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.config.Workflow;
import org.qontinui.runner.core.load.LoadedConfig;

/**
 * Which runs a {@code run} command makes: the configurations named or found in folders, in a stable
 * order; for each, the workflows its {@code --workflow} patterns select (or its default workflow); then
 * the {@code --shard}'s contiguous part of that list. The same arguments give the same list on every
 * machine, so shards of one suite never overlap and together cover it.
 */
final class SuitePlan {

	/** One run of the suite: a configuration and a workflow (null: the configuration's default). */
	record PlannedRun(String id, Path config, String workflow) {
	}

	private SuitePlan() {
	}

	/** The configuration files in command-line order; folders give their {@code *.json} files sorted by path. */
	static List<Path> configurations(List<Path> inputs) throws IOException {
		Set<Path> files = new LinkedHashSet<>();
		for (Path input : inputs) {
			if (Files.isDirectory(input)) {
				try (Stream<Path> walk = Files.walk(input)) {
					walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json")) //$NON-NLS-1$
							.filter(p -> !hidden(input.relativize(p)))
							.sorted(Comparator.comparing(p -> input.relativize(p).toString()))
							.forEach(files::add);
				}
			} else {
				files.add(input);
			}
		}
		return List.copyOf(files);
	}

	private static boolean hidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) { //$NON-NLS-1$
				return true;
			}
		}
		return false;
	}

	/**
	 * The runs of the whole suite, before sharding.
	 *
	 * @throws IllegalArgumentException when a workflow pattern selects nothing in any configuration
	 */
	static List<PlannedRun> runs(Map<Path, LoadedConfig> configs, List<String> patterns) {
		List<PlannedRun> runs = new ArrayList<>();
		Set<String> used = new HashSet<>();
		Map<String, Pattern> compiled = new LinkedHashMap<>();
		for (String p : patterns) {
			compiled.put(p, glob(p));
		}
		Set<String> matched = new HashSet<>();
		for (Map.Entry<Path, LoadedConfig> entry : configs.entrySet()) {
			Path config = entry.getKey();
			String name = config.getFileName().toString();
			if (patterns.isEmpty()) {
				runs.add(new PlannedRun(unique(name, used), config, null));
				continue;
			}
			List<Workflow> workflows = entry.getValue().config().getWorkflows();
			for (Workflow wf : workflows == null ? List.<Workflow>of() : workflows) {
				boolean selected = false;
				for (Map.Entry<String, Pattern> p : compiled.entrySet()) {
					if (matches(p.getValue(), wf.getId()) || matches(p.getValue(), wf.getName())) {
						matched.add(p.getKey());
						selected = true;
					}
				}
				if (selected) {
					runs.add(new PlannedRun(unique(name + "#" + wf.getId(), used), config, wf.getId())); //$NON-NLS-1$
				}
			}
		}
		for (String p : patterns) {
			if (!matched.contains(p)) {
				throw new IllegalArgumentException(NLS.bind(Messages.SuitePlan_noMatch, p, configs.size() == 1
						? configs.keySet().iterator().next()
						: NLS.bind(Messages.SuitePlan_configurations, configs.size())));
			}
		}
		return runs;
	}

	/** The shard's part; the whole list without a shard. */
	static List<PlannedRun> shard(List<PlannedRun> runs, RunOptions.Shard shard) {
		if (shard == null) {
			return runs;
		}
		int[] range = shard.range(runs.size());
		return runs.subList(range[0], range[1]);
	}

	private static boolean matches(Pattern p, String text) {
		return text != null && p.matcher(text).matches();
	}

	/** {@code *} any text, {@code ?} one character, everything else literal. */
	static Pattern glob(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			switch (c) {
			case '*' -> regex.append(".*"); //$NON-NLS-1$
			case '?' -> regex.append('.');
			default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

	private static String unique(String id, Set<String> used) {
		String candidate = id;
		for (int n = 2; !used.add(candidate); n++) {
			candidate = id + " (" + n + ")"; //$NON-NLS-1$ //$NON-NLS-2$
		}
		return candidate;
	}
}
