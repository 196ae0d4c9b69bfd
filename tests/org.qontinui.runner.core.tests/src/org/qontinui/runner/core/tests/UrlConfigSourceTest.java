/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.core.load.ConfigCache;
import org.qontinui.runner.core.load.ConfigLoadException;
import org.qontinui.runner.core.load.ConfigLoadException.Reason;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.load.LoadedConfig.Origin;
import org.qontinui.runner.core.load.UrlConfigSource;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.validation.DiagnosticCodes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** Loading from a real HTTP server on 127.0.0.1. */
public class UrlConfigSourceTest {

	private static final String TOKEN = "s3cr3t-token-6b1f";
	private static final String ETAG = "\"v1\"";

	private HttpServer server;
	private ExecutorService executor;
	private final List<String> authorizations = new CopyOnWriteArrayList<>();
	private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
	private volatile HttpHandler handler;

	@TempDir
	Path cacheDirectory;

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		executor = Executors.newCachedThreadPool();
		server.setExecutor(executor);
		server.createContext("/", exchange -> {
			authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			ifNoneMatch.add(String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")));
			try {
				handler.handle(exchange);
			} finally {
				exchange.close();
			}
		});
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
		executor.shutdownNow();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	/** The token belongs to the test server's origin. */
	private ConfigLoader loader(long maxBytes, Duration timeout) {
		return loader(new InMemoryTokenStore(TOKEN), maxBytes, timeout);
	}

	private ConfigLoader loader(InMemoryTokenStore tokens, long maxBytes, Duration timeout) {
		return new ConfigLoader(new ConfigValidator(), new UrlConfigSource(tokens, uri("/"),
				new ConfigCache(cacheDirectory), maxBytes, timeout));
	}

	private ConfigLoader loader() {
		return loader(UrlConfigSource.DEFAULT_MAX_BYTES, Duration.ofSeconds(5));
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private void serveConfigWithEtag() {
		byte[] body = Fixtures.read("login-demo.v2.json").getBytes(StandardCharsets.UTF_8);
		handler = exchange -> {
			if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().set("ETag", ETAG);
			send(exchange, 200, "application/json", body);
		};
	}

	private ConfigLoadException failure(ConfigLoader loader, URI uri, Reason reason) {
		ConfigLoadException exception = assertThrows(ConfigLoadException.class, () -> loader.load(uri));
		assertEquals(reason, exception.getReason(), exception.getMessage());
		assertTokenNotIn(exception);
		return exception;
	}

	private static void assertTokenNotIn(Throwable throwable) {
		for (Throwable t = throwable; t != null; t = t.getCause()) {
			assertFalse(String.valueOf(t.getMessage()).contains(TOKEN), t.toString());
			assertFalse(t.toString().contains(TOKEN), t.toString());
		}
	}

	@Test
	void downloadsWithBearerTokenThenServes304FromCache() throws Exception {
		serveConfigWithEtag();
		ConfigLoader loader = loader();
		LoadedConfig first = loader.load(uri("/export/login.json"));
		assertEquals(Origin.NETWORK, first.origin());
		assertEquals("Notepad Login Demo", first.config().getMetadata().getName());
		assertEquals(List.of(), first.errors());
		assertEquals("Bearer " + TOKEN, authorizations.get(0));
		assertEquals("null", ifNoneMatch.get(0));

		LoadedConfig second = loader.load(uri("/export/login.json"));
		assertEquals(Origin.CACHE_NOT_MODIFIED, second.origin());
		assertEquals(ETAG, ifNoneMatch.get(1));
		assertEquals("Notepad Login Demo", second.config().getMetadata().getName());
		assertTrue(second.diagnostics().stream().noneMatch(d -> d.code().equals(DiagnosticCodes.OFFLINE_COPY)));
	}

	@Test
	void opensTheCachedCopyOfflineWhenTheServerIsGone() throws Exception {
		serveConfigWithEtag();
		ConfigLoader loader = loader();
		URI uri = uri("/export/login.json");
		loader.load(uri);
		server.stop(0);
		LoadedConfig offline = loader.load(uri);
		assertEquals(Origin.CACHE_OFFLINE, offline.origin());
		assertNotNull(offline.config());
		var warning = offline.diagnostics().stream().filter(d -> d.code().equals(DiagnosticCodes.OFFLINE_COPY)).findFirst()
				.orElseThrow();
		assertTrue(warning.message().contains("offline"), warning.message());
		assertFalse(warning.message().contains(TOKEN));
	}

	@Test
	void withoutCacheAnUnreachableServerIsANetworkError() {
		handler = exchange -> send(exchange, 200, "application/json", "{}".getBytes());
		URI uri = uri("/x.json");
		server.stop(0);
		ConfigLoadException exception = failure(loader(), uri, Reason.NETWORK);
		assertTrue(exception.getMessage().startsWith("cannot reach 127.0.0.1:"), exception.getMessage());
	}

	@Test
	void unauthorized() {
		handler = exchange -> send(exchange, 401, "application/json", "{\"error\":\"expired\"}".getBytes());
		ConfigLoadException exception = failure(loader(), uri("/x.json"), Reason.NOT_SIGNED_IN);
		assertTrue(exception.getMessage().startsWith("not signed in or token expired"), exception.getMessage());
	}

	@Test
	void forbidden() {
		handler = exchange -> send(exchange, 403, null, new byte[0]);
		failure(loader(), uri("/x.json"), Reason.FORBIDDEN);
	}

	@Test
	void notFound() {
		handler = exchange -> send(exchange, 404, "text/html", "<html>nope</html>".getBytes());
		URI uri = uri("/missing.json?sig=abc");
		ConfigLoadException exception = failure(loader(), uri, Reason.NOT_FOUND);
		assertTrue(exception.getMessage().contains("not found at URL http://127.0.0.1:"), exception.getMessage());
		assertFalse(exception.getMessage().contains("sig=abc"), "queries may carry secrets");
	}

	@Test
	void slowServerTimesOut() {
		handler = exchange -> {
			try {
				Thread.sleep(3000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			send(exchange, 200, "application/json", "{}".getBytes());
		};
		long start = System.nanoTime();
		ConfigLoadException exception = failure(loader(1024, Duration.ofMillis(300)), uri("/slow.json"), Reason.TIMEOUT);
		assertTrue(exception.getMessage().matches("no answer from 127\\.0\\.0\\.1:\\d+ within 0\\.3 s"), exception.getMessage());
		assertTrue(System.nanoTime() - start < 2_500_000_000L, "gave up well before the server answered");
	}

	@Test
	void oversizedBodyWithContentLength() {
		handler = exchange -> send(exchange, 200, "application/json", ("{\"x\":\"" + "a".repeat(4096) + "\"}").getBytes());
		ConfigLoadException exception = failure(loader(1024, Duration.ofSeconds(5)), uri("/big.json"), Reason.TOO_LARGE);
		assertTrue(exception.getMessage().contains("larger than the limit of 1024 bytes"), exception.getMessage());
	}

	@Test
	void oversizedChunkedBodyIsAbortedWhileReading() {
		handler = exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write('{');
				for (int i = 0; i < 64; i++) {
					out.write("\"a\":1,".repeat(100).getBytes());
					out.flush();
				}
			} catch (IOException e) {
				// the client hung up, as intended
			}
		};
		failure(loader(4096, Duration.ofSeconds(5)), uri("/chunked.json"), Reason.TOO_LARGE);
	}

	@Test
	void htmlIsNotAConfiguration() {
		handler = exchange -> send(exchange, 200, "text/html; charset=utf-8", "<html>Sign in</html>".getBytes());
		ConfigLoadException exception = failure(loader(), uri("/login"), Reason.NOT_JSON);
		assertTrue(exception.getMessage().startsWith("the server sent text/html, not a configuration"), exception.getMessage());
	}

	@Test
	void plainHttpIsRefusedForOtherHosts() {
		ConfigLoadException exception = failure(loader(), URI.create("http://example.com/config.json"), Reason.INSECURE_URL);
		assertTrue(exception.getMessage().contains("use https"), exception.getMessage());
	}

	@Test
	void theTokenGoesToItsOriginOnlyNotToAnotherPort() throws Exception {
		handler = exchange -> send(exchange, 200, "application/json", "{\"version\": \"2.0.0\"}".getBytes());
		List<String> otherAuthorizations = new CopyOnWriteArrayList<>();
		HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		other.createContext("/", exchange -> {
			otherAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			send(exchange, 200, "application/json", "{\"version\": \"2.0.0\"}".getBytes());
			exchange.close();
		});
		other.start();
		try {
			ConfigLoader loader = loader();
			loader.load(URI.create("http://127.0.0.1:" + other.getAddress().getPort() + "/shared-launch.json"));
			loader.load(uri("/own.json"));
			assertEquals(List.of("null"), otherAuthorizations, "another port is another origin");
			assertEquals(List.of("Bearer " + TOKEN), authorizations);
		} finally {
			other.stop(0);
		}
	}

	@Test
	void noOriginSendsTheTokenNowhere() throws Exception {
		handler = exchange -> send(exchange, 200, "application/json", "{\"version\": \"2.0.0\"}".getBytes());
		new UrlConfigSource(new InMemoryTokenStore(TOKEN), null).fetch(uri("/x.json"));
		assertEquals(List.of("null"), authorizations);
	}

	@Test
	void aTokenWithAControlCharacterIsRefusedWithoutQuotingIt() {
		handler = exchange -> send(exchange, 200, "application/json", "{}".getBytes());
		String bad = TOKEN + "\r\nX-Injected: 1";
		ConfigLoadException exception = assertThrows(ConfigLoadException.class,
				() -> loader(new InMemoryTokenStore(bad), 1024, Duration.ofSeconds(5)).load(uri("/x.json")));
		assertEquals(Reason.NOT_SIGNED_IN, exception.getReason());
		assertTrue(exception.getMessage().contains("control character at position " + (TOKEN.length() + 1)), exception.getMessage());
		assertTokenNotIn(exception);
		assertEquals(List.of(), authorizations, "nothing was sent");
	}

	@Test
	void aCacheFolderOwnedByAnotherUserIsNeverUsed() throws Exception {
		serveConfigWithEtag();
		URI uri = uri("/export/login.json");
		loader().load(uri);
		ConfigCache cache = new ConfigCache(cacheDirectory);
		assertTrue(cache.lookup(uri).isPresent());
		assertEquals("rwx------", PosixFilePermissions.toString(
				Files.getPosixFilePermissions(cacheDirectory)), "private to the user");
		var nobody = cacheDirectory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
		try {
			Files.setOwner(cacheDirectory, nobody);
		} catch (IOException e) {
			Assumptions.abort("cannot give a folder to another user here: " + e);
		}
		try {
			assertTrue(cache.lookup(uri).isEmpty(), "a planted offline copy is not opened");
			IOException refused = assertThrows(IOException.class, () -> cache.store(uri, null, "{}".getBytes()));
			assertTrue(refused.getMessage().contains("belongs to nobody"), refused.getMessage());
			server.stop(0);
			failure(loader(), uri, Reason.NETWORK);
		} finally {
			Files.setOwner(cacheDirectory,
					cacheDirectory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name")));
		}
	}

	@Test
	void aSharedCacheFolderIsClosedToOthers() throws Exception {
		Files.setPosixFilePermissions(cacheDirectory, PosixFilePermissions.fromString("rwxrwxrwx"));
		serveConfigWithEtag();
		loader().load(uri("/export/login.json"));
		assertEquals("rwx------", PosixFilePermissions.toString(
				Files.getPosixFilePermissions(cacheDirectory)));
	}

	@Test
	void tokenNeverAppearsInToString() {
		InMemoryTokenStore store = new InMemoryTokenStore(TOKEN);
		assertFalse(store.toString().contains(TOKEN));
		assertFalse(new UrlConfigSource(store, null).toString().contains(TOKEN));
	}

	@Test
	void malformedDownloadIsADiagnosticNotAnException() throws Exception {
		handler = exchange -> send(exchange, 200, "application/json", "{\n \"version\": }".getBytes());
		LoadedConfig loaded = loader().load(uri("/bad.json"));
		assertEquals(DiagnosticCodes.MALFORMED_JSON, loaded.errors().get(0).code());
		assertEquals(2, loaded.errors().get(0).line());
	}
}
