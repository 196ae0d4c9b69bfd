/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.load.TokenStore;
import org.qontinui.runner.core.secure.SecretMask;
import org.qontinui.runner.core.secure.TokenFormat;
import org.qontinui.runner.core.secure.WebBuilderSignIn;

/** Masking of the web builder token and bearer credentials, and what a token may contain. */
public class SecretMaskTest {

	private static final String TOKEN = "wb-7f3a9c1e-token";

	private final InMemoryTokenStore tokens = new InMemoryTokenStore();
	private TokenStore previous;

	@BeforeEach
	void install() {
		previous = WebBuilderSignIn.setTokens(tokens);
	}

	@AfterEach
	void restore() {
		WebBuilderSignIn.setTokens(previous);
	}

	@Test
	void theAbsenceOfTheTokenIsNotRemembered() {
		String fresh = "wb-never-seen-before-91";
		assertEquals("signed in with " + fresh, SecretMask.mask("signed in with " + fresh), "no token stored yet");
		tokens.write(fresh); // no notification: the mask must look again by itself
		assertEquals("signed in with ********", SecretMask.mask("signed in with " + fresh));
	}

	@Test
	void aReplacedTokenIsReadAgainAndTheOldOneStaysMasked() throws Exception {
		tokens.write(TOKEN);
		SecretMask.mask("warm the cache");
		tokens.write("wb-second-token-42");
		SecretMask.tokenChanged();
		assertEquals("******** and ********", SecretMask.mask(TOKEN + " and wb-second-token-42"));
	}

	@Test
	void bearerCredentialsAndAuthorizationHeadersAreMaskedWithAFixedLength() {
		String masked = SecretMask.mask("GET /x Authorization: Bearer abc.def-123 then authorization=Basic dXNlcjpwYXNz");
		assertFalse(masked.contains("abc.def-123") || masked.contains("dXNlcjpwYXNz"), masked);
		assertEquals(SecretMask.mask("Bearer a"), SecretMask.mask("Bearer " + "a".repeat(300)), "the length does not show");
	}

	@Test
	void exceptionsForTheErrorLogAreMaskedWithTheirCauses() {
		tokens.write(TOKEN);
		IllegalStateException cause = new IllegalStateException("header value " + TOKEN);
		RuntimeException error = new RuntimeException("request failed", cause);
		Throwable masked = SecretMask.mask(error);
		StringBuilder all = new StringBuilder();
		for (Throwable t = masked; t != null; t = t.getCause()) {
			all.append(t).append('\n');
		}
		assertFalse(all.toString().contains(TOKEN), all.toString());
		assertTrue(all.toString().contains("java.lang.IllegalStateException: header value ********"), all.toString());
		assertEquals(error.getStackTrace()[0], masked.getStackTrace()[0]);
		RuntimeException harmless = new RuntimeException("nothing secret");
		assertSame(harmless, SecretMask.mask(harmless));
	}

	@Test
	void aMaskingStreamMasksEveryLine() {
		tokens.write(TOKEN);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = SecretMask.masking(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		out.println("RUN FAILED: server said " + TOKEN);
		out.println((Object) ("object " + TOKEN));
		out.flush();
		String text = bytes.toString(StandardCharsets.UTF_8);
		assertFalse(text.contains(TOKEN), text);
		assertTrue(text.contains("RUN FAILED: server said ********"), text);
	}

	@Test
	void tokenCharactersAreCheckedWithoutQuotingTheToken() {
		assertNull(TokenFormat.problem(TOKEN));
		assertNull(TokenFormat.problem("abc~!#$%&'*+-.^_`|=/:;<>?@[]{}()"));
		assertEquals("the token is empty", TokenFormat.problem(""));
		assertTrue(TokenFormat.problem("abc\ndef").startsWith("the token contains a control character at position 4"));
		assertTrue(TokenFormat.problem("abc\u007fdef").contains("control character"));
		assertTrue(TokenFormat.problem("abc def").startsWith("the token contains a space at position 4"));
		assertTrue(TokenFormat.problem("abc\u00a0def").contains("a space at position 4"));
		assertTrue(TokenFormat.problem("t\u00f6ken").startsWith("the token contains a non-ASCII character at position 2"));
		assertTrue(TokenFormat.problem("x".repeat(TokenFormat.MAX_LENGTH + 1)).contains("longer than"));
		assertFalse(TokenFormat.problem("secretpart\tmore").contains("secretpart"));
	}
}
