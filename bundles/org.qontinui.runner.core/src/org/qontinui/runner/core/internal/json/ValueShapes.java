/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.internal.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.validation.Vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks the JSON types of the values the model binds against the vocabulary's {@code "shapes"}:
 * a value of another type is reported ({@code wrong-type}) and dropped (an item of a list becomes
 * {@code {}} or {@code ""}), so binding and the rules never meet it; {@code null} counts as absent. The
 * executor does the same
 * (config.py {@code check_shapes}).
 */
public final class ValueShapes {

	private final Vocabulary vocabulary;
	private final Reporter reporter;

	public ValueShapes(Vocabulary vocabulary, Reporter reporter) {
		this.vocabulary = vocabulary;
		this.reporter = reporter;
	}

	public void check(ObjectNode node, String shapeName, String pointer) {
		Map<String, String> spec = vocabulary.shape(shapeName);
		Map<String, String> aliases = vocabulary.aliases(shapeName);
		List<String> keys = new ArrayList<>();
		node.fieldNames().forEachRemaining(keys::add);
		for (String key : keys) {
			String canonical = spec.containsKey(key) ? key : aliases.getOrDefault(key, camel(key));
			String expected = spec.get(canonical);
			if (expected == null) {
				continue;
			}
			JsonNode value = node.get(key);
			if (value.isNull()) {
				continue; // null is absent; kept so the configuration is written back as it was
			}
			String keyPointer = pointer + "/" + escape(key); //$NON-NLS-1$
			if (!matches(value, expected, keyPointer)) {
				reporter.report("wrong-type", keyPointer, NLS.bind(Messages.ValueShapes_expectedFound, describe(expected), describe(value))); //$NON-NLS-1$
				node.remove(key);
			}
		}
	}

	private boolean matches(JsonNode value, String expected, String pointer) {
		if (expected.startsWith("array<")) { //$NON-NLS-1$
			if (!(value instanceof ArrayNode array)) {
				return false;
			}
			String itemType = expected.substring(6, expected.length() - 1);
			for (int i = 0; i < array.size(); i++) {
				JsonNode item = array.get(i);
				if (item.isNull() || !matches(item, itemType, pointer + "/" + i)) { //$NON-NLS-1$
					reporter.report("wrong-type", pointer + "/" + i, //$NON-NLS-1$//$NON-NLS-2$
							NLS.bind(Messages.ValueShapes_expectedFound, describe(itemType), describe(item)));
					array.set(i, hasShape(itemType) ? JsonNodeFactory.instance.objectNode()
							: JsonNodeFactory.instance.textNode("")); //$NON-NLS-1$
				}
			}
			return true;
		}
		for (String alternative : alternatives(expected)) {
			switch (alternative) {
			case "string" -> { //$NON-NLS-1$
				if (value.isTextual()) {
					return true;
				}
			}
			case "boolean" -> { //$NON-NLS-1$
				if (value.isBoolean()) {
					return true;
				}
			}
			case "number" -> { //$NON-NLS-1$
				if (value.isNumber()) {
					return true;
				}
			}
			case "integer" -> { //$NON-NLS-1$
				if (value.isIntegralNumber()) {
					return true;
				}
			}
			case "index" -> { //$NON-NLS-1$
				// 32-bit, like the model's fields (and the executor's INDEX_MAX): a larger one is a wrong type.
				if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
					return true;
				}
			}
			case "object" -> { //$NON-NLS-1$
				if (value.isObject()) {
					return true;
				}
			}
			default -> {
				if (alternative.startsWith("enum<") && value.isTextual()) { //$NON-NLS-1$
					List<String> allowed = vocabulary.enumValues(alternative.substring(5, alternative.length() - 1));
					if (!allowed.contains(value.asText())) { // the right type: kept, but an error, so nothing runs with it
						reporter.report("bad-enum-value", pointer, //$NON-NLS-1$
								NLS.bind(Messages.ValueShapes_notOneOf, value.asText(), String.join(", ", allowed))); //$NON-NLS-1$
					}
					return true;
				}
				if (value instanceof ObjectNode object && !alternative.startsWith("enum<")) { //$NON-NLS-1$
					check(object, alternative, pointer);
					return true;
				}
			}
			}
		}
		return false;
	}

	private static final Map<String, String[]> ALTERNATIVES = new ConcurrentHashMap<>();

	private static String[] alternatives(String expected) {
		return ALTERNATIVES.computeIfAbsent(expected, e -> e.split("\\|")); //$NON-NLS-1$
	}

	private static boolean hasShape(String type) {
		for (String alternative : type.split("\\|")) { //$NON-NLS-1$
			if (!List.of("string", "boolean", "number", "integer", "index", "object").contains(alternative) //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$
					&& !alternative.startsWith("enum<")) { //$NON-NLS-1$
				return true;
			}
		}
		return false;
	}

	private String describe(String expected) {
		if (expected.startsWith("array<")) { //$NON-NLS-1$
			return Messages.ValueShapes_list;
		}
		String words = null;
		for (String alternative : expected.split("\\|")) { //$NON-NLS-1$
			String word = switch (alternative) {
			case "string" -> Messages.ValueShapes_text; //$NON-NLS-1$
			case "boolean" -> Messages.ValueShapes_trueOrFalse; //$NON-NLS-1$
			case "number" -> Messages.ValueShapes_number; //$NON-NLS-1$
			case "integer" -> Messages.ValueShapes_wholeNumber; //$NON-NLS-1$
			case "index" -> Messages.ValueShapes_index; //$NON-NLS-1$
			default -> alternative.startsWith("enum<") //$NON-NLS-1$
					? NLS.bind(Messages.ValueShapes_oneOf,
							String.join(", ", vocabulary.enumValues(alternative.substring(5, alternative.length() - 1)))) //$NON-NLS-1$
					: Messages.ValueShapes_object;
			};
			words = words == null ? word : NLS.bind(Messages.ValueShapes_or, words, word);
		}
		return words;
	}

	static String describe(JsonNode value) {
		if (value == null || value.isNull()) {
			return "null"; //$NON-NLS-1$
		}
		if (value.isBoolean()) {
			return Messages.ValueShapes_boolean;
		}
		if (value.isTextual()) {
			return Messages.ValueShapes_text;
		}
		if (value.isNumber()) {
			return Messages.ValueShapes_number;
		}
		return value.isArray() ? Messages.ValueShapes_list : Messages.ValueShapes_object;
	}

	/** snake_case to camelCase, as the executor reads keys ({@code is_initial} is {@code isInitial}). */
	public static String camel(String key) {
		if (key.indexOf('_') < 0) {
			return key;
		}
		String[] parts = key.split("_", -1); //$NON-NLS-1$
		StringBuilder out = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			if (!parts[i].isEmpty()) {
				out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i], 1, parts[i].length());
			}
		}
		return out.toString();
	}

	public static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
	}
}
