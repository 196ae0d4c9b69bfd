package org.qontinui.runner.headless;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.qontinui.runner.runs.RunEvent;
import org.qontinui.runner.runs.RunRecord;

/**
 * A JUnit XML report of headless runs, for CI servers: one test case per workflow run; a failure
 * carries the failed actions, the find diagnostics (score against threshold) and screenshot paths.
 */
final class JUnitReport {

	private JUnitReport() {
	}

	static void write(Path file, RunRecord record, String workflowId, boolean passed, String failure)
			throws IOException {
		String suite = record.config().getFileName().toString();
		double seconds = record.elapsed().toMillis() / 1000.0;
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"1\" failures=\"%d\" errors=\"0\" time=\"%.3f\">\n",
				escape(suite), passed ? 0 : 1, seconds));
		xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\">\n", escape(suite),
				escape(workflowId == null ? "(default workflow)" : workflowId), seconds));
		if (!passed) {
			StringBuilder detail = new StringBuilder();
			List<RunEvent> events = record.events();
			for (RunEvent e : events) {
				if (e.level() == RunEvent.Level.ERROR || e.kind() == RunEvent.Kind.MATCH && e.score() < e.threshold()) {
					detail.append(e.message()).append('\n');
				}
				if (e.screenshot() != null) {
					detail.append("screenshot: ").append(e.screenshot()).append('\n');
				}
			}
			xml.append("    <failure message=\"").append(escape(failure == null ? "run failed" : failure))
					.append("\" type=\"").append(escape(record.status().name())).append("\">")
					.append(escape(detail.toString())).append("</failure>\n");
		}
		xml.append("    <system-out>");
		for (RunEvent e : record.events()) {
			xml.append(escape(e.toText())).append('\n');
		}
		xml.append("</system-out>\n  </testcase>\n</testsuite>\n");
		Files.writeString(file, xml, StandardCharsets.UTF_8);
	}

	static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
			case '<' -> b.append("&lt;");
			case '>' -> b.append("&gt;");
			case '&' -> b.append("&amp;");
			case '"' -> b.append("&quot;");
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
