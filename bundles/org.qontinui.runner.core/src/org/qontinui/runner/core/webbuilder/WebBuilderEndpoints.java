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

import org.eclipse.osgi.util.NLS;
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
	public static final String URL_PROPERTY = "url"; //$NON-NLS-1$

	/** Prefix of the path properties, e.g. {@code path.runs=/api/v2/runs}. */
	public static final String PATH_PROPERTY_PREFIX = "path."; //$NON-NLS-1$

	/** The endpoints the runner talks to, with their default paths. */
	public enum Endpoint {
		/** {@code GET}: the projects the signed-in account can see. */
		PROJECTS("projects", "/api/v1/projects", null), //$NON-NLS-1$//$NON-NLS-2$
		/** {@code GET}: the configurations of one project. */
		CONFIGURATIONS("configurations", "/api/v1/projects/{projectId}/configurations", "{projectId}"), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
		/** {@code GET}: one configuration as v2 JSON. */
		EXPORT("export", "/api/v1/configurations/{configId}/export", "{configId}"), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
		/** {@code POST}: a run result. */
		RUNS("runs", "/api/v1/runs", null), //$NON-NLS-1$//$NON-NLS-2$
		/** {@code GET}: the signed-in account; a 401 means not signed in. */
		ME("me", "/api/v1/me", null); //$NON-NLS-1$//$NON-NLS-2$

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
		this.origin = baseUri.getScheme().toLowerCase(Locale.ROOT) + "://" + authority; //$NON-NLS-1$
		String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath(); //$NON-NLS-1$
		this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path; //$NON-NLS-1$

		Map<Endpoint, String> resolved = new EnumMap<>(Endpoint.class);
		for (Endpoint endpoint : Endpoint.values()) {
			resolved.put(endpoint, endpoint.defaultPath());
		}
		for (Map.Entry<String, String> override : overrides.entrySet()) {
			Endpoint endpoint = endpointFor(override.getKey());
			String value = override.getValue() == null ? "" : override.getValue().trim(); //$NON-NLS-1$
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
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_noUrl, URL_PROPERTY));
		}
		URI base;
		try {
			base = new URI(url.trim());
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_invalidUrl, e.getReason()));
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
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_idRequired, endpoint.key()));
		}
		if (id.equals(".") || id.equals("..")) { //$NON-NLS-1$//$NON-NLS-2$
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_invalidId, id));
		}
		StringBuilder encoded = new StringBuilder();
		for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
					|| c == '~') {
				encoded.append(c);
			} else {
				encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff)); //$NON-NLS-1$
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
		throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_unknownEndpoint, key));
	}

	private static void checkPath(Endpoint endpoint, String path) {
		String problem = null;
		if (!path.startsWith("/")) { //$NON-NLS-1$
			problem = Messages.WebBuilderEndpoints_pathNotAbsolute;
		} else if (path.startsWith("//")) { //$NON-NLS-1$
			problem = Messages.WebBuilderEndpoints_pathOtherHost;
		} else if (path.contains("#") || path.chars().anyMatch(c -> c <= ' ' || c == '\\')) { //$NON-NLS-1$
			problem = Messages.WebBuilderEndpoints_pathBadCharacter;
		} else if (("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) { //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$
			problem = Messages.WebBuilderEndpoints_pathDotSegment;
		} else if (endpoint.placeholder() != null && !path.contains(endpoint.placeholder())) {
			problem = NLS.bind(Messages.WebBuilderEndpoints_pathWithoutPlaceholder, endpoint.placeholder());
		} else if (endpoint.placeholder() == null && path.contains("{")) { //$NON-NLS-1$
			problem = Messages.WebBuilderEndpoints_pathPlaceholder;
		}
		if (problem == null) {
			String sample = endpoint.placeholder() == null ? path : path.replace(endpoint.placeholder(), "x"); //$NON-NLS-1$
			try {
				@SuppressWarnings("unused") // parsing is the check
				URI parsed = new URI("https://host" + sample); //$NON-NLS-1$
			} catch (URISyntaxException e) {
				problem = NLS.bind(Messages.WebBuilderEndpoints_pathInvalid, e.getReason());
			}
		}
		if (problem != null) {
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_badPath, new Object[] { endpoint.key(), path, problem }));
		}
	}

	private static void checkBase(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT); //$NON-NLS-1$
		if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) { //$NON-NLS-1$//$NON-NLS-2$
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_notWebAddress, display(uri)));
		}
		if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_secretParts, display(uri)));
		}
		if (scheme.equals("http") && !LimitedBody.isLoopback(uri.getHost())) { //$NON-NLS-1$
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderEndpoints_plainHttp, uri.getHost()));
		}
	}


	/** scheme://host[:port]/path, without user info or query, which may carry secrets. */
	static String display(URI uri) {
		StringBuilder text = new StringBuilder();
		if (uri.getScheme() != null) {
			text.append(uri.getScheme()).append("://"); //$NON-NLS-1$
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
		return "WebBuilderEndpoints[" + display(baseUri) + "]"; //$NON-NLS-1$//$NON-NLS-2$
	}
}
