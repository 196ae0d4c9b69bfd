package org.qontinui.runner.core.internal.json;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.qontinui.runner.core.validation.TextPosition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Finds the text positions of a few JSON pointers in one streaming pass without building a tree:
 * sub-trees that no wanted pointer enters are skipped. Used when a configuration was bound
 * directly and only its diagnostics need line:column.
 */
public final class PointerScanner {

	private static final class Node {
		final Map<String, Node> children = new HashMap<>(4);
		long position = -1;
	}

	private final JsonFactory factory;

	public PointerScanner(JsonFactory factory) {
		this.factory = factory;
	}

	/**
	 * Returns a position for every pointer: its own, or that of its nearest existing parent (a
	 * missing field is shown at the object that lacks it).
	 */
	public Map<String, TextPosition> positionsOf(String text, Collection<String> pointers) {
		Node root = new Node();
		for (String pointer : pointers) {
			Node node = root;
			for (String segment : segments(pointer)) {
				node = node.children.computeIfAbsent(segment, s -> new Node());
			}
		}
		try (JsonParser parser = factory.createParser(text)) {
			JsonToken token = parser.nextToken();
			if (token != null) {
				root.position = LocatingTreeReader.pack(parser.currentTokenLocation());
				scan(parser, token, root);
			}
		} catch (IOException e) {
			// Text already bound once, so it is well-formed; keep whatever was found.
		}
		Map<String, TextPosition> positions = new HashMap<>();
		for (String pointer : pointers) {
			Node node = root;
			long position = root.position;
			for (String segment : segments(pointer)) {
				node = node.children.get(segment);
				if (node == null || node.position < 0) {
					break;
				}
				position = node.position;
			}
			positions.put(pointer, position < 0 ? TextPosition.UNKNOWN
					: new TextPosition((int) (position >>> 32), (int) position));
		}
		return positions;
	}

	private static void scan(JsonParser parser, JsonToken start, Node node) throws IOException {
		if (start == JsonToken.START_OBJECT) {
			String name;
			while ((name = parser.nextFieldName()) != null) {
				JsonToken token = parser.nextToken();
				visit(parser, token, node.children.get(name));
			}
		} else if (start == JsonToken.START_ARRAY) {
			int index = 0;
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				visit(parser, token, node.children.isEmpty() ? null : node.children.get(Integer.toString(index)));
				index++;
			}
		}
	}

	private static void visit(JsonParser parser, JsonToken token, Node child) throws IOException {
		if (child == null) {
			parser.skipChildren();
			return;
		}
		child.position = LocatingTreeReader.pack(parser.currentTokenLocation());
		if (child.children.isEmpty()) {
			parser.skipChildren();
		} else {
			scan(parser, token, child);
		}
	}

	private static Iterable<String> segments(String pointer) {
		ArrayDeque<String> segments = new ArrayDeque<>();
		if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
			return segments;
		}
		for (String segment : pointer.substring(1).split("/", -1)) {
			segments.add(segment.replace("~1", "/").replace("~0", "~"));
		}
		return segments;
	}
}
