/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.debug.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.google.gson.JsonObject;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArgumentsReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.bridge.ExecutorConnection;
import org.qontinui.runner.bridge.ExecutorException;
import org.qontinui.runner.bridge.LaunchArguments;
import org.qontinui.runner.bridge.ProtocolErrors;
import org.qontinui.runner.bridge.recovery.Failure;
import org.qontinui.runner.bridge.recovery.QontinuiStoppedEventArguments;
import org.qontinui.runner.debug.QontinuiDebugCore;
import org.qontinui.runner.debug.breakpoints.ActionBreakpoint;
import org.qontinui.runner.debug.breakpoints.FailureBreakpoint;
import org.qontinui.runner.debug.breakpoints.InstalledBreakpoints;
import org.qontinui.runner.debug.model.QontinuiDebugTarget;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.debug.model.QontinuiStackFrame;
import org.qontinui.runner.debug.model.QontinuiThread;
import org.qontinui.runner.runs.RunRecord;

/**
 * The debug model against a stub adapter (LSP4E's BreakpointMappingTest is the idea): breakpoint ids
 * and verification, run control that fails, the order of debug events, frames whose ids have spaces,
 * launch errors by id, and the failure recovery requests. The real executor is driven by the
 * workbench tests.
 */
class DebugModelTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
	private final List<DebugEvent> events = new ArrayList<>();
	private final IDebugEventSetListener recorder = set -> {
		synchronized (events) {
			events.addAll(List.of(set));
		}
	};
	private SocketEndpoint endpoint;
	private StubAdapter adapter;
	private ExecutorConnection connection;
	private QontinuiDebugTarget target;
	private IFile config;

	@BeforeEach
	void setUp() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("debug-model-tests");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		config = project.getFile("config.json");
		if (!config.exists()) {
			config.create(new ByteArrayInputStream("{}\n".getBytes(StandardCharsets.UTF_8)), true, null);
		}
		manager.setEnabled(true);
		endpoint = new SocketEndpoint();
		adapter = new StubAdapter(endpoint);
		connection = ExecutorConnection.connect(endpoint);
		connection.setRequestTimeout(Duration.ofSeconds(5));
		DebugPlugin.getDefault().addDebugEventListener(recorder);
	}

	@AfterEach
	void tearDown() throws Exception {
		DebugPlugin.getDefault().removeDebugEventListener(recorder);
		endpoint.exit(0);
		if (connection != null) {
			connection.onExit().get(10, TimeUnit.SECONDS);
		}
		manager.removeBreakpoints(manager.getBreakpoints(QontinuiDebugCore.MODEL_ID), true);
	}

	private QontinuiDebugTarget start() throws ExecutorException {
		Launch launch = new Launch(null, ILaunchManager.DEBUG_MODE, null);
		Path path = config.getLocation().toPath();
		QontinuiProcess process = new QontinuiProcess(launch, connection, "stub adapter", new RunRecord(path, ""));
		target = new QontinuiDebugTarget(launch, process, path);
		launch.addDebugTarget(target);
		target.start(new LaunchArguments(path).backend("mock"));
		return target;
	}

	private ActionBreakpoint action(String id, int line) throws CoreException {
		ActionBreakpoint bp = new ActionBreakpoint(config, id, id, line);
		manager.addBreakpoint(bp);
		return bp;
	}

	private FailureBreakpoint failure(String filter) throws CoreException {
		FailureBreakpoint bp = new FailureBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), filter);
		manager.addBreakpoint(bp);
		return bp;
	}

	private void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("timed out waiting until " + what + "; the adapter was asked " + adapter.requests);
			}
			Thread.sleep(20);
		}
	}

	private static Boolean verified(IBreakpoint bp) {
		return InstalledBreakpoints.verification(bp);
	}

	private static String message(IBreakpoint bp) {
		return bp.getMarker().getAttribute(InstalledBreakpoints.VERIFICATION_MESSAGE, null);
	}

	private void stop(String reason, Integer... hitIds) {
		StoppedEventArguments stopped = new StoppedEventArguments();
		stopped.setReason(reason);
		stopped.setThreadId(1);
		stopped.setDescription("stopped by the stub");
		stopped.setHitBreakpointIds(hitIds);
		adapter.client.stopped(stopped);
	}

	private List<DebugEvent> eventsOf(Object source) {
		synchronized (events) {
			return events.stream().filter(e -> e.getSource() == source).toList();
		}
	}

	private int count(Object source, int kind) {
		return (int) eventsOf(source).stream().filter(e -> e.getKind() == kind).count();
	}

	@Test
	void verificationIsCopiedToTheMarkersAndStaleFiltersShiftNoIds() throws Exception {
		adapter.filters = List.of("actionFailed", "findFailed");
		adapter.unknownElements = Set.of("ghost");
		ActionBreakpoint known = action("a1", 3);
		ActionBreakpoint ghost = action("ghost", 5);
		FailureBreakpoint stale = failure("retiredFilter");
		FailureBreakpoint find = failure("findFailed");
		start();

		waitUntil("the markers carry the verification", () -> verified(known) != null && verified(ghost) != null
				&& verified(stale) != null && verified(find) != null);
		assertEquals(Boolean.TRUE, verified(known));
		assertNull(message(known));
		assertEquals(Boolean.FALSE, verified(ghost));
		assertEquals("unknown action 'ghost'", message(ghost));
		assertEquals(Boolean.FALSE, verified(stale));
		assertTrue(message(stale).contains("retiredFilter"), message(stale));
		assertEquals(Boolean.TRUE, verified(find));
		assertTrue(adapter.requests.contains("setExceptionBreakpoints findFailed"), adapter.requests::toString);

		// The stop names findFailed's id: the stale filter before it must not take its place.
		stop(StoppedEventArgumentsReason.EXCEPTION, StubAdapter.FILTER_ID_BASE + 1);
		QontinuiThread thread = target.thread();
		waitUntil("suspended", thread::isSuspended);
		assertArrayEquals(new IBreakpoint[] { find }, thread.getBreakpoints());

		int functionId = adapter.functionIds.get("action:a1");
		thread.resume();
		stop(StoppedEventArgumentsReason.FUNCTION_BREAKPOINT, functionId);
		waitUntil("suspended at a1", () -> thread.isSuspended() && thread.getBreakpoints().length == 1);
		assertArrayEquals(new IBreakpoint[] { known }, thread.getBreakpoints());
	}

	@Test
	void toggledBreakpointsAreSentWithoutBlockingTheCaller() throws Exception {
		start();
		CountDownLatch gate = new CountDownLatch(1);
		adapter.breakpointGate = gate;
		// The adapter holds its answer until the gate opens: adding a breakpoint must return before that.
		ActionBreakpoint bp = action("later", 7);
		assertEquals(1, gate.getCount(), "the caller waited for the adapter");
		assertNull(verified(bp));
		gate.countDown();
		waitUntil("verified after the adapter answered", () -> Boolean.TRUE.equals(verified(bp)));
		assertTrue(adapter.functionNames.contains("action:later"));

		bp.setEnabled(false);
		waitUntil("a disabled breakpoint is no longer installed and carries no verification",
				() -> verified(bp) == null);
	}

	@Test
	void theThreadIsCreatedBeforeAStopThatComesWithTheFirstCheckpoint() throws Exception {
		adapter.beforeConfigurationDoneAnswer = () -> stop(StoppedEventArgumentsReason.ENTRY);
		start();
		QontinuiThread thread = target.thread();
		waitUntil("SUSPEND fired", () -> count(thread, DebugEvent.SUSPEND) > 0);
		List<DebugEvent> ofThread = eventsOf(thread);
		int create = -1;
		int suspend = -1;
		for (int i = 0; i < ofThread.size(); i++) {
			if (ofThread.get(i).getKind() == DebugEvent.CREATE && create < 0) {
				create = i;
			}
			if (ofThread.get(i).getKind() == DebugEvent.SUSPEND && suspend < 0) {
				suspend = i;
			}
		}
		assertTrue(create >= 0 && suspend > create, () -> "CREATE must come before SUSPEND: " + ofThread);
	}

	@Test
	void aRefusedResumeOrStepSuspendsTheThreadAgain() throws Exception {
		ActionBreakpoint bp = action("a1", 3);
		start();
		waitUntil("installed", () -> Boolean.TRUE.equals(verified(bp)));
		stop(StoppedEventArgumentsReason.FUNCTION_BREAKPOINT, adapter.functionIds.get("action:a1"));
		QontinuiThread thread = target.thread();
		waitUntil("suspended", thread::isSuspended);
		adapter.refuseRunControl = true;

		thread.resume();
		waitUntil("suspended again after the refused continue", () -> count(thread, DebugEvent.SUSPEND) == 2);
		assertTrue(thread.isSuspended());
		assertEquals(1, count(thread, DebugEvent.RESUME));
		assertArrayEquals(new IBreakpoint[] { bp }, thread.getBreakpoints(), "the stop's breakpoint is kept");
		assertTrue(thread.getName().contains("suspended"), thread.getName());

		thread.stepOver();
		waitUntil("suspended again after the refused step", () -> count(thread, DebugEvent.SUSPEND) == 3);
		assertTrue(thread.isSuspended());
		assertFalse(thread.isStepping());
		assertEquals(2, count(thread, DebugEvent.RESUME));

		adapter.refuseRunControl = false;
		thread.resume();
		waitUntil("running", () -> !thread.isSuspended());
		// The debug platform delivers events on its own thread: the third RESUME may follow the state change.
		waitUntil("the third resume event", () -> count(thread, DebugEvent.RESUME) == 3);
		assertEquals(3, count(thread, DebugEvent.SUSPEND));
	}

	@Test
	void framesCarryTheirKindAndIdAsData() throws Exception {
		StackFrame action = frame(2, "action click the OK button (CLICK) — press OK", "action", "click the OK button");
		StackFrame workflow = frame(1, "workflow main flow — Main", "workflow", "main flow");
		adapter.frames = new StackFrame[] { action, workflow };
		start();
		stop(StoppedEventArgumentsReason.PAUSE);
		QontinuiThread thread = target.thread();
		waitUntil("suspended", thread::isSuspended);
		IStackFrame[] frames = thread.getStackFrames();
		assertEquals(2, frames.length);
		QontinuiStackFrame top = (QontinuiStackFrame) frames[0];
		assertEquals("action", top.kind());
		assertEquals("click the OK button", top.elementId());
		assertEquals("action click the OK button (CLICK) — press OK", top.getName());
		assertEquals("workflow", ((QontinuiStackFrame) frames[1]).kind());
		assertEquals("main flow", ((QontinuiStackFrame) frames[1]).elementId());
	}

	private StackFrame frame(int id, String name, String kind, String elementId) {
		StackFrame frame = new StackFrame();
		frame.setId(id);
		frame.setName(name);
		frame.setLine(1);
		frame.setColumn(1);
		Source source = new Source();
		source.setPath(config.getLocation().toOSString());
		JsonObject data = new JsonObject();
		data.addProperty("kind", kind);
		data.addProperty("id", elementId);
		source.setAdapterData(data);
		frame.setSource(source);
		return frame;
	}

	@Test
	void launchErrorsAreToldApartByTheirId() {
		adapter.launchError = StubAdapter.error(ProtocolErrors.INVALID_CONFIG, "the message may say anything");
		ExecutorException e = assertThrows(ExecutorException.class, this::start);
		assertEquals(ProtocolErrors.INVALID_CONFIG, e.errorId());
		assertFalse(adapter.requests.contains("configurationDone"));
	}

	@Test
	void retrySkipAbortAndRecaptureOnAFailureStop() throws Exception {
		start();
		QontinuiThread thread = target.thread();
		stop(StoppedEventArgumentsReason.PAUSE);
		waitUntil("suspended", thread::isSuspended);
		assertFalse(thread.isSuspendedOnFailure(), "a pause is no failure stop");
		thread.resume();

		failureStop();
		waitUntil("suspended on the failure", thread::isSuspendedOnFailure);
		Failure failure = thread.failure();
		assertNotNull(failure);
		assertEquals("c1", failure.actionId());
		assertEquals(List.of("img-add"), failure.imageIds());
		assertEquals("/tmp/run/failure-001-c1.png", failure.screenshot());

		thread.retry(0.75);
		waitUntil("retried", () -> !thread.isSuspended() && adapter.retries.size() == 1);
		assertEquals(0.75, adapter.retries.get(0).threshold());

		failureStop();
		waitUntil("suspended on the failure", thread::isSuspendedOnFailure);
		thread.skip();
		waitUntil("skipped", () -> !thread.isSuspended() && adapter.requests.contains("qontinui/skip"));

		failureStop();
		waitUntil("suspended on the failure", thread::isSuspendedOnFailure);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
		assertEquals(4, thread.recapture("img-add", png).get(5, TimeUnit.SECONDS).width());
		waitUntil("retried with the new image", () -> adapter.retries.size() == 2 && !thread.isSuspended());
		assertEquals("img-add", adapter.imageUpdates.get(0).imageId());
		assertArrayEquals(png, Base64.getDecoder().decode(adapter.imageUpdates.get(0).data()));
		assertNull(adapter.retries.get(1).threshold());

		failureStop();
		waitUntil("suspended on the failure", thread::isSuspendedOnFailure);
		adapter.refuseRunControl = true;
		thread.retry(null);
		waitUntil("suspended again after a refused retry", () -> adapter.retries.size() == 3 && thread.isSuspended());
		assertTrue(thread.isSuspendedOnFailure(), "still on the same failure");
		assertEquals("c1", thread.failure().actionId());

		thread.abort();
		waitUntil("abort sent", () -> adapter.requests.contains("qontinui/abort"));
	}

	private void failureStop() {
		QontinuiStoppedEventArguments stopped = new QontinuiStoppedEventArguments();
		stopped.setReason(StoppedEventArgumentsReason.EXCEPTION);
		stopped.setThreadId(1);
		stopped.setDescription("Action c1 (CLICK) failed");
		stopped.setText("img-add not found: best score 0.41");
		stopped.setFailure(new Failure("c1", "CLICK", "wf-main", "img-add not found", List.of("img-add"),
				List.of("si-add"), 0.9, 0.41, "/tmp/run/failure-001-c1.png", 1,
				List.of("retry", "skip", "abort", "updateImage")));
		adapter.client.stopped(stopped);
	}
}
