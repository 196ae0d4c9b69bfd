/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.launching.ExecutionTab;
import org.qontinui.runner.ui.launching.MainTab;
import org.qontinui.runner.ui.launching.PythonTab;

/**
 * The user-visible strings of the workbench bundles are externalized the Eclipse way: each package
 * that shows text has a {@code Messages extends NLS} class beside a {@code messages.properties}. NLS
 * does not fail on a mismatch (a field without a key reads "NLS missing message: ...", a key without a
 * field is silently unused), so this test does: every field has a value, every key has a field, and
 * quotes are written as NLS.bind reads them.
 */
class ExternalizedStringsTest {

	/** Bundles with Messages classes; those installed in the test runtime are checked. */
	private static final List<String> BUNDLES = List.of("org.qontinui.runner.ui", "org.qontinui.runner.debug",
			"org.qontinui.runner.webbuilder");
	private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+\\}");

	@Test
	void everyMessagesClassMatchesItsProperties() throws Exception {
		List<String> problems = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		for (String name : BUNDLES) {
			Bundle bundle = Platform.getBundle(name);
			if (bundle == null) {
				continue; // not in this test runtime (the web builder's bundle is not a dependency)
			}
			for (URL url : Collections.list(bundle.findEntries("/", "messages.properties", true))) {
				String path = url.getPath();
				String packageName = path.substring(path.indexOf("/org/") + 1, path.lastIndexOf('/')).replace('/', '.');
				check(bundle, packageName, url, problems);
				checked.add(packageName);
			}
		}
		assertEquals(List.of(), problems);
		assertTrue(checked.size() >= 13, "Messages classes checked: " + checked);
	}

	private static void check(Bundle bundle, String packageName, URL url, List<String> problems) throws Exception {
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
			if (value.isBlank()) {
				problems.add(packageName + ": " + key + " is empty");
			} else if (ARGUMENT.matcher(value).find() ? value.replace("''", "").contains("'") : value.contains("''")) {
				problems.add(packageName + ": " + key + (ARGUMENT.matcher(value).find()
						? " has arguments: write a quote as ''" : " has no arguments: write a quote once"));
			}
		}
	}

	/** The bundles that must have externalized strings are in the runtime, so the factory checks them. */
	@Test
	void workbenchBundlesAreChecked() {
		for (String name : List.of("org.qontinui.runner.ui", "org.qontinui.runner.debug")) {
			Bundle bundle = Platform.getBundle(name);
			assertNotNull(bundle, name);
			assertNotNull(bundle.findEntries("/", "messages.properties", true), name + " has no messages.properties");
		}
	}

	/** The launch tabs take their names, labels and error messages from Messages and still validate. */
	@Test
	void launchTabsShowExternalizedStrings() {
		UiThread.run(() -> {
			Shell shell = new Shell(UiThread.display());
			try {
				List<ILaunchConfigurationTab> tabs = List.of(new MainTab(), new ExecutionTab(), new PythonTab());
				assertEquals(List.of("Main", "Execution", "Python"), tabs.stream().map(ILaunchConfigurationTab::getName).toList());
				for (ILaunchConfigurationTab tab : tabs) {
					tab.createControl(shell);
					assertNotNull(tab.getImage(), tab.getName());
				}
				MainTab main = (MainTab) tabs.get(0);
				assertFalse(main.isValid(null));
				assertEquals("Choose a configuration file", main.getErrorMessage());
			} finally {
				shell.dispose();
			}
		});
	}
}
