/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.qontinui.runner.core.config.ConfigIndex;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.internal.json.ConfigJsonMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks a configuration the way the runner will use it and reports every problem found, not just
 * the first: missing and duplicate ids, references to things that do not exist, unknown action
 * types and enum values, broken or oversized images, control-flow cycles, recursive workflows,
 * values over the limits, unreachable states and unused workflows.
 * <p>
 * The rules, their codes and severities come from {@link Vocabulary}; the executor's loader
 * (python-bridge {@code config.py}, class {@code _Rules}) applies the same rules in the same way, and
 * the conformance corpus ({@code tests/conformance}) holds both to it. The rules run on the model
 * written back as a tree, so pointers follow the spellings the file used.
 */
public final class ConfigValidator {

	private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");
	private static final String[] TARGET_FIELDS = { "target", "source", "destination", "clickTarget" };

	private final ActionTypeRegistry actionTypes;
	private final Vocabulary vocabulary = Vocabulary.get();

	/** A validator using {@link ActionTypeRegistry#getDefault()}. */
	public ConfigValidator() {
		this(ActionTypeRegistry.getDefault());
	}

	public ConfigValidator(ActionTypeRegistry actionTypes) {
		this.actionTypes = actionTypes;
	}

	public List<Diagnostic> validate(QontinuiConfig config, SourceMap sourceMap) {
		return validate(config, ConfigIndex.of(config), sourceMap);
	}

	public List<Diagnostic> validate(QontinuiConfig config, ConfigIndex index, SourceMap sourceMap) {
		JsonNode tree = ConfigJsonMapper.get().valueToTree(config);
		Run run = new Run(tree instanceof ObjectNode object ? object : ConfigJsonMapper.get().createObjectNode());
		run.run();
		return run.locate(sourceMap == null ? SourceMap.NONE : sourceMap);
	}

	/** State of one validation; keeps the public class stateless and thread-safe. */
	private final class Run {
		final ObjectNode root;
		final Vocabulary.Limits limits = vocabulary.limits();
		final List<Diagnostic> diagnostics = new ArrayList<>();
		final Set<String> imageIds = new HashSet<>();
		final Set<String> stateIds = new HashSet<>();
		final Set<String> stateNames = new HashSet<>();
		final Set<String> stateImageIds = new HashSet<>();
		final Set<String> workflowIds = new HashSet<>();
		final Map<String, String> workflowByName = new HashMap<>();
		final Set<String> locationIds = new HashSet<>();
		final Set<String> regionIds = new HashSet<>();
		final Map<String, List<String>> controlFlow = vocabulary.controlFlowFields();
		final Map<String, String> seenPatterns = new HashMap<>();

		Run(ObjectNode root) {
			this.root = root;
		}

		List<Diagnostic> locate(SourceMap sourceMap) {
			if (diagnostics.isEmpty()) {
				return diagnostics;
			}
			List<String> pointers = diagnostics.stream().map(d -> sourceMap.originalPointer(d.pointer())).distinct()
					.toList();
			Map<String, TextPosition> positions = sourceMap == SourceMap.NONE ? Map.of() : sourceMap.positionsOf(pointers);
			List<Diagnostic> located = new ArrayList<>(diagnostics.size());
			for (Diagnostic d : diagnostics) {
				String pointer = sourceMap.originalPointer(d.pointer());
				located.add(new Diagnostic(d.severity(), d.code(), d.message(), pointer, positions.get(pointer)));
			}
			return located;
		}

		void report(String code, String pointer, String message) {
			diagnostics.add(new Diagnostic(vocabulary.severityOf(code), code, message, pointer, TextPosition.UNKNOWN));
		}

		void run() {
			collectIds();
			checkVersion();
			checkMetadata();
			checkImages();
			checkStates();
			checkWorkflows();
			checkTransitions();
			checkSettings();
			checkCategories();
			checkReachability();
			checkUnusedWorkflows();
		}

		void collectIds() {
			for (JsonNode image : list(root, "images")) {
				if (!blank(image.get("id"))) {
					imageIds.add(image.get("id").asText());
				}
			}
			for (JsonNode state : list(root, "states")) {
				if (!blank(state.get("id"))) {
					stateIds.add(state.get("id").asText());
				}
				if (state.path("name").isTextual()) {
					stateNames.add(state.get("name").asText());
				}
				String imagesKey = orElse(key(state, "stateImages", "identifyingImages"), "stateImages");
				for (JsonNode image : list(state, imagesKey)) {
					if (image.isObject() && !blank(image.get("id"))) {
						stateImageIds.add(image.get("id").asText());
					}
				}
				for (JsonNode region : list(state, "regions")) {
					if (region.path("id").isTextual()) {
						regionIds.add(region.get("id").asText());
					}
				}
				for (JsonNode location : list(state, "locations")) {
					if (location.path("id").isTextual()) {
						locationIds.add(location.get("id").asText());
					}
				}
			}
			for (JsonNode workflow : list(root, "workflows")) {
				if (!blank(workflow.get("id"))) {
					workflowIds.add(workflow.get("id").asText());
					if (workflow.path("name").isTextual()) {
						workflowByName.putIfAbsent(workflow.get("name").asText(), workflow.get("id").asText());
					}
				}
			}
		}

		/** The id of the workflow a RUN_WORKFLOW names: by id, or as older files do, by name. */
		String workflowRef(JsonNode key) {
			if (key == null || !key.isTextual()) {
				return null;
			}
			return workflowIds.contains(key.asText()) ? key.asText() : workflowByName.get(key.asText());
		}

		String checkId(JsonNode node, String pointer, String what, Map<String, String> seen) {
			JsonNode id = node.get("id");
			if (blank(id)) {
				report("missing-field", pointer + "/id", what + " has no \"id\"");
				return null;
			}
			String first = seen.putIfAbsent(id.asText(), pointer);
			if (first != null) {
				report("duplicate-id", pointer + "/id", "duplicate " + what + " id \"" + id.asText() + "\" (first used at " + first + ")");
			}
			return id.asText();
		}

		void checkVersion() {
			JsonNode version = root.get("version");
			if (version == null) {
				report("missing-field", "/version", "missing \"version\" (expected \"2.0.0\")");
			} else if (!SEMVER.matcher(version.asText()).matches()) {
				report("bad-version", "/version", "version \"" + version.asText() + "\" is not of the form MAJOR.MINOR.PATCH, e.g. \"2.0.0\"");
			} else if (!version.asText().startsWith("2.")) {
				report("unsupported-version", "/version",
						"version " + version.asText() + " is not 2.x; this runner reads the v2.0.0 format");
			}
		}

		void checkMetadata() {
			JsonNode metadata = root.get("metadata");
			if (metadata == null) {
				report("missing-name", "/metadata", "missing \"metadata\" with the configuration's name");
			} else if (blank(metadata.get("name"))) {
				report("missing-name", "/metadata/name", "missing \"name\" of the configuration");
			}
		}

		void checkImages() {
			Map<String, String> seen = new HashMap<>();
			List<JsonNode> images = list(root, "images");
			for (int i = 0; i < images.size(); i++) {
				JsonNode image = images.get(i);
				String pointer = "/images/" + i;
				String id = checkId(image, pointer, "image", seen);
				if (blank(image.get("name"))) {
					report("missing-name", pointer + "/name", "image has no \"name\"");
				}
				String format = image.path("format").isTextual() ? image.get("format").asText() : null;
				if (format != null && !vocabulary.enumValues("imageFormat").contains(format.toLowerCase(Locale.ROOT))) {
					report("bad-enum-value", pointer + "/format", "\"" + format + "\" is not an image format; expected one of png, jpg, jpeg");
					format = null;
				}
				JsonNode data = image.get("data");
				if (blank(data)) {
					report("missing-image-data", data == null ? pointer : pointer + "/data",
							"image \"" + id + "\" has no data; patterns using it cannot match");
					continue;
				}
				checkImageData(data.asText(), pointer + "/data", "image \"" + id + "\"", format);
				JsonNode hash = image.get("hash");
				if (hash != null && hash.isTextual() && !hash.asText().equalsIgnoreCase(sha256(data.asText()))) {
					report("image-hash-mismatch", pointer + "/hash",
							"image \"" + id + "\" hash does not match its data; the image may have been edited or truncated");
				}
			}
		}

		void checkImageData(String data, String pointer, String label, String format) {
			byte[] bytes = ImageHeader.decodeBase64(data);
			if (bytes == null) {
				report("bad-image", pointer, label + " data is not valid base64");
				return;
			}
			ImageHeader header;
			try {
				header = ImageHeader.read(bytes);
			} catch (ImageHeader.BadHeaderException e) {
				report("bad-image", pointer, label + " data is " + e.getMessage());
				return;
			}
			if (format != null && header.kind().equals("png") != format.equalsIgnoreCase("png")) {
				report("bad-image", pointer, label + " data is " + header.kind().toUpperCase(Locale.ROOT) + ", not " + format);
				return;
			}
			if (header.pixels() > limits.maxImagePixels()) {
				report("image-too-large", pointer, label + " is " + header.width() + "x" + header.height()
						+ " pixels, more than the limit of " + limits.maxImagePixels());
			}
		}

		void checkStates() {
			Map<String, String> seen = new HashMap<>();
			Map<String, String> seenImages = new HashMap<>();
			Map<String, String> seenParts = new HashMap<>();
			List<JsonNode> states = list(root, "states");
			for (int i = 0; i < states.size(); i++) {
				JsonNode state = states.get(i);
				String pointer = "/states/" + i;
				checkId(state, pointer, "state", seen);
				if (blank(state.get("name"))) {
					report("missing-name", pointer + "/name", "state has no \"name\"");
				}
				String imagesKey = orElse(key(state, "stateImages", "identifyingImages", "identifying_images"), "stateImages");
				List<JsonNode> images = list(state, imagesKey);
				for (int j = 0; j < images.size(); j++) {
					checkStateImage(images.get(j), pointer + "/" + imagesKey + "/" + j, seenImages);
				}
				String[][] parts = { { "regions", "region" }, { "locations", "location" }, { "strings", "string" } };
				for (String[] part : parts) {
					String partKey = part[0].equals("strings") ? orElse(key(state, "strings", "stateStrings"), "strings")
							: part[0];
					List<JsonNode> items = list(state, partKey);
					for (int j = 0; j < items.size(); j++) {
						String itemPointer = pointer + "/" + partKey + "/" + j;
						JsonNode id = items.get(j).get("id");
						if (blank(id)) {
							report("missing-part-id", itemPointer + "/id", part[1] + " has no \"id\"; actions cannot refer to it");
						} else {
							String first = seenParts.putIfAbsent(part[1] + ":" + id.asText(), itemPointer);
							if (first != null) {
								report("duplicate-id", itemPointer + "/id",
										"duplicate " + part[1] + " id \"" + id.asText() + "\" (first used at " + first + ")");
							}
						}
					}
				}
			}
		}

		void checkStateImage(JsonNode image, String pointer, Map<String, String> seen) {
			if (image.isTextual()) { // old runner: a list of image ids
				if (!imageIds.contains(image.asText())) {
					report("dangling-reference", pointer, "no image with id \"" + image.asText() + "\"");
				}
				return;
			}
			JsonNode id = image.get("id");
			if (blank(id)) {
				report("missing-field", pointer + "/id", "state image has no \"id\"");
			} else {
				String first = seen.putIfAbsent(id.asText(), pointer);
				if (first != null) {
					report("duplicate-id", pointer + "/id", "duplicate state image id \"" + id.asText() + "\" (first used at " + first + ")");
				}
			}
			List<JsonNode> patterns = list(image, "patterns");
			if (patterns.isEmpty()) {
				report("no-patterns", pointer + "/patterns",
						"state image \"" + (id == null ? null : id.asText()) + "\" has no patterns; it can never be found");
			}
			for (int k = 0; k < patterns.size(); k++) {
				JsonNode pattern = patterns.get(k);
				if (!blank(pattern.get("id"))) {
					String patternPointer = pointer + "/patterns/" + k;
					String first = seenPatterns.putIfAbsent(pattern.get("id").asText(), patternPointer);
					if (first != null) {
						report("duplicate-id", patternPointer + "/id",
								"duplicate pattern id \"" + pattern.get("id").asText() + "\" (first used at " + first + ")");
					}
				}
				String imageKey = orElse(key(pattern, "imageId", "image"), "imageId");
				String imagePointer = pointer + "/patterns/" + k + "/" + imageKey;
				JsonNode imageId = pattern.get(imageKey);
				if (blank(imageId)) {
					report("missing-field", imagePointer, "pattern has no \"imageId\"");
				} else if (!imageIds.contains(imageId.asText())) {
					report("dangling-reference", imagePointer, "no image with id \"" + imageId.asText() + "\"");
				}
				JsonNode mask = pattern.get("mask");
				if (mask != null && mask.isTextual() && !mask.asText().isBlank()) {
					checkImageData(mask.asText(), pointer + "/patterns/" + k + "/mask", "pattern mask", null);
				}
			}
		}

		void checkWorkflows() {
			Map<String, String> seen = new HashMap<>();
			Map<String, String> seenActions = new HashMap<>();
			Map<String, List<Edge>> graph = new LinkedHashMap<>();
			List<JsonNode> workflows = list(root, "workflows");
			for (int i = 0; i < workflows.size(); i++) {
				JsonNode workflow = workflows.get(i);
				String pointer = "/workflows/" + i;
				String id = checkId(workflow, pointer, "workflow", seen);
				if (blank(workflow.get("name"))) {
					report("missing-name", pointer + "/name", "workflow has no \"name\"");
				}
				String initialKey = orElse(key(workflow, "initialStateIds"), "initialStateIds");
				List<JsonNode> initial = list(workflow, initialKey);
				for (int k = 0; k < initial.size(); k++) {
					checkStateRef(initial.get(k), pointer + "/" + initialKey + "/" + k);
				}
				if (!workflow.path("actions").isArray()) {
					report("missing-field", pointer + "/actions", "workflow \"" + id + "\" has no \"actions\" list");
					continue;
				}
				List<JsonNode> actions = list(workflow, "actions");
				Map<String, Integer> local = new HashMap<>();
				for (int a = 0; a < actions.size(); a++) {
					String actionPointer = pointer + "/actions/" + a;
					JsonNode actionId = actions.get(a).get("id");
					if (blank(actionId)) {
						report("missing-field", actionPointer + "/id", "action has no \"id\"");
						continue;
					}
					String first = seenActions.putIfAbsent(actionId.asText(), actionPointer);
					if (first != null) {
						report("duplicate-id", actionPointer + "/id",
								"duplicate action id \"" + actionId.asText() + "\" (first used at " + first + ")");
					} else {
						local.put(actionId.asText(), a);
					}
				}
				for (int a = 0; a < actions.size(); a++) {
					checkAction(actions.get(a), pointer + "/actions/" + a, local);
				}
				checkControlFlowCycles(actions, pointer, local);
				if (id != null) {
					List<Edge> edges = graph.computeIfAbsent(id, k -> new ArrayList<>());
					for (int a = 0; a < actions.size(); a++) {
						JsonNode action = actions.get(a);
						JsonNode config = action.path("config");
						String target = workflowRef(get(config, "workflowId"));
						if ("RUN_WORKFLOW".equals(action.path("type").asText(null)) && target != null) {
							edges.add(new Edge(target, pointer + "/actions/" + a + "/config/" + key(config, "workflowId")));
						}
					}
				}
			}
			for (String pointer : backEdges(new ArrayList<>(graph.keySet()), graph)) {
				report("recursive-workflow", pointer, "RUN_WORKFLOW calls a workflow that is already running (recursion)");
			}
		}

		void checkAction(JsonNode action, String pointer, Map<String, Integer> local) {
			JsonNode typeNode = action.get("type");
			String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
			JsonNode config = action.get("config") instanceof ObjectNode c ? c : ConfigJsonMapper.get().createObjectNode();
			String p = pointer + "/config";
			if (blank(typeNode)) {
				report("missing-field", pointer + "/type", "action has no \"type\"");
			} else if (!actionTypes.isKnown(type)) {
				String hint = actionTypes.hintFor(type).map(h -> " \u2014 " + h).orElse("");
				report("unknown-action-type", pointer + "/type", "unknown action type " + type + hint);
			} else {
				actionTypes.descriptionOf(type).ifPresent(d -> checkDescribedConfig(config, type, d, p));
			}
			for (String field : controlFlow.getOrDefault(type, List.of())) {
				String fieldKey = orElse(key(config, field), field);
				List<JsonNode> ids = list(config, fieldKey);
				for (int k = 0; k < ids.size(); k++) {
					if (!local.containsKey(ids.get(k).asText())) {
						report("dangling-reference", p + "/" + fieldKey + "/" + k,
								"no action with id \"" + ids.get(k).asText() + "\" in this workflow");
					}
				}
			}
			for (Ref ref : stateRefs(config, p)) {
				checkStateRef(ref.value(), ref.pointer());
			}
			if ("GO_TO_STATE".equals(type)) {
				String namesKey = orElse(key(config, "stateNames"), "stateNames");
				List<JsonNode> names = list(config, namesKey);
				for (int k = 0; k < names.size(); k++) {
					if (!stateNames.contains(names.get(k).asText())) {
						report("dangling-reference", p + "/" + namesKey + "/" + k, "no state named \"" + names.get(k).asText() + "\"");
					}
				}
				if (list(config, orElse(key(config, "stateIds"), "stateIds")).isEmpty() && names.isEmpty()
						&& blank(get(config, "stateId"))) {
					report("missing-field", p + "/stateIds", "GO_TO_STATE has no \"stateIds\"");
				}
			}
			if ("RUN_WORKFLOW".equals(type)) {
				String workflowKey = key(config, "workflowId");
				if (workflowKey == null || blank(config.get(workflowKey))) {
					report("missing-field", p + "/workflowId", "RUN_WORKFLOW has no \"workflowId\"");
				} else if (workflowRef(config.get(workflowKey)) == null) {
					report("dangling-reference", p + "/" + workflowKey, "no workflow with id \"" + config.get(workflowKey).asText() + "\"");
				}
			}
			for (Ref target : targets(config, p)) {
				checkTarget(target.value(), target.pointer());
			}
			for (Ref options : searchOptions(config, p)) {
				String strategyKey = key(options.value(), "searchStrategy", "strategy");
				if (strategyKey != null) {
					checkEnum(options.value().get(strategyKey), "searchStrategy", options.pointer() + "/" + strategyKey, "search strategy");
				}
			}
			String buttonKey = key(config, "mouseButton");
			if (buttonKey != null && config.get(buttonKey).isTextual()) {
				checkEnum(config.get(buttonKey), "mouseButton", p + "/" + buttonKey, "mouse button");
			}
			if ("LOOP".equals(type)) {
				String loopKey = key(config, "loopType");
				if (loopKey != null && config.get(loopKey).isTextual()) {
					checkEnum(config.get(loopKey), "loopType", p + "/" + loopKey, "loop type");
				}
			}
			checkLimits(type, config, p);
		}

		void checkLimits(String type, JsonNode config, String p) {
			List<Object[]> caps = new ArrayList<>();
			caps.add(new Object[] { "numberOfClicks", (long) limits.maxClicks(), "clicks" });
			caps.add(new Object[] { "clicks", (long) limits.maxClicks(), "clicks" });
			if ("LOOP".equals(type)) {
				caps.add(new Object[] { "iterations", limits.maxLoopIterations(), "loop iterations" });
				caps.add(new Object[] { "maxIterations", limits.maxLoopIterations(), "loop iterations" });
			}
			for (Object[] cap : caps) {
				String capKey = key(config, (String) cap[0]);
				long max = (Long) cap[1];
				if (capKey != null && config.get(capKey).isNumber()) {
					double value = config.get(capKey).doubleValue();
					if (!(value >= 0 && value <= max)) {
						report("limit-exceeded", p + "/" + capKey, config.get(capKey).asText() + " " + cap[2] + ": the limit is 0 to " + max);
					}
				}
			}
			for (Ref expression : expressions(config, p)) {
				int length = expression.value().asText().codePointCount(0, expression.value().asText().length());
				if (length > limits.maxExpressionLength()) {
					report("limit-exceeded", expression.pointer(),
							"expression of " + length + " characters: the limit is " + limits.maxExpressionLength());
				}
			}
		}

		List<Ref> expressions(JsonNode config, String p) {
			List<Ref> out = new ArrayList<>();
			String expressionKey = key(config, "expression");
			if (expressionKey != null && config.get(expressionKey).isTextual()) {
				out.add(new Ref(p + "/" + expressionKey, config.get(expressionKey)));
			}
			JsonNode condition = config.get("condition");
			if (condition != null && condition.isObject() && condition.path("expression").isTextual()) {
				out.add(new Ref(p + "/condition/expression", condition.get("expression")));
			}
			return out;
		}

		List<Ref> stateRefs(JsonNode config, String p) {
			List<Ref> refs = new ArrayList<>();
			String idsKey = key(config, "stateIds");
			if (idsKey != null) {
				List<JsonNode> ids = list(config, idsKey);
				for (int k = 0; k < ids.size(); k++) {
					refs.add(new Ref(p + "/" + idsKey + "/" + k, ids.get(k)));
				}
			}
			String idKey = key(config, "stateId");
			if (idKey != null && config.get(idKey).isTextual()) {
				refs.add(new Ref(p + "/" + idKey, config.get(idKey)));
			}
			for (String nestedKey : new String[] { "textSource", "verify" }) {
				JsonNode nested = config.get(nestedKey);
				if (nested != null && nested.isObject() && nested.path("stateId").isTextual()) {
					refs.add(new Ref(p + "/" + nestedKey + "/stateId", nested.get("stateId")));
				}
			}
			for (Ref target : targets(config, p)) {
				if (target.value().path("stateId").isTextual()) {
					refs.add(new Ref(target.pointer() + "/stateId", target.value().get("stateId")));
				}
			}
			return refs;
		}

		List<Ref> targets(JsonNode config, String p) {
			List<Ref> out = new ArrayList<>();
			for (String field : TARGET_FIELDS) {
				String targetKey = key(config, field);
				if (targetKey != null && config.get(targetKey).isObject()) {
					out.add(new Ref(p + "/" + targetKey, config.get(targetKey)));
				}
			}
			JsonNode verify = config.get("verify");
			if (verify != null && verify.isObject() && verify.path("target").isObject()) {
				out.add(new Ref(p + "/verify/target", verify.get("target")));
			}
			if (out.isEmpty() && (key(config, "imageId") != null || key(config, "imageIds") != null)) {
				out.add(new Ref(p, config)); // old runner: a flat config names its image itself
			}
			return out;
		}

		List<Ref> searchOptions(JsonNode config, String p) {
			List<Ref> out = new ArrayList<>();
			for (Ref target : targets(config, p)) {
				JsonNode options = get(target.value(), "searchOptions");
				if (options != null && options.isObject() && !target.pointer().equals(p)) {
					out.add(new Ref(target.pointer() + "/" + key(target.value(), "searchOptions"), options));
				}
			}
			String optionsKey = key(config, "searchOptions");
			if (optionsKey != null && config.get(optionsKey).isObject()) {
				out.add(new Ref(p + "/" + optionsKey, config.get(optionsKey)));
			}
			return out;
		}

		void checkTarget(JsonNode target, String pointer) {
			JsonNode rawType = target.get("type");
			String type = null;
			if (rawType != null && rawType.isTextual()) {
				type = vocabulary.enumMap("targetType").get(enumKey(rawType.asText()));
				if (type == null) {
					report("bad-enum-value", pointer + "/type", "\"" + rawType.asText() + "\" is not a target type");
					return;
				}
			}
			List<Ref> ids = new ArrayList<>();
			String idsKey = key(target, "imageIds");
			if (idsKey != null) {
				List<JsonNode> list = list(target, idsKey);
				for (int k = 0; k < list.size(); k++) {
					ids.add(new Ref(pointer + "/" + idsKey + "/" + k, list.get(k)));
				}
			}
			String idKey = key(target, "imageId");
			if (idKey != null && target.get(idKey).isTextual()) {
				ids.add(new Ref(pointer + "/" + idKey, target.get(idKey)));
			}
			for (Ref id : ids) {
				if (!stateImageIds.contains(id.value().asText()) && !imageIds.contains(id.value().asText())) {
					report("dangling-reference", id.pointer(), "no state image or image with id \"" + id.value().asText() + "\"");
				}
			}
			if (("image".equals(type) || "stateImage".equals(type)) && ids.isEmpty()) {
				report("missing-field", pointer + "/imageIds", "image target has no \"imageIds\"");
			}
			if ("text".equals(type) && blank(target.get("text")) && blank(target.get("regex"))) {
				report("missing-field", pointer + "/text", "text target has no \"text\" or \"regex\"");
			}
			String locationKey = key(target, "locationId");
			if ("stateLocation".equals(type) && locationKey != null && !locationIds.contains(target.get(locationKey).asText())) {
				report("dangling-reference", pointer + "/" + locationKey, "no state location with id \"" + target.get(locationKey).asText() + "\"");
			}
			String regionKey = key(target, "regionId");
			if ("stateRegion".equals(type) && regionKey != null && !regionIds.contains(target.get(regionKey).asText())) {
				report("dangling-reference", pointer + "/" + regionKey, "no state region with id \"" + target.get(regionKey).asText() + "\"");
			}
		}

		/** An IF/LOOP/TRY_CATCH that runs itself, directly or through its children, never ends. */
		void checkControlFlowCycles(List<JsonNode> actions, String pointer, Map<String, Integer> local) {
			Map<Integer, List<Edge>> edges = new LinkedHashMap<>();
			List<Integer> nodes = new ArrayList<>();
			for (int a = 0; a < actions.size(); a++) {
				nodes.add(a);
				JsonNode action = actions.get(a);
				JsonNode config = action.get("config") instanceof ObjectNode c ? c : ConfigJsonMapper.get().createObjectNode();
				List<Edge> out = new ArrayList<>();
				edges.put(a, out);
				for (String field : controlFlow.getOrDefault(action.path("type").asText(""), List.of())) {
					String fieldKey = orElse(key(config, field), field);
					List<JsonNode> ids = list(config, fieldKey);
					for (int k = 0; k < ids.size(); k++) {
						Integer child = local.get(ids.get(k).asText());
						if (child != null) {
							out.add(new Edge(child, pointer + "/actions/" + a + "/config/" + fieldKey + "/" + k));
						}
					}
				}
			}
			for (String cycle : backEdges(nodes, edges)) {
				report("control-flow-cycle", cycle, "this action runs one of its own ancestors: the control flow never ends");
			}
		}

		void checkStateRef(JsonNode id, String pointer) {
			if (id == null || !stateIds.contains(id.asText()) || !id.isTextual()) {
				report("dangling-reference", pointer, "no state with id \"" + (id == null ? null : id.asText()) + "\"");
			}
		}

		void checkEnum(JsonNode value, String enumName, String pointer, String what) {
			List<String> allowed = vocabulary.enumValues(enumName);
			if (value == null || !value.isTextual() || !allowed.contains(value.asText())) {
				report("bad-enum-value", pointer, "\"" + (value == null ? null : value.asText()) + "\" is not a " + what
						+ "; expected one of " + String.join(", ", allowed));
			}
		}

		void checkTransitions() {
			Map<String, String> seen = new HashMap<>();
			Map<String, String> kinds = vocabulary.enumMap("transitionType");
			List<JsonNode> transitions = list(root, "transitions");
			for (int i = 0; i < transitions.size(); i++) {
				JsonNode transition = transitions.get(i);
				String pointer = "/transitions/" + i;
				checkId(transition, pointer, "transition", seen);
				String kind = transitionKind(transition);
				if (transition.path("type").isTextual() && !kinds.containsKey(enumKey(transition.get("type").asText()))) {
					report("bad-enum-value", pointer + "/type", "transition type \"" + transition.get("type").asText()
							+ "\" is not OutgoingTransition or IncomingTransition");
				}
				String fromKey = orElse(key(transition, "fromState", "from"), "fromState");
				String toKey = orElse(key(transition, "toState", "to"), "toState");
				if (kind.equals("outgoing")) {
					if (blank(transition.get(fromKey))) {
						report("missing-field", pointer + "/" + fromKey, "outgoing transition has no \"fromState\"");
					} else {
						checkStateRef(transition.get(fromKey), pointer + "/" + fromKey);
					}
					String activateKey = orElse(key(transition, "activateStates", "activate"), "activateStates");
					if (blank(transition.get(toKey))) {
						if (list(transition, activateKey).isEmpty()) {
							report("missing-field", pointer + "/" + toKey, "outgoing transition has no \"toState\" and activates no states");
						}
					} else if (!"PREVIOUS".equals(transition.get(toKey).asText())) {
						// PREVIOUS: back to the states the source state hid (executor navigation.PREVIOUS)
						checkStateRef(transition.get(toKey), pointer + "/" + toKey);
					}
					String deactivateKey = orElse(key(transition, "deactivateStates", "exit"), "deactivateStates");
					for (String listKey : new String[] { activateKey, deactivateKey }) {
						List<JsonNode> ids = list(transition, listKey);
						for (int k = 0; k < ids.size(); k++) {
							checkStateRef(ids.get(k), pointer + "/" + listKey + "/" + k);
						}
					}
				} else if (blank(transition.get(toKey))) {
					report("missing-field", pointer + "/" + toKey, "incoming transition has no \"toState\"");
				} else {
					checkStateRef(transition.get(toKey), pointer + "/" + toKey);
				}
				List<JsonNode> workflows = list(transition, "workflows");
				for (int k = 0; k < workflows.size(); k++) {
					if (!workflowIds.contains(workflows.get(k).asText())) {
						report("dangling-reference", pointer + "/workflows/" + k, "no workflow with id \"" + workflows.get(k).asText() + "\"");
					}
				}
			}
		}

		void checkSettings() {
			Object[][] sections = { { "/settings/execution", get(root.get("settings"), "execution") },
					{ "/execution_settings", root.get("execution_settings") } };
			for (Object[] section : sections) {
				if (!(section[1] instanceof ObjectNode settings)) {
					continue;
				}
				String[][] enums = { { "failureStrategy", "failure strategy" }, { "executionMode", "execution mode" } };
				for (String[] e : enums) {
					String settingKey = key(settings, e[0]);
					if (settingKey != null) {
						checkEnum(settings.get(settingKey), e[0], section[0] + "/" + settingKey, e[1]);
					}
				}
			}
		}

		void checkCategories() {
			List<JsonNode> categories = list(root, "categories");
			for (int i = 0; i < categories.size(); i++) {
				if (categories.get(i).isObject() && blank(categories.get(i).get("name"))) {
					report("missing-name", "/categories/" + i + "/name", "category has no \"name\"");
				}
			}
		}

		void checkReachability() {
			List<JsonNode> states = list(root, "states");
			if (states.isEmpty()) {
				return;
			}
			Map<String, List<String>> edges = new HashMap<>();
			for (JsonNode transition : list(root, "transitions")) {
				JsonNode from = get(transition, "fromState", "from");
				if (transitionKind(transition).equals("outgoing") && from != null && from.isTextual()) {
					List<String> out = edges.computeIfAbsent(from.asText(), k -> new ArrayList<>());
					JsonNode to = get(transition, "toState", "to");
					if (to != null && to.isTextual()) {
						out.add(to.asText());
					}
					JsonNode activate = get(transition, "activateStates", "activate");
					if (activate != null && activate.isArray()) {
						activate.forEach(s -> {
							if (s.isTextual()) {
								out.add(s.asText());
							}
						});
					}
				}
			}
			Set<String> reached = new HashSet<>();
			ArrayDeque<String> queue = new ArrayDeque<>();
			for (JsonNode state : states) {
				JsonNode initial = get(state, "isInitial");
				if (initial != null && initial.isBoolean() && initial.asBoolean() && state.path("id").isTextual()) {
					queue.add(state.get("id").asText());
				}
			}
			reached.addAll(queue);
			if (queue.isEmpty()) {
				report("no-initial-state", "/states",
						"no state is marked initial (\"isInitial\": true); the runner does not know where to start");
				return;
			}
			while (!queue.isEmpty()) {
				for (String next : edges.getOrDefault(queue.poll(), List.of())) {
					if (reached.add(next)) {
						queue.add(next);
					}
				}
			}
			for (int i = 0; i < states.size(); i++) {
				JsonNode id = states.get(i).get("id");
				if (id != null && id.isTextual() && !reached.contains(id.asText())) {
					report("unreachable-state", "/states/" + i,
							"state \"" + id.asText() + "\" cannot be reached from an initial state by any outgoing transition");
				}
			}
		}

		void checkUnusedWorkflows() {
			Set<String> used = new HashSet<>();
			for (JsonNode transition : list(root, "transitions")) {
				list(transition, "workflows").forEach(w -> {
					if (w.isTextual()) {
						used.add(w.asText());
					}
				});
			}
			Set<String> automated = new HashSet<>();
			automated.add("Main");
			for (JsonNode category : list(root, "categories")) {
				JsonNode enabled = get(category, "automationEnabled");
				if (category.isObject() && enabled != null && enabled.isBoolean() && enabled.asBoolean()
						&& category.path("name").isTextual()) {
					automated.add(category.get("name").asText());
				}
			}
			List<JsonNode> workflows = list(root, "workflows");
			for (JsonNode workflow : workflows) {
				if (workflow.path("category").isTextual() && automated.contains(workflow.get("category").asText())
						&& workflow.path("id").isTextual()) {
					used.add(workflow.get("id").asText());
				}
				for (JsonNode action : list(workflow, "actions")) {
					String target = workflowRef(get(action.path("config"), "workflowId"));
					if ("RUN_WORKFLOW".equals(action.path("type").asText(null)) && target != null) {
						used.add(target);
					}
				}
			}
			for (int i = 0; i < workflows.size(); i++) {
				JsonNode id = workflows.get(i).get("id");
				if (id != null && id.isTextual() && !id.asText().isBlank() && !used.contains(id.asText())) {
					report("unused-workflow", "/workflows/" + i, "workflow \"" + id.asText()
							+ "\" is not run by any transition, RUN_WORKFLOW action or automation-enabled category");
				}
			}
		}

		/** Contributed types: required fields present, values of the described JSON type. */
		void checkDescribedConfig(JsonNode config, String type, ActionTypeRegistry.ConfigDescription description, String p) {
			for (var entry : description.fields().entrySet()) {
				String name = entry.getKey();
				var field = entry.getValue();
				JsonNode value = config.get(name);
				if (value == null || value.isNull()) {
					if (field.required()) {
						report("missing-field", p, type + " needs \"" + name + "\""
								+ (field.description() == null ? "" : " (" + field.description() + ")"));
					}
					continue;
				}
				boolean ok = switch (field.type() == null ? "" : field.type()) {
				case "string" -> value.isTextual();
				case "number" -> value.isNumber();
				case "integer" -> value.isIntegralNumber();
				case "boolean" -> value.isBoolean();
				case "object" -> value.isObject();
				case "array" -> value.isArray();
				default -> true;
				};
				if (!ok) {
					report("wrong-type", p + "/" + name, type + " \"" + name + "\" must be a " + field.type());
				}
			}
		}
	}

	private record Ref(String pointer, JsonNode value) {
	}

	private record Edge(Object to, String pointer) {
	}

	/** Pointers of the edges that close a cycle: iterative depth-first search in list order (as the executor). */
	private static List<String> backEdges(List<?> nodes, Map<?, List<Edge>> edges) {
		Map<Object, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
		List<String> found = new ArrayList<>();
		for (Object start : nodes) {
			if (state.containsKey(start)) {
				continue;
			}
			state.put(start, 1);
			ArrayDeque<Object[]> stack = new ArrayDeque<>();
			stack.push(new Object[] { start, edges.getOrDefault(start, List.of()).iterator() });
			while (!stack.isEmpty()) {
				Object[] top = stack.peek();
				@SuppressWarnings("unchecked")
				Iterator<Edge> it = (Iterator<Edge>) top[1];
				boolean descended = false;
				while (it.hasNext()) {
					Edge edge = it.next();
					Integer s = state.get(edge.to());
					if (s != null && s == 1) {
						found.add(edge.pointer());
					} else if (s == null) {
						state.put(edge.to(), 1);
						stack.push(new Object[] { edge.to(), edges.getOrDefault(edge.to(), List.of()).iterator() });
						descended = true;
						break;
					}
				}
				if (!descended) {
					state.put(top[0], 2);
					stack.pop();
				}
			}
		}
		return found;
	}

	private String transitionKind(JsonNode transition) {
		Map<String, String> kinds = vocabulary.enumMap("transitionType");
		if (transition.path("type").isTextual()) {
			String kind = kinds.get(enumKey(transition.get("type").asText()));
			if (kind != null) {
				return kind;
			}
		}
		JsonNode from = get(transition, "fromState", "from");
		return from != null && from.isTextual() ? "outgoing" : "incoming";
	}

	/** How targetType and transitionType spellings are looked up: lower case, no spaces or underscores. */
	public static String enumKey(String spelling) {
		StringBuilder out = new StringBuilder(spelling.length());
		for (int i = 0; i < spelling.length(); i++) {
			char c = spelling.charAt(i);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '_') {
				out.append(c);
			}
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}

	/** The spelling of the first of {@code names} present (camelCase, then snake_case) with a non-null value. */
	static String key(JsonNode node, String... names) {
		if (node == null || !node.isObject()) {
			return null;
		}
		for (String name : names) {
			for (String candidate : new String[] { name, snake(name) }) {
				JsonNode value = node.get(candidate);
				if (value != null && !value.isNull()) {
					return candidate;
				}
			}
		}
		return null;
	}

	static JsonNode get(JsonNode node, String... names) {
		String key = key(node, names);
		return key == null ? null : node.get(key);
	}

	static String snake(String name) {
		StringBuilder out = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (i > 0 && Character.isUpperCase(c)) {
				out.append('_');
			}
			out.append(Character.toLowerCase(c));
		}
		return out.toString();
	}

	private static String orElse(String value, String fallback) {
		return value == null ? fallback : value;
	}

	private static boolean blank(JsonNode value) {
		return value == null || !value.isTextual() || value.asText().isBlank();
	}

	private static List<JsonNode> list(JsonNode node, String key) {
		JsonNode value = node == null || key == null ? null : node.get(key);
		if (!(value instanceof ArrayNode array)) {
			return List.of();
		}
		return new AbstractList<>() { // a view, no copy: validation walks big lists several times
			@Override
			public JsonNode get(int index) {
				return array.get(index);
			}

			@Override
			public int size() {
				return array.size();
			}
		};
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
