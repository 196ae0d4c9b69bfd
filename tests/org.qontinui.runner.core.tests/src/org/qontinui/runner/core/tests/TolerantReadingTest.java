/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.qontinui.runner.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.config.Action;
import org.qontinui.runner.core.config.ActionTarget;
import org.qontinui.runner.core.config.ConfigReference;
import org.qontinui.runner.core.config.IncomingTransition;
import org.qontinui.runner.core.config.OutgoingTransition;
import org.qontinui.runner.core.config.QontinuiConfig;
import org.qontinui.runner.core.config.State;
import org.qontinui.runner.core.config.Transition;
import org.qontinui.runner.core.config.TransitionKind;
import org.qontinui.runner.core.load.ConfigDocument;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.ConfigReader;
import org.qontinui.runner.core.load.ConfigWriter;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.DiagnosticCodes;

import com.fasterxml.jackson.databind.JsonNode;

/** Every spelling the executors accept is read, and written back as it was spelled. */
public class TolerantReadingTest {

	private final ConfigReader reader = new ConfigReader();
	private final ConfigWriter writer = new ConfigWriter();

	private QontinuiConfig read(String json) {
		ConfigDocument document = reader.read(json);
		assertTrue(document.diagnostics().isEmpty(), () -> document.diagnostics().toString());
		return document.config();
	}

	@Test
	void patternImageIsReadFromImageIdOrImage() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","states":[{"id":"s","name":"S","stateImages":[{"id":"si","patterns":[
				  {"id":"p1","imageId":"img-a"},{"id":"p2","image":"img-b"},{"id":"p3","image_id":"img-c"}]}]}]}""");
		var patterns = config.getStates().get(0).getStateImages().get(0).getPatterns();
		assertEquals(List.of("img-a", "img-b", "img-c"), patterns.stream().map(p -> p.getImageId()).toList());
		JsonNode written = writer.toTree(config).at("/states/0/stateImages/0/patterns");
		assertEquals("img-b", written.at("/1/image").asText());
		assertFalse(written.get(1).has("imageId"));
	}

	@Test
	void stateImagesAreReadFromEverySpelling() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","states":[
				  {"id":"a","name":"A","stateImages":[{"id":"si-a","patterns":[]}]},
				  {"id":"b","name":"B","identifyingImages":[{"id":"si-b","patterns":[]}]},
				  {"id":"c","name":"C","identifying_images":[{"id":"si-c","patterns":[]}]},
				  {"id":"d","name":"D","identifyingImages":["img-button"]}]}""");
		List<State> states = config.getStates();
		assertEquals("si-a", states.get(0).getStateImages().get(0).getId());
		assertEquals("si-b", states.get(1).getStateImages().get(0).getId());
		assertEquals("si-c", states.get(2).getStateImages().get(0).getId());
		assertEquals("img-button", states.get(3).getStateImages().get(0).getShorthandImageId());
		assertEquals("identifyingImages", states.get(1).spellingOf("stateImages"));
		JsonNode written = writer.toTree(config);
		assertTrue(written.at("/states/1/identifyingImages").isArray());
		assertTrue(written.at("/states/2/identifying_images").isArray());
		assertEquals("img-button", written.at("/states/3/identifyingImages/0").asText());
	}

	@Test
	void camelCaseAndSnakeCaseFlagsAreBothRead() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","states":[
				  {"id":"a","name":"A","isInitial":true,"isFinal":false},
				  {"id":"b","name":"B","is_initial":true,"is_final":true}]}""");
		assertTrue(config.getStates().get(0).isInitial());
		assertTrue(config.getStates().get(1).isInitial());
		assertTrue(config.getStates().get(1).isFinal());
		JsonNode written = writer.toTree(config);
		assertTrue(written.at("/states/1/is_initial").asBoolean());
		assertTrue(written.at("/states/1").path("isInitial").isMissingNode());
	}

	@Test
	void searchStrategyIsReadFromSearchStrategyOrStrategy() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","workflows":[{"id":"w","name":"W","actions":[
				  {"id":"a1","type":"FIND","config":{"target":{"type":"image","imageIds":["x"],"searchOptions":{"searchStrategy":"BEST"}}}},
				  {"id":"a2","type":"FIND","config":{"target":{"type":"image","imageIds":["x"],"searchOptions":{"strategy":"ALL"}}}}]}]}""");
		List<Action> actions = config.getWorkflows().get(0).getActions();
		assertEquals(new ConfigReference("/config/target/searchOptions/searchStrategy", "BEST"),
				actions.get(0).getSearchStrategies().get(0));
		assertEquals(new ConfigReference("/config/target/searchOptions/strategy", "ALL"),
				actions.get(1).getSearchStrategies().get(0));
	}

	@Test
	void coordinatesAreReadNestedOrFlat() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","workflows":[{"id":"w","name":"W","actions":[
				  {"id":"a1","type":"CLICK","config":{"target":{"type":"coordinates","coordinates":{"x":10,"y":20}}}},
				  {"id":"a2","type":"CLICK","config":{"target":{"type":"coordinates","x":100,"y":200}}},
				  {"id":"a3","type":"CLICK","config":{"target":{"type":"lastFindResult"}}}]}]}""");
		List<Action> actions = config.getWorkflows().get(0).getActions();
		assertArrayEquals(new int[] { 10, 20 }, actions.get(0).getTargets().get(0).coordinates());
		assertArrayEquals(new int[] { 100, 200 }, actions.get(1).getTargets().get(0).coordinates());
		assertNull(actions.get(2).getTargets().get(0).coordinates());
	}

	@Test
	void targetImageIdSingularIsReadAsImageIds() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","workflows":[{"id":"w","name":"W","actions":[
				  {"id":"a1","type":"CLICK","config":{"target":{"type":"image","imageId":"img-button"}}},
				  {"id":"a2","type":"FIND","config":{"imageId":"img-button","similarity":0.9}}]}]}""");
		List<Action> actions = config.getWorkflows().get(0).getActions();
		ActionTarget target = actions.get(0).getTargets().get(0);
		assertEquals(List.of(new ConfigReference("/config/target/imageId", "img-button")), target.imageIds());
		assertEquals(List.of(new ConfigReference("/config/imageId", "img-button")), actions.get(1).getTargets().get(0).imageIds());
	}

	@Test
	void transitionTypeIsReadFromEverySpellingOrInferred() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","transitions":[
				  {"id":"t1","type":"OutgoingTransition","fromState":"a","toState":"b"},
				  {"id":"t2","type":"outgoing","fromState":"a","toState":"b"},
				  {"id":"t3","type":"FromTransition","fromState":"a","toState":"b"},
				  {"id":"t4","fromState":"a","toState":"b"},
				  {"id":"t5","type":"IncomingTransition","toState":"b"},
				  {"id":"t6","toState":"b"},
				  {"id":"t7","type":"ToTransition","to_state":"b"}]}""");
		List<Transition> transitions = config.getTransitions();
		for (int i = 0; i < 4; i++) {
			OutgoingTransition outgoing = assertInstanceOf(OutgoingTransition.class, transitions.get(i));
			assertEquals("a", outgoing.getFromState());
			assertEquals("b", outgoing.getToState());
		}
		for (int i = 4; i < 7; i++) {
			assertInstanceOf(IncomingTransition.class, transitions.get(i));
			assertEquals(TransitionKind.INCOMING, transitions.get(i).getKind());
			assertEquals("b", transitions.get(i).getToState());
		}
		JsonNode written = writer.toTree(config);
		assertEquals("outgoing", written.at("/transitions/1/type").asText());
		assertTrue(written.at("/transitions/3/type").isMissingNode(), "an absent type stays absent");
		assertEquals("b", written.at("/transitions/6/to_state").asText());
	}

	@Test
	void v1IsMigratedToV2WithAWarning() {
		LoadedConfig loaded = new ConfigLoader().loadText(Fixtures.read("simple-automation.v1.json"), "v1");
		QontinuiConfig config = loaded.config();
		assertEquals("2.0.0", config.getVersion());
		assertEquals("process-1", config.getWorkflows().get(0).getId());
		assertEquals(List.of("process-1"), config.getTransitions().get(0).getWorkflowIds());
		assertEquals("MOUSE_MOVE", config.getWorkflows().get(0).getActions().get(0).getType());
		Diagnostic warning = loaded.diagnostics().stream().filter(d -> d.code().equals(DiagnosticCodes.LEGACY_FORMAT))
				.findFirst().orElseThrow();
		assertEquals(Diagnostic.Severity.WARNING, warning.severity());
		assertEquals("/processes", warning.pointer(), "the pointer in the file, not in the converted tree");
		assertEquals(12, warning.line(), "the line of \"processes\" in the file");
		assertTrue(loaded.errors().isEmpty(), () -> loaded.errors().toString());
	}

	@Test
	void v1TransitionWithSingularProcessIsMigrated() {
		ConfigDocument document = reader.read("""
				{"version":"1.0.0","workflows":[{"id":"w","name":"W","actions":[]}],
				 "transitions":[{"id":"t","fromState":"a","toState":"b","process":"w"}]}""");
		assertEquals(List.of("w"), document.config().getTransitions().get(0).getWorkflowIds());
		assertEquals(DiagnosticCodes.LEGACY_FORMAT, document.diagnostics().get(0).code());
	}

	@Test
	void unknownPropertiesAreKeptEverywhere() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","schedules":[{"id":"x"}],"states":[{"id":"s","name":"S","custom":{"a":[1,2.5,null]}}],
				 "settings":{"execution":{"screenshotDirectory":null},"mouse":{"click_hold_duration":0.05}}}""");
		JsonNode written = writer.toTree(config);
		assertEquals("x", written.at("/schedules/0/id").asText());
		assertEquals(2.5, written.at("/states/0/custom/a/1").asDouble());
		assertTrue(written.at("/settings/execution/screenshotDirectory").isNull());
		assertEquals(0.05, written.at("/settings/mouse/click_hold_duration").asDouble());
	}

	@Test
	void categoriesMayBeBareNames() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","categories":["Main",{"name":"Tools","automationEnabled":true}]}""");
		assertEquals(List.of("Main", "Tools"), config.getCategories().stream().map(c -> c.getName()).toList());
		assertTrue(config.getCategories().get(1).isAutomationEnabled());
	}

	@Test
	void transitionAliasesFromToExit() {
		QontinuiConfig config = read("""
				{"version":"2.0.0","transitions":[{"id":"t","from":"a","to":"b","exit":["a"],"workflows":[]}]}""");
		OutgoingTransition transition = assertInstanceOf(OutgoingTransition.class, config.getTransitions().get(0));
		assertEquals("a", transition.getFromState());
		assertEquals("b", transition.getToState());
		assertEquals(List.of("a"), transition.getDeactivateStates());
		assertEquals("a", writer.toTree(config).at("/transitions/0/from").asText(), "written back as read");
	}

	@Test
	void v1StepsWithLowercaseTypesBecomeActions() {
		LoadedConfig loaded = new ConfigLoader().loadText("""
				{"version":"1.0.0","metadata":{"name":"old"},
				 "states":[{"id":"s","name":"S","isInitial":true}],
				 "processes":[{"id":"p","name":"P","category":"Main","steps":[
				   {"type":"key","key":"Enter"},{"type":"wait","duration":500},{"type":"click","x":3,"y":4}]}]}""", "v1");
		List<Action> actions = loaded.config().getWorkflows().get(0).getActions();
		assertEquals(List.of("KEY_PRESS", "WAIT", "CLICK"), actions.stream().map(Action::getType).toList());
		assertEquals("Enter", actions.get(0).getConfig().at("/keys/0").asText());
		assertEquals(500, actions.get(1).getConfig().get("duration").asInt());
		assertEquals(3, actions.get(2).getConfig().at("/target/coordinates/x").asInt());
		assertEquals("p-step-1", actions.get(0).getId());
		assertTrue(loaded.errors().isEmpty(), () -> loaded.errors().toString());
		assertTrue(loaded.diagnostics().stream().anyMatch(d -> d.pointer().equals("/processes/0/steps/2/type")));
	}
}
