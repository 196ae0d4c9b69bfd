/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.bridge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arguments of the DAP {@code launch} request, typed. The JSON names are the field names of the
 * executor's launch dataclass and of {@code docs/protocol.md}; {@link #toJson()} leaves out what is not
 * set, so the executor's defaults (usually the configuration's settings) apply.
 */
public final class LaunchArguments {

	private final Path config;
	private String workflow;
	private String backend;
	private String screenshots;
	private List<String> initialStates = List.of();
	private List<String> goToStates = List.of();
	private Path runDir;
	private Boolean screenshotOnError;
	private boolean noDebug;
	private boolean stopOnEntry;
	private Integer monitor;
	private String failureStrategy;
	private int slowStepMs;
	private boolean record;
	private String onFailure;
	private Double timeout;
	private Path replay;
	private final List<String> pluginModules = new ArrayList<>();
	private final List<String> pluginPaths = new ArrayList<>();
	private final Map<String, String> actionHints = new LinkedHashMap<>();

	public LaunchArguments(Path config) {
		this.config = Objects.requireNonNull(config, "config"); //$NON-NLS-1$
	}

	public Path config() {
		return config;
	}

	/** Id or name; null: the executor's choice (first automation workflow). */
	public LaunchArguments workflow(String value) {
		workflow = blankToNull(value);
		return this;
	}

	public String workflow() {
		return workflow;
	}

	/** {@code x11}, {@code screenshots} or {@code mock}; null: the configuration's execution mode. */
	public LaunchArguments backend(String value) {
		backend = blankToNull(value);
		return this;
	}

	public String backend() {
		return backend;
	}

	public LaunchArguments screenshots(String folder) {
		screenshots = blankToNull(folder);
		return this;
	}

	public LaunchArguments initialStates(List<String> ids) {
		initialStates = List.copyOf(ids);
		return this;
	}

	/** Instead of a workflow: plan a path to these states and go there. */
	public LaunchArguments goToStates(List<String> ids) {
		goToStates = List.copyOf(ids);
		return this;
	}

	public LaunchArguments runDir(Path folder) {
		runDir = folder;
		return this;
	}

	/** False turns failure screenshots off; null leaves it to the configuration. */
	public LaunchArguments screenshotOnError(Boolean value) {
		screenshotOnError = value;
		return this;
	}

	/** A run without the debugger: breakpoints and failure stops are ignored. */
	public LaunchArguments noDebug(boolean value) {
		noDebug = value;
		return this;
	}

	public boolean noDebug() {
		return noDebug;
	}

	public LaunchArguments stopOnEntry(boolean value) {
		stopOnEntry = value;
		return this;
	}

	public LaunchArguments monitor(int index) {
		monitor = index;
		return this;
	}

	/** {@code stop}, {@code continue}, {@code pause} or {@code retry}; null: the configuration's. */
	public LaunchArguments failureStrategy(String value) {
		failureStrategy = blankToNull(value);
		return this;
	}

	public String failureStrategy() {
		return failureStrategy;
	}

	public LaunchArguments slowStepMs(int millis) {
		slowStepMs = Math.max(millis, 0);
		return this;
	}

	/** Save the frame each action saw into the run folder, for replay (docs/protocol.md, "Run folder"). */
	public LaunchArguments record(boolean value) {
		record = value;
		return this;
	}

	public boolean record() {
		return record;
	}

	/** Headless decision on a failed action: {@code stop}, {@code retry} or {@code skip}; null: stop. */
	public LaunchArguments onFailure(String value) {
		onFailure = blankToNull(value);
		return this;
	}

	/** Ends the run after this many seconds; null: no limit. */
	public LaunchArguments timeout(Double seconds) {
		timeout = seconds;
		return this;
	}

	/** Replays this recorded run folder instead of running on a live backend. */
	public LaunchArguments replay(Path runFolder) {
		replay = runFolder;
		return this;
	}

	public Path replay() {
		return replay;
	}

	/** Python modules the executor imports at launch (plug-ins' action types), and where they are. */
	public LaunchArguments plugin(String module, Path folder) {
		if (!pluginModules.contains(module)) {
			pluginModules.add(module);
		}
		if (folder != null && !pluginPaths.contains(folder.toString())) {
			pluginPaths.add(folder.toString());
		}
		return this;
	}

	/** Action type to the plug-in that provides it, for validation messages of unknown types. */
	public LaunchArguments actionHint(String actionType, String plugin) {
		actionHints.put(actionType, plugin);
		return this;
	}

	public List<String> pluginModules() {
		return List.copyOf(pluginModules);
	}

	/** The request's {@code arguments} object. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("config", config.toString()); //$NON-NLS-1$
		putIfSet(json, "workflow", workflow); //$NON-NLS-1$
		putIfSet(json, "backend", backend); //$NON-NLS-1$
		putIfSet(json, "screenshots", screenshots); //$NON-NLS-1$
		if (!initialStates.isEmpty()) {
			json.put("initialStates", initialStates); //$NON-NLS-1$
		}
		if (!goToStates.isEmpty()) {
			json.put("goToStates", goToStates); //$NON-NLS-1$
		}
		putIfSet(json, "runDir", runDir == null ? null : runDir.toString()); //$NON-NLS-1$
		putIfSet(json, "screenshotOnError", screenshotOnError); //$NON-NLS-1$
		json.put("noDebug", noDebug); //$NON-NLS-1$
		if (stopOnEntry) {
			json.put("stopOnEntry", true); //$NON-NLS-1$
		}
		putIfSet(json, "monitor", monitor); //$NON-NLS-1$
		putIfSet(json, "failureStrategy", failureStrategy); //$NON-NLS-1$
		if (slowStepMs > 0) {
			json.put("slowStepMs", slowStepMs); //$NON-NLS-1$
		}
		if (record) {
			json.put("record", true); //$NON-NLS-1$
		}
		putIfSet(json, "onFailure", onFailure); //$NON-NLS-1$
		putIfSet(json, "timeout", timeout); //$NON-NLS-1$
		putIfSet(json, "replay", replay == null ? null : replay.toString()); //$NON-NLS-1$
		if (!pluginModules.isEmpty()) {
			json.put("pluginModules", List.copyOf(pluginModules)); //$NON-NLS-1$
		}
		if (!pluginPaths.isEmpty()) {
			json.put("pluginPaths", List.copyOf(pluginPaths)); //$NON-NLS-1$
		}
		if (!actionHints.isEmpty()) {
			json.put("actionHints", Map.copyOf(actionHints)); //$NON-NLS-1$
		}
		return json;
	}

	private static void putIfSet(Map<String, Object> json, String key, Object value) {
		if (value != null) {
			json.put(key, value);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	@Override
	public String toString() {
		return toJson().toString();
	}
}
