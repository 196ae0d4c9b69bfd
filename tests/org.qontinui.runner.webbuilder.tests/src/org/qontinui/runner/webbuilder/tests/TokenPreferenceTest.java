/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.load.TokenStore;
import org.qontinui.runner.core.secure.WebBuilderSignIn;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.preferences.QontinuiPreferencePage;

/** Preferences > Qontinui: a token with a control character or a space is refused with a clear message, not stored. */
class TokenPreferenceTest {

	private final InMemoryTokenStore tokens = new InMemoryTokenStore();
	private final TokenStore previous = WebBuilderSignIn.setTokens(tokens);
	private final AtomicReference<PreferenceDialog> dialog = new AtomicReference<>();

	@AfterEach
	void tearDown() {
		UiThread.run(() -> {
			if (dialog.get() != null && dialog.get().getShell() != null) {
				dialog.get().close();
			}
		});
		WebBuilderSignIn.setTokens(previous);
	}

	@Test
	void aBadTokenIsRefusedAndAGoodOneStored() {
		QontinuiPreferencePage page = new QontinuiPreferencePage();
		UiThread.run(() -> {
			page.init(PlatformUI.getWorkbench());
			PreferenceManager manager = new PreferenceManager();
			manager.addToRoot(new PreferenceNode("qontinui", page));
			PreferenceDialog opened = new PreferenceDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), manager);
			opened.setBlockOnOpen(false);
			opened.open();
			dialog.set(opened);
		});
		UiThread.run(() -> {
			Text token = passwordField(page.getControl());
			assertNotNull(token, "the token field");
			token.setText("wb-token\tpasted");
			assertTrue(page.getErrorMessage() != null && page.getErrorMessage().contains("control character at position 9"),
					page.getErrorMessage());
			assertFalse(page.performOk(), "not saved");
			assertFalse(page.getErrorMessage().contains("wb-token"), "the token is not quoted: " + page.getErrorMessage());
			assertEquals(Optional.empty(), tokens.read());

			token.setText("wb-token with-space");
			assertTrue(page.getErrorMessage().contains("a space at position 9"), page.getErrorMessage());
			assertFalse(page.performOk());

			token.setText("wb-token-0123456789");
			assertTrue(page.performOk(), String.valueOf(page.getErrorMessage()));
			assertEquals(Optional.of("wb-token-0123456789"), tokens.read());
		});
	}

	private static Text passwordField(Control control) {
		if (control instanceof Text text && (text.getStyle() & SWT.PASSWORD) != 0) {
			return text;
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				Text found = passwordField(child);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
