/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.webbuilder;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.osgi.util.NLS;
import org.osgi.service.prefs.BackingStoreException;
import org.qontinui.runner.core.load.ConfigCache;
import org.qontinui.runner.core.load.TokenStore;
import org.qontinui.runner.core.secure.WebBuilderSignIn;
import org.qontinui.runner.core.webbuilder.UploadQueue;
import org.qontinui.runner.core.webbuilder.WebBuilderClient;
import org.qontinui.runner.core.webbuilder.WebBuilderEndpoints;
import org.qontinui.runner.ui.preferences.QontinuiPreferences;
import org.qontinui.runner.webbuilder.internal.WebBuilderPlugin;

/**
 * The one place that turns the workbench's settings into a {@link WebBuilderClient}: the base URL
 * from the preference {@value #URL} (node {@value #PREFERENCE_NODE}), endpoint paths from
 * {@value #PATH_PREFIX}{@code <endpoint>}, the token from a {@link TokenStore} (secure storage in
 * the application) and, under the bundle's state location, the download cache ({@value #CACHE_FOLDER}),
 * the files opened in the workbench ({@value #DOWNLOADS_FOLDER}) and the run upload queue
 * ({@value #UPLOADS_FOLDER}).
 * <p>
 * Clients are built per use, so a changed URL or path takes effect on the next request. The token
 * is never written to the preference store.
 */
public final class WebBuilderConnection {

	public static final String PREFERENCE_NODE = QontinuiPreferences.NODE;
	/** Base URL of the web builder, e.g. {@code https://builder.qontinui.io}. */
	public static final String URL = QontinuiPreferences.WEB_BUILDER_URL;
	/** Prefix of the endpoint path preferences, e.g. {@code webBuilder.path.runs}; blank means default. */
	public static final String PATH_PREFIX = "webBuilder.path."; //$NON-NLS-1$
	/** Whether finished runs are uploaded (default false). */
	public static final String UPLOAD_RESULTS = "webBuilder.uploadResults"; //$NON-NLS-1$

	public static final String CACHE_FOLDER = "cache"; //$NON-NLS-1$
	public static final String DOWNLOADS_FOLDER = "downloads"; //$NON-NLS-1$
	public static final String UPLOADS_FOLDER = "uploads"; //$NON-NLS-1$

	/** Told when the sign-in, the URL or the default connection changed; called on any thread. */
	public interface Listener {
		void connectionChanged(WebBuilderConnection connection);
	}

	private static final CopyOnWriteArrayList<Listener> LISTENERS = new CopyOnWriteArrayList<>();
	private static WebBuilderConnection defaultConnection;

	private final TokenStore tokens;
	private final Path stateDirectory;
	private final UploadQueue uploadQueue;

	/**
	 * @param tokens         where the sign-in token lives
	 * @param stateDirectory parent of the cache, downloads and upload queue folders
	 */
	public WebBuilderConnection(TokenStore tokens, Path stateDirectory) {
		this.tokens = tokens;
		this.stateDirectory = stateDirectory;
		// One queue object per directory: its methods synchronize on it.
		this.uploadQueue = new UploadQueue(stateDirectory.resolve(UPLOADS_FOLDER));
	}

	/** The workbench's connection: token in Eclipse secure storage, folders in the bundle state location. */
	public static synchronized WebBuilderConnection getDefault() {
		if (defaultConnection == null) {
			defaultConnection = new WebBuilderConnection(WebBuilderSignIn.tokens(), WebBuilderPlugin.stateDirectory());
		}
		return defaultConnection;
	}

	/**
	 * Replaces the workbench's connection (tests use an in-memory token store and a temporary
	 * folder); null goes back to the secure-storage one. Returns the previous connection.
	 */
	public static WebBuilderConnection setDefault(WebBuilderConnection connection) {
		WebBuilderConnection previous;
		synchronized (WebBuilderConnection.class) {
			previous = defaultConnection;
			defaultConnection = connection;
		}
		fireChanged(connection == null ? getDefault() : connection);
		return previous;
	}

	public static void addListener(Listener listener) {
		LISTENERS.addIfAbsent(listener);
	}

	public static void removeListener(Listener listener) {
		LISTENERS.remove(listener);
	}

	private static void fireChanged(WebBuilderConnection connection) {
		for (Listener listener : LISTENERS) {
			listener.connectionChanged(connection);
		}
	}

	public TokenStore getTokenStore() {
		return tokens;
	}

	/** The configured base URL, or an empty string. */
	public String getUrl() {
		return preference(URL);
	}

	public boolean isConfigured() {
		return !getUrl().isBlank();
	}

	/** True when a token is stored; says nothing about whether the server still accepts it. */
	public boolean hasToken() {
		try {
			return tokens.read().isPresent();
		} catch (IllegalStateException e) {
			return false; // secure storage locked or unavailable: treat as signed out
		}
	}

	/**
	 * The endpoints for the configured URL and path preferences.
	 *
	 * @throws IllegalArgumentException when no URL is set, or the URL or a path is not acceptable
	 */
	public WebBuilderEndpoints endpoints() {
		return endpoints(getUrl(), pathPreferences());
	}

	/** Endpoints for {@code url} with the given path overrides ({@code endpoint key -> path}). */
	public static WebBuilderEndpoints endpoints(String url, Map<String, String> paths) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException(Messages.WebBuilderConnection_noUrl);
		}
		URI base;
		try {
			base = new URI(url.trim());
		} catch (URISyntaxException e) {
			throw new IllegalArgumentException(NLS.bind(Messages.WebBuilderConnection_invalidUrl, e.getReason()));
		}
		return new WebBuilderEndpoints(base, paths);
	}

	/** The non-blank endpoint path preferences, keyed by endpoint ({@code runs}, {@code export}, ...). */
	public static Map<String, String> pathPreferences() {
		Map<String, String> paths = new HashMap<>();
		for (WebBuilderEndpoints.Endpoint endpoint : WebBuilderEndpoints.Endpoint.values()) {
			String path = preference(PATH_PREFIX + endpoint.key());
			if (!path.isBlank()) {
				paths.put(endpoint.key(), path.trim());
			}
		}
		return paths;
	}

	/**
	 * A client for the configured web builder, with the download cache.
	 *
	 * @throws IllegalArgumentException when no URL is set, or the URL or a path is not acceptable
	 */
	public WebBuilderClient createClient() {
		return new WebBuilderClient(endpoints(), tokens, getConfigCache());
	}

	/** A client for another URL and token source, e.g. to check a sign-in before storing it. */
	public WebBuilderClient createClient(String url, TokenStore tokenSource) {
		return new WebBuilderClient(endpoints(url, pathPreferences()), tokenSource, getConfigCache());
	}

	public ConfigCache getConfigCache() {
		return new ConfigCache(stateDirectory.resolve(CACHE_FOLDER));
	}

	/** Where downloaded configurations are written to be opened: {@code downloads/<project>/<config>.json}. */
	public Path getDownloadDirectory() {
		return stateDirectory.resolve(DOWNLOADS_FOLDER);
	}

	public UploadQueue getUploadQueue() {
		return uploadQueue;
	}

	/**
	 * Stores a sign-in that was checked against the server: the URL in the preferences, the token
	 * in the token store (never in the preferences).
	 *
	 * @throws IllegalStateException when the preferences or the token store cannot be written
	 */
	public void signIn(String url, String token) {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(PREFERENCE_NODE);
		node.put(URL, url.trim());
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new IllegalStateException(NLS.bind(Messages.WebBuilderConnection_cannotSaveUrl, e.getMessage()), e);
		}
		tokens.write(token);
		fireChanged(this);
	}

	/** Forgets the token. */
	public void signOut() {
		tokens.clear();
		fireChanged(this);
	}

	/** True when finished runs are to be uploaded ({@value #UPLOAD_RESULTS}). */
	public static boolean isUploadEnabled() {
		return Platform.getPreferencesService().getBoolean(PREFERENCE_NODE, UPLOAD_RESULTS, false, null);
	}

	private static String preference(String key) {
		String value = Platform.getPreferencesService().getString(PREFERENCE_NODE, key, "", null); //$NON-NLS-1$
		return value == null ? "" : value; //$NON-NLS-1$
	}

	@Override
	public String toString() {
		return "WebBuilderConnection[" + getUrl() + ", " + tokens + "]"; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
	}
}
