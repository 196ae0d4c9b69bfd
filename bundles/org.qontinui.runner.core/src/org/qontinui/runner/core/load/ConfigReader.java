package org.qontinui.runner.core.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.internal.json.ConfigJsonMapper;
import org.qontinui.runner.core.internal.json.ConfigJsonMapper.TypeProblem;
import org.qontinui.runner.core.internal.json.LocatingTreeReader;
import org.qontinui.runner.core.internal.json.PointerScanner;
import org.qontinui.runner.core.internal.json.V1Migration;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.DiagnosticCodes;
import org.qontinui.runner.core.validation.SourceMap;
import org.qontinui.runner.core.validation.TextPosition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads configuration text into the model. Well-formed v2 text is bound directly; source
 * positions are looked up only when there are diagnostics, in one streaming pass that skips every
 * sub-tree no diagnostic points into. Malformed, duplicate-key and v1 text goes through a located tree: v1 is
 * migrated to v2 in memory there. Never throws for bad content; problems come back as diagnostics.
 */
public final class ConfigReader {

	private final ObjectReader reader = ConfigJsonMapper.get().readerFor(QontinuiConfig.class);
	private final LocatingTreeReader treeReader = new LocatingTreeReader(ConfigJsonMapper.get().getFactory());
	private final PointerScanner scanner = new PointerScanner(ConfigJsonMapper.get().getFactory());

	public ConfigDocument read(String text) {
		if (startsWithObject(text)) {
			ConfigDocument direct = readDirectly(text);
			if (direct != null) {
				return direct;
			}
		}
		return readThroughTree(text);
	}

	/**
	 * The common case, a v2 object without duplicate keys: bind straight from the text (no tree) and
	 * find source positions only if a diagnostic asks for one. Returns null to take the tree path.
	 */
	private ConfigDocument readDirectly(String text) {
		List<TypeProblem> problems = new ArrayList<>();
		QontinuiConfig config;
		try {
			config = reader.withAttribute(ConfigJsonMapper.PROBLEMS, problems)
					.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readValue(text);
		} catch (IOException e) {
			// Malformed text, duplicate keys or a binding failure: the tree path reports it precisely.
			return null;
		}
		if (config == null || V1Migration.isV1(config)) {
			return null;
		}
		SourceMap sourceMap = new LazySourceMap(scanner, text);
		List<Diagnostic> diagnostics = new ArrayList<>(problems.size());
		if (!problems.isEmpty()) {
			Map<String, TextPosition> positions = sourceMap
					.positionsOf(problems.stream().map(TypeProblem::pointer).toList());
			for (TypeProblem problem : problems) {
				diagnostics.add(Diagnostic.error(DiagnosticCodes.WRONG_TYPE, problem.message(), problem.pointer(),
						positions.get(problem.pointer())));
			}
		}
		return new ConfigDocument(config, sourceMap, diagnostics);
	}

	private ConfigDocument readThroughTree(String text) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		LocatingTreeReader.Result parsed;
		try {
			parsed = treeReader.read(text);
		} catch (JsonProcessingException e) {
			JsonLocation location = e.getLocation();
			TextPosition position = location == null ? TextPosition.UNKNOWN
					: new TextPosition(location.getLineNr(), location.getColumnNr());
			diagnostics.add(Diagnostic.error(DiagnosticCodes.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage(),
					"", position));
			return new ConfigDocument(null, SourceMap.NONE, diagnostics);
		} catch (IOException e) {
			diagnostics.add(Diagnostic.error(DiagnosticCodes.MALFORMED_JSON, "cannot read the text: " + e.getMessage(), "",
					TextPosition.UNKNOWN));
			return new ConfigDocument(null, SourceMap.NONE, diagnostics);
		}
		SourceMap sourceMap = parsed.sourceMap();
		JsonNode root = parsed.root();
		if (!(root instanceof ObjectNode object)) {
			diagnostics.add(Diagnostic.error(DiagnosticCodes.WRONG_TYPE,
					"a configuration is a JSON object, this is " + root.getNodeType().name().toLowerCase(Locale.ROOT), "",
					sourceMap.positionOf("")));
			return new ConfigDocument(null, sourceMap, diagnostics);
		}
		for (String pointer : parsed.duplicateKeys()) {
			diagnostics.add(Diagnostic.warning(DiagnosticCodes.MALFORMED_JSON,
					"key appears twice in the same object; the last value is used", pointer, sourceMap.positionOf(pointer)));
		}
		if (V1Migration.isV1(object)) {
			String pointer = object.has("processes") ? "/processes" : "/transitions";
			TextPosition position = sourceMap.positionOf(pointer);
			String declared = V1Migration.migrate(object);
			diagnostics.add(Diagnostic.warning(DiagnosticCodes.LEGACY_FORMAT, "configuration format v1"
					+ (declared == null ? "" : " (version " + declared + ")")
					+ " uses \"processes\"; converted to v2.0.0 \"workflows\" in memory \u2014 re-export it from the web builder, the Qontinui library no longer runs v1",
					pointer.equals("/processes") ? "/workflows" : pointer, position));
		}
		List<TypeProblem> problems = new ArrayList<>();
		QontinuiConfig config;
		try {
			config = reader.withAttribute(ConfigJsonMapper.PROBLEMS, problems).readValue(object);
		} catch (JsonMappingException e) {
			String pointer = pointerOf(e);
			diagnostics.add(Diagnostic.error(DiagnosticCodes.WRONG_TYPE, e.getOriginalMessage(), pointer,
					sourceMap.positionOf(pointer)));
			return new ConfigDocument(null, sourceMap, diagnostics);
		} catch (IOException e) {
			diagnostics.add(Diagnostic.error(DiagnosticCodes.WRONG_TYPE, String.valueOf(e.getMessage()), "",
					TextPosition.UNKNOWN));
			return new ConfigDocument(null, sourceMap, diagnostics);
		}
		for (TypeProblem problem : problems) {
			diagnostics.add(Diagnostic.error(DiagnosticCodes.WRONG_TYPE, problem.message(), problem.pointer(),
					sourceMap.positionOf(problem.pointer())));
		}
		return new ConfigDocument(config, sourceMap, diagnostics);
	}

	private static boolean startsWithObject(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isWhitespace(c)) {
				return c == '{';
			}
		}
		return false;
	}

	/**
	 * Positions found on demand by scanning the text for just the pointers asked for: a clean
	 * configuration never pays for them, one with diagnostics pays one allocation-free pass.
	 */
	private static final class LazySourceMap implements SourceMap {
		private final PointerScanner scanner;
		private final String text;

		LazySourceMap(PointerScanner scanner, String text) {
			this.scanner = scanner;
			this.text = text;
		}

		@Override
		public TextPosition positionOf(String pointer) {
			return scanner.positionsOf(text, List.of(pointer)).get(pointer);
		}

		@Override
		public Map<String, TextPosition> positionsOf(Collection<String> pointers) {
			return scanner.positionsOf(text, pointers);
		}
	}

	private static String pointerOf(JsonMappingException e) {
		StringBuilder pointer = new StringBuilder();
		for (JsonMappingException.Reference reference : e.getPath()) {
			pointer.append('/');
			if (reference.getFieldName() != null) {
				pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
			} else {
				pointer.append(reference.getIndex());
			}
		}
		return pointer.toString();
	}
}
