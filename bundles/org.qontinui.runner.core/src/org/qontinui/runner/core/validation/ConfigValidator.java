package org.qontinui.runner.core.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.qontinui.runner.core.config.Action;
import org.qontinui.runner.core.config.ActionTarget;
import org.qontinui.runner.core.config.Category;
import org.qontinui.runner.core.config.ConfigElement;
import org.qontinui.runner.core.config.ConfigIndex;
import org.qontinui.runner.core.config.ConfigReference;
import org.qontinui.runner.core.config.ExecutionSettings;
import org.qontinui.runner.core.config.ImageAsset;
import org.qontinui.runner.core.config.IncomingTransition;
import org.qontinui.runner.core.config.Metadata;
import org.qontinui.runner.core.config.OutgoingTransition;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.config.State;
import org.qontinui.runner.core.config.StateImage;
import org.qontinui.runner.core.config.StateLocation;
import org.qontinui.runner.core.config.StateRegion;
import org.qontinui.runner.core.config.StateString;
import org.qontinui.runner.core.config.Transition;
import org.qontinui.runner.core.config.TransitionKind;
import org.qontinui.runner.core.config.Workflow;
import org.qontinui.runner.core.validation.Diagnostic.Severity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a configuration the way the runner will use it and reports every problem found, not just
 * the first: missing and duplicate ids, references to things that do not exist, unknown action
 * types and enum values, broken images, unreachable states and unused workflows.
 * <p>
 * Pointers follow the spellings the file used ({@code /states/0/is_initial}), so they resolve in
 * the {@link SourceMap} of the text.
 */
public final class ConfigValidator {

	private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");
	private static final List<String> SEARCH_STRATEGIES = List.of("FIRST", "ALL", "BEST", "EACH");
	private static final List<String> MOUSE_BUTTONS = List.of("LEFT", "RIGHT", "MIDDLE");
	private static final List<String> LOOP_TYPES = List.of("FOR", "WHILE", "FOREACH");
	private static final List<String> FAILURE_STRATEGIES = List.of("stop", "continue", "pause", "retry");
	private static final List<String> EXECUTION_MODES = List.of("real", "mock", "screenshot");
	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	private static final byte[] JPEG_SIGNATURE = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private final ActionTypeRegistry actionTypes;

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
		Run run = new Run(config, index);
		run.validate();
		return run.locate(sourceMap == null ? SourceMap.NONE : sourceMap);
	}

	/** State of one validation; keeps the public class stateless and thread-safe. */
	private final class Run {
		final QontinuiConfig config;
		final ConfigIndex index;
		final List<Diagnostic> diagnostics = new ArrayList<>();
		final Set<String> locationIds = new HashSet<>();
		final Set<String> regionIds = new HashSet<>();
		final Set<String> stringIds = new HashSet<>();

		Run(QontinuiConfig config, ConfigIndex index) {
			this.config = config;
			this.index = index;
		}

		/** Adds line:column to all diagnostics in one go (one pass over the text for lazy maps). */
		List<Diagnostic> locate(SourceMap sourceMap) {
			if (diagnostics.isEmpty() || sourceMap == SourceMap.NONE) {
				return diagnostics;
			}
			Map<String, TextPosition> positions = sourceMap
					.positionsOf(diagnostics.stream().map(Diagnostic::pointer).distinct().toList());
			List<Diagnostic> located = new ArrayList<>(diagnostics.size());
			for (Diagnostic d : diagnostics) {
				located.add(new Diagnostic(d.severity(), d.code(), d.message(), d.pointer(), positions.get(d.pointer())));
			}
			return located;
		}

		void validate() {
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

		void report(Severity severity, String code, String pointer, String message) {
			diagnostics.add(new Diagnostic(severity, code, message, pointer, TextPosition.UNKNOWN));
		}

		String key(ConfigElement element, String property) {
			return element.spellingOf(property);
		}

		void checkVersion() {
			String version = config.getVersion();
			if (version == null) {
				report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, "/version",
						"missing \"version\" (expected \"" + QontinuiConfig.CURRENT_VERSION + "\")");
			} else if (!SEMVER.matcher(version).matches()) {
				report(Severity.ERROR, DiagnosticCodes.BAD_VERSION, "/version",
						"version \"" + version + "\" is not of the form MAJOR.MINOR.PATCH, e.g. \"2.0.0\"");
			} else if (!version.startsWith("2.")) {
				report(Severity.WARNING, DiagnosticCodes.BAD_VERSION, "/version",
						"version " + version + " is not 2.x; this runner reads the v2.0.0 format");
			}
		}

		void checkMetadata() {
			Metadata metadata = config.getMetadata();
			if (metadata == null) {
				report(Severity.WARNING, DiagnosticCodes.MISSING_FIELD, "/metadata", "missing \"metadata\" with the configuration's name");
			} else if (isBlank(metadata.getName())) {
				report(Severity.WARNING, DiagnosticCodes.MISSING_FIELD, "/metadata/name", "missing \"name\" of the configuration");
			}
		}

		void checkImages() {
			Map<String, Integer> seen = new HashMap<>();
			List<ImageAsset> images = config.getImages();
			for (int i = 0; i < images.size(); i++) {
				ImageAsset image = images.get(i);
				String pointer = "/images/" + i;
				checkId(image.getId(), pointer, "image", seen, i, "images", Severity.ERROR);
				if (isBlank(image.getName())) {
					report(Severity.WARNING, DiagnosticCodes.MISSING_FIELD, pointer + "/name", "image has no \"name\"");
				}
				checkImageData(image, pointer);
			}
		}

		void checkImageData(ImageAsset image, String pointer) {
			String base64 = image.getBase64Data();
			String label = "image \"" + image.getId() + "\"";
			if (base64 == null || base64.isBlank()) {
				if (image.getOtherProperty("s3Key") == null) {
					report(Severity.WARNING, DiagnosticCodes.BAD_IMAGE, pointer + (base64 == null ? "" : "/data"),
							label + " has no data; patterns using it cannot match");
				}
				return;
			}
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(stripWhitespace(base64));
			} catch (IllegalArgumentException e) {
				report(Severity.ERROR, DiagnosticCodes.BAD_IMAGE, pointer + "/data",
						label + " data is not valid base64: " + e.getMessage());
				return;
			}
			String format = image.getFormat() == null ? "png" : image.getFormat().toLowerCase(Locale.ROOT);
			if (format.equals("png") && !startsWith(bytes, PNG_SIGNATURE)) {
				report(Severity.ERROR, DiagnosticCodes.BAD_IMAGE, pointer + "/data", label + " data is not a PNG image");
			} else if ((format.equals("jpg") || format.equals("jpeg")) && !startsWith(bytes, JPEG_SIGNATURE)) {
				report(Severity.ERROR, DiagnosticCodes.BAD_IMAGE, pointer + "/data", label + " data is not a JPEG image");
			}
			String hash = image.getHash();
			if (hash != null && !hash.equalsIgnoreCase(sha256(base64))) {
				report(Severity.WARNING, DiagnosticCodes.BAD_IMAGE, pointer + "/hash",
						label + " hash does not match its data; the image may have been edited or truncated");
			}
		}

		void checkStates() {
			Map<String, Integer> seen = new HashMap<>();
			Map<String, String> seenStateImages = new HashMap<>();
			List<State> states = config.getStates();
			for (int i = 0; i < states.size(); i++) {
				State state = states.get(i);
				String pointer = "/states/" + i;
				checkId(state.getId(), pointer, "state", seen, i, "states", Severity.ERROR);
				if (isBlank(state.getName())) {
					report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, pointer + "/name", "state has no \"name\"");
				}
				String imagesPointer = pointer + "/" + key(state, "stateImages");
				List<StateImage> stateImages = state.getStateImages();
				for (int j = 0; j < stateImages.size(); j++) {
					checkStateImage(stateImages.get(j), imagesPointer + "/" + j, seenStateImages);
				}
				String regionsKey = key(state, "regions");
				List<StateRegion> regions = state.getRegions();
				for (int j = 0; j < regions.size(); j++) {
					collectPartId(regions.get(j).getId(), regionIds, pointer + "/" + regionsKey + "/" + j, "region");
				}
				String locationsKey = key(state, "locations");
				List<StateLocation> locations = state.getLocations();
				for (int j = 0; j < locations.size(); j++) {
					collectPartId(locations.get(j).getId(), locationIds, pointer + "/" + locationsKey + "/" + j, "location");
				}
				String stringsKey = key(state, "strings");
				List<StateString> strings = state.getStrings();
				for (int j = 0; j < strings.size(); j++) {
					collectPartId(strings.get(j).getId(), stringIds, pointer + "/" + stringsKey + "/" + j, "string");
				}
			}
		}

		void collectPartId(String id, Set<String> ids, String pointer, String what) {
			if (isBlank(id)) {
				report(Severity.WARNING, DiagnosticCodes.MISSING_FIELD, pointer + "/id", what + " has no \"id\"; actions cannot refer to it");
			} else {
				ids.add(id);
			}
		}

		void checkStateImage(StateImage image, String pointer, Map<String, String> seen) {
			if (image.getShorthandImageId() != null) {
				if (index.image(image.getShorthandImageId()).isEmpty()) {
					report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, pointer,
							"no image with id \"" + image.getShorthandImageId() + "\"");
				}
				return;
			}
			String id = image.getId();
			if (isBlank(id)) {
				report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, pointer + "/id", "state image has no \"id\"");
			} else {
				String first = seen.putIfAbsent(id, pointer);
				if (first != null) {
					report(Severity.ERROR, DiagnosticCodes.DUPLICATE_ID, pointer + "/id",
							"duplicate state image id \"" + id + "\" (first used at " + first + ")");
				}
			}
			var patterns = image.getPatterns();
			if (patterns.isEmpty()) {
				report(Severity.WARNING, DiagnosticCodes.MISSING_FIELD, pointer + "/patterns",
						"state image \"" + id + "\" has no patterns; it can never be found");
			}
			for (int k = 0; k < patterns.size(); k++) {
				var pattern = patterns.get(k);
				String imagePointer = pointer + "/patterns/" + k + "/" + key(pattern, "imageId");
				if (isBlank(pattern.getImageId())) {
					report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, imagePointer, "pattern has no \"imageId\"");
				} else if (index.image(pattern.getImageId()).isEmpty()) {
					report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, imagePointer,
							"no image with id \"" + pattern.getImageId() + "\"");
				}
			}
		}

		void checkWorkflows() {
			Map<String, Integer> seen = new HashMap<>();
			Map<String, String> actionOwners = new HashMap<>();
			List<Workflow> workflows = config.getWorkflows();
			for (int i = 0; i < workflows.size(); i++) {
				Workflow workflow = workflows.get(i);
				String pointer = "/workflows/" + i;
				checkId(workflow.getId(), pointer, "workflow", seen, i, "workflows", Severity.ERROR);
				if (isBlank(workflow.getName())) {
					report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, pointer + "/name", "workflow has no \"name\"");
				}
				if (isBlank(workflow.getVersion())) {
					report(Severity.INFO, DiagnosticCodes.MISSING_FIELD, pointer + "/version",
							"workflow has no \"version\"; the v2.0.0 schema requires one, e.g. \"1.0.0\"");
				}
				List<String> initialStates = workflow.getInitialStateIds();
				for (int k = 0; k < initialStates.size(); k++) {
					checkStateReference(initialStates.get(k), pointer + "/" + key(workflow, "initialStateIds") + "/" + k);
				}
				checkActions(workflow, pointer, actionOwners);
			}
		}

		void checkActions(Workflow workflow, String workflowPointer, Map<String, String> actionOwners) {
			List<Action> actions = workflow.getActions();
			Map<String, Integer> local = new HashMap<>(Math.max(16, actions.size() * 2));
			for (int a = 0; a < actions.size(); a++) {
				Action action = actions.get(a);
				String pointer = workflowPointer + "/actions/" + a;
				String id = action.getId();
				if (isBlank(id)) {
					report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, pointer + "/id", "action has no \"id\"");
				} else if (local.putIfAbsent(id, a) != null) {
					report(Severity.ERROR, DiagnosticCodes.DUPLICATE_ID, pointer + "/id",
							"duplicate action id \"" + id + "\" (first used at " + workflowPointer + "/actions/" + local.get(id) + ")");
				} else {
					String owner = actionOwners.putIfAbsent(id, workflow.getId());
					if (owner != null) {
						report(Severity.WARNING, DiagnosticCodes.DUPLICATE_ID, pointer + "/id",
								"action id \"" + id + "\" is also used in workflow \"" + owner + "\"; lookups by id are ambiguous");
					}
				}
			}
			for (int a = 0; a < actions.size(); a++) {
				checkAction(actions.get(a), workflowPointer + "/actions/" + a, local);
			}
		}

		/** Contributed types: required fields present, values of the described JSON type. */
		void checkDescribedConfig(Action action, ActionTypeRegistry.ConfigDescription description, String pointer) {
			var config = action.getConfig();
			for (var entry : description.fields().entrySet()) {
				String name = entry.getKey();
				var field = entry.getValue();
				var value = config == null ? null : config.get(name);
				if (value == null || value.isNull()) {
					if (field.required()) {
						report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, pointer + "/config",
								action.getType() + " needs \"" + name + "\"" + (field.description() == null ? "" : " (" + field.description() + ")"));
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
					report(Severity.ERROR, DiagnosticCodes.WRONG_TYPE, pointer + "/config/" + name,
							action.getType() + " \"" + name + "\" must be a " + field.type());
				}
			}
		}

		void checkAction(Action action, String pointer, Map<String, Integer> workflowActions) {
			String type = action.getType();
			if (isBlank(type)) {
				report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, pointer + "/type", "action has no \"type\"");
			} else if (!actionTypes.isKnown(type)) {
				String hint = actionTypes.hintFor(type).map(h -> " \u2014 " + h).orElse("");
				report(Severity.ERROR, DiagnosticCodes.UNKNOWN_ACTION_TYPE, pointer + "/type",
						"unknown action type " + type + hint);
			} else {
				actionTypes.descriptionOf(type).ifPresent(d -> checkDescribedConfig(action, d, pointer));
			}
			for (ConfigReference reference : action.getNestedActionReferences()) {
				if (!workflowActions.containsKey(reference.id())) {
					boolean elsewhere = index.action(reference.id()).isPresent();
					report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, pointer + reference.pointer(),
							"no action with id \"" + reference.id() + "\" in this workflow"
									+ (elsewhere ? " (it is in workflow \"" + index.action(reference.id()).get().workflow().getId() + "\")" : ""));
				}
			}
			for (ConfigReference reference : action.getStateReferences()) {
				checkStateReference(reference.id(), pointer + reference.pointer());
			}
			if (Action.RUN_WORKFLOW.equals(type)) {
				ConfigReference workflow = action.getWorkflowReference();
				if (workflow == null) {
					report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, pointer + "/config/workflowId",
							"RUN_WORKFLOW has no \"workflowId\"");
				} else if (index.workflow(workflow.id()).isEmpty()) {
					report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, pointer + workflow.pointer(),
							"no workflow with id \"" + workflow.id() + "\"");
				}
			}
			for (ActionTarget target : action.getTargets()) {
				checkTarget(target, pointer);
			}
			for (ConfigReference strategy : action.getSearchStrategies()) {
				checkEnum(strategy.id(), SEARCH_STRATEGIES, pointer + strategy.pointer(), "search strategy");
			}
			ConfigReference mouseButton = action.getConfigText("mouseButton");
			if (mouseButton != null) {
				checkEnum(mouseButton.id(), MOUSE_BUTTONS, pointer + mouseButton.pointer(), "mouse button");
			}
			if (Action.LOOP.equals(type)) {
				ConfigReference loopType = action.getConfigText("loopType");
				if (loopType != null) {
					checkEnum(loopType.id(), LOOP_TYPES, pointer + loopType.pointer(), "loop type");
				}
			}
		}

		void checkTarget(ActionTarget target, String actionPointer) {
			for (ConfigReference image : target.imageIds()) {
				if (index.stateImage(image.id()).isEmpty() && index.image(image.id()).isEmpty()) {
					report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, actionPointer + image.pointer(),
							"no state image or image with id \"" + image.id() + "\"");
				}
			}
			String type = target.type();
			if ("stateLocation".equals(type) && target.locationId() != null && !locationIds.contains(target.locationId())) {
				report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, actionPointer + target.pointer() + "/locationId",
						"no state location with id \"" + target.locationId() + "\"");
			}
			if ("stateRegion".equals(type) && target.regionId() != null && !regionIds.contains(target.regionId())) {
				report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, actionPointer + target.pointer() + "/regionId",
						"no state region with id \"" + target.regionId() + "\"");
			}
		}

		void checkStateReference(String stateId, String pointer) {
			if (index.state(stateId).isEmpty()) {
				report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, pointer, "no state with id \"" + stateId + "\"");
			}
		}

		void checkTransitions() {
			Map<String, Integer> seen = new HashMap<>();
			List<Transition> transitions = config.getTransitions();
			for (int i = 0; i < transitions.size(); i++) {
				Transition transition = transitions.get(i);
				String pointer = "/transitions/" + i;
				checkId(transition.getId(), pointer, "transition", seen, i, "transitions", Severity.ERROR);
				if (transition.getType() != null && !transition.isTypeRecognized()) {
					report(Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, pointer + "/type", "transition type \""
							+ transition.getType() + "\" is not OutgoingTransition or IncomingTransition");
				}
				if (transition instanceof OutgoingTransition outgoing) {
					String fromPointer = pointer + "/" + key(outgoing, "fromState");
					if (isBlank(outgoing.getFromState())) {
						report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, fromPointer, "outgoing transition has no \"fromState\"");
					} else {
						checkStateReference(outgoing.getFromState(), fromPointer);
					}
					String toPointer = pointer + "/" + key(outgoing, "toState");
					if (isBlank(outgoing.getToState())) {
						if (outgoing.getActivateStates().isEmpty()) {
							report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, toPointer,
									"outgoing transition has no \"toState\" and activates no states");
						}
					} else {
						checkStateReference(outgoing.getToState(), toPointer);
					}
					checkStateList(outgoing.getActivateStates(), pointer + "/" + key(outgoing, "activateStates"));
					checkStateList(outgoing.getDeactivateStates(), pointer + "/" + key(outgoing, "deactivateStates"));
				} else if (transition instanceof IncomingTransition incoming) {
					String toPointer = pointer + "/" + key(incoming, "toState");
					if (isBlank(incoming.getToState())) {
						report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, toPointer, "incoming transition has no \"toState\"");
					} else {
						checkStateReference(incoming.getToState(), toPointer);
					}
				}
				List<String> workflowIds = transition.getWorkflowIds();
				for (int k = 0; k < workflowIds.size(); k++) {
					if (index.workflow(workflowIds.get(k)).isEmpty()) {
						report(Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, pointer + "/workflows/" + k,
								"no workflow with id \"" + workflowIds.get(k) + "\"");
					}
				}
			}
		}

		void checkStateList(List<String> stateIds, String pointer) {
			for (int k = 0; k < stateIds.size(); k++) {
				checkStateReference(stateIds.get(k), pointer + "/" + k);
			}
		}

		void checkSettings() {
			if (config.getSettings() != null && config.getSettings().getExecution() != null) {
				ExecutionSettings execution = config.getSettings().getExecution();
				String pointer = "/settings/execution/";
				if (execution.getFailureStrategy() != null) {
					checkEnum(execution.getFailureStrategy(), FAILURE_STRATEGIES,
							pointer + key(execution, "failureStrategy"), "failure strategy");
				}
				if (execution.getExecutionMode() != null) {
					checkEnum(execution.getExecutionMode(), EXECUTION_MODES, pointer + key(execution, "executionMode"),
							"execution mode");
				}
			}
			// The library also reads snake_case top-level execution_settings.
			JsonNode legacy = config.getOtherProperty("execution_settings");
			if (legacy != null && legacy.path("failure_strategy").isTextual()) {
				checkEnum(legacy.get("failure_strategy").asText(), FAILURE_STRATEGIES,
						"/execution_settings/failure_strategy", "failure strategy");
			}
		}

		void checkCategories() {
			List<Category> categories = config.getCategories();
			for (int i = 0; i < categories.size(); i++) {
				if (isBlank(categories.get(i).getName())) {
					report(Severity.WARNING, DiagnosticCodes.MISSING_FIELD, "/categories/" + i + "/name", "category has no \"name\"");
				}
			}
		}

		void checkReachability() {
			List<State> states = config.getStates();
			if (states.isEmpty()) {
				return;
			}
			Map<String, List<String>> edges = new HashMap<>();
			for (Transition transition : config.getTransitions()) {
				if (transition instanceof OutgoingTransition outgoing && outgoing.getFromState() != null) {
					List<String> targets = edges.computeIfAbsent(outgoing.getFromState(), k -> new ArrayList<>(4));
					if (outgoing.getToState() != null) {
						targets.add(outgoing.getToState());
					}
					targets.addAll(outgoing.getActivateStates());
				}
			}
			Set<String> reached = new HashSet<>();
			ArrayDeque<String> queue = new ArrayDeque<>();
			for (State state : states) {
				if (state.isInitial() && state.getId() != null && reached.add(state.getId())) {
					queue.add(state.getId());
				}
			}
			if (queue.isEmpty()) {
				report(Severity.WARNING, DiagnosticCodes.NO_INITIAL_STATE, "/states",
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
				String id = states.get(i).getId();
				if (id != null && !reached.contains(id)) {
					report(Severity.WARNING, DiagnosticCodes.UNREACHABLE_STATE, "/states/" + i,
							"state \"" + id + "\" cannot be reached from an initial state by any outgoing transition");
				}
			}
		}

		void checkUnusedWorkflows() {
			Set<String> used = new HashSet<>();
			for (Transition transition : config.getTransitions()) {
				used.addAll(transition.getWorkflowIds());
			}
			Set<String> automated = new HashSet<>();
			automated.add(Category.MAIN);
			for (Category category : config.getCategories()) {
				if (category.isAutomationEnabled()) {
					automated.add(category.getName());
				}
			}
			List<Workflow> workflows = config.getWorkflows();
			for (Workflow workflow : workflows) {
				if (workflow.getCategory() != null && automated.contains(workflow.getCategory())) {
					used.add(workflow.getId());
				}
				for (Action action : workflow.getActions()) {
					ConfigReference reference = action.getWorkflowReference();
					if (reference != null) {
						used.add(reference.id());
					}
				}
			}
			for (int i = 0; i < workflows.size(); i++) {
				String id = workflows.get(i).getId();
				if (id != null && !used.contains(id)) {
					report(Severity.INFO, DiagnosticCodes.UNUSED_WORKFLOW, "/workflows/" + i, "workflow \"" + id
							+ "\" is not run by any transition, RUN_WORKFLOW action or automation-enabled category");
				}
			}
		}

		void checkId(String id, String pointer, String what, Map<String, Integer> seen, int position, String list,
				Severity duplicateSeverity) {
			if (isBlank(id)) {
				report(Severity.ERROR, DiagnosticCodes.MISSING_FIELD, pointer + "/id", what + " has no \"id\"");
				return;
			}
			Integer first = seen.putIfAbsent(id, position);
			if (first != null) {
				report(duplicateSeverity, DiagnosticCodes.DUPLICATE_ID, pointer + "/id",
						"duplicate " + what + " id \"" + id + "\" (first used at /" + list + "/" + first + ")");
			}
		}

		void checkEnum(String value, List<String> allowed, String pointer, String what) {
			if (!allowed.contains(value)) {
				report(Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, pointer,
						"\"" + value + "\" is not a " + what + "; expected one of " + String.join(", ", allowed));
			}
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String stripWhitespace(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return text.replaceAll("\\s+", "");
			}
		}
		return text;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
