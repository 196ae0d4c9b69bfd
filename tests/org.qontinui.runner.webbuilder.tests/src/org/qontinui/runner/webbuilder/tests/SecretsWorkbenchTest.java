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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.console.ConsolePlugin;
import org.eclipse.ui.console.IConsole;
import org.eclipse.ui.console.TextConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qontinui.runner.core.load.TokenStore;
import org.qontinui.runner.core.secure.WebBuilderSignIn;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.webbuilder.RunUploader;

import com.sun.net.httpserver.HttpServer;

/**
 * Secrets in real launches: the sign-in token reaches the configured web builder and no other
 * origin, and a password used by a run (real executor, mock backend) appears in no event, console,
 * run folder file, upload body received by a loopback server, or error log.
 */
class SecretsWorkbenchTest {

	private static final String PASSWORD = "Tr0ub4dor&3-secret-pass";

	@TempDir
	Path state;
	@TempDir
	Path files;

	private WebBuilderTestEnvironment environment;
	private TokenStore previousTokens;
	private final List<ILaunch> launches = new CopyOnWriteArrayList<>();

	@AfterEach
	void tearDown() throws Exception {
		for (ILaunch launch : launches) {
			if (!launch.isTerminated()) {
				launch.terminate();
			}
			DebugPlugin.getDefault().getLaunchManager().removeLaunch(launch);
		}
		if (previousTokens != null) {
			WebBuilderSignIn.setTokens(previousTokens);
		}
		if (environment != null) {
			environment.close();
		}
	}

	@Test
	void aLaunchFromAnotherHostGetsNoAuthorizationHeader() throws Exception {
		environment = new WebBuilderTestEnvironment(state, FakeWebBuilder.GOOD_TOKEN);
		previousTokens = WebBuilderSignIn.setTokens(environment.tokens);

		List<String> seenByOther = new CopyOnWriteArrayList<>();
		HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		byte[] config = FakeWebBuilder.LOGIN_CONFIG.getBytes(StandardCharsets.UTF_8);
		other.createContext("/", exchange -> {
			seenByOther.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, config.length);
			exchange.getResponseBody().write(config);
			exchange.close();
		});
		other.start();
		try {
			// Another port on the same loopback address is another origin.
			ILaunch elsewhere = launch("http://127.0.0.1:" + other.getAddress().getPort() + "/shared/login.json");
			waitFor("the run from the other host to end", elsewhere::isTerminated);
			assertEquals(List.of("null"), seenByOther, "no Authorization header for another origin");

			// The configured web builder does get it: its export only answers with the right token.
			ILaunch own = launch(environment.server.url() + "/api/v1/configurations/c_7/export");
			waitFor("the run from the web builder to end", own::isTerminated);
			RunRecord record = ((QontinuiProcess) own.getProcesses()[0]).runRecord();
			assertTrue(record.status().isFinal(), record.status().toString());
		} finally {
			other.stop(0);
		}
	}

	@Test
	void aRunsPasswordAppearsNowhere() throws Exception {
		environment = new WebBuilderTestEnvironment(state, FakeWebBuilder.GOOD_TOKEN);
		environment.enableUploads(true);
		Path config = files.resolve("secret-login.json");
		Files.writeString(config, secretConfig(), StandardCharsets.UTF_8);

		RunUploader.getDefault().start(); // follows finished runs, as at workbench start-up
		ILaunch launch = launch(config.toString());
		QontinuiProcess process = (QontinuiProcess) launch.getProcesses()[0];
		waitFor("the run to end", launch::isTerminated);
		RunRecord record = process.runRecord();
		assertEquals(RunRecord.Status.PASSED, record.status(), () -> String.valueOf(record.events()));

		// The finished run is uploaded on its own; the loopback server keeps the body it received.
		waitFor("the upload", () -> !environment.server.runs().isEmpty());
		WebBuilderTestEnvironment.joinJobs();
		assertEquals(1, environment.server.runs().size());
		String body = environment.server.runs().get(0).body();
		assertNowhere(body, "the upload body");
		assertTrue(body.contains("********"), body);

		StringBuilder events = new StringBuilder();
		for (RunEvent event : record.events()) {
			events.append(event.message()).append('\n');
		}
		assertTrue(events.toString().contains("typed ********"), events.toString());
		assertNowhere(events.toString(), "the run events");

		Path runDirectory = Path.of(process.getAttribute("org.qontinui.runner.runDirectory"));
		try (Stream<Path> all = Files.walk(runDirectory)) {
			for (Path file : all.filter(Files::isRegularFile).toList()) {
				assertNowhere(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), file.toString());
			}
		}
		String consoles = consoleText();
		assertNowhere(consoles, "the consoles");
		Path log = Platform.getLogFileLocation().toPath();
		if (Files.exists(log)) {
			assertNowhere(Files.readString(log, StandardCharsets.ISO_8859_1), "the error log");
		}
	}

	/** A password in the workflow's variables, copied, trimmed, measured and typed. */
	private static String secretConfig() {
		return """
				{
				  "version": "2.0.0",
				  "metadata": { "name": "Secret Login" },
				  "images": [],
				  "workflows": [
				    { "id": "login", "name": "Login", "variables": { "process": { "password": "%s" } }, "actions": [
				      { "id": "copy", "type": "SET_VARIABLE", "config": { "variableName": "pw", "valueSource": { "type": "variable", "variableName": "password" } } },
				      { "id": "trim", "type": "STRING_OPERATION", "config": { "operation": "TRIM", "input": { "variableName": "pw" }, "outputVariable": "clean" } },
				      { "id": "len", "type": "STRING_OPERATION", "config": { "operation": "LENGTH", "input": { "variableName": "clean" }, "outputVariable": "n" } },
				      { "id": "type", "type": "TYPE", "config": { "text": "{{password}}", "pressEnter": true } },
				      { "id": "wrong", "type": "TYPE", "config": { "variableName": "clean" } }
				    ] }
				  ],
				  "states": [ { "id": "start", "name": "Start", "isInitial": true, "identifyingImages": [] } ],
				  "transitions": [],
				  "categories": [],
				  "settings": { "execution": { "executionMode": "mock" } }
				}
				""".formatted(PASSWORD);
	}

	private static void assertNowhere(String text, String where) {
		assertFalse(text.contains(PASSWORD), "the password is in " + where);
		assertFalse(text.contains(PASSWORD.substring(0, 12)), "part of the password is in " + where);
	}

	private ILaunch launch(String config) throws Exception {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationWorkingCopy wc = manager.getLaunchConfigurationType(QontinuiDebugCore.LAUNCH_TYPE_ID)
				.newInstance(null, manager.generateLaunchConfigurationName("secrets"));
		wc.setAttribute(LaunchAttributes.CONFIG, config);
		wc.setAttribute(LaunchAttributes.BACKEND, "mock");
		ILaunch launch = wc.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
		launches.add(launch);
		return launch;
	}

	private static String consoleText() {
		StringBuilder text = new StringBuilder();
		for (IConsole console : ConsolePlugin.getDefault().getConsoleManager().getConsoles()) {
			if (console instanceof TextConsole textConsole) {
				text.append(textConsole.getDocument().get()).append('\n');
			}
		}
		return text.toString();
	}

	/** Waits, running the event loop when on the UI thread, for at most 60 s. */
	private static void waitFor(String what, BooleanSupplier condition) {
		long end = System.currentTimeMillis() + 60_000;
		Display display = Display.getCurrent();
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (display != null) {
				while (display.readAndDispatch()) {
					// drain
				}
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new UncheckedIOException(new IOException("interrupted"));
			}
		}
	}
}
