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

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.qontinui.runner.core.internal.http.LimitedBody;

/**
 * Where the web builder lives: a base URL and one path per endpoint. Paths can be overridden
 * (a self-hosted web builder behind a reverse proxy may mount the API elsewhere) and are checked
 * here, once, so that a request never leaves the configured host.
 * <p>
 * The base URL must be https; plain http is accepted for loopback hosts only (a local web
 * builder), because the sign-in token travels with every request.
 */
public final class WebBuilderEndpoints {

	/** Property holding the base URL in {@link #fromProperties(Properties)}. */
	public static final String URL_PROPERTY = "url";

	/** Prefix of the path properties, e.g. {@code path.runs=/api/v2/runs}. */
	public static final String PATH_PROPERTY_PREFIX = "path.";

	/** The endpoints the runner talks to, with their default paths. */
	public enum Endpoint {
		/** {@code GET}: the projects the signed-in account can see. */
		PROJECTS("projects", "/api/v1/projects", null),
		/** {@code GET}: the configurations of one project. */
		CONFIGURATIONS("configurations", "/api/v1/projects/{projectId}/configurations", "{projectId}"),
		/** {@code GET}: one configuration as v2 JSON. */
		EXPORT("export", "/api/v1/configurations/{configId}/export", "{configId}"),
		/** {@code POST}: a run result. */
		RUNS("runs", "/api/v1/runs", null),
		/** {@code GET}: the signed-in account; a 401 means not signed in. */
		ME("me", "/api/v1/me", null);

		private final String key;
		private final String defaultPath;
		private final String placeholder;

		Endpoint(String key, String defaultPath, String placeholder) {
			this.key = key;
			this.defaultPath = defaultPath;
			this.placeholder = placeholder;
		}

		/** Name used in property keys ({@code path.<key>}). */
		public String key() {
			return key;
		}

		public String defaultPath() {
			return defaultPath;
		}

		/** The placeholder the path must contain, or null for endpoints without a parameter. */
		public String placeholder() {
			return placeholder;
		}
	}

	private final URI baseUri;
	private final String origin;
	private final String basePath;
	private final Map<Endpoint, String> paths;

	/** The default paths under {@code baseUri}. */
	public WebBuilderEndpoints(URI baseUri) {
		this(baseUri, Map.of());
	}

	/**
	 * @param baseUri   e.g. {@code https://builder.qontinui.io} or {@code https://host/builder}
	 * @param overrides path per endpoint key ({@code "runs"} or {@code "path.runs"}); missing
	 *                  endpoints keep their default
	 * @throws IllegalArgumentException for an unsafe base URL, an unknown key or a bad path
	 */
	public WebBuilderEndpoints(URI baseUri, Map<String, String> overrides) {
		checkBase(baseUri);
		this.baseUri = baseUri;
		String authority = baseUri.getRawAuthority();
		this.origin = baseUri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority;
		String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
		this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;

		Map<Endpoint, String> resolved = new EnumMap<>(Endpoint.class);
		for (Endpoint endpoint : Endpoint.values()) {
			resolved.put(endpoint, endpoint.defaultPath());
		}
		for (Map.Entry<String, String> override : overrides.entrySet()) {
			Endpoint endpoint = endpointFor(override.getKey());
			String value = override.getValue() == null ? "" : override.getValue().trim();
			checkPath(endpoint, value);
			resolved.put(endpoint, value);
		}
		this.paths = Map.copyOf(resolved);
	}

	/**
	 * Reads {@value #URL_PROPERTY} and {@code path.*} entries, e.g. from a preference file;
	 * other properties are ignored so the same file can hold unrelated settings.
	 */
	public static WebBuilderEndpoints fromProperties(Properties properties) {
		String url = properties.getProperty(URL_PROPERTY);
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("no web builder URL: property '" + URL_PROPERTY + "' is missing");
		}
		URI base;
		try {
			base = new URI(url.trim());
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException("the web builder URL is not a valid address: " + e.getReason());
		}
		Map<String, String> overrides = new HashMap<>();
		for (String name : properties.stringPropertyNames()) {
			if (name.startsWith(PATH_PROPERTY_PREFIX)) {
				overrides.put(name, properties.getProperty(name));
			}
		}
		return new WebBuilderEndpoints(base, overrides);
	}

	public URI baseUri() {
		return baseUri;
	}

	/** The configured path (with its placeholder, if any). */
	public String path(Endpoint endpoint) {
		return paths.get(endpoint);
	}

	public URI projects() {
		return resolve(Endpoint.PROJECTS, null);
	}

	public URI configurations(String projectId) {
		return resolve(Endpoint.CONFIGURATIONS, projectId);
	}

	public URI export(String configId) {
		return resolve(Endpoint.EXPORT, configId);
	}

	public URI runs() {
		return resolve(Endpoint.RUNS, null);
	}

	public URI me() {
		return resolve(Endpoint.ME, null);
	}

	private URI resolve(Endpoint endpoint, String id) {
		String path = paths.get(endpoint);
		if (endpoint.placeholder() != null) {
			path = path.replace(endpoint.placeholder(), encodeSegment(endpoint, id));
		}
		// Concatenated, not URI.resolve(): the result always keeps the configured origin.
		return URI.create(origin + basePath + path);
	}

	/** Percent-encodes an id so it stays one path segment whatever the server uses as ids. */
	static String encodeSegment(Endpoint endpoint, String id) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("an id is required for the " + endpoint.key() + " endpoint");
		}
		if (id.equals(".") || id.equals("..")) {
			throw new IllegalArgumentException("'" + id + "' is not a valid id");
		}
		StringBuilder encoded = new StringBuilder();
		for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
					|| c == '~') {
				encoded.append(c);
			} else {
				encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}

	private static Endpoint endpointFor(String key) {
		String bare = key.startsWith(PATH_PROPERTY_PREFIX) ? key.substring(PATH_PROPERTY_PREFIX.length()) : key;
		for (Endpoint endpoint : Endpoint.values()) {
			if (endpoint.key().equals(bare)) {
				return endpoint;
			}
		}
		// Failing beats silently using a default when a key is misspelt.
		throw new IllegalArgumentException("unknown web builder endpoint '" + key + "'; known: projects, configurations, export, runs, me");
	}

	private static void checkPath(Endpoint endpoint, String path) {
		String problem = null;
		if (!path.startsWith("/")) {
			problem = "must start with '/'";
		} else if (path.startsWith("//")) {
			problem = "must not start with '//' (that would name another host)";
		} else if (path.contains("#") || path.chars().anyMatch(c -> c <= ' ' || c == '\\')) {
			problem = "must not contain spaces, backslashes or '#'";
		} else if (("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
			problem = "must not contain '.' or '..' segments";
		} else if (endpoint.placeholder() != null && !path.contains(endpoint.placeholder())) {
			problem = "must contain " + endpoint.placeholder();
		} else if (endpoint.placeholder() == null && path.contains("{")) {
			problem = "takes no placeholder";
		}
		if (problem == null) {
			String sample = endpoint.placeholder() == null ? path : path.replace(endpoint.placeholder(), "x");
			try {
				@SuppressWarnings("unused") // parsing is the check
				URI parsed = new URI("https://host" + sample);
			} catch (URISyntaxException e) {
				problem = "is not a valid URL path (" + e.getReason() + ")";
			}
		}
		if (problem != null) {
			throw new IllegalArgumentException("path for the " + endpoint.key() + " endpoint '" + path + "' " + problem);
		}
	}

	private static void checkBase(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new IllegalArgumentException("the web builder URL must be an https address, not " + display(uri));
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException("the web builder URL must not contain user info, a query or a fragment: " + display(uri));
		}
		if (scheme.equals("http") && !LimitedBody.isLoopback(uri.getHost())) {
			throw new IllegalArgumentException("refusing plain http for " + uri.getHost()
					+ ": the sign-in token would travel unencrypted; use https (http is allowed for localhost only)");
		}
	}


	/** scheme://host[:port]/path, without user info or query, which may carry secrets. */
	static String display(URI uri) {
		StringBuilder text = new StringBuilder();
		if (uri.getScheme() != null) {
			text.append(uri.getScheme()).append("://");
		}
		if (uri.getHost() != null) {
			text.append(uri.getHost());
		}
		if (uri.getPort() >= 0) {
			text.append(':').append(uri.getPort());
		}
		if (uri.getRawPath() != null) {
			text.append(uri.getRawPath());
		}
		return text.toString();
	}

	@Override
	public String toString() {
		return "WebBuilderEndpoints[" + display(baseUri) + "]";
	}
}
