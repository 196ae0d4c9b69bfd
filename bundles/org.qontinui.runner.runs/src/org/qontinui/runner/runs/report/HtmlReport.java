/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.runs.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.qontinui.runner.runs.RunFolder;
import org.qontinui.runner.runs.RunFolder.Event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A self-contained HTML report of one or more runs: a suite summary; per run a timeline of states,
 * transitions and actions with durations; each failure with its screenshot, the best-match region drawn
 * on it, the template beside it and the score; and performance figures (slowest finds, time waiting
 * against time acting). Images are embedded as data URIs, so the file can be archived as a CI artifact
 * and opened anywhere.
 */
public final class HtmlReport {

	/** Action types that wait for the screen rather than act on it. */
	private static final Set<String> WAITING = Set.of("WAIT", "FIND", "FIND_STATE", "VANISH", "EXISTS", "WAIT_FOR_COLOR");
	/** Action types that only contain other actions; their time is their children's. */
	private static final Set<String> CONTAINERS = Set.of("IF", "LOOP", "TRY_CATCH", "SWITCH", "RUN_WORKFLOW",
			"GO_TO_STATE", "SEQUENCE");
	private static final int SLOWEST_FINDS = 10;
	/** Larger screenshots are left out rather than make the report huge. */
	private static final long MAX_EMBEDDED_BYTES = 8L << 20;

	private static final ObjectMapper JSON = new ObjectMapper();

	private HtmlReport() {
	}

	/** Writes the report of {@code runs} to {@code file}. */
	public static void write(Path file, String title, List<ReportedRun> runs) throws IOException {
		Files.writeString(file, render(title, runs), StandardCharsets.UTF_8);
	}

	public static String render(String title, List<ReportedRun> runs) throws IOException {
		StringBuilder h = new StringBuilder(64 * 1024);
		long passed = runs.stream().filter(ReportedRun::passed).count();
		double total = runs.stream().mapToDouble(ReportedRun::seconds).sum();
		h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title))
				.append("</title>\n<style>").append(STYLE).append("</style></head><body>\n");
		h.append("<h1>").append(esc(title)).append("</h1>\n");
		h.append(String.format(Locale.ROOT,
				"<section id=\"summary\"><p class=\"verdict %s\">%s</p><p>%d runs: <b>%d passed</b>, <b>%d failed</b>;"
						+ " %.1f s of runs. Written %s.</p>\n",
				passed == runs.size() ? "pass" : "fail", passed == runs.size() ? "SUITE PASSED" : "SUITE FAILED",
				runs.size(), passed, runs.size() - passed, total, Instant.now()));
		h.append("<table class=\"runs\"><tr><th>run</th><th>configuration</th><th>workflow</th><th>result</th>"
				+ "<th>time</th><th>display</th></tr>\n");
		for (int i = 0; i < runs.size(); i++) {
			ReportedRun r = runs.get(i);
			h.append(String.format(Locale.ROOT,
					"<tr class=\"%s\"><td><a href=\"#run-%d\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%.2f s</td><td>%s</td></tr>\n",
					r.passed() ? "pass" : "fail", i, esc(r.id()), esc(String.valueOf(r.config())),
					esc(r.workflow() == null ? "(default)" : r.workflow()), r.passed() ? "passed" : "failed", r.seconds(),
					esc(r.display() == null ? "" : r.display())));
		}
		h.append("</table></section>\n");
		for (int i = 0; i < runs.size(); i++) {
			run(h, i, runs.get(i));
		}
		h.append("</body></html>\n");
		return h.toString();
	}

	private static void run(StringBuilder h, int index, ReportedRun r) throws IOException {
		List<Event> events = r.runDir() == null ? List.of() : new RunFolder(r.runDir()).events();
		h.append(String.format(Locale.ROOT, "<section class=\"run %s\" id=\"run-%d\" data-run=\"%s\">\n",
				r.passed() ? "pass" : "fail", index, esc(r.id())));
		h.append("<h2>").append(esc(r.id())).append(" <span class=\"badge\">").append(r.passed() ? "passed" : "failed")
				.append("</span></h2>\n");
		if (!r.passed() && r.failure() != null) {
			h.append("<p class=\"failure\">").append(esc(r.failure())).append("</p>\n");
		}
		if (r.runDir() != null) {
			h.append("<p class=\"folder\">Run folder: <code>").append(esc(r.runDir().toString())).append("</code></p>\n");
		}
		timeline(h, events);
		failures(h, r, events);
		performance(h, events);
		h.append("</section>\n");
	}

	// --- timeline -----------------------------------------------------------------------------------

	/** One bar: what, when (seconds from the run's first event), how long. */
	private record Span(String kind, String label, double start, double seconds, boolean ok) {
	}

	static List<Event> sorted(List<Event> events) {
		List<Event> copy = new ArrayList<>(events);
		copy.sort(Comparator.comparingDouble(Event::time));
		return copy;
	}

	private static void timeline(StringBuilder h, List<Event> events) {
		List<Span> spans = spans(events);
		h.append("<h3>Timeline</h3>\n");
		if (spans.isEmpty()) {
			h.append("<p>No events recorded.</p>\n");
			return;
		}
		double end = spans.stream().mapToDouble(s -> s.start() + s.seconds()).max().orElse(1);
		end = Math.max(end, 0.001);
		h.append("<table class=\"timeline\"><tr><th>kind</th><th>what</th><th>start</th><th>duration</th><th class=\"bar\"></th></tr>\n");
		for (Span s : spans) {
			double left = 100 * s.start() / end;
			double width = Math.max(0.3, 100 * s.seconds() / end);
			h.append(String.format(Locale.ROOT,
					"<tr class=\"%s %s\"><td>%s</td><td>%s</td><td>%.3f s</td><td>%.0f ms</td>"
							+ "<td class=\"bar\"><div style=\"margin-left:%.2f%%;width:%.2f%%\"></div></td></tr>\n",
					s.kind(), s.ok() ? "ok" : "bad", s.kind(), esc(s.label()), s.start(), s.seconds() * 1000,
					Math.min(left, 99.7), Math.min(width, 100 - Math.min(left, 99.7))));
		}
		h.append("</table>\n");
	}

	static List<Span> spans(List<Event> unsorted) {
		List<Event> events = sorted(unsorted);
		List<Span> out = new ArrayList<>();
		if (events.isEmpty()) {
			return out;
		}
		double t0 = events.get(0).time();
		double last = events.get(events.size() - 1).time() - t0;
		Map<String, Double> stateSince = new HashMap<>();
		// States seen on screen while active; the others were only assumed (issue 11).
		Set<String> seen = new HashSet<>();
		boolean tellsSeen = false;
		Map<String, Event> transitions = new HashMap<>();
		Map<String, Double> actions = new HashMap<>();
		for (Event e : events) {
			double t = e.time() - t0;
			switch (e.event()) {
			case "qontinui/stateChanged" -> {
				String id = e.text("stateId");
				tellsSeen |= e.body().has("seenStates");
				for (JsonNode s : e.body().path("seenStates")) {
					seen.add(s.asText());
				}
				if (e.flag("active", true)) {
					stateSince.putIfAbsent(id, t);
				} else if (stateSince.containsKey(id)) {
					double since = stateSince.remove(id);
					out.add(new Span("state", name(e.text("stateName"), id) + seenOrAssumed(e, id, seen), since,
							t - since, true));
					seen.remove(id);
				}
			}
			case "qontinui/detection" -> {
				double seconds = e.number("durationMs", 0) / 1000;
				List<String> found = new ArrayList<>();
				for (JsonNode s : e.body().path("seen")) {
					found.add(String.format(Locale.ROOT, "%s %.3f", s.asText(),
							e.body().path("scores").path(s.asText()).asDouble(Double.NaN)));
				}
				out.add(new Span("detection", String.format(Locale.ROOT, "%s: seen %s (%.1f ms of %.0f ms budget)",
						e.text("reason"), found.isEmpty() ? "none" : String.join(", ", found), seconds * 1000,
						e.number("budgetMs", Double.NaN)), Math.max(0, t - seconds), seconds, e.flag("complete", true)));
			}
			case "qontinui/interruption" -> out.add(new Span("interruption", String.format(Locale.ROOT,
					"%s seen (score %.3f), taking %s", name(e.text("stateName"), e.text("stateId")),
					e.number("score", Double.NaN), e.text("transitionId")), t, 0, true));
			case "qontinui/transitionStarted" -> transitions.put(e.text("transitionId"), e);
			case "qontinui/transitionCompleted" -> {
				Event start = transitions.remove(e.text("transitionId"));
				double from = start == null ? t : start.time() - t0;
				String label = e.text("transitionId") + (start == null ? ""
						: ": " + start.text("fromState") + " \u2192 " + start.text("toState"));
				out.add(new Span("transition", label, from, t - from, e.flag("success", true)));
			}
			case "qontinui/actionStarted" -> actions.put(e.text("actionId"), t);
			case "qontinui/actionCompleted" -> {
				Double started = actions.remove(e.text("actionId"));
				double seconds = e.number("durationMs", Double.NaN) / 1000;
				if (Double.isNaN(seconds)) {
					seconds = started == null ? 0 : t - started;
				}
				double from = started == null ? t - seconds : started;
				String message = e.text("message");
				out.add(new Span("action", e.text("actionId") + " " + nz(e.text("actionType"))
						+ (message == null || message.isBlank() ? "" : ": " + message), from, seconds,
						e.flag("success", true)));
			}
			default -> {
			}
			}
		}
		// States still active at the end last until the last event.
		for (Map.Entry<String, Double> s : stateSince.entrySet()) {
			out.add(new Span("state", s.getKey() + " (active at the end" + (!tellsSeen ? ")"
					: seen.contains(s.getKey()) ? ", seen)" : ", assumed)"), s.getValue(), last - s.getValue(), true));
		}
		out.sort(Comparator.comparingDouble(Span::start));
		return out;
	}

	/** {@code " (seen)"} or {@code " (assumed)"}; nothing from an executor that does not tell. */
	private static String seenOrAssumed(Event e, String id, Set<String> seen) {
		if (!e.body().has("seenStates")) {
			return "";
		}
		return seen.contains(id) ? " (seen)" : " (assumed)";
	}

	// --- failures -----------------------------------------------------------------------------------

	private static void failures(StringBuilder h, ReportedRun r, List<Event> events) {
		List<Event> shots = events.stream().filter(e -> e.event().equals("qontinui/screenshot")).toList();
		if (shots.isEmpty()) {
			return;
		}
		h.append("<h3>Failures</h3>\n");
		JsonNode config = readConfig(r.config());
		for (Event shot : shots) {
			String action = shot.text("actionId");
			Event match = lastMatchBefore(events, action, shot.time());
			h.append("<figure class=\"failure-shot\" data-action=\"").append(esc(nz(action))).append("\">\n");
			h.append("<figcaption>Action <b>").append(esc(nz(action))).append("</b>: ")
					.append(esc(nz(shot.text("reason")))).append("</figcaption>\n");
			String image = embed(Path.of(nz(shot.text("path"))));
			h.append("<div class=\"pair\"><div class=\"shot\">");
			if (image == null) {
				h.append("<p>Screenshot missing: ").append(esc(nz(shot.text("path")))).append("</p>");
			} else {
				int[] size = pngSize(Path.of(shot.text("path")));
				h.append("<svg class=\"screenshot\" viewBox=\"0 0 ").append(size[0]).append(' ').append(size[1])
						.append("\" width=\"").append(Math.min(size[0], 960)).append("\">");
				h.append("<image href=\"").append(image).append("\" width=\"").append(size[0]).append("\" height=\"")
						.append(size[1]).append("\"/>");
				JsonNode region = match == null ? null : match.body().get("region");
				if (region != null && region.isObject()) {
					h.append(String.format(Locale.ROOT,
							"<rect class=\"best-match\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
							region.path("x").asInt(), region.path("y").asInt(), region.path("width").asInt(),
							region.path("height").asInt()));
				}
				h.append("</svg>");
			}
			h.append("</div>\n<div class=\"side\">");
			if (match != null) {
				String imageId = match.text("imageId");
				h.append(String.format(Locale.ROOT,
						"<p class=\"score\">best score <b>%.3f</b> against threshold %.3f (%s)</p>",
						match.number("score", Double.NaN), match.number("threshold", Double.NaN),
						match.flag("found", false) ? "found" : "not found"));
				String template = templatePng(config, imageId);
				if (template != null) {
					h.append("<p>Template <code>").append(esc(nz(imageId))).append("</code><br><img class=\"template\" src=\"data:image/png;base64,")
							.append(template).append("\"></p>");
				}
				String seen = match.text("regionPng");
				if (seen != null) {
					h.append("<p>Best match on screen<br><img class=\"seen\" src=\"data:image/png;base64,").append(seen)
							.append("\"></p>");
				}
			}
			h.append("</div></div></figure>\n");
		}
	}

	private static Event lastMatchBefore(List<Event> events, String actionId, double time) {
		Event found = null;
		for (Event e : events) {
			if (e.time() > time) {
				break;
			}
			if (e.event().equals("qontinui/match") && (actionId == null || actionId.equals(e.text("actionId")))) {
				found = e;
			}
		}
		return found;
	}

	private static JsonNode readConfig(Path config) {
		try {
			return config != null && Files.isRegularFile(config) ? JSON.readTree(config.toFile()) : null;
		} catch (IOException e) {
			return null; // the report still shows the screenshot and the score
		}
	}

	/** The base64 PNG of an image id, or of the first pattern of a state image with that id. */
	static String templatePng(JsonNode config, String imageId) {
		if (config == null || imageId == null) {
			return null;
		}
		String id = imageId;
		for (JsonNode state : config.path("states")) {
			for (JsonNode si : state.path("stateImages")) {
				if (imageId.equals(si.path("id").asText())) {
					JsonNode pattern = si.path("patterns").path(0);
					id = pattern.path("imageId").asText(imageId);
				}
			}
		}
		for (JsonNode image : config.path("images")) {
			if (id.equals(image.path("id").asText())) {
				String data = image.path("data").asText(null);
				if (data != null && data.startsWith("data:")) {
					data = data.substring(data.indexOf(',') + 1);
				}
				return data;
			}
		}
		return null;
	}

	// --- performance --------------------------------------------------------------------------------

	private static void performance(StringBuilder h, List<Event> events) {
		List<Event> finds = new ArrayList<>(events.stream().filter(e -> e.event().equals("qontinui/match")).toList());
		double waiting = 0;
		double acting = 0;
		for (Event e : events) {
			if (e.event().equals("qontinui/actionCompleted")) {
				String type = nz(e.text("actionType"));
				double ms = e.number("durationMs", 0);
				if (CONTAINERS.contains(type)) {
					continue;
				}
				if (WAITING.contains(type)) {
					waiting += ms;
				} else {
					// A CLICK on an image first waits for it: its find time is waiting, the rest acting.
					double find = e.body().path("match").path("durationMs").asDouble(0);
					waiting += Math.min(find, ms);
					acting += Math.max(0, ms - find);
				}
			}
		}
		h.append("<h3>Performance</h3>\n");
		double sum = Math.max(waiting + acting, 0.001);
		h.append(String.format(Locale.ROOT,
				"<p class=\"wait-act\">Time waiting: <b>%.0f ms</b> (%.0f%%); time acting: <b>%.0f ms</b> (%.0f%%)</p>\n",
				waiting, 100 * waiting / sum, acting, 100 * acting / sum));
		h.append(String.format(Locale.ROOT, "<div class=\"ratio\"><div class=\"waiting\" style=\"width:%.1f%%\"></div></div>\n",
				100 * waiting / sum));
		finds.sort(Comparator.comparingDouble((Event e) -> e.number("durationMs", 0)).reversed());
		if (finds.isEmpty()) {
			return;
		}
		h.append("<table class=\"slowest\"><tr><th>slowest finds</th><th>action</th><th>ms</th><th>score</th><th>method</th></tr>\n");
		for (Event e : finds.subList(0, Math.min(SLOWEST_FINDS, finds.size()))) {
			h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.1f</td><td>%.3f / %.3f</td><td>%s</td></tr>\n",
					esc(nz(e.text("imageId"))), esc(nz(e.text("actionId"))), e.number("durationMs", 0),
					e.number("score", Double.NaN), e.number("threshold", Double.NaN), esc(nz(e.text("method")))));
		}
		h.append("</table>\n");
	}

	// --- helpers ------------------------------------------------------------------------------------

	private static String embed(Path png) {
		try {
			if (!Files.isRegularFile(png) || Files.size(png) > MAX_EMBEDDED_BYTES) {
				return null;
			}
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
		} catch (IOException e) {
			return null;
		}
	}

	/** Width and height from a PNG's IHDR chunk; 1920x1080 when unreadable. */
	static int[] pngSize(Path png) {
		try (var in = Files.newInputStream(png)) {
			byte[] head = in.readNBytes(24);
			if (head.length == 24 && head[12] == 'I' && head[13] == 'H') {
				int w = ((head[16] & 0xff) << 24) | ((head[17] & 0xff) << 16) | ((head[18] & 0xff) << 8) | (head[19] & 0xff);
				int hgt = ((head[20] & 0xff) << 24) | ((head[21] & 0xff) << 16) | ((head[22] & 0xff) << 8) | (head[23] & 0xff);
				return new int[] { w, hgt };
			}
		} catch (IOException e) {
			// fall through
		}
		return new int[] { 1920, 1080 };
	}

	private static String name(String name, String id) {
		return name == null || name.equals(id) ? id : name + " [" + id + "]";
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	static String esc(String s) {
		StringBuilder b = new StringBuilder(s.length() + 16);
		for (char c : s.toCharArray()) {
			switch (c) {
			case '<' -> b.append("&lt;");
			case '>' -> b.append("&gt;");
			case '&' -> b.append("&amp;");
			case '"' -> b.append("&quot;");
			case '\'' -> b.append("&#39;");
			default -> b.append(c);
			}
		}
		return b.toString();
	}

	private static final String STYLE = """
			body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}
			h1{margin:0 0 8px} h2{margin-top:32px;border-bottom:1px solid #ccc}
			.verdict{font-weight:bold;font-size:18px}.verdict.pass{color:#1a7f37}.verdict.fail{color:#c62828}
			table{border-collapse:collapse;margin:8px 0}td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #eee}
			tr.fail td,.run.fail .badge{color:#c62828}tr.pass td:nth-child(4),.run.pass .badge{color:#1a7f37}
			.timeline td.bar{width:40%;min-width:200px}.timeline td.bar div{height:10px;background:#4a78c2}
			.timeline tr.state td.bar div{background:#8bb174}.timeline tr.transition td.bar div{background:#c29b4a}
			.timeline tr.detection td.bar div{background:#6a5acd}.timeline tr.interruption td.bar div{background:#e67e22}
			.timeline tr.bad td{color:#c62828}.timeline tr.bad td.bar div{background:#c62828}
			.pair{display:flex;gap:16px;align-items:flex-start}.side img{border:1px solid #999;image-rendering:pixelated}
			svg.screenshot{border:1px solid #999;max-width:100%;height:auto}
			rect.best-match{fill:none;stroke:#ff1744;stroke-width:3}
			.ratio{width:300px;height:10px;background:#4a78c2}.ratio .waiting{height:10px;background:#c29b4a}
			.failure{color:#c62828;white-space:pre-wrap}code{font-size:12px}
			""";
}
