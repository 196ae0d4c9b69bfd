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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.ui.OpenConfigurations;
import org.qontinui.runner.ui.model.ConfigNode;
import org.qontinui.runner.webbuilder.internal.ConfigurationNode;
import org.qontinui.runner.webbuilder.internal.WebBuilderView;

/** The Web Builder view against a web builder on 127.0.0.1, in a real workbench. */
class WebBuilderViewTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@TempDir
	Path state;

	private WebBuilderTestEnvironment environment;
	private WebBuilderView view;

	@AfterEach
	void tearDown() throws Exception {
		if (view != null) {
			UiThread.run(() -> view.getSite().getPage().hideView(view));
		}
		if (environment != null) {
			environment.close();
		}
	}

	/** (a) Projects and their configurations come from the server, read in a job. */
	@Test
	void listsProjectsAndTheirConfigurations() throws Exception {
		environment = new WebBuilderTestEnvironment(state, FakeWebBuilder.GOOD_TOKEN);
		view = showView();
		waitForProjects(2);

		List<String> lines = UiThread.get(this::treeLines);
		assertEquals(List.of("Notepad", "  Login  v3", "  Logout  v2.0.0", "Calculator", "  Sum"),
				lines.stream().map(line -> line.replaceAll("  \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\)$", "")).toList());
		assertTrue(UiThread.get(view::getStatusText).startsWith("2 project(s), 3 configuration(s)"),
				UiThread.get(view::getStatusText));
		assertEquals(1, environment.server.requestCount("/api/v1/projects/42/configurations"));
		WebBuilderTestEnvironment.assertNoTokenInPreferences(FakeWebBuilder.GOOD_TOKEN);
	}

	/**
	 * (b) Opening a configuration downloads it to the state folder and opens it in the Config
	 * Explorer; with the server gone, the downloaded copy is listed and opens again, and the view
	 * says it is offline.
	 */
	@Test
	void openDownloadsTheConfigurationAndOpensItOfflineLater() throws Exception {
		environment = new WebBuilderTestEnvironment(state, FakeWebBuilder.GOOD_TOKEN);
		view = showView();
		waitForProjects(2);
		ConfigurationNode login = UiThread.get(() -> configuration("c_7"));

		UiThread.run(() -> view.open(login));
		Path expected = state.resolve("downloads/p_1/c_7.json");
		UiThread.waitUntil("the configuration to open", TIMEOUT, () -> isOpen(expected));
		assertEquals(FakeWebBuilder.LOGIN_CONFIG, Files.readString(expected, StandardCharsets.UTF_8));
		assertEquals("Notepad Login Demo", OpenConfigurations.getDefault().find(expected).document().config().getMetadata().getName());
		assertEquals(1, environment.server.requestCount("/api/v1/configurations/c_7/export"));

		environment.server.close();
		UiThread.run(view::refresh);
		UiThread.waitUntil("the offline listing", TIMEOUT, () -> view.getStatusText().startsWith("Web Builder unreachable"));
		assertEquals(List.of("Notepad", "  Login"), UiThread.get(this::treeLines).stream()
				.map(line -> line.replaceAll("  \\(.*\\)$", "")).toList());

		UiThread.run(() -> OpenConfigurations.getDefault().close(OpenConfigurations.getDefault().find(expected)));
		UiThread.run(() -> view.open(configuration("c_7")));
		UiThread.waitUntil("the offline copy to open", TIMEOUT, () -> isOpen(expected));
		UiThread.waitUntil("the offline notice", TIMEOUT, () -> view.getStatusText().contains("offline"));
		UiThread.run(() -> OpenConfigurations.getDefault().close(OpenConfigurations.getDefault().find(expected)));
	}

	/** (c) A 401 shows "Not signed in"; Refresh asks to sign in (through the prompt) and tries again. */
	@Test
	void unauthorizedAsksToSignInAndRetries() throws Exception {
		environment = new WebBuilderTestEnvironment(state, "tok-expired");
		view = showView();
		UiThread.waitUntil("the not-signed-in state", TIMEOUT, () -> view.getStatusText().startsWith("Not signed in"));
		assertEquals(0, UiThread.get(() -> view.getViewer().getTree().getItemCount()));

		List<String> reasons = new CopyOnWriteArrayList<>();
		UiThread.run(() -> view.setSignInPrompt((shell, reason) -> {
			reasons.add(String.valueOf(reason));
			environment.tokens.write(FakeWebBuilder.GOOD_TOKEN);
			return true;
		}));
		UiThread.run(view::refresh);
		waitForProjects(2);

		assertEquals(1, reasons.size(), reasons.toString());
		assertTrue(reasons.get(0).toLowerCase().contains("sign in") || reasons.get(0).contains("expired"), reasons.get(0));
		WebBuilderTestEnvironment.assertNoTokenInPreferences(FakeWebBuilder.GOOD_TOKEN);
	}

	/** Declining the sign-in leaves the view in the not-signed-in state, without asking twice. */
	@Test
	void declinedSignInKeepsTheNotSignedInState() throws Exception {
		environment = new WebBuilderTestEnvironment(state, null);
		view = showView();
		UiThread.waitUntil("the not-signed-in state", TIMEOUT, () -> view.getStatusText().startsWith("Not signed in"));
		List<String> reasons = new CopyOnWriteArrayList<>();
		UiThread.run(() -> view.setSignInPrompt((shell, reason) -> {
			reasons.add(String.valueOf(reason));
			return false;
		}));
		UiThread.run(view::refresh);
		UiThread.waitUntil("the prompt", TIMEOUT, () -> !reasons.isEmpty());
		WebBuilderTestEnvironment.joinJobs();
		UiThread.run(() -> {
			assertEquals(1, reasons.size());
			assertTrue(view.getStatusText().startsWith("Not signed in"), view.getStatusText());
			assertEquals(0, view.getViewer().getTree().getItemCount());
		});
	}

	private static WebBuilderView showView() {
		return UiThread.get(() -> {
			try {
				IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
				return (WebBuilderView) page.showView(WebBuilderView.ID);
			} catch (Exception e) {
				throw new AssertionError(e);
			}
		});
	}

	private void waitForProjects(int count) {
		UiThread.waitUntil(count + " projects", TIMEOUT, () -> view.getViewer().getTree().getItemCount() == count
				&& view.getStatusText().contains("project(s)"));
	}

	private static boolean isOpen(Path file) {
		return OpenConfigurations.getDefault().all().stream().map(ConfigNode::path).anyMatch(file::equals);
	}

	/** The tree as text, children indented; on the UI thread. */
	private List<String> treeLines() {
		view.getViewer().expandAll();
		List<String> lines = new ArrayList<>();
		for (TreeItem project : view.getViewer().getTree().getItems()) {
			lines.add(project.getText());
			for (TreeItem configuration : project.getItems()) {
				lines.add("  " + configuration.getText());
			}
		}
		return lines;
	}

	/** The tree element of a configuration; on the UI thread. */
	private ConfigurationNode configuration(String id) {
		view.getViewer().expandAll();
		for (TreeItem project : view.getViewer().getTree().getItems()) {
			for (TreeItem item : project.getItems()) {
				if (item.getData() instanceof ConfigurationNode node && node.configuration().id().equals(id)) {
					return node;
				}
			}
		}
		throw new AssertionError("no configuration " + id + " in the tree");
	}
}
