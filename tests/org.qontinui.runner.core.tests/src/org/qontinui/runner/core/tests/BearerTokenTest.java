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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.internal.http.BearerToken;
import org.qontinui.runner.core.load.InMemoryTokenStore;

/** Which URLs count as the web builder's origin. */
public class BearerTokenTest {

	private final BearerToken token = new BearerToken(new InMemoryTokenStore("t0ken-123"),
			URI.create("https://Builder.Qontinui.io/app"));

	@Test
	void sameSchemeHostAndPortOnly() {
		assertTrue(token.isFor(URI.create("https://builder.qontinui.io/api/v1/export")));
		assertTrue(token.isFor(URI.create("https://builder.qontinui.io:443/x")), "the default port is the same port");
		assertTrue(token.isFor(URI.create("https://builder.qontinui.io./x")), "a trailing dot names the same host");
		assertFalse(token.isFor(URI.create("https://builder.qontinui.io:8443/x")));
		assertFalse(token.isFor(URI.create("http://builder.qontinui.io/x")));
		assertFalse(token.isFor(URI.create("https://evil.example/x")));
		assertFalse(token.isFor(URI.create("https://builder.qontinui.io.evil.example/x")));
		assertFalse(token.isFor(URI.create("https://evil.example/https://builder.qontinui.io/")));
		assertFalse(token.isFor(URI.create("https://builder.qontinui.io@evil.example/x")));
		assertFalse(new BearerToken(new InMemoryTokenStore("t"), null).isFor(URI.create("https://builder.qontinui.io/")));
		assertEquals("http://127.0.0.1:80", BearerToken.originOf(URI.create("http://127.0.0.1/")));
	}
}
