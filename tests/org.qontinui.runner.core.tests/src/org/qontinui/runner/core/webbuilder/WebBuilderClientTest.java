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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.core.load.ConfigCache;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.load.LoadedConfig.Origin;
import org.qontinui.runner.core.tests.Fixtures;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.webbuilder.RunResult.ActionResult;
import org.qontinui.runner.core.webbuilder.RunResult.Status;
import org.qontinui.runner.core.webbuilder.WebBuilderException.Reason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The client against a fake web builder on 127.0.0.1. */
public class WebBuilderClientTest {

	static final String TOKEN = "wb-s3cr3t-token-91c4";

	private FakeWebBuilder server;
	private InMemoryTokenStore tokens;
	private WebBuilderClient client;

	@TempDir
	Path temp;

	@BeforeEach
	void start() throws IOException {
		server = new FakeWebBuilder();
		tokens = new InMemoryTokenStore(TOKEN);
		client = new WebBuilderClient(new WebBuilderEndpoints(server.baseUri()), tokens, new ConfigCache(temp.resolve("cache")),
				new ConfigValidator(), Duration.ofSeconds(5));
	}

	@AfterEach
	void stop() {
		server.close();
	}

	static WebBuilderException failure(Reason reason, Executable call) {
		WebBuilderException e = assertThrows(WebBuilderException.class, call);
		assertEquals(reason, e.getReason(), e.getMessage());
		for (Throwable t = e; t != null; t = t.getCause()) {
			assertFalse(String.valueOf(t.getMessage()).contains(TOKEN), t.toString());
			assertFalse(t.toString().contains(TOKEN), t.toString());
		}
		return e;
	}

	@Test
	void listsProjectsFromABareArrayWithTheBearerToken() throws Exception {
		server.onJson("GET /api/v1/projects", 200, """
				[{"id": "p1", "name": "Notepad", "updatedAt": "2025-05-01T10:00:00Z"},
				 {"id": 42, "title": "Numeric id", "updated_at": 1746093600000, "extra": {"ignored": true}},
				 {"name": "no id, skipped"}]""");
		List<ProjectSummary> projects = client.listProjects();
		assertEquals(List.of(new ProjectSummary("p1", "Notepad", Instant.parse("2025-05-01T10:00:00Z")),
				new ProjectSummary("42", "Numeric id", Instant.ofEpochMilli(1746093600000L))), projects);
		FakeWebBuilder.Request request = server.requests.get(0);
		assertEquals("Bearer " + TOKEN, request.authorization());
	}

	@Test
	void listsProjectsFromAWrappedList() throws Exception {
		server.onJson("GET /api/v1/projects", 200, "{\"projects\": [{\"id\": \"p1\", \"name\": \"Notepad\"}], \"total\": 1}");
		assertEquals(List.of(new ProjectSummary("p1", "Notepad", null)), client.listProjects());
	}

	@Test
	void listsConfigurationsFromItemsAndFromABareArray() throws Exception {
		server.onJson("GET /api/v1/projects/p%201/configurations", 200, """
				{"items": [{"id": "c1", "name": "Login", "projectId": "p 1", "updatedAt": "2025-05-02T08:30:00+02:00", "version": 3},
				           {"id": "c2", "name": "Logout"}]}""");
		List<ConfigurationSummary> configurations = client.listConfigurations("p 1");
		assertEquals(List.of(new ConfigurationSummary("c1", "Login", "p 1", Instant.parse("2025-05-02T06:30:00Z"), "3"),
				new ConfigurationSummary("c2", "Logout", "p 1", null, null)), configurations);

		server.onJson("GET /api/v1/projects/p2/configurations", 200, "[{\"id\": \"c3\", \"name\": \"Search\", \"version\": \"2.0.0\"}]");
		assertEquals(List.of(new ConfigurationSummary("c3", "Search", "p2", null, "2.0.0")), client.listConfigurations("p2"));
	}

	@Test
	void aListWithoutAnArrayIsABadResponse() {
		server.onJson("GET /api/v1/projects", 200, "{\"count\": 0}");
		failure(Reason.BAD_RESPONSE, client::listProjects);
		server.on("GET /api/v1/projects", (exchange, request) -> FakeWebBuilder.send(exchange, 200, "text/html", "<html>Sign in</html>"));
		WebBuilderException e = failure(Reason.BAD_RESPONSE, client::listProjects);
		assertTrue(e.getMessage().contains("web page"), e.getMessage());
	}

	@Test
	void downloadsAConfigurationThenGets304FromTheCache() throws Exception {
		String config = Fixtures.read("login-demo.v2.json");
		server.on("GET /api/v1/configurations/c1/export", (exchange, request) -> {
			if ("\"rev-7\"".equals(request.ifNoneMatch())) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().set("ETag", "\"rev-7\"");
			FakeWebBuilder.send(exchange, 200, "application/json", config);
		});
		LoadedConfig first = client.download("c1");
		assertEquals(Origin.NETWORK, first.origin());
		assertEquals("Notepad Login Demo", first.config().getMetadata().getName());
		assertEquals(List.of(), first.errors());

		LoadedConfig second = client.download("c1");
		assertEquals(Origin.CACHE_NOT_MODIFIED, second.origin());
		assertEquals("Notepad Login Demo", second.config().getMetadata().getName());

		List<FakeWebBuilder.Request> requests = server.requestsTo("/api/v1/configurations/c1/export");
		assertEquals(2, requests.size());
		assertNull(requests.get(0).ifNoneMatch());
		assertEquals("\"rev-7\"", requests.get(1).ifNoneMatch());
		assertEquals("Bearer " + TOKEN, requests.get(1).authorization());
	}

	@Test
	void downloadFailuresKeepTheirReason() {
		server.onJson("GET /api/v1/configurations/gone/export", 404, "{}");
		server.onJson("GET /api/v1/configurations/broken/export", 503, "{}");
		assertEquals(404, failure(Reason.NOT_FOUND, () -> client.download("gone")).getStatusCode());
		assertEquals(503, failure(Reason.SERVER_ERROR, () -> client.download("broken")).getStatusCode());
	}

	@Test
	void unauthorizedAsksToSignInAgainWithoutRevealingTheToken() {
		server.onJson("GET /api/v1/projects", 401, "{\"error\": \"token " + TOKEN + " expired\"}");
		server.onJson("GET /api/v1/configurations/c1/export", 401, "{}");
		server.onJson("GET /api/v1/me", 401, "{}");
		for (Executable call : List.<Executable>of(client::listProjects, () -> client.download("c1"), client::whoAmI)) {
			WebBuilderException e = failure(Reason.NOT_SIGNED_IN, call);
			assertTrue(e.getMessage().contains("sign in to the web builder again"), e.getMessage());
			assertEquals(401, e.getStatusCode());
		}
	}

	@Test
	void whoAmIReadsTheAccountAndNeedsAToken() throws Exception {
		server.onJson("GET /api/v1/me", 200, "{\"user\": {\"id\": 7, \"name\": \"Ada\", \"email\": \"ada@example.com\"}}");
		assertEquals(new Account("7", "Ada", "ada@example.com"), client.whoAmI());
		tokens.clear();
		failure(Reason.NOT_SIGNED_IN, client::whoAmI);
		assertEquals(1, server.requests.size(), "no request without a token");
	}

	@Test
	void serverMessagesAreScrubbedOfTheToken() {
		server.onJson("GET /api/v1/projects", 500, "{\"message\": \"boom, header was Bearer " + TOKEN + "\"}");
		WebBuilderException e = failure(Reason.SERVER_ERROR, client::listProjects);
		assertTrue(e.getMessage().contains("boom"), e.getMessage());
		assertTrue(e.isRetryable());
	}

	@Test
	void forbiddenAndRedirects() {
		server.onJson("GET /api/v1/projects", 403, "{}");
		failure(Reason.FORBIDDEN, client::listProjects);
		server.on("GET /api/v1/me", (exchange, request) -> {
			exchange.getResponseHeaders().set("Location", "https://elsewhere.example/login");
			exchange.sendResponseHeaders(302, -1);
		});
		WebBuilderException e = failure(Reason.BAD_RESPONSE, client::whoAmI);
		assertTrue(e.getMessage().contains("redirects are not followed"), e.getMessage());
	}

	@Test
	void slowServerTimesOut() {
		server.on("GET /api/v1/projects", (exchange, request) -> {
			try {
				Thread.sleep(2000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			FakeWebBuilder.send(exchange, 200, "application/json", "[]");
		});
		WebBuilderClient impatient = new WebBuilderClient(new WebBuilderEndpoints(server.baseUri()), tokens, null,
				new ConfigValidator(), Duration.ofMillis(300));
		failure(Reason.TIMEOUT, impatient::listProjects);
	}

	@Test
	void unreachableServerIsANetworkError() {
		server.stop();
		WebBuilderException e = failure(Reason.NETWORK, client::listProjects);
		assertTrue(e.isRetryable());
	}

	@Test
	void uploadsARunWithActionsAndAScreenshot() throws Exception {
		server.onJson("POST /api/v1/runs", 201, "{\"id\": \"srv-1\"}");
		RunResult run = sampleRun(temp);
		assertEquals("srv-1", client.uploadRun(run).orElseThrow());

		FakeWebBuilder.Request request = server.requestsTo("/api/v1/runs").get(0);
		assertEquals("Bearer " + TOKEN, request.authorization());
		assertEquals(run.runId(), request.idempotencyKey());
		assertTrue(request.contentType().startsWith("application/json"), request.contentType());
		JsonNode body = new ObjectMapper().readTree(request.body());
		assertEquals(run.runId(), body.get("runId").asText());
		assertEquals("c1", body.get("configId").asText());
		assertEquals("failed", body.get("status").asText());
		assertEquals(2, body.get("actions").size());
		assertEquals("click-login", body.get("actions").get(1).get("actionId").asText());
		assertFalse(body.get("actions").get(1).get("success").asBoolean());
		assertEquals("image not found: login-button", body.get("actions").get(1).get("message").asText());
		JsonNode screenshot = body.get("screenshots").get(0);
		assertEquals("failure.png", screenshot.get("name").asText());
		assertEquals("image/png", screenshot.get("mediaType").asText());
		assertEquals(Fixtures.PNG_BASE64, screenshot.get("data").asText());
		assertTrue(Base64.getDecoder().decode(screenshot.get("data").asText()).length > 8);
	}

	@Test
	void oversizedMissingAndNonPngScreenshotsAreListedAsOmitted() throws Exception {
		Path big = Files.write(temp.resolve("big.png"), new byte[2048]);
		Path text = Files.writeString(temp.resolve("notes.png"), "not an image");
		RunResult run = new RunResult(null, null, "local.json", "main", Status.ERROR, Instant.EPOCH, 1, List.of(),
				List.of(big, text, temp.resolve("missing.png")));
		JsonNode body = new ObjectMapper().readTree(run.toJson(1024));
		assertEquals(0, body.get("screenshots").size());
		JsonNode omitted = body.get("omittedScreenshots");
		assertEquals("larger than 1024 bytes", omitted.get(0).get("reason").asText());
		assertEquals("not a PNG image", omitted.get(1).get("reason").asText());
		assertEquals("file not found", omitted.get(2).get("reason").asText());
		assertFalse(run.runId().isBlank(), "a run id is generated");
	}

	@Test
	void tokenNeverAppearsInToString() {
		assertFalse(client.toString().contains(TOKEN));
	}

	static RunResult sampleRun(Path directory) throws IOException {
		Path screenshot = Files.write(directory.resolve("failure.png"), Base64.getDecoder().decode(Fixtures.PNG_BASE64));
		return new RunResult(null, "c1", "Notepad Login Demo", "login", Status.FAILED, Instant.parse("2025-05-03T09:00:00Z"),
				1534, List.of(new ActionResult("open-notepad", "LAUNCH", true, 800, null),
						new ActionResult("click-login", "CLICK", false, 734, "image not found: login-button")),
				List.of(screenshot));
	}
}
