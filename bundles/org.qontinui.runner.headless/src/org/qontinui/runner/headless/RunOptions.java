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

import org.eclipse.osgi.util.NLS;

/**
 * The headless runner's command line. {@code run} takes any number of configuration files and folders
 * (every {@code *.json} below a folder), {@code --workflow} patterns, a shard and a degree of
 * parallelism; {@code validate} checks configurations without running them.
 */
record RunOptions(String command, List<Path> inputs, List<String> workflows, String backend, Path screenshots,
		Path out, List<String> initialStates, Path python, List<Path> pythonPath, List<String> plugins, Shard shard,
		int parallel, boolean record, String onFailure, Double timeoutSeconds, String displaySetup, boolean list,
		int retries, int maxFailures, Path lastFailed) {

	/** {@code --shard K/N}: the K-th (1-based) of N parts. */
	record Shard(int index, int total) {

		static Shard parse(String text) {
			String[] parts = text.split("/", -1); //$NON-NLS-1$
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
			throw new IllegalArgumentException(NLS.bind(Messages.RunOptions_badShard, text));
		}

		/** The part of {@code size} items this shard runs: {@code [from, to)}, as Playwright splits. */
		int[] range(int size) {
			return new int[] { (int) ((long) (index - 1) * size / total), (int) ((long) index * size / total) };
		}

		@Override
		public String toString() {
			return index + "/" + total; //$NON-NLS-1$
		}
	}

	/** Parses the application arguments; Eclipse's own (-data, -consoleLog, ...) are already removed. */
	static RunOptions parse(String[] args) throws IllegalArgumentException {
		List<String> rest = new ArrayList<>(List.of(args));
		if (rest.isEmpty()) {
			throw new IllegalArgumentException(Messages.RunOptions_noCommand);
		}
		String command = rest.remove(0);
		if (command.equals("doctor")) { //$NON-NLS-1$
			return new RunOptions(command, List.of(), List.of(), null, null, null, List.of(), null, List.of(),
					List.of(), null, 1, false, null, null, null, false, 0, 0, null);
		}
		if (!command.equals("run") && !command.equals("validate")) { //$NON-NLS-1$ //$NON-NLS-2$
			throw new IllegalArgumentException(NLS.bind(Messages.RunOptions_unknownCommand, command));
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
		int retries = 0;
		int maxFailures = 0;
		Path lastFailed = null;
		for (int i = 0; i < rest.size(); i++) {
			String a = rest.get(i);
			switch (a) {
			case "--workflow" -> workflows.add(value(rest, ++i, a)); //$NON-NLS-1$
			case "--backend" -> { //$NON-NLS-1$
				backend = value(rest, ++i, a);
				if (!List.of("x11", "screenshots", "mock").contains(backend)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					throw new IllegalArgumentException(NLS.bind(Messages.RunOptions_badBackend, backend));
				}
			}
			case "--screenshots" -> screenshots = Path.of(value(rest, ++i, a)); //$NON-NLS-1$
			case "--out" -> out = Path.of(value(rest, ++i, a)); //$NON-NLS-1$
			case "--initial-state" -> initial.add(value(rest, ++i, a)); //$NON-NLS-1$
			case "--python" -> python = Path.of(value(rest, ++i, a)); //$NON-NLS-1$
			case "--python-path" -> pythonPath.add(Path.of(value(rest, ++i, a))); //$NON-NLS-1$
			case "--plugin" -> plugins.add(value(rest, ++i, a)); //$NON-NLS-1$
			case "--shard" -> shard = Shard.parse(value(rest, ++i, a)); //$NON-NLS-1$
			case "--parallel" -> parallel = positive(value(rest, ++i, a), a, 1); //$NON-NLS-1$
			case "--record" -> record = true; //$NON-NLS-1$
			case "--list" -> list = true; //$NON-NLS-1$
			case "--display-setup" -> displaySetup = value(rest, ++i, a); //$NON-NLS-1$
			case "--retries" -> retries = positive(value(rest, ++i, a), a, 0); //$NON-NLS-1$
			case "--max-failures" -> maxFailures = positive(value(rest, ++i, a), a, 1); //$NON-NLS-1$
			case "--last-failed" -> lastFailed = Path.of(value(rest, ++i, a)); //$NON-NLS-1$
			case "--on-failure" -> { //$NON-NLS-1$
				onFailure = value(rest, ++i, a).toLowerCase(Locale.ROOT);
				if (!List.of("stop", "retry", "skip").contains(onFailure)) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					throw new IllegalArgumentException(NLS.bind(Messages.RunOptions_badOnFailure, onFailure));
				}
			}
			case "--timeout" -> { //$NON-NLS-1$
				String v = value(rest, ++i, a);
				try {
					timeout = Double.parseDouble(v);
				} catch (NumberFormatException e) {
					timeout = -1.0;
				}
				if (!(timeout > 0) || timeout.isInfinite()) {
					throw new IllegalArgumentException(NLS.bind(Messages.RunOptions_badTimeout, v));
				}
			}
			default -> {
				if (a.startsWith("-")) { //$NON-NLS-1$
					throw new IllegalArgumentException(NLS.bind(Messages.RunOptions_unknownOption, a));
				}
				inputs.add(Path.of(a).toAbsolutePath().normalize());
			}
			}
		}
		if (inputs.isEmpty()) {
			throw new IllegalArgumentException(Messages.RunOptions_noInputs);
		}
		if ("screenshots".equals(backend) && screenshots == null) { //$NON-NLS-1$
			throw new IllegalArgumentException(Messages.RunOptions_screenshotsNeeded);
		}
		return new RunOptions(command, List.copyOf(inputs), List.copyOf(workflows), backend, screenshots, out,
				List.copyOf(initial), python, List.copyOf(pythonPath), List.copyOf(plugins), shard, parallel, record,
				onFailure, timeout, displaySetup, list, retries, maxFailures, lastFailed);
	}

	private static int positive(String v, String option, int least) {
		try {
			int n = Integer.parseInt(v);
			if (n >= least) {
				return n;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException(NLS.bind(Messages.RunOptions_notPositive, new Object[] { option, least, v }));
	}

	private static String value(List<String> args, int i, String option) {
		if (i >= args.size()) {
			throw new IllegalArgumentException(NLS.bind(Messages.RunOptions_needsValue, option));
		}
		return args.get(i);
	}
}
