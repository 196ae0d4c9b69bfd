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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.tests.Fixtures;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.webbuilder.UploadQueue.FlushResult;
import org.qontinui.runner.core.webbuilder.WebBuilderException.Reason;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The upload queue against a fake web builder on 127.0.0.1. */
public class UploadQueueTest {

	private FakeWebBuilder server;
	private WebBuilderClient client;

	@TempDir
	Path temp;

	private Path queueDirectory;

	@BeforeEach
	void start() throws IOException {
		server = new FakeWebBuilder();
		client = new WebBuilderClient(new WebBuilderEndpoints(server.baseUri()), new InMemoryTokenStore(WebBuilderClientTest.TOKEN),
				null, new ConfigValidator(), Duration.ofSeconds(5));
		queueDirectory = temp.resolve("uploads");
	}

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void aServerErrorKeepsTheRunForTheNextFlush() throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		server.on("POST /api/v1/runs", (exchange, request) -> {
			if (attempts.incrementAndGet() == 1) {
				FakeWebBuilder.send(exchange, 500, "application/json", "{\"error\": \"database unavailable\"}");
			} else {
				FakeWebBuilder.send(exchange, 201, "application/json", "{\"id\": \"srv-9\"}");
			}
		});
		UploadQueue queue = new UploadQueue(queueDirectory);
		RunResult run = WebBuilderClientTest.sampleRun(temp);
		queue.enqueue(run);

		FlushResult first = queue.flush(client);
		assertEquals(new FlushResult(0, 1, 0, first.lastError()), first);
		assertEquals(Reason.SERVER_ERROR, first.lastError().getReason());
		assertTrue(first.lastError().getMessage().contains("database unavailable"), first.lastError().getMessage());
		assertEquals(1, queue.pending().size());

		FlushResult second = queue.flush(client);
		assertEquals(new FlushResult(1, 0, 0, null), second);
		assertTrue(second.isComplete());
		assertEquals(List.of(), queue.pending());

		List<FakeWebBuilder.Request> requests = server.requestsTo("/api/v1/runs");
		assertEquals(2, requests.size());
		assertEquals(requests.get(0).body(), requests.get(1).body(), "the retry sends the stored body unchanged");
		assertEquals(run.runId(), requests.get(1).idempotencyKey(), "the retry can be recognized as the same run");
		assertEquals(Fixtures.PNG_BASE64,
				new ObjectMapper().readTree(requests.get(1).body()).get("screenshots").get(0).get("data").asText());
	}

	@Test
	void theQueueSurvivesARestartAndKeepsItsOrder() throws Exception {
		RunResult run = WebBuilderClientTest.sampleRun(temp);
		new UploadQueue(queueDirectory).enqueue(run);
		Thread.sleep(2);
		RunResult later = new RunResult("later-run", "c2", "Other", "main", RunResult.Status.PASSED, run.startedAt(), 5,
				List.of(), List.of());
		new UploadQueue(queueDirectory).enqueue(later);
		// Screenshots were copied into the queue at enqueue time.
		Files.delete(run.screenshots().get(0));

		UploadQueue reopened = new UploadQueue(queueDirectory);
		List<UploadQueue.PendingUpload> pending = reopened.pending();
		assertEquals(List.of(run.runId(), "later-run"), pending.stream().map(UploadQueue.PendingUpload::runId).toList());
		assertEquals("Notepad Login Demo", pending.get(0).configName());
		assertEquals("failed", pending.get(0).status());

		server.onJson("POST /api/v1/runs", 202, "");
		FlushResult result = reopened.flush(client);
		assertEquals(new FlushResult(2, 0, 0, null), result);
		List<FakeWebBuilder.Request> requests = server.requestsTo("/api/v1/runs");
		assertEquals(run.runId(), requests.get(0).idempotencyKey());
		assertTrue(requests.get(0).body().contains(Fixtures.PNG_BASE64));
		assertEquals("later-run", requests.get(1).idempotencyKey());
	}

	@Test
	void aBadRequestMovesTheRunToDeadWithTheServersMessage() throws Exception {
		server.onJson("POST /api/v1/runs", 400, "{\"error\": {\"message\": \"unknown configId c1\"}}");
		UploadQueue queue = new UploadQueue(queueDirectory);
		RunResult run = WebBuilderClientTest.sampleRun(temp);
		queue.enqueue(run);

		FlushResult result = queue.flush(client);
		assertEquals(0, result.sent());
		assertEquals(0, result.stillPending());
		assertEquals(1, result.movedToDead());
		assertEquals(Reason.REJECTED, result.lastError().getReason());
		assertEquals(List.of(), queue.pending());

		List<UploadQueue.DeadUpload> rejected = queue.dead();
		assertEquals(1, rejected.size());
		assertEquals(run.runId(), rejected.get(0).runId());
		assertEquals(queueDirectory.resolve(UploadQueue.DEAD_FOLDER), rejected.get(0).file().getParent());
		assertTrue(rejected.get(0).reason().contains("unknown configId c1"), rejected.get(0).reason());
		assertTrue(rejected.get(0).reason().startsWith("HTTP 400"), rejected.get(0).reason());
		assertTrue(Files.readString(rejected.get(0).file()).contains(run.runId()), "the run itself is kept");

		assertEquals(1, queue.retryDead());
		assertEquals(1, queue.pending().size());
		assertEquals(List.of(), queue.dead());
	}

	@Test
	void unauthorizedKeepsEverythingAndStops() throws Exception {
		server.onJson("POST /api/v1/runs", 401, "{}");
		UploadQueue queue = new UploadQueue(queueDirectory);
		queue.enqueue(WebBuilderClientTest.sampleRun(temp));
		queue.enqueue(new RunResult("second", null, "x", "main", RunResult.Status.PASSED, Instant.EPOCH, 0, null, null));

		FlushResult result = queue.flush(client);
		assertEquals(new FlushResult(0, 2, 0, result.lastError()), result);
		assertEquals(Reason.NOT_SIGNED_IN, result.lastError().getReason());
		assertTrue(result.lastError().getMessage().contains("sign in to the web builder again"));
		assertFalse(result.lastError().getMessage().contains(WebBuilderClientTest.TOKEN));
		assertEquals(1, server.requestsTo("/api/v1/runs").size(), "stops at the first 401");
	}

	@Test
	void rateLimitingAndAnUnreachableServerKeepTheRun() throws Exception {
		server.onJson("POST /api/v1/runs", 429, "{}");
		UploadQueue queue = new UploadQueue(queueDirectory);
		queue.enqueue(WebBuilderClientTest.sampleRun(temp));
		assertEquals(1, queue.flush(client).stillPending());

		server.stop();
		FlushResult result = queue.flush(client);
		assertEquals(1, result.stillPending());
		assertEquals(Reason.NETWORK, result.lastError().getReason());
		assertEquals(List.of(), queue.dead());
	}

	@Test
	void enqueueLeavesNoTemporaryFilesAndReplacesTheSameRun() throws Exception {
		UploadQueue queue = new UploadQueue(queueDirectory);
		RunResult run = WebBuilderClientTest.sampleRun(temp);
		queue.enqueue(run);
		queue.enqueue(run);
		try (Stream<Path> files = Files.list(queueDirectory)) {
			List<String> names = files.map(p -> p.getFileName().toString()).toList();
			assertEquals(1, names.size(), names.toString());
			assertTrue(names.get(0).endsWith("-" + run.runId() + ".json"), names.toString());
		}
	}
	@Test
	void anEntryTheServerKeepsFailingIsMovedAsideAfterNRefusalsAndNoLongerBlocksTheQueue() throws Exception {
		RunResult poison = new RunResult("poison", null, "x", "main", RunResult.Status.PASSED, Instant.EPOCH, 0, null, null);
		RunResult good = new RunResult("good", null, "y", "main", RunResult.Status.PASSED, Instant.EPOCH, 0, null, null);
		server.on("POST /api/v1/runs", (exchange, request) -> {
			if ("poison".equals(request.idempotencyKey())) {
				FakeWebBuilder.send(exchange, 500, "application/json", "{\"error\": \"cannot store this run\"}");
			} else {
				FakeWebBuilder.send(exchange, 201, "application/json", "{}");
			}
		});
		UploadQueue queue = new UploadQueue(queueDirectory, new UploadQueue.Limits(10, 1 << 20, 3));
		queue.enqueue(poison);
		Thread.sleep(2);
		queue.enqueue(good);

		assertEquals(new FlushResult(0, 2, 0, null), withoutError(queue.flush(client)), "1st refusal: kept, flush stops");
		assertEquals(new FlushResult(0, 2, 0, null), withoutError(queue.flush(client)), "2nd refusal");
		FlushResult third = queue.flush(client);
		assertEquals(new FlushResult(1, 0, 1, null), withoutError(third), "3rd: set aside, the next one goes");
		assertEquals(List.of("poison"), queue.dead().stream().map(UploadQueue.DeadUpload::runId).toList());
		assertTrue(queue.dead().get(0).reason().contains("refused 3 times"), queue.dead().get(0).reason());
		assertTrue(queue.dead().get(0).reason().contains("cannot store this run"), queue.dead().get(0).reason());

		// Retry puts it back with a fresh count.
		assertTrue(queue.retryDead("poison"));
		assertEquals(List.of("poison"), queue.pending().stream().map(UploadQueue.PendingUpload::runId).toList());
		assertEquals(new FlushResult(0, 1, 0, null), withoutError(queue.flush(client)));
		try (Stream<Path> files = Files.list(queueDirectory)) {
			assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files left");
		}
	}

	private static FlushResult withoutError(FlushResult result) {
		return new FlushResult(result.sent(), result.stillPending(), result.movedToDead(), null);
	}

	@Test
	void theQueueIsCappedByEntriesAndBytesAndSaysSo() throws Exception {
		UploadQueue queue = new UploadQueue(queueDirectory, new UploadQueue.Limits(2, 1 << 20, 5));
		queue.enqueue(new RunResult("a", null, "x", "main", RunResult.Status.PASSED, Instant.EPOCH, 0, null, null));
		queue.enqueue(new RunResult("b", null, "x", "main", RunResult.Status.PASSED, Instant.EPOCH, 0, null, null));
		// Replacing a queued run does not need room.
		queue.enqueue(new RunResult("b", null, "x2", "main", RunResult.Status.FAILED, Instant.EPOCH, 0, null, null));
		UploadQueue.QueueFullException full = Assertions.assertThrows(UploadQueue.QueueFullException.class,
				() -> queue.enqueue(new RunResult("c", null, "x", "main", RunResult.Status.PASSED, Instant.EPOCH, 0, null, null)));
		assertTrue(full.getMessage().contains("2 run(s)") && full.getMessage().contains(queueDirectory.toString()), full.getMessage());
		assertEquals(List.of("a", "b"), queue.pending().stream().map(UploadQueue.PendingUpload::runId).toList(), "nothing dropped");

		UploadQueue small = new UploadQueue(temp.resolve("small"), new UploadQueue.Limits(100, 100, 5));
		RunResult withScreenshot = WebBuilderClientTest.sampleRun(temp);
		Assertions.assertThrows(UploadQueue.QueueFullException.class, () -> small.enqueue(withScreenshot));
		assertEquals(List.of(), small.pending());
	}

	@Test
	void theQueueFolderIsPrivate() throws Exception {
		UploadQueue queue = new UploadQueue(queueDirectory);
		queue.enqueue(WebBuilderClientTest.sampleRun(temp));
		assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(queueDirectory)));
	}
}
