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
			String keyPointer = pointer + "/" + escape(key);
			if (!matches(value, expected, keyPointer)) {
				reporter.report("wrong-type", keyPointer, "expected " + describe(expected) + ", found " + describe(value));
				node.remove(key);
			}
		}
	}

	private boolean matches(JsonNode value, String expected, String pointer) {
		if (expected.startsWith("array<")) {
			if (!(value instanceof ArrayNode array)) {
				return false;
			}
			String itemType = expected.substring(6, expected.length() - 1);
			for (int i = 0; i < array.size(); i++) {
				JsonNode item = array.get(i);
				if (item.isNull() || !matches(item, itemType, pointer + "/" + i)) {
					reporter.report("wrong-type", pointer + "/" + i,
							"expected " + describe(itemType) + ", found " + describe(item));
					array.set(i, hasShape(itemType) ? JsonNodeFactory.instance.objectNode()
							: JsonNodeFactory.instance.textNode(""));
				}
			}
			return true;
		}
		for (String alternative : alternatives(expected)) {
			switch (alternative) {
			case "string" -> {
				if (value.isTextual()) {
					return true;
				}
			}
			case "boolean" -> {
				if (value.isBoolean()) {
					return true;
				}
			}
			case "number" -> {
				if (value.isNumber()) {
					return true;
				}
			}
			case "integer" -> {
				if (value.isIntegralNumber()) {
					return true;
				}
			}
			case "index" -> {
				// 32-bit, like the model's fields (and the executor's INDEX_MAX): a larger one is a wrong type.
				if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
					return true;
				}
			}
			case "object" -> {
				if (value.isObject()) {
					return true;
				}
			}
			default -> {
				if (alternative.startsWith("enum<") && value.isTextual()) {
					List<String> allowed = vocabulary.enumValues(alternative.substring(5, alternative.length() - 1));
					if (!allowed.contains(value.asText())) { // the right type: kept, but an error, so nothing runs with it
						reporter.report("bad-enum-value", pointer,
								"\"" + value.asText() + "\" is not one of " + String.join(", ", allowed));
					}
					return true;
				}
				if (value instanceof ObjectNode object && !alternative.startsWith("enum<")) {
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
		return ALTERNATIVES.computeIfAbsent(expected, e -> e.split("\\|"));
	}

	private static boolean hasShape(String type) {
		for (String alternative : type.split("\\|")) {
			if (!List.of("string", "boolean", "number", "integer", "index", "object").contains(alternative)
					&& !alternative.startsWith("enum<")) {
				return true;
			}
		}
		return false;
	}

	private String describe(String expected) {
		if (expected.startsWith("array<")) {
			return "a list";
		}
		List<String> words = new ArrayList<>();
		for (String alternative : expected.split("\\|")) {
			words.add(switch (alternative) {
			case "string" -> "a text";
			case "boolean" -> "true or false";
			case "number" -> "a number";
			case "integer" -> "a whole number";
			case "index" -> "a whole number from 0";
			default -> alternative.startsWith("enum<")
					? "one of " + String.join(", ", vocabulary.enumValues(alternative.substring(5, alternative.length() - 1)))
					: "an object";
			});
		}
		return String.join(" or ", words);
	}

	static String describe(JsonNode value) {
		if (value == null || value.isNull()) {
			return "null";
		}
		if (value.isBoolean()) {
			return "a boolean";
		}
		if (value.isTextual()) {
			return "a text";
		}
		if (value.isNumber()) {
			return "a number";
		}
		return value.isArray() ? "a list" : "an object";
	}

	/** snake_case to camelCase, as the executor reads keys ({@code is_initial} is {@code isInitial}). */
	public static String camel(String key) {
		if (key.indexOf('_') < 0) {
			return key;
		}
		String[] parts = key.split("_", -1);
		StringBuilder out = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			if (!parts[i].isEmpty()) {
				out.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i], 1, parts[i].length());
			}
		}
		return out.toString();
	}

	public static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}
}
