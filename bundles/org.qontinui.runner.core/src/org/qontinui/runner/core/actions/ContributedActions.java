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
import org.eclipse.osgi.util.NLS;
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

	public static final String POINT = "org.qontinui.runner.core.actions"; //$NON-NLS-1$

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
			case "actionType" -> result.types.add(new ActionType(e.getAttribute("name"), e.getAttribute("label"), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
					e.getAttribute("plugin"), contributor, resourceText(bundle, e.getAttribute("configDescription")), //$NON-NLS-1$//$NON-NLS-2$
					bundle == null || e.getAttribute("icon") == null ? null : bundle.getEntry(e.getAttribute("icon")))); //$NON-NLS-1$//$NON-NLS-2$
			case "pythonModule" -> { //$NON-NLS-1$
				Path path = folder(bundle, e.getAttribute("path")); //$NON-NLS-1$
				if (path != null) {
					result.modules.add(new PythonModule(e.getAttribute("module"), path, contributor)); //$NON-NLS-1$
				}
			}
			case "installHint" -> result.installHints.put(e.getAttribute("type"), e.getAttribute("plugin")); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
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
			ILog.of(ContributedActions.class)
					.warn(NLS.bind(Messages.ContributedActions_noConfigDescription, bundle.getSymbolicName(), path));
			return null;
		}
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			ILog.of(ContributedActions.class).error(NLS.bind(Messages.ContributedActions_cannotRead, url), e);
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
			ILog.of(ContributedActions.class).error(NLS.bind(Messages.ContributedActions_noFolder, bundle.getSymbolicName(), path),
					null);
			return null;
		}
		try {
			return Paths.get(FileLocator.toFileURL(entry).getPath());
		} catch (IOException e) {
			ILog.of(ContributedActions.class).error(NLS.bind(Messages.ContributedActions_cannotLocate, entry), e);
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
				fields.put(f.getKey(), new ConfigDescription.Field(f.getValue().path("type").asText(null), //$NON-NLS-1$
						f.getValue().path("required").asBoolean(false), f.getValue().path("description").asText(null))); //$NON-NLS-1$//$NON-NLS-2$
			}
			return new ConfigDescription(fields);
		} catch (IOException e) {
			ILog.of(ContributedActions.class).error(NLS.bind(Messages.ContributedActions_notJson, t.bundle(), t.name()), e);
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
			args.put("pluginModules", modules.stream().map(PythonModule::module).distinct().toList()); //$NON-NLS-1$
			args.put("pluginPaths", modules.stream().map(m -> m.path().toString()).distinct().toList()); //$NON-NLS-1$
		}
		if (!installHints.isEmpty()) {
			args.put("actionHints", Map.copyOf(installHints)); //$NON-NLS-1$
		}
		return args;
	}
}
