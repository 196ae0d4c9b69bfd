/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;

/**
 * Checks a bundle's externalized strings the way NLS does not: each {@code messages.properties} beside
 * a {@code Messages extends NLS} class has a value for every field (NLS would show "NLS missing
 * message: ..."), a field for every key (NLS would ignore it), no empty value, quotes written as
 * {@code NLS.bind} reads them, and ASCII only (properties files are read as ISO 8859-1).
 */
public final class ExternalizedStrings {

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+\\}");

	private ExternalizedStrings() {
	}

	/** The packages of {@code bundle} that have a {@code messages.properties}, with that file. */
	public static Map<String, URL> packages(Bundle bundle) {
		Map<String, URL> packages = new TreeMap<>();
		Enumeration<URL> urls = bundle.findEntries("/", "messages.properties", true);
		for (URL url : urls == null ? List.<URL>of() : Collections.list(urls)) {
			String path = url.getPath();
			// A test fragment attached as a folder also holds its build output (target/): not the bundle's.
			if (path.contains("/org/") && !path.contains("/target/")) {
				packages.put(path.substring(path.indexOf("/org/") + 1, path.lastIndexOf('/')).replace('/', '.'), url);
			}
		}
		return packages;
	}

	/** What is wrong with the bundle's Messages classes; empty when nothing is. */
	public static List<String> problems(Bundle bundle) throws IOException, ReflectiveOperationException {
		List<String> problems = new ArrayList<>();
		for (Map.Entry<String, URL> p : packages(bundle).entrySet()) {
			check(bundle, p.getKey(), p.getValue(), problems);
		}
		return problems;
	}

	private static void check(Bundle bundle, String packageName, URL url, List<String> problems)
			throws IOException, ReflectiveOperationException {
		byte[] bytes;
		try (InputStream in = url.openStream()) {
			bytes = in.readAllBytes();
		}
		for (byte b : bytes) {
			if (b < 0) {
				problems.add(packageName + ": messages.properties is read as ISO 8859-1; write other characters as \\uXXXX");
				break;
			}
		}
		Properties keys = new Properties();
		try (InputStream in = url.openStream()) {
			keys.load(in);
		}
		Class<?> messages = bundle.loadClass(packageName + ".Messages");
		Set<String> fields = new TreeSet<>();
		for (Field f : messages.getDeclaredFields()) {
			if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
				f.setAccessible(true); // Messages classes are package-private
				String value = (String) f.get(null);
				if (value == null || value.startsWith("NLS missing message")) {
					problems.add(packageName + ".Messages." + f.getName() + " has no key: " + value);
				}
				fields.add(f.getName());
			}
		}
		Set<String> unused = new TreeSet<>(keys.stringPropertyNames());
		unused.removeAll(fields);
		unused.forEach(key -> problems.add(packageName + ": " + key + " has no field in Messages"));
		for (String key : keys.stringPropertyNames()) {
			String value = keys.getProperty(key);
			// NLS.bind reads '' as a quote and 'text' as quoted text; a message shown as it is must not double them
			boolean bound = ARGUMENT.matcher(value).find();
			if (value.isBlank()) {
				problems.add(packageName + ": " + key + " is empty");
			} else if (bound ? value.replace("''", "").contains("'") : value.contains("''")) {
				problems.add(packageName + ": " + key
						+ (bound ? " has arguments: write a quote as ''" : " has no arguments: write a quote once"));
			}
		}
	}
}
