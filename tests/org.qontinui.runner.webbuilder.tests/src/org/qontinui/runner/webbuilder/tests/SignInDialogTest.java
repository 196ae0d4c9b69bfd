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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.webbuilder.WebBuilderConnection;
import org.qontinui.runner.webbuilder.internal.SignInDialog;

/**
 * The sign-in dialog checks URL and token with the server in a job, shows the account or the
 * server's error, and stores only a working sign-in: the URL in the preferences, the token in the
 * token store.
 */
class SignInDialogTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@TempDir
	Path state;

	private WebBuilderTestEnvironment environment;
	private final AtomicReference<SignInDialog> dialog = new AtomicReference<>();

	@AfterEach
	void tearDown() throws Exception {
		UiThread.run(() -> {
			if (dialog.get() != null && dialog.get().getShell() != null) {
				dialog.get().close();
			}
		});
		if (environment != null) {
			environment.close();
		}
	}

	@Test
	void wrongTokenShowsTheServersErrorAndStoresNothing() throws Exception {
		environment = new WebBuilderTestEnvironment(state, null);
		openDialog();
		UiThread.run(() -> {
			assertTrue((dialog.get().getTokenField().getStyle() & SWT.PASSWORD) != 0, "token field hides the token");
			dialog.get().getTokenField().setText("tok-wrong");
			dialog.get().signIn();
		});
		UiThread.waitUntil("the error", TIMEOUT, () -> dialog.get().getErrorMessage() != null
				&& !dialog.get().getErrorMessage().startsWith("Enter"));
		UiThread.run(() -> {
			assertTrue(dialog.get().getErrorMessage().contains("answered 401"), dialog.get().getErrorMessage());
			assertFalse(dialog.get().isSignedIn());
		});
		assertEquals(Optional.empty(), environment.tokens.read());
	}

	/** A pasted token with a line break or a space is refused at once: no request, nothing stored, not quoted. */
	@Test
	void aTokenWithAControlCharacterOrSpaceIsRefusedBeforeAnyRequest() throws Exception {
		environment = new WebBuilderTestEnvironment(state, null);
		openDialog();
		for (String bad : new String[] { "tok-good\r\nX-Evil: 1", "tok good", "t\u00f6k-good" }) {
			UiThread.run(() -> {
				dialog.get().getUrlField().setText(environment.server.url());
				dialog.get().getTokenField().setText(bad);
				dialog.get().signIn();
				String error = dialog.get().getErrorMessage();
				assertTrue(error != null && error.startsWith("This access token cannot be used: the token contains "), error);
				assertTrue(error.contains(" at position "), error);
				assertFalse(error.contains("tok-good") || error.contains("tok good") || error.contains("X-Evil"),
						"the token is not quoted: " + error);
				assertFalse(dialog.get().isSignedIn());
			});
		}
		assertEquals(0, environment.server.requestCount("/api/v1/me"), "nothing was sent");
		assertEquals(Optional.empty(), environment.tokens.read());
	}

	@Test
	void workingTokenShowsTheAccountAndIsStoredOutsideThePreferences() throws Exception {
		environment = new WebBuilderTestEnvironment(state, null);
		WebBuilderTestEnvironment.preferences().remove(WebBuilderConnection.URL);
		openDialog();
		UiThread.run(() -> {
			dialog.get().getUrlField().setText(environment.server.url());
			dialog.get().getTokenField().setText(FakeWebBuilder.GOOD_TOKEN);
			dialog.get().signIn();
		});
		UiThread.waitUntil("the sign-in", TIMEOUT, () -> dialog.get().isSignedIn());
		UiThread.run(() -> assertEquals("Signed in as Ada Lovelace (ada@example.com).", dialog.get().getMessage()));

		assertEquals(Optional.of(FakeWebBuilder.GOOD_TOKEN), environment.tokens.read());
		assertEquals(environment.server.url(),
				Platform.getPreferencesService().getString(WebBuilderConnection.PREFERENCE_NODE, WebBuilderConnection.URL, null, null));
		WebBuilderTestEnvironment.assertNoTokenInPreferences(FakeWebBuilder.GOOD_TOKEN);
		assertEquals(1, environment.server.requestCount("/api/v1/me"));
	}

	private void openDialog() {
		UiThread.run(() -> {
			SignInDialog opened = new SignInDialog(UiThread.display().getActiveShell() != null ? UiThread.display().getActiveShell()
					: PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), environment.connection, null);
			opened.setBlockOnOpen(false);
			opened.open();
			dialog.set(opened);
		});
	}
}
