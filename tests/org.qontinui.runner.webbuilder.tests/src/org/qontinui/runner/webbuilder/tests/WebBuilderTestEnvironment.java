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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.webbuilder.RunUploader;
import org.qontinui.runner.webbuilder.WebBuilderConnection;
import org.qontinui.runner.webbuilder.internal.WebBuilderView;

/**
 * A fake web builder, an in-memory token store and a temporary state folder, installed as the
 * workbench's {@link WebBuilderConnection} so tests never touch the real secure storage; the
 * preferences they change are put back on close.
 */
final class WebBuilderTestEnvironment {

	final FakeWebBuilder server;
	final InMemoryTokenStore tokens;
	final WebBuilderConnection connection;
	private final WebBuilderConnection previousConnection;
	private final String previousUrl;
	private final boolean previousUpload;

	/** @param token the stored token, null for none */
	WebBuilderTestEnvironment(Path stateDirectory, String token) throws IOException {
		server = new FakeWebBuilder();
		IEclipsePreferences node = preferences();
		previousUrl = node.get(WebBuilderConnection.URL, null);
		previousUpload = node.getBoolean(WebBuilderConnection.UPLOAD_RESULTS, false);
		node.put(WebBuilderConnection.URL, server.url());
		tokens = new InMemoryTokenStore(token);
		connection = new WebBuilderConnection(tokens, stateDirectory);
		previousConnection = WebBuilderConnection.setDefault(connection);
	}

	static IEclipsePreferences preferences() {
		return InstanceScope.INSTANCE.getNode(WebBuilderConnection.PREFERENCE_NODE);
	}

	void enableUploads(boolean enabled) {
		preferences().putBoolean(WebBuilderConnection.UPLOAD_RESULTS, enabled);
	}

	/** The token must never reach the preference store, under any key. */
	static void assertNoTokenInPreferences(String token) throws BackingStoreException {
		IEclipsePreferences node = preferences();
		for (String key : node.keys()) {
			assertFalse(key.toLowerCase().contains("token"), "preference key " + key);
			assertNotEquals(token, node.get(key, null), "value of preference " + key);
		}
	}

	static void joinJobs() throws InterruptedException {
		Job.getJobManager().join(WebBuilderView.FAMILY, null);
		Job.getJobManager().join(RunUploader.FAMILY, null);
	}

	void close() throws InterruptedException {
		joinJobs();
		// Preferences first: listeners of the connection change must not see uploads still enabled.
		IEclipsePreferences node = preferences();
		if (previousUrl == null) {
			node.remove(WebBuilderConnection.URL);
		} else {
			node.put(WebBuilderConnection.URL, previousUrl);
		}
		node.putBoolean(WebBuilderConnection.UPLOAD_RESULTS, previousUpload);
		WebBuilderConnection.setDefault(previousConnection);
		joinJobs();
		server.close();
	}
}
