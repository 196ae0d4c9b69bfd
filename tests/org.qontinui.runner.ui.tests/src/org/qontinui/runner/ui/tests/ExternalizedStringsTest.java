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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.qontinui.runner.testing.ExternalizedStrings;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.launching.ExecutionTab;
import org.qontinui.runner.ui.launching.MainTab;
import org.qontinui.runner.ui.launching.PythonTab;

/**
 * The user-visible strings of the workbench bundles are externalized the Eclipse way: each package
 * that shows text has a {@code Messages extends NLS} class beside a {@code messages.properties}. NLS
 * does not fail on a mismatch (a field without a key reads "NLS missing message: ...", a key without a
 * field is silently unused), so this test does: every field has a value, every key has a field, and
 * quotes are written as NLS.bind reads them ({@link ExternalizedStrings}). The compiler makes sure
 * no literal is left outside them (nonExternalizedStringLiteral, releng/eclipse/project-files.sh).
 */
class ExternalizedStringsTest {

	/** Every bundle with text for users but the web builder's (checked by its own tests). */
	private static final List<String> BUNDLES = List.of("org.qontinui.runner.ui", "org.qontinui.runner.debug",
			"org.qontinui.runner.core", "org.qontinui.runner.runs", "org.qontinui.runner.bridge",
			"org.qontinui.runner.headless", "org.qontinui.runner.app", "org.qontinui.runner.devtools");

	@Test
	void everyMessagesClassMatchesItsProperties() throws Exception {
		List<String> problems = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		for (String name : BUNDLES) {
			Bundle bundle = Platform.getBundle(name);
			assertNotNull(bundle, name + " is in the test runtime");
			problems.addAll(ExternalizedStrings.problems(bundle));
			checked.addAll(ExternalizedStrings.packages(bundle).keySet());
		}
		assertEquals(List.of(), problems);
		assertTrue(checked.size() >= 26, "Messages classes checked: " + checked);
	}

	/** The bundles that must have externalized strings are in the runtime, so the factory checks them. */
	@Test
	void workbenchBundlesAreChecked() {
		for (String name : BUNDLES) {
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
