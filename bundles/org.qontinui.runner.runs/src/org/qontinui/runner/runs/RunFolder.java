/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A run folder as the executor writes it (docs/protocol.md, "Run folder"): {@code events.jsonl}, one
 * {@code {"time","event","body"}} object per executor event, failure screenshots and, for recorded runs,
 * {@code run.json} with the configuration copy and {@code frames/} with the frame each action saw. This
 * is the one run-record format: the headless runner, the HTML report and replay all read it.
 */
public final class RunFolder {

	/** The record's file name inside a run folder. */
	public static final String EVENTS = "events.jsonl"; //$NON-NLS-1$
	/** Written by recorded runs: {@code {"config","workflow","backend","frames"}}. */
	public static final String MANIFEST = "run.json"; //$NON-NLS-1$

	/** One line of {@code events.jsonl}. {@code time} is wall-clock seconds. */
	public record Event(double time, String event, JsonNode body) {

		public String text(String field) {
			JsonNode n = body.get(field);
			return n == null || n.isNull() ? null : n.asText();
		}

		public double number(String field, double otherwise) {
			JsonNode n = body.get(field);
			return n == null || !n.isNumber() ? otherwise : n.asDouble();
		}

		public boolean flag(String field, boolean otherwise) {
			JsonNode n = body.get(field);
			return n == null || !n.isBoolean() ? otherwise : n.asBoolean();
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path dir;

	public RunFolder(Path dir) {
		this.dir = dir;
	}

	public Path dir() {
		return dir;
	}

	public boolean hasEvents() {
		return Files.isRegularFile(dir.resolve(EVENTS));
	}

	/** True when the run was recorded ({@code --record}) and can be replayed in the debugger. */
	public boolean isRecorded() {
		return Files.isRegularFile(dir.resolve(MANIFEST)) && Files.isDirectory(dir.resolve("frames")); //$NON-NLS-1$
	}

	/**
	 * The events in file order. A line that is not JSON (a run killed mid-write) is skipped: the record
	 * is read after the fact and must show what there is.
	 */
	public List<Event> events() throws IOException {
		List<Event> out = new ArrayList<>();
		if (!hasEvents()) {
			return out;
		}
		try (BufferedReader r = Files.newBufferedReader(dir.resolve(EVENTS), StandardCharsets.UTF_8)) {
			String line;
			while ((line = r.readLine()) != null) {
				Event e = parse(line);
				if (e != null) {
					out.add(e);
				}
			}
		}
		return out;
	}

	/** One line of the record, or null when it is blank or not a record line. */
	public static Event parse(String line) {
		if (line.isBlank()) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(line);
			if (node == null || !node.has("event")) { //$NON-NLS-1$
				return null;
			}
			JsonNode body = node.get("body"); //$NON-NLS-1$
			return new Event(node.path("time").asDouble(0), node.get("event").asText(), //$NON-NLS-1$ //$NON-NLS-2$
					body == null ? NullNode.getInstance() : body);
		} catch (JsonProcessingException e) {
			return null;
		}
	}

	/** The manifest of a recorded run, or null. */
	public JsonNode manifest() throws IOException {
		Path file = dir.resolve(MANIFEST);
		return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
	}
}
