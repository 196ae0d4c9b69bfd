/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.headless;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;

/**
 * The suite's JUnit XML report, as CI servers read it: one {@code <testsuite>} per configuration, one
 * {@code <testcase>} per workflow run; a failure carries the failed actions, the find diagnostics
 * (score against threshold) and screenshot paths; the run's log is its {@code system-out}.
 */
final class JUnitReport {

	private JUnitReport() {
	}

	static void write(Path file, List<RunSession.Outcome> outcomes) throws IOException {
		Map<Path, List<RunSession.Outcome>> byConfig = new LinkedHashMap<>();
		for (RunSession.Outcome o : outcomes) {
			byConfig.computeIfAbsent(o.run().config(), k -> new ArrayList<>()).add(o);
		}
		long failures = outcomes.stream().filter(RunSession.Outcome::failed).count();
		double total = outcomes.stream().mapToDouble(RunSession.Outcome::seconds).sum();
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"); //$NON-NLS-1$
		xml.append(String.format(Locale.ROOT, "<testsuites name=\"qontinui\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">\n", //$NON-NLS-1$
				outcomes.size(), failures, outcomes.stream().filter(RunSession.Outcome::skipped).count(), total));
		for (Map.Entry<Path, List<RunSession.Outcome>> suite : byConfig.entrySet()) {
			String name = suite.getKey().getFileName().toString();
			List<RunSession.Outcome> cases = suite.getValue();
			xml.append(String.format(Locale.ROOT,
					"  <testsuite name=\"%s\" file=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%.3f\">\n", //$NON-NLS-1$
					escape(name), escape(suite.getKey().toString()), cases.size(), cases.stream().filter(RunSession.Outcome::failed).count(),
					cases.stream().filter(RunSession.Outcome::skipped).count(), cases.stream().mapToDouble(RunSession.Outcome::seconds).sum()));
			for (RunSession.Outcome o : cases) {
				testcase(xml, name, o);
			}
			xml.append("  </testsuite>\n"); //$NON-NLS-1$
		}
		xml.append("</testsuites>\n"); //$NON-NLS-1$
		Files.writeString(file, xml, StandardCharsets.UTF_8);
	}

	private static void testcase(StringBuilder xml, String suite, RunSession.Outcome o) {
		RunRecord record = o.record();
		// The test case's name is its id in CI (history, flaky tracking): a workflow id, never translated.
		xml.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">\n", escape(suite), //$NON-NLS-1$
				escape(o.workflowId() == null ? "(default workflow)" : o.workflowId()), o.seconds())); //$NON-NLS-1$
		if (o.skipped()) {
			xml.append("      <skipped message=\"").append(escape(o.failure())).append("\"/>\n"); //$NON-NLS-1$ //$NON-NLS-2$
		} else if (!o.passed()) {
			failure(xml, "failure", o); //$NON-NLS-1$
		}
		// Earlier attempts of a retried run, in Maven Surefire's elements (rerunFailingTestsCount), which
		// Jenkins, GitLab and GitHub reporters read: flaky when the run passed in the end.
		for (RunSession.Outcome attempt : o.failedAttempts()) {
			failure(xml, o.passed() ? "flakyFailure" : "rerunFailure", attempt); //$NON-NLS-1$ //$NON-NLS-2$
		}
		xml.append("      <system-out>"); //$NON-NLS-1$
		if (o.display() != null) {
			xml.append(escape("display " + o.display())).append('\n'); //$NON-NLS-1$
		}
		xml.append(escape("run folder " + o.runDir())).append('\n'); //$NON-NLS-1$
		for (RunEvent e : record.events()) {
			xml.append(escape(e.toText())).append('\n');
		}
		xml.append("</system-out>\n    </testcase>\n"); //$NON-NLS-1$
	}

	/** A failed attempt: the failed actions, the find diagnostics and the screenshots. */
	private static void failure(StringBuilder xml, String element, RunSession.Outcome o) {
		StringBuilder detail = new StringBuilder();
		if (!element.equals("failure")) { //$NON-NLS-1$
			detail.append("run folder ").append(o.runDir()).append('\n'); //$NON-NLS-1$
		}
		for (RunEvent e : o.record().events()) {
			if (e.level() == RunEvent.Level.ERROR || e.kind() == RunEvent.Kind.MATCH && e.score() < e.threshold()) {
				detail.append(e.message()).append('\n');
			}
			if (e.screenshot() != null) {
				detail.append("screenshot: ").append(e.screenshot()).append('\n'); //$NON-NLS-1$
			}
		}
		xml.append("      <").append(element).append(" message=\"") //$NON-NLS-1$ //$NON-NLS-2$
				.append(escape(o.failure() == null ? Messages.JUnitReport_runFailed : o.failure()))
				.append("\" type=\"").append(o.invalid() ? "INVALID" : escape(o.record().status().name())).append("\">") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				.append(escape(detail.toString())).append("</").append(element).append(">\n"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
			case '<' -> b.append("&lt;"); //$NON-NLS-1$
			case '>' -> b.append("&gt;"); //$NON-NLS-1$
			case '&' -> b.append("&amp;"); //$NON-NLS-1$
			case '"' -> b.append("&quot;"); //$NON-NLS-1$
			default -> {
				if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
					b.append(c);
				}
			}
			}
		}
		return b.toString();
	}
}
