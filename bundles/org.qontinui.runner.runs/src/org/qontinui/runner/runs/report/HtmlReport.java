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

import org.eclipse.osgi.util.NLS;
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
	private static final Set<String> WAITING = Set.of("WAIT", "FIND", "FIND_STATE", "VANISH", "EXISTS", "WAIT_FOR_COLOR"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	/** Action types that only contain other actions; their time is their children's. */
	private static final Set<String> CONTAINERS = Set.of("IF", "LOOP", "TRY_CATCH", "SWITCH", "RUN_WORKFLOW", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"GO_TO_STATE", "SEQUENCE"); //$NON-NLS-1$ //$NON-NLS-2$
	/** The timeline's kinds of rows: each row's CSS class; {@link #kindLabel(String)} is what it shows. */
	private static final String STATE = "state"; //$NON-NLS-1$
	private static final String DETECTION = "detection"; //$NON-NLS-1$
	private static final String INTERRUPTION = "interruption"; //$NON-NLS-1$
	private static final String TRANSITION = "transition"; //$NON-NLS-1$
	private static final String ACTION = "action"; //$NON-NLS-1$
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
		long skipped = runs.stream().filter(ReportedRun::skipped).count();
		long failed = runs.size() - passed - skipped;
		double total = runs.stream().mapToDouble(ReportedRun::seconds).sum();
		h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(title)) //$NON-NLS-1$
				.append("</title>\n<style>").append(STYLE).append("</style></head><body>\n"); //$NON-NLS-1$ //$NON-NLS-2$
		h.append("<h1>").append(esc(title)).append("</h1>\n"); //$NON-NLS-1$ //$NON-NLS-2$
		// SUITE PASSED / SUITE FAILED: the verdict CI scripts look for, as the runner prints it.
		h.append(String.format(Locale.ROOT, "<section id=\"summary\"><p class=\"verdict %s\">%s</p><p>%s</p>\n", //$NON-NLS-1$
				failed == 0 ? "pass" : "fail", failed == 0 ? "SUITE PASSED" : "SUITE FAILED", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				NLS.bind(text(Messages.HtmlReport_summary), new Object[] { runs.size(),
						bold(NLS.bind(text(Messages.HtmlReport_passedCount), passed)),
						bold(NLS.bind(text(skipped == 0 ? Messages.HtmlReport_failedCount : Messages.HtmlReport_failedSkippedCount),
								failed, skipped)),
						String.format(Locale.ROOT, "%.1f", total), Instant.now() }))); //$NON-NLS-1$
		h.append("<table class=\"runs\"><tr>"); //$NON-NLS-1$
		headings(h, Messages.HtmlReport_columnRun, Messages.HtmlReport_columnConfiguration,
				Messages.HtmlReport_columnWorkflow, Messages.HtmlReport_columnResult, Messages.HtmlReport_columnTime,
				Messages.HtmlReport_columnDisplay);
		h.append("</tr>\n"); //$NON-NLS-1$
		for (int i = 0; i < runs.size(); i++) {
			ReportedRun r = runs.get(i);
			h.append(String.format(Locale.ROOT,
					"<tr class=\"%s\"><td><a href=\"#run-%d\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", //$NON-NLS-1$
					status(r), i, esc(r.id()), esc(String.valueOf(r.config())),
					esc(r.workflow() == null ? Messages.HtmlReport_defaultWorkflow : r.workflow()), verdict(r),
					seconds(String.format(Locale.ROOT, "%.2f", r.seconds())), //$NON-NLS-1$
					esc(r.display() == null ? "" : r.display()))); //$NON-NLS-1$
		}
		h.append("</table></section>\n"); //$NON-NLS-1$
		for (int i = 0; i < runs.size(); i++) {
			run(h, i, runs.get(i));
		}
		h.append("</body></html>\n"); //$NON-NLS-1$
		return h.toString();
	}

	private static void run(StringBuilder h, int index, ReportedRun r) throws IOException {
		List<Event> events = r.runDir() == null ? List.of() : new RunFolder(r.runDir()).events();
		h.append(String.format(Locale.ROOT, "<section class=\"run %s\" id=\"run-%d\" data-run=\"%s\">\n", //$NON-NLS-1$
				status(r), index, esc(r.id())));
		h.append("<h2>").append(esc(r.id())).append(" <span class=\"badge\">").append(verdict(r)) //$NON-NLS-1$ //$NON-NLS-2$
				.append("</span></h2>\n"); //$NON-NLS-1$
		if (!r.passed() && r.failure() != null) {
			h.append("<p class=\"failure\">").append(esc(r.failure())).append("</p>\n"); //$NON-NLS-1$ //$NON-NLS-2$
		}
		if (r.runDir() != null) {
			h.append("<p class=\"folder\">") //$NON-NLS-1$
					.append(NLS.bind(text(Messages.HtmlReport_runFolder), "<code>" + esc(r.runDir().toString()) + "</code>")) //$NON-NLS-1$ //$NON-NLS-2$
					.append("</p>\n"); //$NON-NLS-1$
		}
		timeline(h, events);
		failures(h, r, events);
		performance(h, events);
		h.append("</section>\n"); //$NON-NLS-1$
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
		heading(h, Messages.HtmlReport_timeline);
		if (spans.isEmpty()) {
			h.append("<p>").append(text(Messages.HtmlReport_noEvents)).append("</p>\n"); //$NON-NLS-1$ //$NON-NLS-2$
			return;
		}
		double end = spans.stream().mapToDouble(s -> s.start() + s.seconds()).max().orElse(1);
		end = Math.max(end, 0.001);
		h.append("<table class=\"timeline\"><tr>"); //$NON-NLS-1$
		headings(h, Messages.HtmlReport_columnKind, Messages.HtmlReport_columnWhat, Messages.HtmlReport_columnStart,
				Messages.HtmlReport_columnDuration);
		h.append("<th class=\"bar\"></th></tr>\n"); //$NON-NLS-1$
		for (Span s : spans) {
			double left = 100 * s.start() / end;
			double width = Math.max(0.3, 100 * s.seconds() / end);
			h.append(String.format(Locale.ROOT,
					"<tr class=\"%s %s\"><td>%s</td><td>%s</td><td>%s</td><td>%s</td>" //$NON-NLS-1$
							+ "<td class=\"bar\"><div style=\"margin-left:%.2f%%;width:%.2f%%\"></div></td></tr>\n", //$NON-NLS-1$
					s.kind(), s.ok() ? "ok" : "bad", text(kindLabel(s.kind())), esc(s.label()), //$NON-NLS-1$ //$NON-NLS-2$
					seconds(String.format(Locale.ROOT, "%.3f", s.start())), //$NON-NLS-1$
					millis(String.format(Locale.ROOT, "%.0f", s.seconds() * 1000)), //$NON-NLS-1$
					Math.min(left, 99.7), Math.min(width, 100 - Math.min(left, 99.7))));
		}
		h.append("</table>\n"); //$NON-NLS-1$
	}

	/** What a timeline row of {@code kind} shows in its kind column. */
	private static String kindLabel(String kind) {
		return switch (kind) {
		case STATE -> Messages.HtmlReport_kindState;
		case DETECTION -> Messages.HtmlReport_kindDetection;
		case INTERRUPTION -> Messages.HtmlReport_kindInterruption;
		case TRANSITION -> Messages.HtmlReport_kindTransition;
		default -> Messages.HtmlReport_kindAction;
		};
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
			case "qontinui/stateChanged" -> { //$NON-NLS-1$
				String id = e.text("stateId"); //$NON-NLS-1$
				tellsSeen |= e.body().has("seenStates"); //$NON-NLS-1$
				for (JsonNode s : e.body().path("seenStates")) { //$NON-NLS-1$
					seen.add(s.asText());
				}
				if (e.flag("active", true)) { //$NON-NLS-1$
					stateSince.putIfAbsent(id, t);
				} else if (stateSince.containsKey(id)) {
					double since = stateSince.remove(id);
					out.add(new Span(STATE, seenOrAssumed(e, id, seen, name(e.text("stateName"), id)), since, //$NON-NLS-1$
							t - since, true));
					seen.remove(id);
				}
			}
			case "qontinui/detection" -> { //$NON-NLS-1$
				double seconds = e.number("durationMs", 0) / 1000; //$NON-NLS-1$
				List<String> found = new ArrayList<>();
				for (JsonNode s : e.body().path("seen")) { //$NON-NLS-1$
					found.add(String.format(Locale.ROOT, "%s %.3f", s.asText(), //$NON-NLS-1$
							e.body().path("scores").path(s.asText()).asDouble(Double.NaN))); //$NON-NLS-1$
				}
				out.add(new Span(DETECTION, NLS.bind(Messages.HtmlReport_detection, new Object[] { e.text("reason"), //$NON-NLS-1$
						found.isEmpty() ? Messages.HtmlReport_none : String.join(", ", found), //$NON-NLS-1$
						String.format(Locale.ROOT, "%.1f", seconds * 1000), //$NON-NLS-1$
						String.format(Locale.ROOT, "%.0f", e.number("budgetMs", Double.NaN)) }), //$NON-NLS-1$ //$NON-NLS-2$
						Math.max(0, t - seconds), seconds, e.flag("complete", true))); //$NON-NLS-1$
			}
			case "qontinui/interruption" -> out.add(new Span(INTERRUPTION, NLS.bind(Messages.HtmlReport_interruption, //$NON-NLS-1$
					new Object[] { name(e.text("stateName"), e.text("stateId")), //$NON-NLS-1$ //$NON-NLS-2$
							String.format(Locale.ROOT, "%.3f", e.number("score", Double.NaN)), e.text("transitionId") }), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					t, 0, true));
			case "qontinui/transitionStarted" -> transitions.put(e.text("transitionId"), e); //$NON-NLS-1$ //$NON-NLS-2$
			case "qontinui/transitionCompleted" -> { //$NON-NLS-1$
				Event start = transitions.remove(e.text("transitionId")); //$NON-NLS-1$
				double from = start == null ? t : start.time() - t0;
				String label = start == null ? e.text("transitionId") //$NON-NLS-1$
						: NLS.bind(Messages.HtmlReport_transition, new Object[] { e.text("transitionId"), //$NON-NLS-1$
								start.text("fromState"), start.text("toState") }); //$NON-NLS-1$ //$NON-NLS-2$
				out.add(new Span(TRANSITION, label, from, t - from, e.flag("success", true))); //$NON-NLS-1$
			}
			case "qontinui/actionStarted" -> actions.put(e.text("actionId"), t); //$NON-NLS-1$ //$NON-NLS-2$
			case "qontinui/actionCompleted" -> { //$NON-NLS-1$
				Double started = actions.remove(e.text("actionId")); //$NON-NLS-1$
				double seconds = e.number("durationMs", Double.NaN) / 1000; //$NON-NLS-1$
				if (Double.isNaN(seconds)) {
					seconds = started == null ? 0 : t - started;
				}
				double from = started == null ? t - seconds : started;
				String message = e.text("message"); //$NON-NLS-1$
				out.add(new Span(ACTION, e.text("actionId") + " " + nz(e.text("actionType")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ (message == null || message.isBlank() ? "" : ": " + message), from, seconds, //$NON-NLS-1$ //$NON-NLS-2$
						e.flag("success", true))); //$NON-NLS-1$
			}
			default -> {
			}
			}
		}
		// States still active at the end last until the last event.
		for (Map.Entry<String, Double> s : stateSince.entrySet()) {
			String message = !tellsSeen ? Messages.HtmlReport_activeAtEnd
					: seen.contains(s.getKey()) ? Messages.HtmlReport_activeAtEndSeen
							: Messages.HtmlReport_activeAtEndAssumed;
			out.add(new Span(STATE, NLS.bind(message, s.getKey()), s.getValue(), last - s.getValue(), true));
		}
		out.sort(Comparator.comparingDouble(Span::start));
		return out;
	}

	/** {@code label (seen)} or {@code label (assumed)}; the label alone from an executor that does not tell. */
	private static String seenOrAssumed(Event e, String id, Set<String> seen, String label) {
		if (!e.body().has("seenStates")) { //$NON-NLS-1$
			return label;
		}
		return NLS.bind(seen.contains(id) ? Messages.HtmlReport_stateSeen : Messages.HtmlReport_stateAssumed, label);
	}
	// --- failures -----------------------------------------------------------------------------------

	private static void failures(StringBuilder h, ReportedRun r, List<Event> events) {
		List<Event> shots = events.stream().filter(e -> e.event().equals("qontinui/screenshot")).toList(); //$NON-NLS-1$
		if (shots.isEmpty()) {
			return;
		}
		heading(h, Messages.HtmlReport_failures);
		JsonNode config = readConfig(r.config());
		for (Event shot : shots) {
			String action = shot.text("actionId"); //$NON-NLS-1$
			Event match = lastMatchBefore(events, action, shot.time());
			h.append("<figure class=\"failure-shot\" data-action=\"").append(esc(nz(action))).append("\">\n"); //$NON-NLS-1$ //$NON-NLS-2$
			h.append("<figcaption>").append(NLS.bind(text(Messages.HtmlReport_failedAction), bold(esc(nz(action))), //$NON-NLS-1$
					esc(nz(shot.text("reason"))))).append("</figcaption>\n"); //$NON-NLS-1$ //$NON-NLS-2$
			String image = embed(Path.of(nz(shot.text("path")))); //$NON-NLS-1$
			h.append("<div class=\"pair\"><div class=\"shot\">"); //$NON-NLS-1$
			if (image == null) {
				h.append("<p>").append(NLS.bind(text(Messages.HtmlReport_screenshotMissing), esc(nz(shot.text("path"))))) //$NON-NLS-1$ //$NON-NLS-2$
						.append("</p>"); //$NON-NLS-1$
			} else {
				int[] size = pngSize(Path.of(shot.text("path"))); //$NON-NLS-1$
				h.append("<svg class=\"screenshot\" viewBox=\"0 0 ").append(size[0]).append(' ').append(size[1]) //$NON-NLS-1$
						.append("\" width=\"").append(Math.min(size[0], 960)).append("\">"); //$NON-NLS-1$ //$NON-NLS-2$
				h.append("<image href=\"").append(image).append("\" width=\"").append(size[0]).append("\" height=\"") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						.append(size[1]).append("\"/>"); //$NON-NLS-1$
				JsonNode region = match == null ? null : match.body().get("region"); //$NON-NLS-1$
				if (region != null && region.isObject()) {
					h.append(String.format(Locale.ROOT,
							"<rect class=\"best-match\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", //$NON-NLS-1$
							region.path("x").asInt(), region.path("y").asInt(), region.path("width").asInt(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							region.path("height").asInt())); //$NON-NLS-1$
				}
				h.append("</svg>"); //$NON-NLS-1$
			}
			h.append("</div>\n<div class=\"side\">"); //$NON-NLS-1$
			if (match != null) {
				String imageId = match.text("imageId"); //$NON-NLS-1$
				h.append("<p class=\"score\">").append(NLS.bind(text(Messages.HtmlReport_bestScore), new Object[] { //$NON-NLS-1$
						bold(String.format(Locale.ROOT, "%.3f", match.number("score", Double.NaN))), //$NON-NLS-1$ //$NON-NLS-2$
						String.format(Locale.ROOT, "%.3f", match.number("threshold", Double.NaN)), //$NON-NLS-1$ //$NON-NLS-2$
						text(match.flag("found", false) ? Messages.HtmlReport_found : Messages.HtmlReport_notFound) })) //$NON-NLS-1$
						.append("</p>"); //$NON-NLS-1$
				String template = templatePng(config, imageId);
				if (template != null) {
					h.append("<p>").append(NLS.bind(text(Messages.HtmlReport_template), "<code>" + esc(nz(imageId)) + "</code>")) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
							.append("<br><img class=\"template\" src=\"data:image/png;base64,").append(template) //$NON-NLS-1$
							.append("\"></p>"); //$NON-NLS-1$
				}
				String seen = match.text("regionPng"); //$NON-NLS-1$
				if (seen != null) {
					h.append("<p>").append(text(Messages.HtmlReport_bestMatch)) //$NON-NLS-1$
							.append("<br><img class=\"seen\" src=\"data:image/png;base64,").append(seen).append("\"></p>"); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			h.append("</div></div></figure>\n"); //$NON-NLS-1$
		}
	}

	private static Event lastMatchBefore(List<Event> events, String actionId, double time) {
		Event found = null;
		for (Event e : events) {
			if (e.time() > time) {
				break;
			}
			if (e.event().equals("qontinui/match") && (actionId == null || actionId.equals(e.text("actionId")))) { //$NON-NLS-1$ //$NON-NLS-2$
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
		for (JsonNode state : config.path("states")) { //$NON-NLS-1$
			for (JsonNode si : state.path("stateImages")) { //$NON-NLS-1$
				if (imageId.equals(si.path("id").asText())) { //$NON-NLS-1$
					JsonNode pattern = si.path("patterns").path(0); //$NON-NLS-1$
					id = pattern.path("imageId").asText(imageId); //$NON-NLS-1$
				}
			}
		}
		for (JsonNode image : config.path("images")) { //$NON-NLS-1$
			if (id.equals(image.path("id").asText())) { //$NON-NLS-1$
				String data = image.path("data").asText(null); //$NON-NLS-1$
				if (data != null && data.startsWith("data:")) { //$NON-NLS-1$
					data = data.substring(data.indexOf(',') + 1);
				}
				return data;
			}
		}
		return null;
	}

	// --- performance --------------------------------------------------------------------------------

	private static void performance(StringBuilder h, List<Event> events) {
		List<Event> finds = new ArrayList<>(events.stream().filter(e -> e.event().equals("qontinui/match")).toList()); //$NON-NLS-1$
		double waiting = 0;
		double acting = 0;
		for (Event e : events) {
			if (e.event().equals("qontinui/actionCompleted")) { //$NON-NLS-1$
				String type = nz(e.text("actionType")); //$NON-NLS-1$
				double ms = e.number("durationMs", 0); //$NON-NLS-1$
				if (CONTAINERS.contains(type)) {
					continue;
				}
				if (WAITING.contains(type)) {
					waiting += ms;
				} else {
					// A CLICK on an image first waits for it: its find time is waiting, the rest acting.
					double find = e.body().path("match").path("durationMs").asDouble(0); //$NON-NLS-1$ //$NON-NLS-2$
					waiting += Math.min(find, ms);
					acting += Math.max(0, ms - find);
				}
			}
		}
		heading(h, Messages.HtmlReport_performance);
		double sum = Math.max(waiting + acting, 0.001);
		h.append("<p class=\"wait-act\">").append(NLS.bind(text(Messages.HtmlReport_waitingActing), new Object[] { //$NON-NLS-1$
				bold(millis(String.format(Locale.ROOT, "%.0f", waiting))), //$NON-NLS-1$
				String.format(Locale.ROOT, "%.0f", 100 * waiting / sum), //$NON-NLS-1$
				bold(millis(String.format(Locale.ROOT, "%.0f", acting))), //$NON-NLS-1$
				String.format(Locale.ROOT, "%.0f", 100 * acting / sum) })).append("</p>\n"); //$NON-NLS-1$ //$NON-NLS-2$
		h.append(String.format(Locale.ROOT, "<div class=\"ratio\"><div class=\"waiting\" style=\"width:%.1f%%\"></div></div>\n", //$NON-NLS-1$
				100 * waiting / sum));
		finds.sort(Comparator.comparingDouble((Event e) -> e.number("durationMs", 0)).reversed()); //$NON-NLS-1$
		if (finds.isEmpty()) {
			return;
		}
		h.append("<table class=\"slowest\"><tr>"); //$NON-NLS-1$
		headings(h, Messages.HtmlReport_columnSlowestFinds, Messages.HtmlReport_columnAction, Messages.HtmlReport_columnMs,
				Messages.HtmlReport_columnScore, Messages.HtmlReport_columnMethod);
		h.append("</tr>\n"); //$NON-NLS-1$
		for (Event e : finds.subList(0, Math.min(SLOWEST_FINDS, finds.size()))) {
			h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.1f</td><td>%.3f / %.3f</td><td>%s</td></tr>\n", //$NON-NLS-1$
					esc(nz(e.text("imageId"))), esc(nz(e.text("actionId"))), e.number("durationMs", 0), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					e.number("score", Double.NaN), e.number("threshold", Double.NaN), esc(nz(e.text("method"))))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		h.append("</table>\n"); //$NON-NLS-1$
	}

	// --- helpers ------------------------------------------------------------------------------------

	/** An {@code h3} heading. */
	private static void heading(StringBuilder h, String message) {
		h.append("<h3>").append(text(message)).append("</h3>\n"); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A table's column headings, {@code th} elements. */
	private static void headings(StringBuilder h, String... messages) {
		for (String m : messages) {
			h.append("<th>").append(text(m)).append("</th>"); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** {@code passed} or {@code failed}. */
	/** The run's CSS class: pass, fail or skipped. */
	private static String status(ReportedRun r) {
		return r.skipped() ? "skipped" : r.passed() ? "pass" : "fail"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String verdict(ReportedRun r) {
		String verdict = text(r.skipped() ? Messages.HtmlReport_skipped : r.passed() ? Messages.HtmlReport_passed
				: Messages.HtmlReport_failed);
		return r.note() == null ? verdict : NLS.bind(text(Messages.HtmlReport_verdictWithNote), verdict, esc(r.note()));
	}

	/** A duration in seconds, {@code number} already formatted. */
	private static String seconds(String number) {
		return NLS.bind(text(Messages.HtmlReport_seconds), number);
	}

	/** A duration in milliseconds, {@code number} already formatted. */
	private static String millis(String number) {
		return NLS.bind(text(Messages.HtmlReport_milliseconds), number);
	}

	private static String bold(String html) {
		return "<b>" + html + "</b>"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * A message as HTML text: {@code &}, {@code <} and {@code >} escaped. Quotes and braces stay as they
	 * are, so a message with arguments can still be bound (its arguments are HTML already).
	 */
	static String text(String message) {
		return message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
	}
	private static String embed(Path png) {
		try {
			if (!Files.isRegularFile(png) || Files.size(png) > MAX_EMBEDDED_BYTES) {
				return null;
			}
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png)); //$NON-NLS-1$
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
		return name == null || name.equals(id) ? id : name + " [" + id + "]"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String nz(String s) {
		return s == null ? "" : s; //$NON-NLS-1$
	}

	static String esc(String s) {
		StringBuilder b = new StringBuilder(s.length() + 16);
		for (char c : s.toCharArray()) {
			switch (c) {
			case '<' -> b.append("&lt;"); //$NON-NLS-1$
			case '>' -> b.append("&gt;"); //$NON-NLS-1$
			case '&' -> b.append("&amp;"); //$NON-NLS-1$
			case '"' -> b.append("&quot;"); //$NON-NLS-1$
			case '\'' -> b.append("&#39;"); //$NON-NLS-1$
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
			tr.skipped td,.run.skipped .badge{color:#777}
			.timeline td.bar{width:40%;min-width:200px}.timeline td.bar div{height:10px;background:#4a78c2}
			.timeline tr.state td.bar div{background:#8bb174}.timeline tr.transition td.bar div{background:#c29b4a}
			.timeline tr.detection td.bar div{background:#6a5acd}.timeline tr.interruption td.bar div{background:#e67e22}
			.timeline tr.bad td{color:#c62828}.timeline tr.bad td.bar div{background:#c62828}
			.pair{display:flex;gap:16px;align-items:flex-start}.side img{border:1px solid #999;image-rendering:pixelated}
			svg.screenshot{border:1px solid #999;max-width:100%;height:auto}
			rect.best-match{fill:none;stroke:#ff1744;stroke-width:3}
			.ratio{width:300px;height:10px;background:#4a78c2}.ratio .waiting{height:10px;background:#c29b4a}
			.failure{color:#c62828;white-space:pre-wrap}code{font-size:12px}
			"""; //$NON-NLS-1$
}
