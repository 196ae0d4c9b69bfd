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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads JSON text into a Jackson tree in one streaming pass and remembers where every value
 * started, so diagnostics found later on the model can point at line:column.
 * <p>
 * Positions are kept per container (one {@code long[]} each, packed line/column) instead of per
 * pointer string: that costs a few bytes per value and nothing for pointers never asked for.
 */
public final class LocatingTreeReader {

	/**
	 * Text this reader itself finds malformed (empty, or content after the configuration); unlike the
	 * parser's own messages, its message is written for users.
	 */
	public static final class DocumentException extends JsonParseException {
		private static final long serialVersionUID = 1L;

		DocumentException(JsonParser parser, String message) {
			super(parser, message);
		}
	}

	/** The tree, its positions and the pointers of keys that appeared twice in one object. */
	public record Result(JsonNode root, TreeSourceMap sourceMap, List<String> duplicateKeys) {
	}

	private final JsonFactory factory;
	private final JsonNodeFactory nodes = JsonNodeFactory.instance;
	private IdentityHashMap<JsonNode, long[]> positions;
	private List<String> duplicates;

	public LocatingTreeReader(JsonFactory factory) {
		this.factory = factory;
	}

	/**
	 * @throws com.fasterxml.jackson.core.JsonProcessingException for malformed text; its
	 *         {@code getLocation()} says where ({@link DocumentException} when the message is for users)
	 */
	public Result read(String text) throws IOException {
		positions = new IdentityHashMap<>();
		duplicates = new ArrayList<>();
		try (JsonParser parser = factory.createParser(text)) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				throw new DocumentException(parser, Messages.LocatingTreeReader_emptyDocument);
			}
			long rootPosition = pack(parser.currentTokenLocation());
			JsonNode root = readValue(parser, token, rootPosition);
			if (parser.nextToken() != null) {
				throw new DocumentException(parser, Messages.LocatingTreeReader_contentAfterEnd);
			}
			TreeSourceMap map = new TreeSourceMap(root, rootPosition, positions);
			return new Result(root, map, List.copyOf(duplicates));
		} finally {
			positions = null;
		}
	}

	private JsonNode readValue(JsonParser parser, JsonToken token, long position) throws IOException {
		switch (token) {
		case START_OBJECT:
			return readObject(parser, position);
		case START_ARRAY:
			return readArray(parser, position);
		case VALUE_STRING:
			return nodes.textNode(parser.getText());
		case VALUE_NUMBER_INT:
			switch (parser.getNumberType()) {
			case INT:
				return nodes.numberNode(parser.getIntValue());
			case LONG:
				return nodes.numberNode(parser.getLongValue());
			default:
				return nodes.numberNode(parser.getBigIntegerValue());
			}
		case VALUE_NUMBER_FLOAT:
			return nodes.numberNode(parser.getDoubleValue());
		case VALUE_TRUE:
			return nodes.booleanNode(true);
		case VALUE_FALSE:
			return nodes.booleanNode(false);
		case VALUE_NULL:
			return nodes.nullNode();
		default:
			throw new JsonParseException(parser, "unexpected token " + token); //$NON-NLS-1$
		}
	}

	private ObjectNode readObject(JsonParser parser, long position) throws IOException {
		ObjectNode object = nodes.objectNode();
		long[] children = new long[9];
		children[0] = position;
		int count = 0;
		String name;
		while ((name = parser.nextFieldName()) != null) {
			JsonToken token = parser.nextToken();
			long childPosition = pack(parser.currentTokenLocation());
			JsonNode value = readValue(parser, token, childPosition);
			if (object.has(name)) {
				// Last one wins, as in Jackson's own tree reader; keep the positions aligned.
				duplicates.add(pointerHint(parser, name));
				int index = indexOf(object, name);
				object.set(name, value);
				children[1 + index] = childPosition;
				continue;
			}
			object.set(name, value);
			if (1 + count >= children.length) {
				children = Arrays.copyOf(children, children.length * 2);
			}
			children[1 + count++] = childPosition;
		}
		positions.put(object, Arrays.copyOf(children, 1 + count));
		return object;
	}

	private ArrayNode readArray(JsonParser parser, long position) throws IOException {
		ArrayNode array = nodes.arrayNode();
		long[] children = new long[9];
		children[0] = position;
		int count = 0;
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			long childPosition = pack(parser.currentTokenLocation());
			array.add(readValue(parser, token, childPosition));
			if (1 + count >= children.length) {
				children = Arrays.copyOf(children, children.length * 2);
			}
			children[1 + count++] = childPosition;
		}
		positions.put(array, Arrays.copyOf(children, 1 + count));
		return array;
	}

	private static String pointerHint(JsonParser parser, String name) {
		return parser.getParsingContext().getParent() == null ? "/" + name //$NON-NLS-1$
				: parser.getParsingContext().pathAsPointer().toString();
	}

	static int indexOf(ObjectNode object, String name) {
		int index = 0;
		var names = object.fieldNames();
		while (names.hasNext()) {
			if (names.next().equals(name)) {
				return index;
			}
			index++;
		}
		return -1;
	}

	static long pack(JsonLocation location) {
		return ((long) location.getLineNr() << 32) | (location.getColumnNr() & 0xffffffffL);
	}
}
