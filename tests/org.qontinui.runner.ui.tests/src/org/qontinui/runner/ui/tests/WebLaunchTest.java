/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.bridge.PythonSources;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.debug.launcher.QontinuiLaunchDelegate;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.runs.RunRecord;

import com.sun.net.httpserver.HttpServer;

/** A launch whose configuration is the web builder's export URL, served by a real HTTP server on loopback. */
class WebLaunchTest {

	@Test
	void runsAConfigurationDownloadedFromAUrl() throws Exception {
		byte[] demo = Files.readAllBytes(PythonSources.locate().resolve("demo/demo.json"));
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/v1/configurations/c-7/export", exchange -> {
			requests.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("ETag", "\"v1\"");
			exchange.sendResponseHeaders(200, demo.length);
			exchange.getResponseBody().write(demo);
			exchange.close();
		});
		server.start();
		try {
			ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
			ILaunchConfigurationWorkingCopy wc = manager.getLaunchConfigurationType(QontinuiDebugCore.LAUNCH_TYPE_ID)
					.newInstance(null, manager.generateLaunchConfigurationName("web"));
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/configurations/c-7/export";
			wc.setAttribute(LaunchAttributes.CONFIG, url);
			wc.setAttribute(LaunchAttributes.BACKEND, "mock");
			ILaunch launch = wc.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
			DebugWorkspace.waitFor("the run to end", launch::isTerminated);
			RunRecord record = ((QontinuiProcess) launch.getProcesses()[0]).runRecord();
			assertEquals(RunRecord.Status.PASSED, record.status());
			assertEquals(1, requests.get());
			assertTrue(Files.exists(record.config()) && record.config().startsWith(
					QontinuiLaunchDelegate.runsRoot()), record.config().toString());
		} finally {
			server.stop(0);
		}
	}
}
