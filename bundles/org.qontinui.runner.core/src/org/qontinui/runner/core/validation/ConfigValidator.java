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

import org.eclipse.osgi.util.NLS;
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

	private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+"); //$NON-NLS-1$
	private static final String[] TARGET_FIELDS = { "target", "source", "destination", "clickTarget" }; //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$

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
			for (JsonNode image : list(root, "images")) { //$NON-NLS-1$
				if (!blank(image.get("id"))) { //$NON-NLS-1$
					imageIds.add(image.get("id").asText()); //$NON-NLS-1$
				}
			}
			for (JsonNode state : list(root, "states")) { //$NON-NLS-1$
				if (!blank(state.get("id"))) { //$NON-NLS-1$
					stateIds.add(state.get("id").asText()); //$NON-NLS-1$
				}
				if (state.path("name").isTextual()) { //$NON-NLS-1$
					stateNames.add(state.get("name").asText()); //$NON-NLS-1$
				}
				String imagesKey = orElse(key(state, "stateImages", "identifyingImages"), "stateImages"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				for (JsonNode image : list(state, imagesKey)) {
					if (image.isObject() && !blank(image.get("id"))) { //$NON-NLS-1$
						stateImageIds.add(image.get("id").asText()); //$NON-NLS-1$
					}
				}
				for (JsonNode region : list(state, "regions")) { //$NON-NLS-1$
					if (region.path("id").isTextual()) { //$NON-NLS-1$
						regionIds.add(region.get("id").asText()); //$NON-NLS-1$
					}
				}
				for (JsonNode location : list(state, "locations")) { //$NON-NLS-1$
					if (location.path("id").isTextual()) { //$NON-NLS-1$
						locationIds.add(location.get("id").asText()); //$NON-NLS-1$
					}
				}
			}
			for (JsonNode workflow : list(root, "workflows")) { //$NON-NLS-1$
				if (!blank(workflow.get("id"))) { //$NON-NLS-1$
					workflowIds.add(workflow.get("id").asText()); //$NON-NLS-1$
					if (workflow.path("name").isTextual()) { //$NON-NLS-1$
						workflowByName.putIfAbsent(workflow.get("name").asText(), workflow.get("id").asText()); //$NON-NLS-1$//$NON-NLS-2$
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

		/** {@code noId}: the message when there is no id; {@code duplicate}: {0} the id, {1} where it was first used. */
		String checkId(JsonNode node, String pointer, String noId, String duplicate, Map<String, String> seen) {
			JsonNode id = node.get("id"); //$NON-NLS-1$
			if (blank(id)) {
				report("missing-field", pointer + "/id", noId); //$NON-NLS-1$//$NON-NLS-2$
				return null;
			}
			String first = seen.putIfAbsent(id.asText(), pointer);
			if (first != null) {
				report("duplicate-id", pointer + "/id", NLS.bind(duplicate, id.asText(), first)); //$NON-NLS-1$//$NON-NLS-2$
			}
			return id.asText();
		}

		void checkVersion() {
			JsonNode version = root.get("version"); //$NON-NLS-1$
			if (version == null) {
				report("missing-field", "/version", Messages.ConfigValidator_missingVersion); //$NON-NLS-1$//$NON-NLS-2$
			} else if (!SEMVER.matcher(version.asText()).matches()) {
				report("bad-version", "/version", NLS.bind(Messages.ConfigValidator_badVersion, version.asText())); //$NON-NLS-1$//$NON-NLS-2$
			} else if (!version.asText().startsWith("2.")) { //$NON-NLS-1$
				report("unsupported-version", "/version", NLS.bind(Messages.ConfigValidator_unsupportedVersion, version.asText())); //$NON-NLS-1$//$NON-NLS-2$
			}
		}

		void checkMetadata() {
			JsonNode metadata = root.get("metadata"); //$NON-NLS-1$
			if (metadata == null) {
				report("missing-name", "/metadata", Messages.ConfigValidator_missingMetadata); //$NON-NLS-1$//$NON-NLS-2$
			} else if (blank(metadata.get("name"))) { //$NON-NLS-1$
				report("missing-name", "/metadata/name", Messages.ConfigValidator_missingConfigurationName); //$NON-NLS-1$//$NON-NLS-2$
			}
		}

		void checkImages() {
			Map<String, String> seen = new HashMap<>();
			List<JsonNode> images = list(root, "images"); //$NON-NLS-1$
			for (int i = 0; i < images.size(); i++) {
				JsonNode image = images.get(i);
				String pointer = "/images/" + i; //$NON-NLS-1$
				String id = checkId(image, pointer, Messages.ConfigValidator_imageNoId, Messages.ConfigValidator_imageDuplicateId, seen);
				if (blank(image.get("name"))) { //$NON-NLS-1$
					report("missing-name", pointer + "/name", Messages.ConfigValidator_imageNoName); //$NON-NLS-1$//$NON-NLS-2$
				}
				String format = image.path("format").isTextual() ? image.get("format").asText() : null; //$NON-NLS-1$//$NON-NLS-2$
				if (format != null && !vocabulary.enumValues("imageFormat").contains(format.toLowerCase(Locale.ROOT))) { //$NON-NLS-1$
					report("bad-enum-value", pointer + "/format", NLS.bind(Messages.ConfigValidator_badImageFormat, format)); //$NON-NLS-1$//$NON-NLS-2$
					format = null;
				}
				JsonNode data = image.get("data"); //$NON-NLS-1$
				if (blank(data)) {
					report("missing-image-data", data == null ? pointer : pointer + "/data", //$NON-NLS-1$//$NON-NLS-2$
							NLS.bind(Messages.ConfigValidator_imageNoData, id));
					continue;
				}
				checkImageData(data.asText(), pointer + "/data", NLS.bind(Messages.ConfigValidator_imageLabel, id), format); //$NON-NLS-1$
				JsonNode hash = image.get("hash"); //$NON-NLS-1$
				if (hash != null && hash.isTextual() && !hash.asText().equalsIgnoreCase(sha256(data.asText()))) {
					report("image-hash-mismatch", pointer + "/hash", //$NON-NLS-1$//$NON-NLS-2$
							NLS.bind(Messages.ConfigValidator_imageHashMismatch, id));
				}
			}
		}

		void checkImageData(String data, String pointer, String label, String format) {
			byte[] bytes = ImageHeader.decodeBase64(data);
			if (bytes == null) {
				report("bad-image", pointer, NLS.bind(Messages.ConfigValidator_notBase64, label)); //$NON-NLS-1$
				return;
			}
			ImageHeader header;
			try {
				header = ImageHeader.read(bytes);
			} catch (ImageHeader.BadHeaderException e) {
				report("bad-image", pointer, NLS.bind(Messages.ConfigValidator_badImageData, label, e.getMessage())); //$NON-NLS-1$
				return;
			}
			if (format != null && header.kind().equals("png") != format.equalsIgnoreCase("png")) { //$NON-NLS-1$//$NON-NLS-2$
				report("bad-image", pointer, //$NON-NLS-1$
						NLS.bind(Messages.ConfigValidator_wrongImageKind, new Object[] { label, header.kind().toUpperCase(Locale.ROOT), format }));
				return;
			}
			if (header.pixels() > limits.maxImagePixels()) {
				report("image-too-large", pointer, NLS.bind(Messages.ConfigValidator_imageTooLarge, //$NON-NLS-1$
						new Object[] { label, header.width(), header.height(), limits.maxImagePixels() }));
			}
		}

		void checkStates() {
			Map<String, String> seen = new HashMap<>();
			Map<String, String> seenImages = new HashMap<>();
			Map<String, String> seenParts = new HashMap<>();
			List<JsonNode> states = list(root, "states"); //$NON-NLS-1$
			for (int i = 0; i < states.size(); i++) {
				JsonNode state = states.get(i);
				String pointer = "/states/" + i; //$NON-NLS-1$
				checkId(state, pointer, Messages.ConfigValidator_stateNoId, Messages.ConfigValidator_stateDuplicateId, seen);
				if (blank(state.get("name"))) { //$NON-NLS-1$
					report("missing-name", pointer + "/name", Messages.ConfigValidator_stateNoName); //$NON-NLS-1$//$NON-NLS-2$
				}
				String imagesKey = orElse(key(state, "stateImages", "identifyingImages", "identifying_images"), "stateImages"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
				List<JsonNode> images = list(state, imagesKey);
				for (int j = 0; j < images.size(); j++) {
					checkStateImage(images.get(j), pointer + "/" + imagesKey + "/" + j, seenImages); //$NON-NLS-1$//$NON-NLS-2$
				}
				// list key, kind (for the ids seen), message without id, message for a duplicate id
				String[][] parts = {
						{ "regions", "region", Messages.ConfigValidator_regionNoId, Messages.ConfigValidator_regionDuplicateId }, //$NON-NLS-1$//$NON-NLS-2$
						{ "locations", "location", Messages.ConfigValidator_locationNoId, Messages.ConfigValidator_locationDuplicateId }, //$NON-NLS-1$//$NON-NLS-2$
						{ "strings", "string", Messages.ConfigValidator_stringNoId, Messages.ConfigValidator_stringDuplicateId } }; //$NON-NLS-1$//$NON-NLS-2$
				for (String[] part : parts) {
					String partKey = part[0].equals("strings") ? orElse(key(state, "strings", "stateStrings"), "strings") //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$
							: part[0];
					List<JsonNode> items = list(state, partKey);
					for (int j = 0; j < items.size(); j++) {
						String itemPointer = pointer + "/" + partKey + "/" + j; //$NON-NLS-1$//$NON-NLS-2$
						JsonNode id = items.get(j).get("id"); //$NON-NLS-1$
						if (blank(id)) {
							report("missing-part-id", itemPointer + "/id", part[2]); //$NON-NLS-1$//$NON-NLS-2$
						} else {
							String first = seenParts.putIfAbsent(part[1] + ":" + id.asText(), itemPointer); //$NON-NLS-1$
							if (first != null) {
								report("duplicate-id", itemPointer + "/id", NLS.bind(part[3], id.asText(), first)); //$NON-NLS-1$//$NON-NLS-2$
							}
						}
					}
				}
			}
		}

		void checkStateImage(JsonNode image, String pointer, Map<String, String> seen) {
			if (image.isTextual()) { // old runner: a list of image ids
				if (!imageIds.contains(image.asText())) {
					report("dangling-reference", pointer, NLS.bind(Messages.ConfigValidator_noImage, image.asText())); //$NON-NLS-1$
				}
				return;
			}
			JsonNode id = image.get("id"); //$NON-NLS-1$
			if (blank(id)) {
				report("missing-field", pointer + "/id", Messages.ConfigValidator_stateImageNoId); //$NON-NLS-1$//$NON-NLS-2$
			} else {
				String first = seen.putIfAbsent(id.asText(), pointer);
				if (first != null) {
					report("duplicate-id", pointer + "/id", NLS.bind(Messages.ConfigValidator_stateImageDuplicateId, id.asText(), first)); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
			List<JsonNode> patterns = list(image, "patterns"); //$NON-NLS-1$
			if (patterns.isEmpty()) {
				report("no-patterns", pointer + "/patterns", //$NON-NLS-1$//$NON-NLS-2$
						NLS.bind(Messages.ConfigValidator_noPatterns, id == null ? null : id.asText()));
			}
			for (int k = 0; k < patterns.size(); k++) {
				JsonNode pattern = patterns.get(k);
				if (!blank(pattern.get("id"))) { //$NON-NLS-1$
					String patternPointer = pointer + "/patterns/" + k; //$NON-NLS-1$
					String first = seenPatterns.putIfAbsent(pattern.get("id").asText(), patternPointer); //$NON-NLS-1$
					if (first != null) {
						report("duplicate-id", patternPointer + "/id", //$NON-NLS-1$//$NON-NLS-2$
								NLS.bind(Messages.ConfigValidator_patternDuplicateId, pattern.get("id").asText(), first)); //$NON-NLS-1$
					}
				}
				String imageKey = orElse(key(pattern, "imageId", "image"), "imageId"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				String imagePointer = pointer + "/patterns/" + k + "/" + imageKey; //$NON-NLS-1$//$NON-NLS-2$
				JsonNode imageId = pattern.get(imageKey);
				if (blank(imageId)) {
					report("missing-field", imagePointer, Messages.ConfigValidator_patternNoImageId); //$NON-NLS-1$
				} else if (!imageIds.contains(imageId.asText())) {
					report("dangling-reference", imagePointer, NLS.bind(Messages.ConfigValidator_noImage, imageId.asText())); //$NON-NLS-1$
				}
				JsonNode mask = pattern.get("mask"); //$NON-NLS-1$
				if (mask != null && mask.isTextual() && !mask.asText().isBlank()) {
					checkImageData(mask.asText(), pointer + "/patterns/" + k + "/mask", Messages.ConfigValidator_maskLabel, null); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
		}

		void checkWorkflows() {
			Map<String, String> seen = new HashMap<>();
			Map<String, String> seenActions = new HashMap<>();
			Map<String, List<Edge>> graph = new LinkedHashMap<>();
			List<JsonNode> workflows = list(root, "workflows"); //$NON-NLS-1$
			for (int i = 0; i < workflows.size(); i++) {
				JsonNode workflow = workflows.get(i);
				String pointer = "/workflows/" + i; //$NON-NLS-1$
				String id = checkId(workflow, pointer, Messages.ConfigValidator_workflowNoId, Messages.ConfigValidator_workflowDuplicateId,
						seen);
				if (blank(workflow.get("name"))) { //$NON-NLS-1$
					report("missing-name", pointer + "/name", Messages.ConfigValidator_workflowNoName); //$NON-NLS-1$//$NON-NLS-2$
				}
				String initialKey = orElse(key(workflow, "initialStateIds"), "initialStateIds"); //$NON-NLS-1$//$NON-NLS-2$
				List<JsonNode> initial = list(workflow, initialKey);
				for (int k = 0; k < initial.size(); k++) {
					checkStateRef(initial.get(k), pointer + "/" + initialKey + "/" + k); //$NON-NLS-1$//$NON-NLS-2$
				}
				if (!workflow.path("actions").isArray()) { //$NON-NLS-1$
					report("missing-field", pointer + "/actions", NLS.bind(Messages.ConfigValidator_workflowNoActions, id)); //$NON-NLS-1$//$NON-NLS-2$
					continue;
				}
				List<JsonNode> actions = list(workflow, "actions"); //$NON-NLS-1$
				Map<String, Integer> local = new HashMap<>();
				for (int a = 0; a < actions.size(); a++) {
					String actionPointer = pointer + "/actions/" + a; //$NON-NLS-1$
					JsonNode actionId = actions.get(a).get("id"); //$NON-NLS-1$
					if (blank(actionId)) {
						report("missing-field", actionPointer + "/id", Messages.ConfigValidator_actionNoId); //$NON-NLS-1$//$NON-NLS-2$
						continue;
					}
					String first = seenActions.putIfAbsent(actionId.asText(), actionPointer);
					if (first != null) {
						report("duplicate-id", actionPointer + "/id", //$NON-NLS-1$//$NON-NLS-2$
								NLS.bind(Messages.ConfigValidator_actionDuplicateId, actionId.asText(), first));
					} else {
						local.put(actionId.asText(), a);
					}
				}
				for (int a = 0; a < actions.size(); a++) {
					checkAction(actions.get(a), pointer + "/actions/" + a, local); //$NON-NLS-1$
				}
				checkControlFlowCycles(actions, pointer, local);
				if (id != null) {
					List<Edge> edges = graph.computeIfAbsent(id, k -> new ArrayList<>());
					for (int a = 0; a < actions.size(); a++) {
						JsonNode action = actions.get(a);
						JsonNode config = action.path("config"); //$NON-NLS-1$
						String target = workflowRef(get(config, "workflowId")); //$NON-NLS-1$
						if ("RUN_WORKFLOW".equals(action.path("type").asText(null)) && target != null) { //$NON-NLS-1$//$NON-NLS-2$
							edges.add(new Edge(target, pointer + "/actions/" + a + "/config/" + key(config, "workflowId"))); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
						}
					}
				}
			}
			for (String pointer : backEdges(new ArrayList<>(graph.keySet()), graph)) {
				report("recursive-workflow", pointer, Messages.ConfigValidator_recursiveWorkflow); //$NON-NLS-1$
			}
		}

		void checkAction(JsonNode action, String pointer, Map<String, Integer> local) {
			JsonNode typeNode = action.get("type"); //$NON-NLS-1$
			String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
			JsonNode config = action.get("config") instanceof ObjectNode c ? c : ConfigJsonMapper.get().createObjectNode(); //$NON-NLS-1$
			String p = pointer + "/config"; //$NON-NLS-1$
			if (blank(typeNode)) {
				report("missing-field", pointer + "/type", Messages.ConfigValidator_actionNoType); //$NON-NLS-1$//$NON-NLS-2$
			} else if (!actionTypes.isKnown(type)) {
				String message = actionTypes.hintFor(type)
						.map(hint -> NLS.bind(Messages.ConfigValidator_unknownActionTypeHint, type, hint))
						.orElse(NLS.bind(Messages.ConfigValidator_unknownActionType, type));
				report("unknown-action-type", pointer + "/type", message); //$NON-NLS-1$//$NON-NLS-2$
			} else {
				actionTypes.descriptionOf(type).ifPresent(d -> checkDescribedConfig(config, type, d, p));
			}
			for (String field : controlFlow.getOrDefault(type, List.of())) {
				String fieldKey = orElse(key(config, field), field);
				List<JsonNode> ids = list(config, fieldKey);
				for (int k = 0; k < ids.size(); k++) {
					if (!local.containsKey(ids.get(k).asText())) {
						report("dangling-reference", p + "/" + fieldKey + "/" + k, //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
								NLS.bind(Messages.ConfigValidator_noAction, ids.get(k).asText()));
					}
				}
			}
			for (Ref ref : stateRefs(config, p)) {
				checkStateRef(ref.value(), ref.pointer());
			}
			if ("GO_TO_STATE".equals(type)) { //$NON-NLS-1$
				String namesKey = orElse(key(config, "stateNames"), "stateNames"); //$NON-NLS-1$//$NON-NLS-2$
				List<JsonNode> names = list(config, namesKey);
				for (int k = 0; k < names.size(); k++) {
					if (!stateNames.contains(names.get(k).asText())) {
						report("dangling-reference", p + "/" + namesKey + "/" + k, //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
								NLS.bind(Messages.ConfigValidator_noStateNamed, names.get(k).asText()));
					}
				}
				if (list(config, orElse(key(config, "stateIds"), "stateIds")).isEmpty() && names.isEmpty() //$NON-NLS-1$//$NON-NLS-2$
						&& blank(get(config, "stateId"))) { //$NON-NLS-1$
					report("missing-field", p + "/stateIds", Messages.ConfigValidator_goToStateNoStateIds); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
			if ("RUN_WORKFLOW".equals(type)) { //$NON-NLS-1$
				String workflowKey = key(config, "workflowId"); //$NON-NLS-1$
				if (workflowKey == null || blank(config.get(workflowKey))) {
					report("missing-field", p + "/workflowId", Messages.ConfigValidator_runWorkflowNoWorkflowId); //$NON-NLS-1$//$NON-NLS-2$
				} else if (workflowRef(config.get(workflowKey)) == null) {
					report("dangling-reference", p + "/" + workflowKey, //$NON-NLS-1$//$NON-NLS-2$
							NLS.bind(Messages.ConfigValidator_noWorkflow, config.get(workflowKey).asText()));
				}
			}
			for (Ref target : targets(config, p)) {
				checkTarget(target.value(), target.pointer());
			}
			for (Ref options : searchOptions(config, p)) {
				String strategyKey = key(options.value(), "searchStrategy", "strategy"); //$NON-NLS-1$//$NON-NLS-2$
				if (strategyKey != null) {
					checkEnum(options.value().get(strategyKey), "searchStrategy", options.pointer() + "/" + strategyKey, //$NON-NLS-1$//$NON-NLS-2$
							Messages.ConfigValidator_badSearchStrategy);
				}
			}
			String buttonKey = key(config, "mouseButton"); //$NON-NLS-1$
			if (buttonKey != null && config.get(buttonKey).isTextual()) {
				checkEnum(config.get(buttonKey), "mouseButton", p + "/" + buttonKey, Messages.ConfigValidator_badMouseButton); //$NON-NLS-1$//$NON-NLS-2$
			}
			if ("LOOP".equals(type)) { //$NON-NLS-1$
				String loopKey = key(config, "loopType"); //$NON-NLS-1$
				if (loopKey != null && config.get(loopKey).isTextual()) {
					checkEnum(config.get(loopKey), "loopType", p + "/" + loopKey, Messages.ConfigValidator_badLoopType); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
			checkLimits(type, config, p);
		}

		void checkLimits(String type, JsonNode config, String p) {
			List<Object[]> caps = new ArrayList<>();
			caps.add(new Object[] { "numberOfClicks", (long) limits.maxClicks(), Messages.ConfigValidator_tooManyClicks }); //$NON-NLS-1$
			caps.add(new Object[] { "clicks", (long) limits.maxClicks(), Messages.ConfigValidator_tooManyClicks }); //$NON-NLS-1$
			if ("LOOP".equals(type)) { //$NON-NLS-1$
				caps.add(new Object[] { "iterations", limits.maxLoopIterations(), Messages.ConfigValidator_tooManyLoopIterations }); //$NON-NLS-1$
				caps.add(new Object[] { "maxIterations", limits.maxLoopIterations(), Messages.ConfigValidator_tooManyLoopIterations }); //$NON-NLS-1$
			}
			for (Object[] cap : caps) {
				String capKey = key(config, (String) cap[0]);
				long max = (Long) cap[1];
				if (capKey != null && config.get(capKey).isNumber()) {
					double value = config.get(capKey).doubleValue();
					if (!(value >= 0 && value <= max)) {
						report("limit-exceeded", p + "/" + capKey, NLS.bind((String) cap[2], config.get(capKey).asText(), max)); //$NON-NLS-1$//$NON-NLS-2$
					}
				}
			}
			for (Ref expression : expressions(config, p)) {
				int length = expression.value().asText().codePointCount(0, expression.value().asText().length());
				if (length > limits.maxExpressionLength()) {
					report("limit-exceeded", expression.pointer(), //$NON-NLS-1$
							NLS.bind(Messages.ConfigValidator_expressionTooLong, length, limits.maxExpressionLength()));
				}
			}
		}

		List<Ref> expressions(JsonNode config, String p) {
			List<Ref> out = new ArrayList<>();
			String expressionKey = key(config, "expression"); //$NON-NLS-1$
			if (expressionKey != null && config.get(expressionKey).isTextual()) {
				out.add(new Ref(p + "/" + expressionKey, config.get(expressionKey))); //$NON-NLS-1$
			}
			JsonNode condition = config.get("condition"); //$NON-NLS-1$
			if (condition != null && condition.isObject() && condition.path("expression").isTextual()) { //$NON-NLS-1$
				out.add(new Ref(p + "/condition/expression", condition.get("expression"))); //$NON-NLS-1$//$NON-NLS-2$
			}
			return out;
		}

		List<Ref> stateRefs(JsonNode config, String p) {
			List<Ref> refs = new ArrayList<>();
			String idsKey = key(config, "stateIds"); //$NON-NLS-1$
			if (idsKey != null) {
				List<JsonNode> ids = list(config, idsKey);
				for (int k = 0; k < ids.size(); k++) {
					refs.add(new Ref(p + "/" + idsKey + "/" + k, ids.get(k))); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
			String idKey = key(config, "stateId"); //$NON-NLS-1$
			if (idKey != null && config.get(idKey).isTextual()) {
				refs.add(new Ref(p + "/" + idKey, config.get(idKey))); //$NON-NLS-1$
			}
			for (String nestedKey : new String[] { "textSource", "verify" }) { //$NON-NLS-1$//$NON-NLS-2$
				JsonNode nested = config.get(nestedKey);
				if (nested != null && nested.isObject() && nested.path("stateId").isTextual()) { //$NON-NLS-1$
					refs.add(new Ref(p + "/" + nestedKey + "/stateId", nested.get("stateId"))); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				}
			}
			for (Ref target : targets(config, p)) {
				if (target.value().path("stateId").isTextual()) { //$NON-NLS-1$
					refs.add(new Ref(target.pointer() + "/stateId", target.value().get("stateId"))); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
			return refs;
		}

		List<Ref> targets(JsonNode config, String p) {
			List<Ref> out = new ArrayList<>();
			for (String field : TARGET_FIELDS) {
				String targetKey = key(config, field);
				if (targetKey != null && config.get(targetKey).isObject()) {
					out.add(new Ref(p + "/" + targetKey, config.get(targetKey))); //$NON-NLS-1$
				}
			}
			JsonNode verify = config.get("verify"); //$NON-NLS-1$
			if (verify != null && verify.isObject() && verify.path("target").isObject()) { //$NON-NLS-1$
				out.add(new Ref(p + "/verify/target", verify.get("target"))); //$NON-NLS-1$//$NON-NLS-2$
			}
			if (out.isEmpty() && (key(config, "imageId") != null || key(config, "imageIds") != null)) { //$NON-NLS-1$//$NON-NLS-2$
				out.add(new Ref(p, config)); // old runner: a flat config names its image itself
			}
			return out;
		}

		List<Ref> searchOptions(JsonNode config, String p) {
			List<Ref> out = new ArrayList<>();
			for (Ref target : targets(config, p)) {
				JsonNode options = get(target.value(), "searchOptions"); //$NON-NLS-1$
				if (options != null && options.isObject() && !target.pointer().equals(p)) {
					out.add(new Ref(target.pointer() + "/" + key(target.value(), "searchOptions"), options)); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
			String optionsKey = key(config, "searchOptions"); //$NON-NLS-1$
			if (optionsKey != null && config.get(optionsKey).isObject()) {
				out.add(new Ref(p + "/" + optionsKey, config.get(optionsKey))); //$NON-NLS-1$
			}
			return out;
		}

		void checkTarget(JsonNode target, String pointer) {
			JsonNode rawType = target.get("type"); //$NON-NLS-1$
			String type = null;
			if (rawType != null && rawType.isTextual()) {
				type = vocabulary.enumMap("targetType").get(enumKey(rawType.asText())); //$NON-NLS-1$
				if (type == null) {
					report("bad-enum-value", pointer + "/type", NLS.bind(Messages.ConfigValidator_badTargetType, rawType.asText())); //$NON-NLS-1$//$NON-NLS-2$
					return;
				}
			}
			List<Ref> ids = new ArrayList<>();
			String idsKey = key(target, "imageIds"); //$NON-NLS-1$
			if (idsKey != null) {
				List<JsonNode> list = list(target, idsKey);
				for (int k = 0; k < list.size(); k++) {
					ids.add(new Ref(pointer + "/" + idsKey + "/" + k, list.get(k))); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
			String idKey = key(target, "imageId"); //$NON-NLS-1$
			if (idKey != null && target.get(idKey).isTextual()) {
				ids.add(new Ref(pointer + "/" + idKey, target.get(idKey))); //$NON-NLS-1$
			}
			for (Ref id : ids) {
				if (!stateImageIds.contains(id.value().asText()) && !imageIds.contains(id.value().asText())) {
					report("dangling-reference", id.pointer(), NLS.bind(Messages.ConfigValidator_noStateImageOrImage, id.value().asText())); //$NON-NLS-1$
				}
			}
			if (("image".equals(type) || "stateImage".equals(type)) && ids.isEmpty()) { //$NON-NLS-1$//$NON-NLS-2$
				report("missing-field", pointer + "/imageIds", Messages.ConfigValidator_imageTargetNoImageIds); //$NON-NLS-1$//$NON-NLS-2$
			}
			if ("text".equals(type) && blank(target.get("text")) && blank(target.get("regex"))) { //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				report("missing-field", pointer + "/text", Messages.ConfigValidator_textTargetNoText); //$NON-NLS-1$//$NON-NLS-2$
			}
			String locationKey = key(target, "locationId"); //$NON-NLS-1$
			if ("stateLocation".equals(type) && locationKey != null && !locationIds.contains(target.get(locationKey).asText())) { //$NON-NLS-1$
				report("dangling-reference", pointer + "/" + locationKey, //$NON-NLS-1$//$NON-NLS-2$
						NLS.bind(Messages.ConfigValidator_noStateLocation, target.get(locationKey).asText()));
			}
			String regionKey = key(target, "regionId"); //$NON-NLS-1$
			if ("stateRegion".equals(type) && regionKey != null && !regionIds.contains(target.get(regionKey).asText())) { //$NON-NLS-1$
				report("dangling-reference", pointer + "/" + regionKey, //$NON-NLS-1$//$NON-NLS-2$
						NLS.bind(Messages.ConfigValidator_noStateRegion, target.get(regionKey).asText()));
			}
		}

		/** An IF/LOOP/TRY_CATCH that runs itself, directly or through its children, never ends. */
		void checkControlFlowCycles(List<JsonNode> actions, String pointer, Map<String, Integer> local) {
			Map<Integer, List<Edge>> edges = new LinkedHashMap<>();
			List<Integer> nodes = new ArrayList<>();
			for (int a = 0; a < actions.size(); a++) {
				nodes.add(a);
				JsonNode action = actions.get(a);
				JsonNode config = action.get("config") instanceof ObjectNode c ? c : ConfigJsonMapper.get().createObjectNode(); //$NON-NLS-1$
				List<Edge> out = new ArrayList<>();
				edges.put(a, out);
				for (String field : controlFlow.getOrDefault(action.path("type").asText(""), List.of())) { //$NON-NLS-1$//$NON-NLS-2$
					String fieldKey = orElse(key(config, field), field);
					List<JsonNode> ids = list(config, fieldKey);
					for (int k = 0; k < ids.size(); k++) {
						Integer child = local.get(ids.get(k).asText());
						if (child != null) {
							out.add(new Edge(child, pointer + "/actions/" + a + "/config/" + fieldKey + "/" + k)); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
						}
					}
				}
			}
			for (String cycle : backEdges(nodes, edges)) {
				report("control-flow-cycle", cycle, Messages.ConfigValidator_controlFlowCycle); //$NON-NLS-1$
			}
		}

		void checkStateRef(JsonNode id, String pointer) {
			if (id == null || !stateIds.contains(id.asText()) || !id.isTextual()) {
				report("dangling-reference", pointer, NLS.bind(Messages.ConfigValidator_noState, id == null ? null : id.asText())); //$NON-NLS-1$
			}
		}

		/** {@code message}: {0} the value, {1} the allowed values. */
		void checkEnum(JsonNode value, String enumName, String pointer, String message) {
			List<String> allowed = vocabulary.enumValues(enumName);
			if (value == null || !value.isTextual() || !allowed.contains(value.asText())) {
				report("bad-enum-value", pointer, NLS.bind(message, value == null ? null : value.asText(), String.join(", ", allowed))); //$NON-NLS-1$//$NON-NLS-2$
			}
		}

		void checkTransitions() {
			Map<String, String> seen = new HashMap<>();
			Map<String, String> kinds = vocabulary.enumMap("transitionType"); //$NON-NLS-1$
			List<JsonNode> transitions = list(root, "transitions"); //$NON-NLS-1$
			for (int i = 0; i < transitions.size(); i++) {
				JsonNode transition = transitions.get(i);
				String pointer = "/transitions/" + i; //$NON-NLS-1$
				checkId(transition, pointer, Messages.ConfigValidator_transitionNoId, Messages.ConfigValidator_transitionDuplicateId, seen);
				String kind = transitionKind(transition);
				if (transition.path("type").isTextual() && !kinds.containsKey(enumKey(transition.get("type").asText()))) { //$NON-NLS-1$//$NON-NLS-2$
					report("bad-enum-value", pointer + "/type", //$NON-NLS-1$//$NON-NLS-2$
							NLS.bind(Messages.ConfigValidator_badTransitionType, transition.get("type").asText())); //$NON-NLS-1$
				}
				String fromKey = orElse(key(transition, "fromState", "from"), "fromState"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				String toKey = orElse(key(transition, "toState", "to"), "toState"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				if (kind.equals("outgoing")) { //$NON-NLS-1$
					if (blank(transition.get(fromKey))) {
						report("missing-field", pointer + "/" + fromKey, Messages.ConfigValidator_outgoingNoFromState); //$NON-NLS-1$//$NON-NLS-2$
					} else {
						checkStateRef(transition.get(fromKey), pointer + "/" + fromKey); //$NON-NLS-1$
					}
					String activateKey = orElse(key(transition, "activateStates", "activate"), "activateStates"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
					if (blank(transition.get(toKey))) {
						if (list(transition, activateKey).isEmpty()) {
							report("missing-field", pointer + "/" + toKey, Messages.ConfigValidator_outgoingNoTarget); //$NON-NLS-1$//$NON-NLS-2$
						}
					} else if (!"PREVIOUS".equals(transition.get(toKey).asText())) { //$NON-NLS-1$
						// PREVIOUS: back to the states the source state hid (executor navigation.PREVIOUS)
						checkStateRef(transition.get(toKey), pointer + "/" + toKey); //$NON-NLS-1$
					}
					String deactivateKey = orElse(key(transition, "deactivateStates", "exit"), "deactivateStates"); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
					for (String listKey : new String[] { activateKey, deactivateKey }) {
						List<JsonNode> ids = list(transition, listKey);
						for (int k = 0; k < ids.size(); k++) {
							checkStateRef(ids.get(k), pointer + "/" + listKey + "/" + k); //$NON-NLS-1$//$NON-NLS-2$
						}
					}
				} else if (blank(transition.get(toKey))) {
					report("missing-field", pointer + "/" + toKey, Messages.ConfigValidator_incomingNoToState); //$NON-NLS-1$//$NON-NLS-2$
				} else {
					checkStateRef(transition.get(toKey), pointer + "/" + toKey); //$NON-NLS-1$
				}
				List<JsonNode> workflows = list(transition, "workflows"); //$NON-NLS-1$
				for (int k = 0; k < workflows.size(); k++) {
					if (!workflowIds.contains(workflows.get(k).asText())) {
						report("dangling-reference", pointer + "/workflows/" + k, //$NON-NLS-1$//$NON-NLS-2$
								NLS.bind(Messages.ConfigValidator_noWorkflow, workflows.get(k).asText()));
					}
				}
			}
		}

		void checkSettings() {
			Object[][] sections = { { "/settings/execution", get(root.get("settings"), "execution") }, //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
					{ "/execution_settings", root.get("execution_settings") } }; //$NON-NLS-1$//$NON-NLS-2$
			for (Object[] section : sections) {
				if (!(section[1] instanceof ObjectNode settings)) {
					continue;
				}
				String[][] enums = { { "failureStrategy", Messages.ConfigValidator_badFailureStrategy }, //$NON-NLS-1$
						{ "executionMode", Messages.ConfigValidator_badExecutionMode } }; //$NON-NLS-1$
				for (String[] e : enums) {
					String settingKey = key(settings, e[0]);
					if (settingKey != null) {
						checkEnum(settings.get(settingKey), e[0], section[0] + "/" + settingKey, e[1]); //$NON-NLS-1$
					}
				}
			}
		}

		void checkCategories() {
			List<JsonNode> categories = list(root, "categories"); //$NON-NLS-1$
			for (int i = 0; i < categories.size(); i++) {
				if (categories.get(i).isObject() && blank(categories.get(i).get("name"))) { //$NON-NLS-1$
					report("missing-name", "/categories/" + i + "/name", Messages.ConfigValidator_categoryNoName); //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$
				}
			}
		}

		void checkReachability() {
			List<JsonNode> states = list(root, "states"); //$NON-NLS-1$
			if (states.isEmpty()) {
				return;
			}
			Map<String, List<String>> edges = new HashMap<>();
			for (JsonNode transition : list(root, "transitions")) { //$NON-NLS-1$
				JsonNode from = get(transition, "fromState", "from"); //$NON-NLS-1$//$NON-NLS-2$
				if (transitionKind(transition).equals("outgoing") && from != null && from.isTextual()) { //$NON-NLS-1$
					List<String> out = edges.computeIfAbsent(from.asText(), k -> new ArrayList<>());
					JsonNode to = get(transition, "toState", "to"); //$NON-NLS-1$//$NON-NLS-2$
					if (to != null && to.isTextual()) {
						out.add(to.asText());
					}
					JsonNode activate = get(transition, "activateStates", "activate"); //$NON-NLS-1$//$NON-NLS-2$
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
				JsonNode initial = get(state, "isInitial"); //$NON-NLS-1$
				if (initial != null && initial.isBoolean() && initial.asBoolean() && state.path("id").isTextual()) { //$NON-NLS-1$
					queue.add(state.get("id").asText()); //$NON-NLS-1$
				}
			}
			reached.addAll(queue);
			if (queue.isEmpty()) {
				report("no-initial-state", "/states", Messages.ConfigValidator_noInitialState); //$NON-NLS-1$//$NON-NLS-2$
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
				JsonNode id = states.get(i).get("id"); //$NON-NLS-1$
				if (id != null && id.isTextual() && !reached.contains(id.asText())) {
					report("unreachable-state", "/states/" + i, NLS.bind(Messages.ConfigValidator_unreachableState, id.asText())); //$NON-NLS-1$//$NON-NLS-2$
				}
			}
		}

		void checkUnusedWorkflows() {
			Set<String> used = new HashSet<>();
			for (JsonNode transition : list(root, "transitions")) { //$NON-NLS-1$
				list(transition, "workflows").forEach(w -> { //$NON-NLS-1$
					if (w.isTextual()) {
						used.add(w.asText());
					}
				});
			}
			Set<String> automated = new HashSet<>();
			automated.add("Main"); //$NON-NLS-1$
			for (JsonNode category : list(root, "categories")) { //$NON-NLS-1$
				JsonNode enabled = get(category, "automationEnabled"); //$NON-NLS-1$
				if (category.isObject() && enabled != null && enabled.isBoolean() && enabled.asBoolean()
						&& category.path("name").isTextual()) { //$NON-NLS-1$
					automated.add(category.get("name").asText()); //$NON-NLS-1$
				}
			}
			List<JsonNode> workflows = list(root, "workflows"); //$NON-NLS-1$
			for (JsonNode workflow : workflows) {
				if (workflow.path("category").isTextual() && automated.contains(workflow.get("category").asText()) //$NON-NLS-1$//$NON-NLS-2$
						&& workflow.path("id").isTextual()) { //$NON-NLS-1$
					used.add(workflow.get("id").asText()); //$NON-NLS-1$
				}
				for (JsonNode action : list(workflow, "actions")) { //$NON-NLS-1$
					String target = workflowRef(get(action.path("config"), "workflowId")); //$NON-NLS-1$//$NON-NLS-2$
					if ("RUN_WORKFLOW".equals(action.path("type").asText(null)) && target != null) { //$NON-NLS-1$//$NON-NLS-2$
						used.add(target);
					}
				}
			}
			for (int i = 0; i < workflows.size(); i++) {
				JsonNode id = workflows.get(i).get("id"); //$NON-NLS-1$
				if (id != null && id.isTextual() && !id.asText().isBlank() && !used.contains(id.asText())) {
					report("unused-workflow", "/workflows/" + i, NLS.bind(Messages.ConfigValidator_unusedWorkflow, id.asText())); //$NON-NLS-1$//$NON-NLS-2$
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
						report("missing-field", p, field.description() == null //$NON-NLS-1$
								? NLS.bind(Messages.ConfigValidator_missingContributedField, type, name)
								: NLS.bind(Messages.ConfigValidator_missingContributedFieldDescribed,
										new Object[] { type, name, field.description() }));
					}
					continue;
				}
				boolean ok = switch (field.type() == null ? "" : field.type()) { //$NON-NLS-1$
				case "string" -> value.isTextual(); //$NON-NLS-1$
				case "number" -> value.isNumber(); //$NON-NLS-1$
				case "integer" -> value.isIntegralNumber(); //$NON-NLS-1$
				case "boolean" -> value.isBoolean(); //$NON-NLS-1$
				case "object" -> value.isObject(); //$NON-NLS-1$
				case "array" -> value.isArray(); //$NON-NLS-1$
				default -> true;
				};
				if (!ok) {
					report("wrong-type", p + "/" + name, //$NON-NLS-1$//$NON-NLS-2$
							NLS.bind(Messages.ConfigValidator_contributedFieldWrongType, new Object[] { type, name, field.type() }));
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
		Map<String, String> kinds = vocabulary.enumMap("transitionType"); //$NON-NLS-1$
		if (transition.path("type").isTextual()) { //$NON-NLS-1$
			String kind = kinds.get(enumKey(transition.get("type").asText())); //$NON-NLS-1$
			if (kind != null) {
				return kind;
			}
		}
		JsonNode from = get(transition, "fromState", "from"); //$NON-NLS-1$//$NON-NLS-2$
		return from != null && from.isTextual() ? "outgoing" : "incoming"; //$NON-NLS-1$//$NON-NLS-2$
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
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII))); //$NON-NLS-1$
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
