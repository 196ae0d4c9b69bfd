/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.eclipse.osgi.util.NLS;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.internal.json.ConfigJsonMapper;
import org.qontinui.runner.core.internal.json.ConfigJsonMapper.TypeProblem;
import org.qontinui.runner.core.internal.json.DialectMigration;
import org.qontinui.runner.core.internal.json.LocatingTreeReader;
import org.qontinui.runner.core.internal.json.Reporter;
import org.qontinui.runner.core.internal.json.ValueShapes;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.SourceMap;
import org.qontinui.runner.core.validation.TextPosition;
import org.qontinui.runner.core.validation.Vocabulary;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads configuration text into the model, in the stages the executor's loader uses too (so both
 * report the same diagnostics): bytes (size, UTF-8, BOM), text (nesting depth), a located tree
 * (malformed JSON, duplicate keys, NaN/Infinity), older dialects migrated in memory, value types
 * checked against the vocabulary's shapes (wrong values dropped), then binding. Never throws for
 * bad content, and never passes a parser's own message on: problems come back as diagnostics.
 */
public final class ConfigReader {

	private final Vocabulary vocabulary = Vocabulary.get();
	private final ObjectReader reader = ConfigJsonMapper.get().readerFor(QontinuiConfig.class);
	private final JsonFactory factory;
	private final ObjectMapper treeMapper;

	public ConfigReader() {
		// NaN/Infinity are read so they can be reported with their pointer; depth is checked before parsing.
		factory = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.streamReadConstraints(StreamReadConstraints.builder()
						.maxStringLength((int) Math.min(Integer.MAX_VALUE, vocabulary.limits().maxFileBytes()))
						.maxNestingDepth(vocabulary.limits().maxNestingDepth() + 10).build())
				.build();
		treeMapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/** Reads the bytes of a file or download: size limit, UTF-8 (a BOM is dropped). */
	public ConfigDocument read(byte[] bytes) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		long limit = vocabulary.limits().maxFileBytes();
		if (bytes.length > limit) {
			diagnostics.add(diagnostic("too-large", "", //$NON-NLS-1$//$NON-NLS-2$
					NLS.bind(Messages.ConfigReader_tooLarge, bytes.length, limit), new TextPosition(1, 1)));
			return new ConfigDocument(null, SourceMap.NONE, diagnostics);
		}
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
				&& (bytes[2] & 0xff) == 0xbf ? 3 : 0;
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			out.flip();
			String prefix = out.toString();
			diagnostics.add(diagnostic("malformed-json", "", //$NON-NLS-1$//$NON-NLS-2$
					NLS.bind(Messages.ConfigReader_notUtf8, String.format(Locale.ROOT, "%02x", bytes[in.position()] & 0xff)), //$NON-NLS-1$
					positionAt(prefix, prefix.length())));
			return new ConfigDocument(null, SourceMap.NONE, diagnostics);
		}
		out.flip();
		return read(out.toString());
	}

	public ConfigDocument read(String text) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		if (text.startsWith("\uFEFF")) { //$NON-NLS-1$
			text = text.substring(1);
		}
		if (!checkDepth(text, diagnostics)) {
			return new ConfigDocument(null, SourceMap.NONE, diagnostics);
		}
		// The common case is read into a plain tree; positions are found (by a second, locating
		// parse of the text) only if a diagnostic asks for one. Duplicate keys take the locating path.
		JsonNode root;
		List<String> duplicateKeys = List.of();
		LazySourceMap fileMap = new LazySourceMap(factory, text);
		try {
			try {
				root = treeMapper.readTree(text);
				if (root == null || root.isMissingNode()) {
					root = fileMap.parsed().root(); // empty text: the locating reader says so, with a position
				}
			} catch (StreamReadException e) {
				if (!String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) { //$NON-NLS-1$
					throw e;
				}
				LocatingTreeReader.Result parsed = fileMap.parsed();
				root = parsed.root().deepCopy();
				duplicateKeys = parsed.duplicateKeys();
			}
		} catch (JsonProcessingException e) {
			JsonLocation location = e.getLocation();
			TextPosition position = location == null ? new TextPosition(1, 1)
					: new CodePointColumns(text).of(
							new TextPosition(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr())));
			diagnostics.add(diagnostic("malformed-json", "", NLS.bind(Messages.ConfigReader_malformedJson, plain(e)), position)); //$NON-NLS-1$//$NON-NLS-2$
			return new ConfigDocument(null, SourceMap.NONE, diagnostics);
		} catch (Exception e) {
			diagnostics.add(diagnostic("malformed-json", "", Messages.ConfigReader_malformedJsonUnreadable, new TextPosition(1, 1))); //$NON-NLS-1$//$NON-NLS-2$
			return new ConfigDocument(null, SourceMap.NONE, diagnostics);
		}
		List<Diagnostic> found = new ArrayList<>();
		Reporter original = (code, pointer, message) -> found.add(diagnostic(code, pointer, message, null));
		if (!(root instanceof ObjectNode object)) {
			original.report("wrong-type", "", NLS.bind(Messages.ConfigReader_notAnObject, describe(root))); //$NON-NLS-1$//$NON-NLS-2$
			return new ConfigDocument(null, fileMap, located(found, fileMap, p -> p));
		}
		for (String pointer : duplicateKeys) {
			original.report("duplicate-key", pointer, Messages.ConfigReader_duplicateKey); //$NON-NLS-1$
		}
		replaceNonFinite(object, "", original); //$NON-NLS-1$
		// The rules run on the converted tree; positions are those of the file (LazySourceMap).
		ObjectNode converted = object;
		List<Diagnostic> convertedFound = new ArrayList<>();
		Reporter reporter = (code, pointer, message) -> convertedFound.add(diagnostic(code, pointer, message, null));
		DialectMigration migration = new DialectMigration(vocabulary, reporter);
		migration.migrate(converted);
		new ValueShapes(vocabulary, reporter).check(converted, "root", ""); //$NON-NLS-1$//$NON-NLS-2$
		QontinuiConfig config = null;
		List<TypeProblem> problems = new ArrayList<>();
		try {
			config = reader.withAttribute(ConfigJsonMapper.PROBLEMS, problems).readValue(converted);
		} catch (Exception e) {
			reporter.report("internal-error", "", NLS.bind(Messages.ConfigReader_notReadable, e.getClass().getSimpleName())); //$NON-NLS-1$//$NON-NLS-2$
		}
		for (TypeProblem problem : problems) {
			reporter.report("wrong-type", problem.pointer(), problem.message()); //$NON-NLS-1$
		}
		SourceMap sourceMap = new MigratedSourceMap(fileMap, migration);
		diagnostics.addAll(located(found, fileMap, p -> p));
		diagnostics.addAll(located(convertedFound, fileMap, migration::originalPointer));
		return new ConfigDocument(config, sourceMap, diagnostics);
	}

	private List<Diagnostic> located(List<Diagnostic> found, SourceMap fileMap,
			UnaryOperator<String> toFile) {
		List<Diagnostic> out = new ArrayList<>(found.size());
		for (Diagnostic d : found) {
			String pointer = toFile.apply(d.pointer());
			out.add(new Diagnostic(d.severity(), d.code(), d.message(), pointer, fileMap.positionOf(pointer)));
		}
		return out;
	}

	private Diagnostic diagnostic(String code, String pointer, String message, TextPosition position) {
		return new Diagnostic(vocabulary.severityOf(code), code, message, pointer, position);
	}

	/** Nesting deeper than the limit is refused before parsing; the same scan as the executor's. */
	private boolean checkDepth(String text, List<Diagnostic> diagnostics) {
		int limit = vocabulary.limits().maxNestingDepth();
		int depth = 0;
		int n = text.length();
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				i++;
				while (i < n && text.charAt(i) != '"') {
					if (text.charAt(i) == '\\') {
						i++;
					}
					i++;
				}
			} else if (c == '[' || c == '{') {
				if (++depth > limit) {
					diagnostics.add(diagnostic("too-deep", "", NLS.bind(Messages.ConfigReader_tooDeep, limit), //$NON-NLS-1$//$NON-NLS-2$
							positionAt(text, i)));
					return false;
				}
			} else if (c == ']' || c == '}') {
				depth--;
			}
		}
		return true;
	}

	/**
	 * 1-based line and column of a character offset; only {@code \n} ends a line and columns count code
	 * points (as in the executor: an emoji is one column, not two UTF-16 units).
	 */
	static TextPosition positionAt(String text, int offset) {
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new TextPosition(line, text.codePointCount(lineStart, offset) + 1);
	}

	/**
	 * Turns Jackson's columns (UTF-16 units) into code points, the executor's unit, so both sides name
	 * the same column after a character outside the Basic Multilingual Plane. Most files have none: then
	 * nothing is indexed.
	 */
	static final class CodePointColumns {
		private final String text;
		/** Line start offsets; empty when the text has no surrogate pair (made at the first position). */
		private int[] lineStarts;

		CodePointColumns(String text) {
			this.text = text;
		}

		TextPosition of(TextPosition utf16) {
			if (utf16.line() < 1 || utf16.column() < 1) {
				return utf16;
			}
			int[] starts = lineStarts();
			if (utf16.line() > starts.length) {
				return utf16; // also: no surrogates, nothing to convert
			}
			int start = starts[utf16.line() - 1];
			int end = Math.min(text.length(), start + utf16.column() - 1);
			return new TextPosition(utf16.line(), text.codePointCount(start, end) + 1);
		}

		private synchronized int[] lineStarts() {
			if (lineStarts == null) {
				if (text.chars().noneMatch(c -> Character.isHighSurrogate((char) c))) {
					lineStarts = new int[0];
					return lineStarts;
				}
				List<Integer> starts = new ArrayList<>();
				starts.add(0);
				for (int i = 0, n = text.length(); i < n; i++) {
					if (text.charAt(i) == '\n') {
						starts.add(i + 1);
					}
				}
				lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
			}
			return lineStarts;
		}
	}

	private static void replaceNonFinite(JsonNode node, String pointer, Reporter reporter) {
		if (node instanceof ObjectNode object) {
			List<String> keys = new ArrayList<>();
			object.fieldNames().forEachRemaining(keys::add);
			for (String key : keys) {
				JsonNode value = object.get(key);
				String child = pointer + "/" + ValueShapes.escape(key); //$NON-NLS-1$
				if (isNonFinite(value)) {
					reporter.report("bad-number", child, Messages.ConfigReader_nonFinite); //$NON-NLS-1$
					object.set(key, IntNode.valueOf(0));
				} else if (value.isContainerNode()) {
					replaceNonFinite(value, child, reporter);
				}
			}
		} else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode value = array.get(i);
				if (isNonFinite(value)) {
					reporter.report("bad-number", pointer + "/" + i, Messages.ConfigReader_nonFinite); //$NON-NLS-1$//$NON-NLS-2$
					array.set(i, IntNode.valueOf(0));
				} else if (value.isContainerNode()) {
					replaceNonFinite(value, pointer + "/" + i, reporter); //$NON-NLS-1$
				}
			}
		}
	}

	private static boolean isNonFinite(JsonNode value) {
		return value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue());
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
		case ARRAY -> Messages.ConfigReader_list;
		case STRING -> Messages.ConfigReader_text;
		case NUMBER -> Messages.ConfigReader_number;
		case BOOLEAN -> Messages.ConfigReader_boolean;
		case NULL -> "null"; //$NON-NLS-1$
		default -> Messages.ConfigReader_object;
		};
	}

	/** The parser's complaint in our words: what was found, without Jackson's internals. */
	private static String plain(JsonProcessingException e) {
		String message = String.valueOf(e.getOriginalMessage());
		if (e instanceof LocatingTreeReader.DocumentException) {
			return message;
		}
		if (message.startsWith("Unexpected end-of-input")) { //$NON-NLS-1$
			return Messages.ConfigReader_endOfInput;
		}
		if (message.startsWith("Unexpected character")) { //$NON-NLS-1$
			int quote = message.indexOf('\'');
			int end = quote < 0 ? -1 : message.indexOf('\'', quote + 1);
			return end > quote ? NLS.bind(Messages.ConfigReader_unexpectedCharacterQuoted, message.substring(quote, end + 1))
					: Messages.ConfigReader_unexpectedCharacter;
		}
		if (message.startsWith("Unrecognized token")) { //$NON-NLS-1$
			return Messages.ConfigReader_unknownWord;
		}
		if (message.startsWith("Illegal unquoted character")) { //$NON-NLS-1$
			return Messages.ConfigReader_controlCharacter;
		}
		if (message.startsWith("Trailing token")) { //$NON-NLS-1$
			return Messages.ConfigReader_trailingContent;
		}
		return Messages.ConfigReader_notJson;
	}

	/** Positions in the text, from a locating parse made the first time one is asked for. */
	private static final class LazySourceMap implements SourceMap {
		private final JsonFactory factory;
		private final String text;
		private final CodePointColumns columns;
		private LocatingTreeReader.Result parsed;

		LazySourceMap(JsonFactory factory, String text) {
			this.factory = factory;
			this.text = text;
			this.columns = new CodePointColumns(text);
		}

		synchronized LocatingTreeReader.Result parsed() throws IOException {
			if (parsed == null) {
				// The locating reader keeps the last of duplicate keys instead of failing.
				parsed = new LocatingTreeReader(factory.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
						.read(text);
			}
			return parsed;
		}

		@Override
		public TextPosition positionOf(String pointer) {
			try {
				return columns.of(parsed().sourceMap().positionOf(pointer));
			} catch (IOException e) {
				return TextPosition.UNKNOWN;
			}
		}

		@Override
		public Map<String, TextPosition> positionsOf(Collection<String> pointers) {
			Map<String, TextPosition> positions = new HashMap<>();
			for (String pointer : pointers) {
				positions.put(pointer, positionOf(pointer));
			}
			return positions;
		}
	}

	/** Positions in the file of pointers into the converted tree (after a dialect migration). */
	private record MigratedSourceMap(SourceMap file, DialectMigration migration) implements SourceMap {

		@Override
		public TextPosition positionOf(String pointer) {
			return file.positionOf(migration.originalPointer(pointer));
		}

		@Override
		public Map<String, TextPosition> positionsOf(Collection<String> pointers) {
			Map<String, TextPosition> positions = new HashMap<>();
			for (String pointer : pointers) {
				positions.put(pointer, positionOf(pointer));
			}
			return positions;
		}

		@Override
		public String originalPointer(String pointer) {
			return migration.originalPointer(pointer);
		}
	}
}
