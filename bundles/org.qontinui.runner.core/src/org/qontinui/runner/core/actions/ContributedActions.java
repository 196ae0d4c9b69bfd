/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.actions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.qontinui.runner.core.validation.ActionTypeRegistry;
import org.qontinui.runner.core.validation.ActionTypeRegistry.ConfigDescription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What bundles contribute through the extension point {@value #POINT}: action types with their
 * config descriptions and icons, the Python modules implementing them, and install hints for types
 * of plugins that are not installed. Registered into {@link ActionTypeRegistry#getDefault()} when
 * this bundle starts, and turned into the executor's launch arguments.
 */
public final class ContributedActions {

	public static final String POINT = "org.qontinui.runner.core.actions";

	/** One contributed action type. */
	public record ActionType(String name, String label, String plugin, String bundle, String configDescription,
			URL icon) {
	}

	/** A Python module and the folder that must be on the executor's path to import it. */
	public record PythonModule(String module, Path path, String bundle) {
	}

	private static ContributedActions instance;

	private final List<ActionType> types = new ArrayList<>();
	private final List<PythonModule> modules = new ArrayList<>();
	private final Map<String, String> installHints = new LinkedHashMap<>();

	private ContributedActions() {
	}

	/** The contributions of the running platform, read once; empty outside OSGi. */
	public static synchronized ContributedActions getDefault() {
		if (instance == null) {
			IExtensionRegistry registry = Platform.getExtensionRegistry();
			instance = registry == null ? new ContributedActions() : read(registry);
			instance.registerInto(ActionTypeRegistry.getDefault());
		}
		return instance;
	}

	static ContributedActions read(IExtensionRegistry registry) {
		ContributedActions result = new ContributedActions();
		for (IConfigurationElement e : registry.getConfigurationElementsFor(POINT)) {
			String contributor = e.getContributor().getName();
			Bundle bundle = Platform.getBundle(contributor);
			switch (e.getName()) {
			case "actionType" -> result.types.add(new ActionType(e.getAttribute("name"), e.getAttribute("label"),
					e.getAttribute("plugin"), contributor, resourceText(bundle, e.getAttribute("configDescription")),
					bundle == null || e.getAttribute("icon") == null ? null : bundle.getEntry(e.getAttribute("icon"))));
			case "pythonModule" -> {
				Path path = folder(bundle, e.getAttribute("path"));
				if (path != null) {
					result.modules.add(new PythonModule(e.getAttribute("module"), path, contributor));
				}
			}
			case "installHint" -> result.installHints.put(e.getAttribute("type"), e.getAttribute("plugin"));
			default -> {
				// unknown element: the schema does not allow it
			}
			}
		}
		return result;
	}

	private static String resourceText(Bundle bundle, String path) {
		if (bundle == null || path == null) {
			return null;
		}
		URL url = bundle.getEntry(path);
		if (url == null) {
			ILog.of(ContributedActions.class).warn(bundle.getSymbolicName() + ": no config description at " + path);
			return null;
		}
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			ILog.of(ContributedActions.class).error("Cannot read " + url, e);
			return null;
		}
	}

	/** The contributed folder as a file path; the bundle must be unpacked (Eclipse-BundleShape: dir). */
	private static Path folder(Bundle bundle, String path) {
		if (bundle == null || path == null) {
			return null;
		}
		URL entry = bundle.getEntry(path);
		if (entry == null) {
			ILog.of(ContributedActions.class).error(bundle.getSymbolicName() + ": no folder " + path
					+ " for its Python module", null);
			return null;
		}
		try {
			return Paths.get(FileLocator.toFileURL(entry).getPath());
		} catch (IOException e) {
			ILog.of(ContributedActions.class).error("Cannot locate " + entry, e);
			return null;
		}
	}

	void registerInto(ActionTypeRegistry registry) {
		installHints.forEach(registry::addInstallHint);
		ObjectMapper json = new ObjectMapper();
		for (ActionType t : types) {
			registry.add(t.name(), t.plugin(), parseDescription(json, t));
		}
	}

	private static ConfigDescription parseDescription(ObjectMapper json, ActionType t) {
		if (t.configDescription() == null) {
			return null;
		}
		try {
			JsonNode root = json.readTree(t.configDescription());
			Map<String, ConfigDescription.Field> fields = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> f : root.properties()) {
				fields.put(f.getKey(), new ConfigDescription.Field(f.getValue().path("type").asText(null),
						f.getValue().path("required").asBoolean(false), f.getValue().path("description").asText(null)));
			}
			return new ConfigDescription(fields);
		} catch (IOException e) {
			ILog.of(ContributedActions.class).error(t.bundle() + ": config description of " + t.name() + " is not JSON", e);
			return null;
		}
	}

	public List<ActionType> types() {
		return List.copyOf(types);
	}

	public List<PythonModule> modules() {
		return List.copyOf(modules);
	}

	public Map<String, String> installHints() {
		return Map.copyOf(installHints);
	}

	/** The contributed type of this name, if any. */
	public ActionType type(String name) {
		return types.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
	}

	/**
	 * The executor's launch arguments for the contributions: {@code pluginModules},
	 * {@code pluginPaths} and {@code actionHints} (see docs/protocol.md).
	 */
	public Map<String, Object> launchArguments() {
		Map<String, Object> args = new LinkedHashMap<>();
		if (!modules.isEmpty()) {
			args.put("pluginModules", modules.stream().map(PythonModule::module).distinct().toList());
			args.put("pluginPaths", modules.stream().map(m -> m.path().toString()).distinct().toList());
		}
		if (!installHints.isEmpty()) {
			args.put("actionHints", Map.copyOf(installHints));
		}
		return args;
	}
}
