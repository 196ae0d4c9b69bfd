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

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IStreamMonitor;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qontinui.runner.debug.breakpoints.ElementBreakpoint;
import org.qontinui.runner.debug.breakpoints.FailureBreakpoint;
import org.qontinui.runner.debug.launcher.LaunchAttributes;
import org.qontinui.runner.debug.model.QontinuiDebugTarget;
import org.qontinui.runner.debug.model.QontinuiProcess;
import org.qontinui.runner.debug.model.QontinuiStackFrame;
import org.qontinui.runner.debug.model.QontinuiThread;
import org.qontinui.runner.runs.RunRecord;
import org.qontinui.runner.ui.model.ConfigElementNode.Kind;
import org.qontinui.runner.ui.model.ConfigNode;
import org.qontinui.runner.ui.views.RunConsole;

/**
 * Debug launches of real configurations in a real workbench with the real executor: breakpoints
 * from the workspace, stack frames, scopes, stepping, changing variables, failures, a dying executor.
 */
class DebugSessionTest {

	private final List<DebugEvent> events = new CopyOnWriteArrayList<>();
	private final IDebugEventSetListener recorder = set -> events.addAll(Arrays.asList(set));
	private ILaunch launch;

	@BeforeEach
	void setUp() throws Exception {
		DebugWorkspace.removeAllBreakpoints();
		DebugPlugin.getDefault().addDebugEventListener(recorder);
	}

	@AfterEach
	void tearDown() throws Exception {
		DebugPlugin.getDefault().removeDebugEventListener(recorder);
		if (launch != null && !launch.isTerminated()) {
			launch.terminate();
		}
		DebugWorkspace.removeAllBreakpoints();
	}

	private static QontinuiThread thread(QontinuiDebugTarget target) {
		return target.thread();
	}

	private static List<String> frameNames(QontinuiThread thread) throws Exception {
		List<String> names = new ArrayList<>();
		for (IStackFrame f : thread.getStackFrames()) {
			String[] words = f.getName().split(" ");
			names.add(words[0] + " " + words[1]);
		}
		return names;
	}

	private static IVariable scope(IStackFrame frame, String name) throws Exception {
		for (IVariable v : frame.getVariables()) {
			if (v.getName().equals(name)) {
				return v;
			}
		}
		throw new AssertionError("no scope " + name + " in " + frame.getName());
	}

	private static IVariable child(IVariable parent, String name) throws Exception {
		for (IVariable v : parent.getValue().getVariables()) {
			if (v.getName().equals(name)) {
				return v;
			}
		}
		throw new AssertionError("no " + name + " under " + parent.getName());
	}

	private void suspendedAgain(QontinuiDebugTarget target, int detail) {
		waitFor("suspend (" + detail + ")", () -> target.isSuspended()
				&& events.stream().anyMatch(e -> e.getKind() == DebugEvent.SUSPEND && e.getDetail() == detail
						&& e.getSource() instanceof QontinuiThread));
	}

	@Test
	void stateBreakpointStackVariablesSteppingAndResumeToSuccess() throws Exception {
		IProject project = DebugWorkspace.demoProject("debug-demo");
		IFile file = project.getFile("demo.json");
		ConfigNode config = DebugWorkspace.read(file);
		IBreakpoint bp = DebugWorkspace.breakpoint(config, Kind.STATE, "state-dashboard");
		assertEquals(file, bp.getMarker().getResource(), "breakpoints live on the configuration file");

		launch = DebugWorkspace.launch(file, ILaunchManager.DEBUG_MODE, "screenshots", List.of());
		QontinuiDebugTarget target = DebugWorkspace.target(launch);
		assertNotNull(target);
		suspendedAgain(target, DebugEvent.BREAKPOINT);

		QontinuiThread thread = thread(target);
		assertFalse(DebugUITools.getPreferenceStore()
				.getBoolean(IDebugUIConstants.PREF_ACTIVATE_WORKBENCH),
				"the workbench must not raise itself over the application under automation");
		assertArrayEquals(new IBreakpoint[] { bp }, thread.getBreakpoints());
		assertTrue(thread.stopDescription().contains("state:state-dashboard"), thread.stopDescription());
		assertTrue(thread.getName().contains("state:state-dashboard"), thread.getName());
		assertEquals(List.of("state state-dashboard", "transition t-login", "state state-login", "action m1",
				"workflow wf-main"), frameNames(thread));
		IStackFrame top = thread.getTopStackFrame();
		assertTrue(top.getLineNumber() > 0);
		String line = Files.readAllLines(file.getLocation().toPath()).get(top.getLineNumber() - 1);
		assertTrue(line.contains("state-dashboard"), line);

		List<String> scopes = new ArrayList<>();
		for (IVariable v : top.getVariables()) {
			scopes.add(v.getName());
		}
		assertEquals(List.of("Variables", "Active States", "Last Match", "Settings"), scopes);
		assertNotNull(child(scope(top, "Active States"), "state-login"));
		IVariable score = child(scope(top, "Last Match"), "score");
		assertTrue(Double.parseDouble(score.getValue().getValueString()) > 0.99, score.getValue().getValueString());

		events.clear();
		thread.stepInto();
		suspendedAgain(target, DebugEvent.STEP_END);
		assertTrue(thread.getTopStackFrame().getName().startsWith("action s1"), thread.getTopStackFrame().getName());
		assertTrue(events.stream().anyMatch(e -> e.getKind() == DebugEvent.RESUME && e.getDetail() == DebugEvent.STEP_INTO));

		events.clear();
		thread.stepReturn();
		suspendedAgain(target, DebugEvent.STEP_END);
		assertTrue(thread.getTopStackFrame().getName().startsWith("action m2"), thread.getTopStackFrame().getName());

		events.clear();
		thread.stepOver();
		suspendedAgain(target, DebugEvent.STEP_END);
		assertTrue(thread.getTopStackFrame().getName().startsWith("action m3"), thread.getTopStackFrame().getName());

		thread.resume();
		waitFor("termination", launch::isTerminated);
		QontinuiProcess process = (QontinuiProcess) launch.getProcesses()[0];
		assertEquals(0, process.getExitValue());
		assertEquals(RunRecord.Status.PASSED, process.runRecord().status());
		waitFor("the user's setting back", () -> DebugUITools.getPreferenceStore()
				.getBoolean(IDebugUIConstants.PREF_ACTIVATE_WORKBENCH));
	}

	@Test
	void changedVariableIsUsedByTheRunAndExpressionsEvaluate() throws Exception {
		IProject project = DebugWorkspace.demoProject("debug-variables");
		IFile file = DebugWorkspace.addFixture(project, "variables.json");
		DebugWorkspace.breakpoint(DebugWorkspace.read(file), Kind.ACTION, "double");
		launch = DebugWorkspace.launch(file, ILaunchManager.DEBUG_MODE, "mock", List.of());
		QontinuiDebugTarget target = DebugWorkspace.target(launch);
		suspendedAgain(target, DebugEvent.BREAKPOINT);
		QontinuiStackFrame top = (QontinuiStackFrame) thread(target).getTopStackFrame();
		assertTrue(top.getName().startsWith("action double"), top.getName());

		IVariable count = child(child(scope(top, "Variables"), "local"), "count");
		assertEquals("1", count.getValue().getValueString());
		assertTrue(count.supportsValueModification());
		count.setValue("21");
		assertEquals("21", count.getValue().getValueString());
		assertEquals("22", top.evaluate("count + 1").getValueString());

		thread(target).resume();
		waitFor("termination", launch::isTerminated);
		RunRecord record = ((QontinuiProcess) launch.getProcesses()[0]).runRecord();
		assertTrue(record.events().stream().anyMatch(e -> e.message().contains("doubled = 42")),
				() -> record.events().toString());
	}

	@Test
	void falseConditionDoesNotStopAndHitCountStopsOnThirdHit() throws Exception {
		IProject project = DebugWorkspace.demoProject("debug-conditions");
		IFile file = DebugWorkspace.addFixture(project, "variables.json");
		ConfigNode config = DebugWorkspace.read(file);
		ElementBreakpoint never = (ElementBreakpoint) DebugWorkspace.breakpoint(config, Kind.ACTION, "set-count");
		never.setCondition("1 == 2");
		ElementBreakpoint third = (ElementBreakpoint) DebugWorkspace.breakpoint(config, Kind.ACTION, "inc");
		third.setHitCount(3);

		launch = DebugWorkspace.launch(file, ILaunchManager.DEBUG_MODE, "mock", List.of());
		QontinuiDebugTarget target = DebugWorkspace.target(launch);
		suspendedAgain(target, DebugEvent.BREAKPOINT);
		assertArrayEquals(new IBreakpoint[] { third }, thread(target).getBreakpoints());
		assertEquals("2", ((QontinuiStackFrame) thread(target).getTopStackFrame()).evaluate("i").getValueString(),
				"third pass of the loop (i counts from 0)");
		long suspends = events.stream().filter(e -> e.getKind() == DebugEvent.SUSPEND && e.getSource() instanceof QontinuiThread).count();
		assertEquals(1, suspends, "the false condition did not stop the run");
		thread(target).resume();
		waitFor("termination", launch::isTerminated);
	}

	@Test
	void failureBreakpointStopsOnFailedFindWithTheScore() throws Exception {
		IProject project = DebugWorkspace.demoProject("debug-failure");
		IFile file = project.getFile("demo.json");
		// Run "Open settings" straight away: its Settings tab is looked for on the login screen, where it is not.
		FailureBreakpoint failure = new FailureBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), FailureBreakpoint.FIND_FAILED);
		DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(failure);

		launch = DebugWorkspace.launch(file, ILaunchManager.DEBUG_MODE, "screenshots",
				List.of(LaunchAttributes.WORKFLOW, "wf-open-settings"));
		QontinuiDebugTarget target = DebugWorkspace.target(launch);
		suspendedAgain(target, DebugEvent.BREAKPOINT);
		assertArrayEquals(new IBreakpoint[] { failure }, thread(target).getBreakpoints());
		assertTrue(thread(target).stopDescription().toLowerCase().contains("fail"), thread(target).stopDescription());
		IStackFrame top = thread(target).getTopStackFrame();
		IVariable match = scope(top, "Last Match");
		assertEquals("false", child(match, "found").getValue().getValueString());
		double score = Double.parseDouble(child(match, "score").getValue().getValueString());
		double threshold = Double.parseDouble(child(match, "threshold").getValue().getValueString());
		assertTrue(score < threshold, score + " < " + threshold);
		thread(target).resume();
		waitFor("termination", launch::isTerminated);
		assertEquals(RunRecord.Status.FAILED, ((QontinuiProcess) launch.getProcesses()[0]).runRecord().status());
	}

	@Test
	void killedExecutorWhileSuspendedEndsTheLaunchWithItsReasonInTheConsole() throws Exception {
		IProject project = DebugWorkspace.demoProject("debug-kill");
		IFile file = project.getFile("demo.json");
		DebugWorkspace.breakpoint(DebugWorkspace.read(file), Kind.STATE, "state-dashboard");
		launch = DebugWorkspace.launch(file, ILaunchManager.DEBUG_MODE, "screenshots", List.of());
		QontinuiDebugTarget target = DebugWorkspace.target(launch);
		suspendedAgain(target, DebugEvent.BREAKPOINT);
		QontinuiProcess process = (QontinuiProcess) launch.getProcesses()[0];
		ProcessHandle.of(process.connection().process().pid()).orElseThrow().destroyForcibly();
		waitFor("termination", launch::isTerminated);
		assertTrue(target.isTerminated());
		assertFalse(target.isSuspended());
		IStreamMonitor err = process.getStreamsProxy().getErrorStreamMonitor();
		assertTrue(err.getContents().contains("Qontinui executor ended unexpectedly"), err.getContents());
		assertTrue(target.getName().contains("died"), target.getName());
		RunConsole console = RunConsole.of(process.runRecord());
		waitFor("the reason in the run's Console",
				() -> console.getDocument().get().contains("executor process died (exit code"));
		assertEquals(RunRecord.Status.CRASHED, process.runRecord().status());
	}

	@Test
	void terminateDisconnectAndRelaunch() throws Exception {
		IProject project = DebugWorkspace.demoProject("debug-lifecycle");
		IFile file = project.getFile("demo.json");
		DebugWorkspace.breakpoint(DebugWorkspace.read(file), Kind.STATE, "state-dashboard");

		launch = DebugWorkspace.launch(file, ILaunchManager.DEBUG_MODE, "screenshots", List.of());
		QontinuiDebugTarget target = DebugWorkspace.target(launch);
		suspendedAgain(target, DebugEvent.BREAKPOINT);
		assertTrue(target.canTerminate());
		target.terminate();
		waitFor("terminate", launch::isTerminated);
		QontinuiProcess process = (QontinuiProcess) launch.getProcesses()[0];
		assertFalse(process.exitInfo().isCrash(), process.exitInfo()::reason);
		assertTrue(process.runRecord().status().isFinal());

		events.clear();
		ILaunch again = DebugUITools.buildAndLaunch(launch.getLaunchConfiguration(),
				ILaunchManager.DEBUG_MODE, new NullProgressMonitor());
		launch = again;
		QontinuiDebugTarget second = DebugWorkspace.target(again);
		suspendedAgain(second, DebugEvent.BREAKPOINT);
		assertTrue(second.canDisconnect());
		second.disconnect();
		waitFor("disconnect", again::isTerminated);
		assertTrue(second.isDisconnected() && second.isTerminated());
		assertFalse(((QontinuiProcess) again.getProcesses()[0]).exitInfo().isCrash());
	}
}
