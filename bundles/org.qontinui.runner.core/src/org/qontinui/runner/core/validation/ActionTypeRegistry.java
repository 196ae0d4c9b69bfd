/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.osgi.util.NLS;

/**
 * The action types a configuration may use: the built-in v2.0.0 types plus types contributed at
 * run time (by plugins). It can also know types that are <em>not</em> available but which a plugin
 * would provide, so the validator can say which plugin to install. Thread-safe.
 */
public final class ActionTypeRegistry {

	/** Types our executor runs (vocabulary.json, the executor's BUILTIN_ACTIONS): a configuration may use them. */
	public static final Set<String> BUILT_IN = Set.copyOf(Vocabulary.get().executedActionTypes());

	/**
	 * Qontinui action types the executor does not run (yet): rejected by name, so a run never
	 * silently skips them.
	 */
	public static final Set<String> NOT_EXECUTED = Set.copyOf(Vocabulary.get().notExecutedActionTypes());

	private static final ActionTypeRegistry DEFAULT = new ActionTypeRegistry();

	/** type -> contributing plugin, "" for built-ins. */
	private final Map<String, String> available = new ConcurrentHashMap<>();
	/** type -> plugin that would provide it (not installed). */
	private final Map<String, String> installHints = new ConcurrentHashMap<>();
	/** type -> description of its config fields, for contributed types that give one. */
	private final Map<String, ConfigDescription> descriptions = new ConcurrentHashMap<>();

	/**
	 * What a contributed action's {@code config} holds: field name to its JSON type
	 * ({@code string}, {@code number}, {@code integer}, {@code boolean}, {@code object}, {@code array})
	 * and whether it is required.
	 */
	public record ConfigDescription(Map<String, Field> fields) {

		public record Field(String type, boolean required, String description) {
		}
	}

	/** A registry with the built-in types only. */
	public ActionTypeRegistry() {
		for (String type : BUILT_IN) {
			available.put(type, ""); //$NON-NLS-1$
		}
	}

	/** The registry of the running application; plugins contribute to it. */
	public static ActionTypeRegistry getDefault() {
		return DEFAULT;
	}

	/** Makes {@code type} available, contributed by {@code plugin} (an id or name shown to users). */
	public void add(String type, String plugin) {
		available.put(type, plugin == null ? "" : plugin); //$NON-NLS-1$
		installHints.remove(type);
	}

	/** Makes {@code type} available with a description of its config, which the validator checks. */
	public void add(String type, String plugin, ConfigDescription description) {
		add(type, plugin);
		if (description != null) {
			descriptions.put(type, description);
		}
	}

	/** The config description of a contributed type, if it gave one. */
	public Optional<ConfigDescription> descriptionOf(String type) {
		return type == null ? Optional.empty() : Optional.ofNullable(descriptions.get(type));
	}

	/** Removes a contributed type (plugin uninstalled); built-in types stay. */
	public void remove(String type) {
		if (!BUILT_IN.contains(type)) {
			available.remove(type);
			descriptions.remove(type);
		}
	}

	/** Records that {@code type}, while unavailable, is provided by {@code plugin}. */
	public void addInstallHint(String type, String plugin) {
		if (!available.containsKey(type)) {
			installHints.put(type, plugin);
		}
	}

	public boolean isKnown(String type) {
		return type != null && available.containsKey(type);
	}

	/** The plugin that contributed a known type; empty for built-ins and unknown types. */
	public Optional<String> contributorOf(String type) {
		String plugin = type == null ? null : available.get(type);
		return plugin == null || plugin.isEmpty() ? Optional.empty() : Optional.of(plugin);
	}

	/** Known type names, sorted. */
	public List<String> types() {
		return available.keySet().stream().sorted().toList();
	}

	/**
	 * What to tell a user about an unknown type: which plugin to install, or that the executor does
	 * not run it; empty if nothing is known. (Old names such as MOVE are converted on reading.)
	 */
	public Optional<String> hintFor(String type) {
		String plugin = installHints.get(type);
		if (plugin != null) {
			return Optional.of(NLS.bind(Messages.ActionTypeRegistry_installPlugin, plugin));
		}
		if (NOT_EXECUTED.contains(type)) {
			return Optional.of(Messages.ActionTypeRegistry_notExecuted);
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "ActionTypeRegistry[" + available.size() + " types]"; //$NON-NLS-1$//$NON-NLS-2$
	}
}
