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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qontinui.runner.ui.tests.DebugWorkspace.waitFor;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.bridge.recovery.Failure;
import org.qontinui.runner.debug.breakpoints.FailureBreakpoint;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.debug.model.QontinuiStackFrame;
import org.qontinui.runner.debug.model.QontinuiThread;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.testing.UiThread;

/**
 * Retry, Retry with threshold, Skip, Abort and Recapture template on a real failure stop, through the
 * workbench's commands (as the Debug view's menu and toolbar run them), with the real executor
 * replaying the demo's screenshots. "Open settings" is run on the login screen, where its Settings
 * tab is not: its only action, s1, fails.
 */
class FailureRecoveryTest {

	private static final String RETRY = "org.qontinui.runner.ui.retryFailedAction";
	private static final String RETRY_WITH_THRESHOLD = "org.qontinui.runner.ui.retryWithThreshold";
	private static final String SKIP = "org.qontinui.runner.ui.skipFailedAction";
	private static final String ABORT = "org.qontinui.runner.ui.abortRun";
	private static final String RECAPTURE = "org.qontinui.runner.ui.recaptureTemplate";

	private ILaunch launch;
	private IFile config;

	@BeforeEach
	void setUp() throws Exception {
		DebugWorkspace.removeAllBreakpoints();
		IProject project = DebugWorkspace.demoProject("failure-recovery");
		config = project.getFile("demo.json");
		DebugWorkspace.shortenFindTimeout(config);
	}

	@AfterEach
	void tearDown() throws Exception {
		DebugWorkspace.terminate(launch);
		DebugWorkspace.removeAllBreakpoints();
	}

	private Path path() {
		return config.getLocation().toPath();
	}

	private QontinuiThread launchUntilFailure(String failureStrategy) throws Exception {
		launch = DebugWorkspace.launch(config, ILaunchManager.DEBUG_MODE, "screenshots",
				List.of(LaunchAttributes.WORKFLOW, "wf-open-settings", LaunchAttributes.FAILURE_STRATEGY, failureStrategy));
		QontinuiThread thread = DebugWorkspace.target(launch).thread();
		waitFor("a failure stop", thread::isSuspendedOnFailure);
		return thread;
	}

	private static boolean enabled(String commandId) {
		return UiThread.get(() -> {
			Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(commandId);
			// Let the handlers re-evaluate, as the Debug view's toolbar does on a debug context change.
			command.setEnabled(PlatformUI.getWorkbench().getService(IHandlerService.class).getCurrentState());
			return command.isEnabled();
		});
	}

	private static void execute(String commandId, Map<String, String> parameters) {
		UiThread.run(() -> {
			Command command = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand(commandId);
			PlatformUI.getWorkbench().getService(IHandlerService.class)
					.executeCommand(ParameterizedCommand.generateCommand(command, parameters), null);
		});
	}

	private RunRecord record() {
		return ((QontinuiProcess) launch.getProcesses()[0]).runRecord();
	}

	private int exitCode() throws Exception {
		waitFor("termination", launch::isTerminated);
		return launch.getProcesses()[0].getExitValue();
	}

	@Test
	void retryRetryWithThresholdAndSkip() throws Exception {
		QontinuiThread thread = launchUntilFailure("pause");
		Failure failure = thread.failure();
		assertNotNull(failure, "the stop says what failed");
		assertEquals("s1", failure.actionId());
		assertEquals(List.of("img-settings-tab"), failure.imageIds());
		assertEquals(1, failure.attempt());
		QontinuiStackFrame top = (QontinuiStackFrame) thread.getTopStackFrame();
		assertEquals("action", top.kind());
		assertEquals("s1", top.elementId());
		for (String id : List.of(RETRY, RETRY_WITH_THRESHOLD, SKIP, ABORT, RECAPTURE)) {
			assertTrue(enabled(id), id + " is enabled on a failure stop");
		}

		execute(RETRY, Map.of());
		waitFor("the second attempt's failure stop",
				() -> thread.isSuspendedOnFailure() && thread.failure() != null && thread.failure().attempt() == 2);

		assertEquals(0.9, thread.failure().threshold(), 1e-9);

		// The retry's finds use the given similarity: the third failure reports it.
		execute(RETRY_WITH_THRESHOLD, Map.of("org.qontinui.runner.ui.threshold", "0.35"));
		waitFor("the third attempt's failure stop",
				() -> thread.isSuspendedOnFailure() && thread.failure() != null && thread.failure().attempt() == 3);
		assertEquals(0.35, thread.failure().threshold(), 1e-9);

		execute(SKIP, Map.of());
		assertEquals(0, exitCode(), "the skipped action counts as passed");
		assertEquals(RunRecord.Status.PASSED, record().status());
		for (String id : List.of(RETRY, RETRY_WITH_THRESHOLD, SKIP, ABORT, RECAPTURE)) {
			assertFalse(enabled(id), id + " is disabled once the run is over");
		}
	}

	@Test
	void abortOnAFailureBreakpointEndsTheRunAsFailed() throws Exception {
		FailureBreakpoint findFailed = new FailureBreakpoint(ResourcesPlugin.getWorkspace().getRoot(),
				FailureBreakpoint.FIND_FAILED);
		DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(findFailed);
		QontinuiThread thread = launchUntilFailure("stop");
		assertArrayEquals(new IBreakpoint[] { findFailed }, thread.getBreakpoints());
		execute(ABORT, Map.of());
		assertEquals(1, exitCode());
		assertEquals(RunRecord.Status.FAILED, record().status());
	}

	@Test
	void recaptureWritesTheTemplateIntoTheFileRetriesAndUndoes() throws Exception {
		byte[] original = Files.readAllBytes(path());
		QontinuiThread thread = launchUntilFailure("pause");
		Failure failure = thread.failure();
		assertNotNull(failure.screenshot(), "the failure was saved as a screenshot");
		ImageData screenshot = new ImageData(failure.screenshot());

		// The user label of the login screen becomes the "Settings tab": the retry finds it and the run passes.
		execute(RECAPTURE, Map.of("org.qontinui.runner.ui.region", "440,250,120,30",
				"org.qontinui.runner.ui.imageId", "img-settings-tab"));
		assertEquals(0, exitCode(), "the retried action found the recaptured template");
		assertEquals(RunRecord.Status.PASSED, record().status());

		ObjectMapper json = new ObjectMapper();
		JsonNode before = json.readTree(original);
		JsonNode after = json.readTree(Files.readAllBytes(path()));
		JsonNode image = imageById(after, "img-settings-tab");
		assertEquals(120, image.get("width").asInt());
		assertEquals(30, image.get("height").asInt());
		ImageData template = new ImageData(new ByteArrayInputStream(Base64.getDecoder().decode(image.get("data").asText())));
		assertEquals(120, template.width);
		assertEquals(30, template.height);
		for (int y = 0; y < 30; y += 7) {
			for (int x = 0; x < 120; x += 13) {
				assertEquals(screenshot.palette.getRGB(screenshot.getPixel(440 + x, 250 + y)),
						template.palette.getRGB(template.getPixel(x, y)), "pixel " + x + "," + y);
			}
		}
		// Nothing else in the file changed.
		ObjectNode expected = before.deepCopy();
		ObjectNode old = (ObjectNode) imageById(expected, "img-settings-tab");
		for (String field : List.of("data", "width", "height", "hash", "format")) {
			if (old.has(field)) {
				old.set(field, image.get(field));
			}
		}
		assertEquals(expected, after);

		IOperationHistory history = PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
		UiThread.run(() -> history.undo(PlatformUI.getWorkbench().getOperationSupport().getUndoContext(), null, null));
		assertArrayEquals(original, Files.readAllBytes(path()), "undo restores the file byte for byte");
		UiThread.run(() -> history.redo(PlatformUI.getWorkbench().getOperationSupport().getUndoContext(), null, null));
		assertEquals(after, json.readTree(Files.readAllBytes(path())), "redo writes the template again");
	}

	private static JsonNode imageById(JsonNode config, String id) {
		for (JsonNode image : config.get("images")) {
			if (id.equals(image.path("id").asText())) {
				return image;
			}
		}
		throw new AssertionError("no image " + id);
	}
}
