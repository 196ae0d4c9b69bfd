/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Base of every model object. Keeps what the model does not know (so a configuration written back
 * loses nothing) and remembers which spelling of a property was read ({@code is_initial},
 * {@code identifyingImages} ...) so it is written back the same way.
 */
public abstract class ConfigElement {

	// Transient: not JSON properties (a key of the same name is read as an other property).
	private transient Map<String, JsonNode> otherProperties;
	/** canonical property name -> key it was read under; null while everything is canonical. */
	private transient Map<String, String> spellings;

	/**
	 * Alternative keys accepted for this element's properties, mapped to the canonical (field)
	 * name. Subclasses return a constant map.
	 */
	protected Map<String, String> aliases() {
		return Map.of();
	}

	/**
	 * Reads {@code key}, a key this element defines no property for. The first alternative spelling
	 * ({@link #aliases()}) of a property is read as that property: {@code setProperty} sets it from
	 * {@code value}, and {@code key} becomes its {@link #spellingOf(String) spelling}. Any other key
	 * (a second alternative spelling of the same property too) is kept as an
	 * {@link #getOtherProperties() other property}. The configuration reader calls this for every
	 * such key, in the order of the file.
	 *
	 * @param setProperty sets a property of this element, by canonical name, from a JSON value
	 */
	public void readOtherProperty(String key, JsonNode value, BiConsumer<String, JsonNode> setProperty) {
		String canonical = aliases().get(key);
		if (canonical != null && (spellings == null || !spellings.containsKey(canonical))) {
			setProperty.accept(canonical, value);
			if (spellings == null) {
				spellings = new HashMap<>(4);
			}
			spellings.put(canonical, key);
			return;
		}
		setOtherProperty(key, value);
	}

	/** Properties the model does not define, in the order they were read. */
	public Map<String, JsonNode> getOtherProperties() {
		return otherProperties == null ? Map.of() : Collections.unmodifiableMap(otherProperties);
	}

	/** Returns a property the model does not define, or null. */
	public JsonNode getOtherProperty(String key) {
		return otherProperties == null ? null : otherProperties.get(key);
	}

	public void setOtherProperty(String key, JsonNode value) {
		if (otherProperties == null) {
			otherProperties = new LinkedHashMap<>();
		}
		if (value == null) {
			otherProperties.remove(key);
		} else {
			otherProperties.put(key, value);
		}
	}

	/**
	 * The key under which {@code property} was read (and will be written), e.g.
	 * {@code spellingOf("isInitial")} is {@code "is_initial"} for a snake_case file. Validators use
	 * it to build JSON pointers that match the source text.
	 */
	public String spellingOf(String property) {
		if (spellings == null) {
			return property;
		}
		return spellings.getOrDefault(property, property);
	}

	/** Forgets the spelling read for {@code property}; it will be written under its canonical name. */
	public void useCanonicalSpelling(String property) {
		if (spellings != null) {
			spellings.remove(property);
		}
	}

	static <T> List<T> listOrEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	static int intValue(Number number, int fallback) {
		return number == null ? fallback : number.intValue();
	}

	static double doubleValue(Number number, double fallback) {
		return number == null ? fallback : number.doubleValue();
	}
}
