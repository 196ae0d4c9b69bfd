package org.qontinui.runner.headless;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The headless runner's command line:
 * {@code run CONFIG.json [--workflow NAME] [--backend x11|screenshots|mock] [--screenshots DIR] [--out DIR]
 * [--initial-state ID]... [--python PATH] [--python-path DIR]... [--plugin MODULE]...} or {@code validate CONFIG.json}.
 */
record RunOptions(String command, Path config, String workflow, String backend, Path screenshots, Path out,
		List<String> initialStates, Path python, List<Path> pythonPath, List<String> plugins) {

	static final String USAGE = """
			usage: qontinui-runner run CONFIG.json [--workflow NAME] [--backend x11|screenshots|mock]
			                          [--screenshots DIR] [--out DIR] [--initial-state ID]...
			                          [--python PATH] [--python-path DIR]... [--plugin MODULE]...
			       qontinui-runner validate CONFIG.json
			       qontinui-runner doctor      (checks the installed bundles and the Python interpreter)
			exit codes: 0 passed / valid, 1 failed, 2 invalid configuration or usage""";

	/** Parses the application arguments; Eclipse's own (-data, -consoleLog, ...) are already removed. */
	static RunOptions parse(String[] args) throws IllegalArgumentException {
		List<String> rest = new ArrayList<>();
		for (String a : args) {
			rest.add(a);
		}
		if (rest.isEmpty()) {
			throw new IllegalArgumentException("no command given");
		}
		String command = rest.remove(0);
		if (command.equals("doctor")) {
			return new RunOptions(command, null, null, null, null, null, List.of(), null, List.of(), List.of());
		}
		if (!command.equals("run") && !command.equals("validate")) {
			throw new IllegalArgumentException("unknown command '" + command + "'");
		}
		Path config = null;
		String workflow = null;
		String backend = null;
		Path screenshots = null;
		Path out = null;
		Path python = null;
		List<String> initial = new ArrayList<>();
		List<Path> pythonPath = new ArrayList<>();
		List<String> plugins = new ArrayList<>();
		for (int i = 0; i < rest.size(); i++) {
			String a = rest.get(i);
			switch (a) {
			case "--workflow" -> workflow = value(rest, ++i, a);
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
			default -> {
				if (a.startsWith("-")) {
					throw new IllegalArgumentException("unknown option '" + a + "'");
				}
				if (config != null) {
					throw new IllegalArgumentException("only one configuration file, got '" + config + "' and '" + a + "'");
				}
				config = Path.of(a);
			}
			}
		}
		if (config == null) {
			throw new IllegalArgumentException("no configuration file given");
		}
		if ("screenshots".equals(backend) && screenshots == null) {
			throw new IllegalArgumentException("--backend screenshots needs --screenshots DIR");
		}
		return new RunOptions(command, config.toAbsolutePath(), workflow, backend, screenshots, out, initial, python,
				pythonPath, plugins);
	}

	private static String value(List<String> args, int i, String option) {
		if (i >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(i);
	}
}
