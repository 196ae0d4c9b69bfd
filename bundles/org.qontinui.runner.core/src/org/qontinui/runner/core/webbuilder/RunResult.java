/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.webbuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.osgi.util.NLS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One finished run, as uploaded to the web builder ({@code POST /api/v1/runs}).
 *
 * @param runId       unique per run; sent as {@code Idempotency-Key} so a retried upload is not
 *                    counted twice. Generated when null.
 * @param configId    the web builder id of the configuration, null for a local file
 * @param workflow    name or id of the workflow that ran
 * @param startedAt   when the run started
 * @param actions     one entry per executed action, in order
 * @param screenshots PNG files taken on failure; sent inline as base64
 */
public record RunResult(String runId, String configId, String configName, String workflow, Status status,
		Instant startedAt, long durationMs, List<ActionResult> actions, List<Path> screenshots) {

	/** Largest screenshot sent inline; bigger ones are listed as omitted rather than failing the upload. */
	public static final long DEFAULT_MAX_SCREENSHOT_BYTES = 4L * 1024 * 1024;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	private static final ObjectMapper MAPPER = new ObjectMapper();

	/** How a run ended. */
	public enum Status {
		PASSED, FAILED,
		/** The run could not complete (e.g. the configuration did not load), as opposed to a failed check. */
		ERROR;

		public String jsonName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** The outcome of one action; {@code message} is null or says what went wrong. */
	public record ActionResult(String actionId, String type, boolean success, long durationMs, String message) {
		public ActionResult {
			Objects.requireNonNull(actionId, "actionId"); //$NON-NLS-1$
		}
	}

	public RunResult {
		runId = runId == null || runId.isBlank() ? UUID.randomUUID().toString() : runId;
		Objects.requireNonNull(status, "status"); //$NON-NLS-1$
		Objects.requireNonNull(startedAt, "startedAt"); //$NON-NLS-1$
		actions = actions == null ? List.of() : List.copyOf(actions);
		screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
	}

	/** The upload body, screenshots capped at {@link #DEFAULT_MAX_SCREENSHOT_BYTES} each. */
	public String toJson() {
		return toJson(DEFAULT_MAX_SCREENSHOT_BYTES);
	}

	/**
	 * The upload body. Screenshots are read now: missing, unreadable, oversized or non-PNG files
	 * are listed under {@code omittedScreenshots} so the run itself still gets through.
	 */
	public String toJson(long maxScreenshotBytes) {
		ObjectNode root = MAPPER.createObjectNode();
		root.put("runId", runId); //$NON-NLS-1$
		root.put("configId", configId); //$NON-NLS-1$
		root.put("configName", configName); //$NON-NLS-1$
		root.put("workflow", workflow); //$NON-NLS-1$
		root.put("status", status.jsonName()); //$NON-NLS-1$
		root.put("startedAt", startedAt.toString()); //$NON-NLS-1$
		root.put("durationMs", durationMs); //$NON-NLS-1$
		ArrayNode actionArray = root.putArray("actions"); //$NON-NLS-1$
		for (ActionResult action : actions) {
			ObjectNode node = actionArray.addObject();
			node.put("actionId", action.actionId()); //$NON-NLS-1$
			node.put("type", action.type()); //$NON-NLS-1$
			node.put("success", action.success()); //$NON-NLS-1$
			node.put("durationMs", action.durationMs()); //$NON-NLS-1$
			if (action.message() != null) {
				node.put("message", action.message()); //$NON-NLS-1$
			}
		}
		ArrayNode included = root.putArray("screenshots"); //$NON-NLS-1$
		ArrayNode omitted = MAPPER.createArrayNode();
		for (Path file : screenshots) {
			String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
			String problem = null;
			try {
				long size = Files.size(file);
				if (size > maxScreenshotBytes) {
					problem = NLS.bind(Messages.RunResult_tooLarge, formatSize(maxScreenshotBytes));
				} else {
					byte[] bytes = Files.readAllBytes(file);
					if (bytes.length > maxScreenshotBytes) {
						problem = NLS.bind(Messages.RunResult_tooLarge, formatSize(maxScreenshotBytes));
					} else if (!isPng(bytes)) {
						problem = Messages.RunResult_notPng;
					} else {
						ObjectNode node = included.addObject();
						node.put("name", name); //$NON-NLS-1$
						node.put("mediaType", "image/png"); //$NON-NLS-1$//$NON-NLS-2$
						node.put("data", Base64.getEncoder().encodeToString(bytes)); //$NON-NLS-1$
					}
				}
			} catch (NoSuchFileException e) {
				problem = Messages.RunResult_notFound;
			} catch (IOException e) {
				problem = NLS.bind(Messages.RunResult_unreadable, e.getClass().getSimpleName());
			}
			if (problem != null) {
				omitted.addObject().put("name", name).put("reason", problem); //$NON-NLS-1$//$NON-NLS-2$
			}
		}
		if (!omitted.isEmpty()) {
			root.set("omittedScreenshots", omitted); //$NON-NLS-1$
		}
		try {
			return MAPPER.writeValueAsString(root);
		} catch (JsonProcessingException e) {
			// A tree of strings and numbers always serializes.
			throw new UncheckedIOException(e);
		}
	}

	private static boolean isPng(byte[] bytes) {
		return bytes.length >= PNG_SIGNATURE.length
				&& Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
	}

	private static String formatSize(long bytes) {
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return NLS.bind(Messages.RunResult_mebibytes, bytes / (1024 * 1024));
		}
		return NLS.bind(Messages.RunResult_bytes, bytes);
	}
}
