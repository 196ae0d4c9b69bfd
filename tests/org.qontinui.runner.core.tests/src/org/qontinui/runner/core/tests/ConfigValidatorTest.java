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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qontinui.runner.core.load.ConfigLoader;
import org.qontinui.runner.core.load.InMemoryTokenStore;
import org.qontinui.runner.core.load.LoadedConfig;
import org.qontinui.runner.core.load.UrlConfigSource;
import org.qontinui.runner.core.validation.ActionTypeRegistry;
import org.qontinui.runner.core.validation.ConfigValidator;
import org.qontinui.runner.core.validation.Diagnostic;
import org.qontinui.runner.core.validation.Diagnostic.Severity;
import org.qontinui.runner.core.validation.DiagnosticCodes;

/**
 * One broken configuration per rule; each test checks severity, code, JSON pointer and line.
 * {@link #VALID} has one JSON line per element so a replacement keeps every line number.
 */
public class ConfigValidatorTest {

	static final String VALID = """
			{
			  "version": "2.0.0",
			  "metadata": {"name": "t"},
			  "images": [
			    {"id": "img-1", "name": "a.png", "data": "%s"}
			  ],
			  "states": [
			    {"id": "s1", "name": "S1", "isInitial": true,
			     "stateImages": [{"id": "si-1", "patterns": [{"id": "p1", "imageId": "img-1"}]}]},
			    {"id": "s2", "name": "S2"}
			  ],
			  "workflows": [
			    {"id": "w1", "name": "W1", "version": "1.0.0", "category": "Main", "actions": [
			      {"id": "a1", "type": "CLICK", "config": {"target": {"type": "image", "imageIds": ["si-1"]}}},
			      {"id": "a2", "type": "WAIT", "config": {"duration": 100}}
			    ]}
			  ],
			  "transitions": [
			    {"id": "t1", "type": "OutgoingTransition", "fromState": "s1", "toState": "s2", "workflows": ["w1"]}
			  ]
			}
			""".formatted(Fixtures.PNG_BASE64);

	private ActionTypeRegistry registry = new ActionTypeRegistry();

	private List<Diagnostic> validate(String json) {
		ConfigLoader loader = new ConfigLoader(new ConfigValidator(registry),
				new UrlConfigSource(new InMemoryTokenStore(), null));
		LoadedConfig loaded = loader.loadText(json, "test");
		return loaded.diagnostics();
	}

	private List<Diagnostic> validateWith(String original, String replacement) {
		assertTrue(VALID.contains(original), original);
		return validate(VALID.replace(original, replacement));
	}

	private static Diagnostic expect(List<Diagnostic> diagnostics, Severity severity, String code, String pointer, int line) {
		for (Diagnostic diagnostic : diagnostics) {
			if (diagnostic.code().equals(code) && diagnostic.pointer().equals(pointer)) {
				assertEquals(severity, diagnostic.severity(), diagnostic.toString());
				assertEquals(line, diagnostic.line(), diagnostic.toString());
				assertTrue(diagnostic.column() > 0, diagnostic.toString());
				return diagnostic;
			}
		}
		return fail("no " + code + " at " + pointer + " in " + diagnostics);
	}

	@Test
	void validConfigurationHasNoDiagnostics() {
		assertEquals(List.of(), validate(VALID));
	}

	@Test
	void malformedJsonReportsLineAndColumn() {
		List<Diagnostic> diagnostics = validate("{\n  \"version\": \"2.0.0\",\n  \"states\": [}\n");
		assertEquals(1, diagnostics.size());
		Diagnostic diagnostic = diagnostics.get(0);
		assertEquals(DiagnosticCodes.MALFORMED_JSON, diagnostic.code());
		assertEquals(3, diagnostic.line());
		assertEquals(14, diagnostic.column());
	}

	@Test
	void valueOfTheWrongTypeIsReportedAndReadingGoesOn() {
		var diagnostics = validateWith("\"isInitial\": true", "\"isInitial\": \"yes\"");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.WRONG_TYPE, "/states/0/isInitial", 8);
	}

	@Test
	void wrongTypeInsideATransitionHasAnAbsolutePointer() {
		var diagnostics = validateWith("\"workflows\": [\"w1\"]", "\"workflows\": [\"w1\"], \"staysVisible\": [1]");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.WRONG_TYPE, "/transitions/0/staysVisible", 19);
	}

	@Test
	void missingVersion() {
		var diagnostics = validateWith("\"version\": \"2.0.0\",", "\"comment\": \"none\",");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.MISSING_FIELD, "/version", 1);
	}

	@Test
	void versionThatIsNotSemver() {
		var diagnostics = validateWith("\"version\": \"2.0.0\",", "\"version\": \"2.0\",");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_VERSION, "/version", 2);
	}

	@Test
	void missingStateIdAndName() {
		var diagnostics = validateWith("{\"id\": \"s2\", \"name\": \"S2\"}", "{\"description\": \"none\"}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.MISSING_FIELD, "/states/1/id", 10);
		expect(diagnostics, Severity.WARNING, DiagnosticCodes.MISSING_NAME, "/states/1/name", 10);
	}

	@Test
	void missingWorkflowName() {
		var diagnostics = validateWith("\"name\": \"W1\", ", "");
		expect(diagnostics, Severity.WARNING, DiagnosticCodes.MISSING_NAME, "/workflows/0/name", 13);
	}

	@Test
	void missingActionType() {
		var diagnostics = validateWith("\"type\": \"WAIT\"", "\"kind\": \"WAIT\"");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.MISSING_FIELD, "/workflows/0/actions/1/type", 15);
	}

	@Test
	void missingActionId() {
		var diagnostics = validateWith("{\"id\": \"a2\", ", "{");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.MISSING_FIELD, "/workflows/0/actions/1/id", 15);
	}

	@Test
	void missingTransitionFromAndTo() {
		var diagnostics = validateWith("\"fromState\": \"s1\", \"toState\": \"s2\", ", "");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.MISSING_FIELD, "/transitions/0/fromState", 19);
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.MISSING_FIELD, "/transitions/0/toState", 19);
	}

	@Test
	void incomingTransitionWithoutToState() {
		var diagnostics = validateWith("\"type\": \"OutgoingTransition\", \"fromState\": \"s1\", \"toState\": \"s2\", ",
				"\"type\": \"IncomingTransition\", ");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.MISSING_FIELD, "/transitions/0/toState", 19);
	}

	@Test
	void duplicateStateId() {
		var diagnostics = validateWith("{\"id\": \"s2\", \"name\": \"S2\"}", "{\"id\": \"s1\", \"name\": \"S2\"}");
		Diagnostic duplicate = expect(diagnostics, Severity.ERROR, DiagnosticCodes.DUPLICATE_ID, "/states/1/id", 10);
		assertTrue(duplicate.message().contains("/states/0"), duplicate.message());
	}

	@Test
	void duplicateActionIdInOneWorkflow() {
		var diagnostics = validateWith("{\"id\": \"a2\", ", "{\"id\": \"a1\", ");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DUPLICATE_ID, "/workflows/0/actions/1/id", 15);
	}

	@Test
	void transitionToAMissingState() {
		var diagnostics = validateWith("\"toState\": \"s2\"", "\"toState\": \"s9\"");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/transitions/0/toState", 19);
	}

	@Test
	void transitionToAMissingWorkflow() {
		var diagnostics = validateWith("\"workflows\": [\"w1\"]", "\"workflows\": [\"w9\"]");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/transitions/0/workflows/0", 19);
	}

	@Test
	void patternToAMissingImage() {
		var diagnostics = validateWith("\"imageId\": \"img-1\"", "\"imageId\": \"img-9\"");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/states/0/stateImages/0/patterns/0/imageId", 9);
	}

	@Test
	void patternWithLegacyImageKeyReportsThatKey() {
		var diagnostics = validateWith("\"imageId\": \"img-1\"", "\"image\": \"img-9\"");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/states/0/stateImages/0/patterns/0/image", 9);
	}

	@Test
	void ifBranchesToMissingActions() {
		var diagnostics = validateWith("\"type\": \"WAIT\", \"config\": {\"duration\": 100}",
				"\"type\": \"IF\", \"config\": {\"thenActions\": [\"a1\"], \"elseActions\": [\"a9\"]}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/workflows/0/actions/1/config/elseActions/0", 15);
		assertEquals(1, diagnostics.stream().filter(d -> d.code().equals(DiagnosticCodes.DANGLING_REFERENCE)).count());
	}

	@Test
	void loopBodyWithAMissingAction() {
		var diagnostics = validateWith("\"type\": \"WAIT\", \"config\": {\"duration\": 100}",
				"\"type\": \"LOOP\", \"config\": {\"loopType\": \"FOR\", \"iterations\": 2, \"actions\": [\"a1\", \"a7\"]}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/workflows/0/actions/1/config/actions/1", 15);
	}

	@Test
	void tryCatchWithAMissingAction() {
		var diagnostics = validateWith("\"type\": \"WAIT\", \"config\": {\"duration\": 100}",
				"\"type\": \"TRY_CATCH\", \"config\": {\"tryActions\": [\"a1\"], \"catchActions\": [\"gone\"]}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/workflows/0/actions/1/config/catchActions/0", 15);
	}

	@Test
	void goToAMissingState() {
		var diagnostics = validateWith("\"type\": \"WAIT\", \"config\": {\"duration\": 100}",
				"\"type\": \"GO_TO_STATE\", \"config\": {\"stateIds\": [\"s2\", \"s9\"]}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/workflows/0/actions/1/config/stateIds/1", 15);
	}

	@Test
	void runAMissingWorkflow() {
		var diagnostics = validateWith("\"type\": \"WAIT\", \"config\": {\"duration\": 100}",
				"\"type\": \"RUN_WORKFLOW\", \"config\": {\"workflowId\": \"w9\"}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/workflows/0/actions/1/config/workflowId", 15);
	}

	@Test
	void targetWithAMissingImage() {
		var diagnostics = validateWith("\"imageIds\": [\"si-1\"]", "\"imageIds\": [\"si-1\", \"si-9\"]");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/workflows/0/actions/0/config/target/imageIds/1", 14);
	}

	@Test
	void targetMayNameAnImageDirectly() {
		assertEquals(List.of(), validateWith("\"imageIds\": [\"si-1\"]", "\"imageIds\": [\"img-1\"]"));
	}

	@Test
	void unknownActionType() {
		var diagnostics = validateWith("\"type\": \"WAIT\"", "\"type\": \"DANCE\"");
		Diagnostic unknown = expect(diagnostics, Severity.ERROR, DiagnosticCodes.UNKNOWN_ACTION_TYPE, "/workflows/0/actions/1/type", 15);
		assertEquals("unknown action type DANCE", unknown.message());
	}

	@Test
	void unknownActionTypeNamesThePluginToInstall() {
		registry.addInstallHint("OCR_READ", "org.qontinui.plugin.ocr");
		var diagnostics = validateWith("\"type\": \"WAIT\"", "\"type\": \"OCR_READ\"");
		Diagnostic unknown = expect(diagnostics, Severity.ERROR, DiagnosticCodes.UNKNOWN_ACTION_TYPE, "/workflows/0/actions/1/type", 15);
		assertEquals("unknown action type OCR_READ \u2014 install plugin org.qontinui.plugin.ocr", unknown.message());
	}

	@Test
	void contributedActionTypeIsAccepted() {
		registry.addInstallHint("OCR_READ", "org.qontinui.plugin.ocr");
		registry.add("OCR_READ", "org.qontinui.plugin.ocr");
		assertEquals(List.of(), validateWith("\"type\": \"WAIT\"", "\"type\": \"OCR_READ\""));
		assertEquals("org.qontinui.plugin.ocr", registry.contributorOf("OCR_READ").orElseThrow());
		registry.remove("OCR_READ");
		assertTrue(!registry.isKnown("OCR_READ"));
	}

	@Test
	void oldActionTypeIsConvertedWithAWarning() {
		var diagnostics = validateWith("\"type\": \"WAIT\"", "\"type\": \"DOUBLE_CLICK\"");
		Diagnostic legacy = expect(diagnostics, Severity.WARNING, DiagnosticCodes.LEGACY_FORMAT, "/workflows/0/actions/1/type", 15);
		assertTrue(legacy.message().contains("read as CLICK"), legacy.message());
		assertEquals(1, diagnostics.size(), diagnostics::toString);
	}

	@Test
	void badSearchStrategyInEitherSpelling() {
		var diagnostics = validateWith("\"imageIds\": [\"si-1\"]", "\"imageIds\": [\"si-1\"], \"searchOptions\": {\"searchStrategy\": \"SOMETIMES\"}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, "/workflows/0/actions/0/config/target/searchOptions/searchStrategy", 14);
		diagnostics = validateWith("\"imageIds\": [\"si-1\"]", "\"imageIds\": [\"si-1\"], \"searchOptions\": {\"strategy\": \"first\"}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, "/workflows/0/actions/0/config/target/searchOptions/strategy", 14);
	}

	@Test
	void badMouseButton() {
		var diagnostics = validateWith("\"imageIds\": [\"si-1\"]}", "\"imageIds\": [\"si-1\"]}, \"mouseButton\": \"THUMB\"");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, "/workflows/0/actions/0/config/mouseButton", 14);
	}

	@Test
	void badLoopType() {
		var diagnostics = validateWith("\"type\": \"WAIT\", \"config\": {\"duration\": 100}",
				"\"type\": \"LOOP\", \"config\": {\"loopType\": \"UNTIL\", \"actions\": [\"a1\"]}");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, "/workflows/0/actions/1/config/loopType", 15);
	}

	@Test
	void badFailureStrategy() {
		var diagnostics = validateWith("\"metadata\": {\"name\": \"t\"},",
				"\"metadata\": {\"name\": \"t\"}, \"settings\": {\"execution\": {\"failureStrategy\": \"explode\"}},");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, "/settings/execution/failureStrategy", 3);
	}

	@Test
	void badSnakeCaseFailureStrategy() {
		var diagnostics = validateWith("\"metadata\": {\"name\": \"t\"},",
				"\"metadata\": {\"name\": \"t\"}, \"execution_settings\": {\"failure_strategy\": \"explode\"},");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, "/execution_settings/failure_strategy", 3);
	}

	@Test
	void badTransitionType() {
		var diagnostics = validateWith("\"type\": \"OutgoingTransition\"", "\"type\": \"Sideways\"");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_ENUM_VALUE, "/transitions/0/type", 19);
	}

	@Test
	void legacyTransitionTypeSpellingIsAccepted() {
		assertEquals(List.of(), validateWith("\"type\": \"OutgoingTransition\"", "\"type\": \"outgoing\""));
	}

	@Test
	void imageThatIsNotBase64() {
		var diagnostics = validateWith(Fixtures.PNG_BASE64, "not*base64!");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_IMAGE, "/images/0/data", 5);
	}

	@Test
	void imageThatIsNotAPng() {
		// A 1x1 GIF.
		var diagnostics = validateWith(Fixtures.PNG_BASE64, "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=");
		Diagnostic bad = expect(diagnostics, Severity.ERROR, DiagnosticCodes.BAD_IMAGE, "/images/0/data", 5);
		assertTrue(bad.message().contains("not a PNG"), bad.message());
	}

	@Test
	void imageWithDataUrlPrefixIsAccepted() {
		assertEquals(List.of(), validateWith(Fixtures.PNG_BASE64, "data:image/png;base64," + Fixtures.PNG_BASE64));
	}

	@Test
	void imageHashMismatch() {
		var diagnostics = validateWith("\"name\": \"a.png\",", "\"name\": \"a.png\", \"hash\": \"00ff\",");
		expect(diagnostics, Severity.WARNING, DiagnosticCodes.IMAGE_HASH_MISMATCH, "/images/0/hash", 5);
	}

	@Test
	void unreachableState() {
		var diagnostics = validateWith("\"toState\": \"s2\"", "\"toState\": \"s1\"");
		expect(diagnostics, Severity.WARNING, DiagnosticCodes.UNREACHABLE_STATE, "/states/1", 10);
	}

	@Test
	void noInitialState() {
		var diagnostics = validateWith("\"isInitial\": true,", "\"isInitial\": false,");
		expect(diagnostics, Severity.WARNING, DiagnosticCodes.NO_INITIAL_STATE, "/states", 7);
	}

	@Test
	void unusedWorkflow() {
		var diagnostics = validateWith("\"workflows\": [\"w1\"]", "\"workflows\": []");
		assertEquals(List.of(), diagnostics, "category Main counts as use");
		String text = VALID.replace("\"workflows\": [\"w1\"]", "\"workflows\": []").replace("\"category\": \"Main\"",
				"\"category\": \"Drafts\"");
		expect(validate(text), Severity.INFO, DiagnosticCodes.UNUSED_WORKFLOW, "/workflows/0", 13);
	}

	@Test
	void workflowRunByAnotherIsUsed() {
		String text = VALID.replace("\"workflows\": [\"w1\"]", "\"workflows\": []")
				.replace("\"category\": \"Main\"", "\"category\": \"Drafts\"")
				.replace("\"type\": \"WAIT\", \"config\": {\"duration\": 100}", "\"type\": \"RUN_WORKFLOW\", \"config\": {\"workflowId\": \"w1\"}");
		assertTrue(validate(text).stream().noneMatch(d -> d.code().equals(DiagnosticCodes.UNUSED_WORKFLOW)));
	}

	@Test
	void snakeCasePointersFollowTheFile() {
		var diagnostics = validateWith("\"stateImages\": [{\"id\": \"si-1\", \"patterns\": [{\"id\": \"p1\", \"imageId\": \"img-1\"}]}]",
				"\"identifying_images\": [{\"id\": \"si-1\", \"patterns\": [{\"id\": \"p1\", \"image\": \"img-2\"}]}]");
		expect(diagnostics, Severity.ERROR, DiagnosticCodes.DANGLING_REFERENCE, "/states/0/identifying_images/0/patterns/0/image", 9);
	}

	@Test
	void everyFixtureButTheImagelessOneIsFreeOfErrors() {
		for (String name : Fixtures.V2) {
			LoadedConfig loaded = new ConfigLoader().loadText(Fixtures.read(name), name);
			if (name.equals("runner-screenshot-mode.v2.json")) { // its only image has no data: it cannot run
				assertEquals(List.of(DiagnosticCodes.MISSING_IMAGE_DATA), loaded.errors().stream().map(Diagnostic::code).toList());
				continue;
			}
			assertEquals(List.of(), loaded.errors(), name);
		}
		assertNull(new ConfigLoader().loadText("[]", "array").config());
	}
}
