/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.webbuilder;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.webbuilder.WebBuilderEndpoints.Endpoint;

/** Endpoint paths: defaults, overrides and the checks that keep requests on the configured host. */
public class WebBuilderEndpointsTest {

	private static final URI BASE = URI.create("https://builder.example.com");

	@Test
	void defaultPaths() {
		WebBuilderEndpoints endpoints = new WebBuilderEndpoints(BASE);
		assertEquals(URI.create("https://builder.example.com/api/v1/projects"), endpoints.projects());
		assertEquals(URI.create("https://builder.example.com/api/v1/projects/p1/configurations"), endpoints.configurations("p1"));
		assertEquals(URI.create("https://builder.example.com/api/v1/configurations/c1/export"), endpoints.export("c1"));
		assertEquals(URI.create("https://builder.example.com/api/v1/runs"), endpoints.runs());
		assertEquals(URI.create("https://builder.example.com/api/v1/me"), endpoints.me());
	}

	@Test
	void pathsFromPropertiesUnderABasePath() {
		Properties properties = new Properties();
		properties.setProperty("url", "https://host.example/builder/");
		properties.setProperty("path.runs", "/api/v2/run-results");
		properties.setProperty("path.export", "/api/v2/configs/{configId}?format=v2");
		properties.setProperty("unrelated", "ignored");
		WebBuilderEndpoints endpoints = WebBuilderEndpoints.fromProperties(properties);
		assertEquals(URI.create("https://host.example/builder/api/v2/run-results"), endpoints.runs());
		assertEquals(URI.create("https://host.example/builder/api/v2/configs/c1?format=v2"), endpoints.export("c1"));
		assertEquals(URI.create("https://host.example/builder/api/v1/me"), endpoints.me());
		assertEquals("/api/v2/run-results", endpoints.path(Endpoint.RUNS));
	}

	@Test
	void idsStayOneEncodedPathSegment() {
		WebBuilderEndpoints endpoints = new WebBuilderEndpoints(BASE);
		assertEquals("/api/v1/configurations/a%2F..%2Fb%20c%C3%A9/export", endpoints.export("a/../b cé").getRawPath());
		assertThrows(IllegalArgumentException.class, () -> endpoints.export(".."));
		assertThrows(IllegalArgumentException.class, () -> endpoints.configurations(""));
	}

	@Test
	void badPathsAreRefused() {
		assertRefused("runs", "api/v1/runs", "must start with '/'");
		assertRefused("runs", "//evil.example/runs", "another host");
		assertRefused("path.projects", "/api/../admin", "'..'");
		assertRefused("export", "/api/v1/configurations/export", "must contain {configId}");
		assertRefused("me", "/api/v1/me/{configId}", "takes no placeholder");
		assertRefused("me", "/api/v1/me me", "spaces");
		assertRefused("profile", "/api/v1/profile", "unknown web builder endpoint");
	}

	@Test
	void plainHttpOnlyForLoopback() {
		assertDoesNotThrow(() -> new WebBuilderEndpoints(URI.create("http://127.0.0.1:8080")));
		assertDoesNotThrow(() -> new WebBuilderEndpoints(URI.create("http://localhost:3000")));
		assertDoesNotThrow(() -> new WebBuilderEndpoints(URI.create("http://[::1]:3000")));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new WebBuilderEndpoints(URI.create("http://builder.example.com")));
		assertTrue(e.getMessage().contains("use https"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new WebBuilderEndpoints(URI.create("ftp://builder.example.com")));
		assertThrows(IllegalArgumentException.class, () -> new WebBuilderEndpoints(URI.create("https://user:pw@builder.example.com")));
	}

	private static void assertRefused(String key, String path, String expected) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebBuilderEndpoints(BASE, Map.of(key, path)));
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}
}
