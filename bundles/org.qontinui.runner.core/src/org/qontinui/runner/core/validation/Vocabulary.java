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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The configuration contract shared with the executor: {@code vocabulary.json} from
 * {@code python-bridge/qontinui_bridge/}, copied into this bundle at build time (pom.xml). Action
 * types, enum values, aliases, migrations of older dialects, limits, value shapes and the severity
 * of every rule code are defined there once; the executor's loader reads the same file.
 */
public final class Vocabulary {

	/** Where the build puts the file, next to this class. */
	static final String RESOURCE = "vocabulary.json"; //$NON-NLS-1$

	private static final Vocabulary INSTANCE = load();

	/** Caps on what a configuration can make the runner do ({@code "limits"}). */
	public record Limits(long maxFileBytes, int maxNestingDepth, long maxImagePixels, int maxClicks,
			long maxLoopIterations, int maxExpressionLength, int maxExponent, int maxResultBits, int maxResultLength,
			int regexTimeoutMs, int evaluationTimeoutMs) {
	}

	private final JsonNode root;
	private final Limits limits;
	// Read once: the validator asks for these for every element of a configuration.
	private final Map<String, Map<String, String>> shapes = new ConcurrentHashMap<>();
	private final Map<String, Map<String, String>> aliases = new ConcurrentHashMap<>();
	private final Map<String, Map<String, String>> enumMaps = new ConcurrentHashMap<>();
	private final Map<String, List<String>> enumValues = new ConcurrentHashMap<>();
	private final Map<String, Diagnostic.Severity> severities = new ConcurrentHashMap<>();
	private final Map<String, List<String>> controlFlow;

	private Vocabulary(JsonNode root) {
		this.root = root;
		JsonNode l = root.path("limits"); //$NON-NLS-1$
		this.limits = new Limits(l.path("maxFileBytes").asLong(), l.path("maxNestingDepth").asInt(), //$NON-NLS-1$//$NON-NLS-2$
				l.path("maxImagePixels").asLong(), l.path("maxClicks").asInt(), l.path("maxLoopIterations").asLong(), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				l.path("maxExpressionLength").asInt(), l.path("maxExponent").asInt(), l.path("maxResultBits").asInt(), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				l.path("maxResultLength").asInt(), l.path("regexTimeoutMs").asInt(), //$NON-NLS-1$//$NON-NLS-2$
				l.path("evaluationTimeoutMs").asInt()); //$NON-NLS-1$
		Map<String, List<String>> fields = new LinkedHashMap<>();
		root.path("actionTypes").path("controlFlow").properties() //$NON-NLS-1$//$NON-NLS-2$
				.forEach(e -> fields.put(e.getKey(), List.copyOf(texts(e.getValue(), new ArrayList<>()))));
		this.controlFlow = Collections.unmodifiableMap(fields);
	}

	public static Vocabulary get() {
		return INSTANCE;
	}

	private static Vocabulary load() {
		try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("vocabulary.json is missing from org.qontinui.runner.core (build it with Maven)"); //$NON-NLS-1$
			}
			return new Vocabulary(new ObjectMapper().readTree(in));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read vocabulary.json", e); //$NON-NLS-1$
		}
	}

	public String formatVersion() {
		return root.path("formatVersion").asText(); //$NON-NLS-1$
	}

	public Limits limits() {
		return limits;
	}

	/** The severity of a rule code; unknown codes are errors (fail closed). */
	public Diagnostic.Severity severityOf(String code) {
		return severities.computeIfAbsent(code, c -> switch (root.path("rules").path(c).asText("error")) { //$NON-NLS-1$//$NON-NLS-2$
		case "warning" -> Diagnostic.Severity.WARNING; //$NON-NLS-1$
		case "info" -> Diagnostic.Severity.INFO; //$NON-NLS-1$
		default -> Diagnostic.Severity.ERROR;
		});
	}

	/** Every rule code with its severity. */
	public Map<String, Diagnostic.Severity> rules() {
		Map<String, Diagnostic.Severity> rules = new LinkedHashMap<>();
		root.path("rules").fieldNames().forEachRemaining(code -> rules.put(code, severityOf(code))); //$NON-NLS-1$
		return rules;
	}

	public Set<String> executedActionTypes() {
		return texts(root.path("actionTypes").path("executed")); //$NON-NLS-1$//$NON-NLS-2$
	}

	public Set<String> notExecutedActionTypes() {
		return texts(root.path("actionTypes").path("notExecuted")); //$NON-NLS-1$//$NON-NLS-2$
	}

	/** Control-flow action type to the config keys listing the action ids it runs. */
	public Map<String, List<String>> controlFlowFields() {
		return controlFlow;
	}

	public List<String> enumValues(String name) {
		return enumValues.computeIfAbsent(name, n -> List.copyOf(texts(root.path("enums").path(n), new ArrayList<>()))); //$NON-NLS-1$
	}

	/** An enum given as spelling to canonical value (targetType, transitionType). */
	public Map<String, String> enumMap(String name) {
		return enumMaps.computeIfAbsent(name, n -> textMap(root.path("enums").path(n))); //$NON-NLS-1$
	}

	/** Key to type expression of a value shape ({@code "shapes"}). */
	public Map<String, String> shape(String name) {
		return shapes.computeIfAbsent(name, n -> textMap(root.path("shapes").path(n))); //$NON-NLS-1$
	}

	public boolean hasShape(String name) {
		return root.path("shapes").has(name); //$NON-NLS-1$
	}

	/** Other spellings of the keys of a shape. */
	public Map<String, String> aliases(String shape) {
		return aliases.computeIfAbsent(shape, n -> textMap(root.path("aliases").path(n))); //$NON-NLS-1$
	}

	/** The v1 migration tables ({@code "migrations"/"v1"}). */
	public JsonNode v1Migration() {
		return root.path("migrations").path("v1"); //$NON-NLS-1$//$NON-NLS-2$
	}

	private static Map<String, String> textMap(JsonNode node) {
		Map<String, String> map = new LinkedHashMap<>();
		node.properties().forEach(e -> {
			if (!e.getKey().startsWith("$") && e.getValue().isTextual()) { //$NON-NLS-1$
				map.put(e.getKey(), e.getValue().asText());
			}
		});
		return Collections.unmodifiableMap(map);
	}

	private static Set<String> texts(JsonNode array) {
		return texts(array, new TreeSet<>());
	}

	private static <C extends Collection<String>> C texts(JsonNode array, C into) {
		array.forEach(v -> into.add(v.asText()));
		return into;
	}
}
