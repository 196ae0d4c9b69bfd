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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headless runner's command line. {@code run} takes any number of configuration files and folders
 * (every {@code *.json} below a folder), {@code --workflow} patterns, a shard and a degree of
 * parallelism; {@code validate} checks configurations without running them.
 */
record RunOptions(String command, List<Path> inputs, List<String> workflows, String backend, Path screenshots,
		Path out, List<String> initialStates, Path python, List<Path> pythonPath, List<String> plugins, Shard shard,
		int parallel, boolean record, String onFailure, Double timeoutSeconds, String displaySetup, boolean list) {

	static final String USAGE = """
			usage: qontinui-runner run CONFIG.json|FOLDER... [--workflow PATTERN]... [--backend x11|screenshots|mock]
			                          [--screenshots DIR] [--out DIR] [--initial-state ID]...
			                          [--shard K/N] [--parallel N] [--display-setup COMMAND] [--record]
			                          [--on-failure stop|retry|skip] [--timeout SECONDS] [--list]
			                          [--python PATH] [--python-path DIR]... [--plugin MODULE]...
			       qontinui-runner validate CONFIG.json|FOLDER...
			       qontinui-runner doctor      (checks the installed bundles and the Python interpreter)
			--workflow     id or name, * and ? match any text / one character; repeatable; default: each
			               configuration's default workflow
			--shard K/N    run only the K-th of N deterministic, contiguous parts of the suite (CI machines)
			--parallel N   N runs at once; with the x11 backend each on its own Xvfb display started here
			--display-setup COMMAND   x11: run (sh -c) on the run's own display before each run; start the
			               application under test in the background with &; it is ended after the run
			--record       save the frame each action saw into its run folder, for replay in the workbench
			--list         print the runs the options select, run nothing
			exit codes: 0 passed / valid, 1 failed, 2 invalid configuration or usage""";

	/** {@code --shard K/N}: the K-th (1-based) of N parts. */
	record Shard(int index, int total) {

		static Shard parse(String text) {
			String[] parts = text.split("/", -1);
			try {
				if (parts.length == 2) {
					int k = Integer.parseInt(parts[0].trim());
					int n = Integer.parseInt(parts[1].trim());
					if (n >= 1 && k >= 1 && k <= n) {
						return new Shard(k, n);
					}
				}
			} catch (NumberFormatException e) {
				// reported below
			}
			throw new IllegalArgumentException("--shard must be K/N with 1 <= K <= N, not '" + text + "'");
		}

		/** The part of {@code size} items this shard runs: {@code [from, to)}, as Playwright splits. */
		int[] range(int size) {
			return new int[] { (int) ((long) (index - 1) * size / total), (int) ((long) index * size / total) };
		}

		@Override
		public String toString() {
			return index + "/" + total;
		}
	}

	/** Parses the application arguments; Eclipse's own (-data, -consoleLog, ...) are already removed. */
	static RunOptions parse(String[] args) throws IllegalArgumentException {
		List<String> rest = new ArrayList<>(List.of(args));
		if (rest.isEmpty()) {
			throw new IllegalArgumentException("no command given");
		}
		String command = rest.remove(0);
		if (command.equals("doctor")) {
			return new RunOptions(command, List.of(), List.of(), null, null, null, List.of(), null, List.of(),
					List.of(), null, 1, false, null, null, null, false);
		}
		if (!command.equals("run") && !command.equals("validate")) {
			throw new IllegalArgumentException("unknown command '" + command + "'");
		}
		List<Path> inputs = new ArrayList<>();
		List<String> workflows = new ArrayList<>();
		String backend = null;
		Path screenshots = null;
		Path out = null;
		Path python = null;
		List<String> initial = new ArrayList<>();
		List<Path> pythonPath = new ArrayList<>();
		List<String> plugins = new ArrayList<>();
		Shard shard = null;
		int parallel = 1;
		boolean record = false;
		boolean list = false;
		String onFailure = null;
		Double timeout = null;
		String displaySetup = null;
		for (int i = 0; i < rest.size(); i++) {
			String a = rest.get(i);
			switch (a) {
			case "--workflow" -> workflows.add(value(rest, ++i, a));
			case "--backend" -> {
				backend = value(rest, ++i, a);
				if (!List.of("x11", "screenshots", "mock").contains(backend)) {
					throw new IllegalArgumentException("--backend must be x11, screenshots or mock, not '" + backend + "'");
				}
			}
			case "--screenshots" -> screenshots = Path.of(value(rest, ++i, a));
			case "--out" -> out = Path.of(value(rest, ++i, a));
			case "--initial-state" -> initial.add(value(rest, ++i, a));
			case "--python" -> python = Path.of(value(rest, ++i, a));
			case "--python-path" -> pythonPath.add(Path.of(value(rest, ++i, a)));
			case "--plugin" -> plugins.add(value(rest, ++i, a));
			case "--shard" -> shard = Shard.parse(value(rest, ++i, a));
			case "--parallel" -> parallel = positive(value(rest, ++i, a), a);
			case "--record" -> record = true;
			case "--list" -> list = true;
			case "--display-setup" -> displaySetup = value(rest, ++i, a);
			case "--on-failure" -> {
				onFailure = value(rest, ++i, a).toLowerCase(Locale.ROOT);
				if (!List.of("stop", "retry", "skip").contains(onFailure)) {
					throw new IllegalArgumentException("--on-failure must be stop, retry or skip, not '" + onFailure + "'");
				}
			}
			case "--timeout" -> {
				String v = value(rest, ++i, a);
				try {
					timeout = Double.parseDouble(v);
				} catch (NumberFormatException e) {
					timeout = -1.0;
				}
				if (!(timeout > 0) || timeout.isInfinite()) {
					throw new IllegalArgumentException("--timeout must be a positive number of seconds, not '" + v + "'");
				}
			}
			default -> {
				if (a.startsWith("-")) {
					throw new IllegalArgumentException("unknown option '" + a + "'");
				}
				inputs.add(Path.of(a).toAbsolutePath().normalize());
			}
			}
		}
		if (inputs.isEmpty()) {
			throw new IllegalArgumentException("no configuration file or folder given");
		}
		if ("screenshots".equals(backend) && screenshots == null) {
			throw new IllegalArgumentException("--backend screenshots needs --screenshots DIR");
		}
		return new RunOptions(command, List.copyOf(inputs), List.copyOf(workflows), backend, screenshots, out,
				List.copyOf(initial), python, List.copyOf(pythonPath), List.copyOf(plugins), shard, parallel, record,
				onFailure, timeout, displaySetup, list);
	}

	private static int positive(String v, String option) {
		try {
			int n = Integer.parseInt(v);
			if (n >= 1) {
				return n;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(option + " must be a whole number of at least 1, not '" + v + "'");
	}

	private static String value(List<String> args, int i, String option) {
		if (i >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(i);
	}
}
