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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads web builder answers tolerantly: the API has shipped lists bare and wrapped, ids as numbers
 * and strings, and timestamps as ISO text and epoch milliseconds. Unknown fields are ignored.
 */
final class ResponseReader {

	/** Object members that may hold the list, tried in this order. */
	private static final String[] LIST_MEMBERS = { "items", "projects", "configurations", "data", "results" }; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$

	private ResponseReader() {
	}

	/** The list elements of a bare array or of the first list member of an object; null if neither. */
	static List<JsonNode> items(JsonNode root) {
		JsonNode array = null;
		if (root.isArray()) {
			array = root;
		} else if (root.isObject()) {
			for (String member : LIST_MEMBERS) {
				JsonNode candidate = root.get(member);
				if (candidate != null && candidate.isArray()) {
					array = candidate;
					break;
				}
			}
		}
		if (array == null) {
			return null;
		}
		List<JsonNode> items = new ArrayList<>();
		array.forEach(items::add);
		return items;
	}

	/** The first of {@code names} present as a string, number or boolean, as text; else null. */
	static String text(JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = node.get(name);
			if (value != null && value.isValueNode() && !value.isNull()) {
				String text = value.asText();
				if (!text.isBlank()) {
					return text;
				}
			}
		}
		return null;
	}

	/** The first of {@code names} readable as a point in time (ISO-8601 or epoch millis); else null. */
	static Instant instant(JsonNode node, String... names) {
		for (String name : names) {
			JsonNode value = node.get(name);
			if (value == null || value.isNull()) {
				continue;
			}
			if (value.isIntegralNumber()) {
				return Instant.ofEpochMilli(value.asLong());
			}
			if (value.isTextual()) {
				String text = value.asText().trim();
				try {
					return Instant.parse(text);
				} catch (DateTimeParseException e) {
					try {
						return OffsetDateTime.parse(text).toInstant();
					} catch (DateTimeParseException ignored) {
						// not a time we understand; a missing date is better than a failed listing
					}
				}
			}
		}
		return null;
	}

	static ProjectSummary project(JsonNode node) {
		String id = text(node, "id", "projectId", "project_id", "uuid"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
		if (id == null) {
			return null;
		}
		return new ProjectSummary(id, nameOr(text(node, "name", "title"), id), updated(node)); //$NON-NLS-1$//$NON-NLS-2$
	}

	static ConfigurationSummary configuration(JsonNode node, String requestedProjectId) {
		String id = text(node, "id", "configId", "configurationId", "config_id", "uuid"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$
		if (id == null) {
			return null;
		}
		String projectId = text(node, "projectId", "project_id"); //$NON-NLS-1$//$NON-NLS-2$
		if (projectId == null && node.get("project") != null && node.get("project").isObject()) { //$NON-NLS-1$//$NON-NLS-2$
			projectId = text(node.get("project"), "id"); //$NON-NLS-1$//$NON-NLS-2$
		}
		return new ConfigurationSummary(id, nameOr(text(node, "name", "title"), id), //$NON-NLS-1$//$NON-NLS-2$
				projectId == null ? requestedProjectId : projectId, updated(node), text(node, "version", "revision")); //$NON-NLS-1$//$NON-NLS-2$
	}

	static Account account(JsonNode root) {
		JsonNode node = root;
		for (String wrapper : new String[] { "user", "account", "data" }) { //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
			JsonNode inner = root.get(wrapper);
			if (inner != null && inner.isObject()) {
				node = inner;
				break;
			}
		}
		return new Account(text(node, "id", "userId", "user_id", "sub"), text(node, "name", "displayName", "username"), //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$//$NON-NLS-7$
				text(node, "email")); //$NON-NLS-1$
	}

	/** The server's own explanation from an error body, shortened to one line; null if none. */
	static String serverMessage(byte[] body, String contentType) {
		if (body == null || body.length == 0 || contentType.contains("html")) { //$NON-NLS-1$
			return null;
		}
		String text = new String(body, StandardCharsets.UTF_8).trim();
		if (text.startsWith("{")) { //$NON-NLS-1$
			try {
				JsonNode root = WebBuilderClient.MAPPER.readTree(text);
				JsonNode error = root.get("error"); //$NON-NLS-1$
				String message = text(root, "message", "detail", "title"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				if (message == null && error != null) {
					message = error.isObject() ? text(error, "message", "detail") : text(root, "error"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				}
				text = message;
			} catch (IOException e) {
				// not JSON after all: show the start of the text
			}
		}
		if (text == null || text.isBlank()) {
			return null;
		}
		text = text.replaceAll("\\s+", " "); //$NON-NLS-1$//$NON-NLS-2$
		return text.length() > 300 ? text.substring(0, 300) + "…" : text; //$NON-NLS-1$
	}

	private static Instant updated(JsonNode node) {
		return instant(node, "updatedAt", "updated_at", "updated", "modifiedAt", "lastModified", "createdAt", "created_at"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$//$NON-NLS-7$
	}

	private static String nameOr(String name, String id) {
		return name == null ? id : name;
	}
}
