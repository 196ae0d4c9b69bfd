package org.qontinui.runner.core.webbuilder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
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
	void aBadRequestMovesTheRunToFailedWithTheServersMessage() throws Exception {
		server.onJson("POST /api/v1/runs", 400, "{\"error\": {\"message\": \"unknown configId c1\"}}");
		UploadQueue queue = new UploadQueue(queueDirectory);
		RunResult run = WebBuilderClientTest.sampleRun(temp);
		queue.enqueue(run);

		FlushResult result = queue.flush(client);
		assertEquals(0, result.sent());
		assertEquals(0, result.stillPending());
		assertEquals(1, result.rejected());
		assertEquals(Reason.REJECTED, result.lastError().getReason());
		assertEquals(List.of(), queue.pending());

		List<UploadQueue.RejectedUpload> rejected = queue.rejected();
		assertEquals(1, rejected.size());
		assertEquals(run.runId(), rejected.get(0).runId());
		assertEquals(queueDirectory.resolve(UploadQueue.FAILED_FOLDER), rejected.get(0).file().getParent());
		assertTrue(rejected.get(0).reason().contains("unknown configId c1"), rejected.get(0).reason());
		assertTrue(rejected.get(0).reason().startsWith("HTTP 400"), rejected.get(0).reason());
		assertTrue(Files.readString(rejected.get(0).file()).contains(run.runId()), "the run itself is kept");

		assertEquals(1, queue.requeueRejected());
		assertEquals(1, queue.pending().size());
		assertEquals(List.of(), queue.rejected());
	}

	@Test
	void unauthorizedKeepsEverythingAndStops() throws Exception {
		server.onJson("POST /api/v1/runs", 401, "{}");
		UploadQueue queue = new UploadQueue(queueDirectory);
		queue.enqueue(WebBuilderClientTest.sampleRun(temp));
		queue.enqueue(new RunResult("second", null, "x", "main", RunResult.Status.PASSED, java.time.Instant.EPOCH, 0, null, null));

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
		assertEquals(List.of(), queue.rejected());
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
}
