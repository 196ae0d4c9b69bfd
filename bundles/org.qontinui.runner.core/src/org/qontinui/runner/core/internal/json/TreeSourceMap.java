/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.internal.json;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;

import org.qontinui.runner.core.validation.SourceMap;
import org.qontinui.runner.core.validation.TextPosition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@link SourceMap} over a tree read by {@link LocatingTreeReader}. */
public final class TreeSourceMap implements SourceMap {

	private final JsonNode root;
	private final long rootPosition;
	private final IdentityHashMap<JsonNode, long[]> positions;

	TreeSourceMap(JsonNode root, long rootPosition, IdentityHashMap<JsonNode, long[]> positions) {
		this.root = root;
		this.rootPosition = rootPosition;
		this.positions = positions;
	}

	/**
	 * Renames a key in place, keeping its position in the object (and so the recorded positions);
	 * used by the v1 migration.
	 */
	public static void renameKey(ObjectNode object, String oldName, String newName) {
		if (!object.has(oldName) || object.has(newName)) {
			return;
		}
		var entries = new ArrayList<Map.Entry<String, JsonNode>>();
		object.properties().forEach(entries::add);
		object.removeAll();
		for (var entry : entries) {
			object.set(entry.getKey().equals(oldName) ? newName : entry.getKey(), entry.getValue());
		}
	}

	@Override
	public TextPosition positionOf(String pointer) {
		JsonNode node = root;
		long position = rootPosition;
		if (pointer == null || pointer.isEmpty() || pointer.equals("/")) { //$NON-NLS-1$
			return unpack(position);
		}
		int start = 1;
		while (start <= pointer.length()) {
			int end = pointer.indexOf('/', start);
			if (end < 0) {
				end = pointer.length();
			}
			String segment = unescape(pointer.substring(start, end));
			long[] children = positions.get(node);
			if (children == null) {
				break;
			}
			int index = -1;
			JsonNode child = null;
			if (node.isObject()) {
				child = node.get(segment);
				if (child != null) {
					index = LocatingTreeReader.indexOf((ObjectNode) node, segment);
				}
			} else if (node.isArray()) {
				index = parseIndex(segment);
				child = index >= 0 ? node.get(index) : null;
			}
			if (child == null || index < 0 || 1 + index >= children.length) {
				break;
			}
			node = child;
			position = children[1 + index];
			start = end + 1;
		}
		return unpack(position);
	}

	private static int parseIndex(String segment) {
		try {
			return Integer.parseInt(segment);
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	private static String unescape(String segment) {
		return segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
	}

	private static TextPosition unpack(long packed) {
		return new TextPosition((int) (packed >>> 32), (int) packed);
	}
}
