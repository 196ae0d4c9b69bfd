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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.bridge.events.ActionCompletedEvent;
import org.qontinui.runner.bridge.events.ActionStartedEvent;
import org.qontinui.runner.bridge.events.RunCompletedEvent;
import org.qontinui.runner.bridge.events.ScreenshotEvent;
import org.qontinui.runner.core.webbuilder.WebBuilderException;
import org.qontinui.runner.runs.RunRecord;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.qontinui.runner.testing.UiThread;
import org.qontinui.runner.webbuilder.RunUploader;
import org.qontinui.runner.webbuilder.internal.WebBuilderView;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finished runs go to the web builder through the on-disk queue: a server error keeps the run
 * queued and a later flush sends it, with its action results and failure screenshot.
 */
class RunUploadTest {

	/** A 1x1 PNG. */
	private static final byte[] PNG = Base64.getDecoder().decode(
			"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	@TempDir
	Path state;
	@TempDir
	Path files;

	private WebBuilderTestEnvironment environment;

	@AfterEach
	void tearDown() throws Exception {
		if (environment != null) {
			environment.close();
		}
	}

	/** (d) 500 first: the run stays queued; the next flush delivers it unchanged. */
	@Test
	void serverErrorKeepsTheRunQueuedUntilALaterFlush() throws Exception {
		environment = new WebBuilderTestEnvironment(state, FakeWebBuilder.GOOD_TOKEN);
		environment.enableUploads(true);
		environment.server.answerRunsWith(500);
		RunRecord record = failedRun();

		RunUploader.getDefault().runChanged(record, null);
		WebBuilderTestEnvironment.joinJobs();

		assertEquals(1, environment.server.runs().size());
		assertEquals(500, environment.server.runs().get(0).answeredStatus());
		assertEquals(1, environment.connection.getUploadQueue().pending().size(), "kept after the 500");
		WebBuilderException problem = RunUploader.getDefault().getLastProblem();
		assertNotNull(problem);
		assertEquals(WebBuilderException.Reason.SERVER_ERROR, problem.getReason());

		// The tracker reports a finished run more than once; it is queued once.
		RunUploader.getDefault().runChanged(record, null);
		WebBuilderTestEnvironment.joinJobs();
		assertEquals(1, environment.server.runs().size());

		RunUploader.getDefault().flush();
		WebBuilderTestEnvironment.joinJobs();

		assertEquals(2, environment.server.runs().size());
		FakeWebBuilder.ReceivedRun delivered = environment.server.runs().get(1);
		assertEquals(201, delivered.answeredStatus());
		assertEquals(environment.server.runs().get(0).idempotencyKey(), delivered.idempotencyKey(), "same run id on retry");
		assertTrue(environment.connection.getUploadQueue().pending().isEmpty());
		assertNull(RunUploader.getDefault().getLastProblem());

		JsonNode run = new ObjectMapper().readTree(delivered.body());
		assertEquals(delivered.idempotencyKey(), run.path("runId").asText());
		assertEquals("failed", run.path("status").asText());
		assertEquals("login", run.path("workflow").asText());
		assertEquals("Notepad Login Demo", run.path("configName").asText());
		assertEquals("p_1", run.path("configId").asText(), "from metadata.projectId of a local file");
		JsonNode actions = run.path("actions");
		assertEquals(2, actions.size(), actions.toString());
		assertEquals("open-notepad", actions.get(0).path("actionId").asText());
		assertEquals("LAUNCH", actions.get(0).path("type").asText());
		assertTrue(actions.get(0).path("success").asBoolean());
		assertEquals(800, actions.get(0).path("durationMs").asLong());
		assertFalse(actions.get(0).has("message"));
		assertEquals("click-login", actions.get(1).path("actionId").asText());
		assertFalse(actions.get(1).path("success").asBoolean());
		assertEquals(734, actions.get(1).path("durationMs").asLong());
		assertEquals("image not found: login-button", actions.get(1).path("message").asText());
		assertEquals(1, run.path("screenshots").size());
		assertEquals("failure.png", run.path("screenshots").get(0).path("name").asText());
		assertEquals(Base64.getEncoder().encodeToString(PNG), run.path("screenshots").get(0).path("data").asText());
	}

	/** A 401 keeps the run queued and reports "not signed in"; signing in sends it. */
	@Test
	void unauthorizedKeepsTheRunUntilSignedIn() throws Exception {
		environment = new WebBuilderTestEnvironment(state, "tok-expired");
		environment.enableUploads(true);
		RunUploader.getDefault().start();
		WebBuilderTestEnvironment.joinJobs();

		RunUploader.getDefault().runChanged(failedRun(), null);
		WebBuilderTestEnvironment.joinJobs();
		assertEquals(1, environment.connection.getUploadQueue().pending().size());
		assertEquals(WebBuilderException.Reason.NOT_SIGNED_IN, RunUploader.getDefault().getLastProblem().getReason());
		assertTrue(environment.server.runs().isEmpty(), "the fake refuses before reading a run");

		// Signing in stores the token (in the token store only) and flushes the queue.
		environment.connection.signIn(environment.server.url(), FakeWebBuilder.GOOD_TOKEN);
		WebBuilderTestEnvironment.joinJobs();
		assertTrue(environment.connection.getUploadQueue().pending().isEmpty());
		assertEquals(1, environment.server.runs().size());
		WebBuilderTestEnvironment.assertNoTokenInPreferences(FakeWebBuilder.GOOD_TOKEN);
	}

	/**
	 * A run the server refuses (422) is set aside, never blocking the queue; the Web Builder view
	 * says so with a Retry link, and the "Retry Refused Uploads" command sends it again.
	 */
	@Test
	void aRefusedRunIsSetAsideAndTheRetryCommandSendsIt() throws Exception {
		environment = new WebBuilderTestEnvironment(state, FakeWebBuilder.GOOD_TOKEN);
		environment.enableUploads(true);
		WebBuilderView view = UiThread.get(() -> {
			try {
				return (WebBuilderView) PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
						.showView(WebBuilderView.ID);
			} catch (Exception e) {
				throw new AssertionError(e);
			}
		});
		try {
			environment.server.answerRunsWith(422);
			RunUploader.getDefault().runChanged(failedRun(), null);
			WebBuilderTestEnvironment.joinJobs();
			assertEquals(1, environment.connection.getUploadQueue().dead().size());
			assertTrue(environment.connection.getUploadQueue().pending().isEmpty());
			UiThread.waitUntil("the Retry link", Duration.ofSeconds(20),
					() -> view.getStatusText().contains("refused by Web Builder and set aside") && view.getStatusText().endsWith("Retry"));

			UiThread.run(() -> {
				try {
					PlatformUI.getWorkbench().getService(IHandlerService.class)
							.executeCommand("org.qontinui.runner.webbuilder.retryDeadUploads", null);
				} catch (Exception e) {
					throw new AssertionError(e);
				}
			});
			WebBuilderTestEnvironment.joinJobs();
			assertEquals(List.of(422, 201), environment.server.runs().stream().map(FakeWebBuilder.ReceivedRun::answeredStatus).toList());
			assertTrue(environment.connection.getUploadQueue().dead().isEmpty());
			assertTrue(environment.connection.getUploadQueue().pending().isEmpty());
		} finally {
			UiThread.run(() -> view.getSite().getPage().hideView(view));
		}
	}

	/** With the preference off (the default), nothing is queued. */
	@Test
	void nothingIsUploadedWhenThePreferenceIsOff() throws Exception {
		environment = new WebBuilderTestEnvironment(state, FakeWebBuilder.GOOD_TOKEN);
		environment.enableUploads(false);
		RunUploader.getDefault().runChanged(failedRun(), null);
		WebBuilderTestEnvironment.joinJobs();
		assertTrue(environment.connection.getUploadQueue().pending().isEmpty());
		assertTrue(environment.server.runs().isEmpty());
	}

	/** A run of a local configuration file: one passed and one failed action, a failure screenshot. */
	private RunRecord failedRun() throws Exception {
		Path config = files.resolve("login.json");
		Files.writeString(config, FakeWebBuilder.LOGIN_CONFIG, StandardCharsets.UTF_8);
		Path screenshot = files.resolve("failure.png");
		Files.write(screenshot, PNG);

		RunRecord record = new RunRecord(config, "login");
		record.initialized();
		record.actionStarted(new ActionStartedEvent("open-notepad", "LAUNCH", "Open Notepad", "login", 0));
		record.actionCompleted(new ActionCompletedEvent("open-notepad", "LAUNCH", true, null, 1, 800));
		record.actionStarted(new ActionStartedEvent("click-login", "CLICK", null, "login", 0));
		record.screenshot(new ScreenshotEvent(screenshot.toString(), "click-login", "find failed"));
		record.actionCompleted(new ActionCompletedEvent("click-login", "CLICK", false, "image not found: login-button", 2, 734));
		record.runCompleted(new RunCompletedEvent(false, 1534, 1, 1, "image not found: login-button", List.of(), "login"));
		assertTrue(record.status().isFinal());
		return record;
	}
}
