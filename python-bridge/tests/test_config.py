# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Config loading: spellings, v1 migration, each error with its JSON pointer and line."""

from __future__ import annotations

import json
import os

import pytest
from conftest import FIXTURES, make_config, png_b64, state, texture

from qontinui_bridge.config import ConfigError, load_config, parse_config


def errors_of(raw: dict, text: str = "") -> list:
    with pytest.raises(ConfigError) as ei:
        parse_config(raw, "x.json", text)
    return [d for d in ei.value.diagnostics if d.severity == "error"]


def test_alternative_spellings() -> None:
    img = texture(20, 20, 1)
    raw = {
        "version": "2.0.0",
        "images": [{"id": "i1", "data": png_b64(img)}],
        "states": [
            {"id": "a", "is_initial": True, "identifying_images": [
                {"id": "si1", "patterns": [{"id": "p", "image": "i1"}], "similarity": 0.8}]},
            {"id": "b", "identifyingImages": ["i1"]},
        ],
        "transitions": [
            {"id": "t1", "type": "outgoing", "fromState": "a", "toState": "b", "workflows": ["w"]},
            {"id": "t2", "type": "FromTransition", "fromState": "b", "toState": "a", "processes": ["w"]},
            {"id": "t3", "fromState": "a", "toState": "b", "workflows": []},
            {"id": "t4", "toState": "b", "workflows": []},
        ],
        "workflows": [{"id": "w", "actions": [
            {"id": "c1", "type": "CLICK", "config": {"target": {"type": "coordinates", "coordinates": {"x": 1, "y": 2}}}},
            {"id": "c2", "type": "CLICK", "config": {"target": {"type": "coordinates", "x": 3, "y": 4}}},
            {"id": "f1", "type": "FIND", "config": {"target": {"type": "image", "imageId": "i1",
                                                                 "searchOptions": {"strategy": "ALL"}}}},
            {"id": "f2", "type": "FIND", "config": {"imageId": "si1", "similarity": 0.95}},
            {"id": "c3", "type": "CLICK", "config": {"target": "Last Find Result"}},
            {"id": "v1", "type": "SET_VARIABLE", "config": {"variable_name": "x", "value": {"keep_me": 1}}},
        ]}],
    }
    cfg = parse_config(raw)
    assert cfg.states["a"].is_initial and cfg.states["a"].images[0].patterns[0].image_id == "i1"
    assert cfg.states["a"].images[0].threshold == 0.8
    assert cfg.states["b"].images[0].patterns[0].image_id == "i1"
    kinds = {t.id: t.kind for t in cfg.transitions}
    assert kinds == {"t1": "outgoing", "t2": "outgoing", "t3": "outgoing", "t4": "incoming"}
    assert cfg.transitions[1].workflows == ["w"]
    acts = cfg.workflows["w"].by_id
    assert (acts["c1"].config["target"]["x"], acts["c1"].config["target"]["y"]) == (1, 2)
    assert (acts["c2"].config["target"]["x"], acts["c2"].config["target"]["y"]) == (3, 4)
    assert acts["f1"].config["target"]["imageIds"] == ["i1"]
    assert acts["f1"].config["target"]["searchOptions"]["searchStrategy"] == "ALL"
    assert acts["f2"].config["target"] == {"type": "image", "imageIds": ["si1"], "searchOptions": {"similarity": 0.95}}
    assert acts["c3"].config["target"] == {"type": "lastFindResult"}
    assert acts["v1"].config["variableName"] == "x" and acts["v1"].config["value"] == {"keep_me": 1}


def test_v1_is_migrated_with_warning() -> None:
    cfg = load_config(os.path.join(FIXTURES, "fixture-simple-automation.v1.json"))
    assert "process-1" in cfg.workflows
    assert cfg.transitions[0].workflows == ["process-1"]
    assert cfg.workflows["process-1"].actions[0].type == "MOUSE_MOVE"  # v1 MOVE
    assert cfg.workflows["process-1"].actions[2].retry_count == 3
    legacy = {d.pointer for d in cfg.diagnostics if d.code == "legacy-format" and d.severity == "warning"}
    assert legacy == {"/processes", "/transitions/0/process", "/processes/0/actions/0/type"}


@pytest.mark.parametrize("mutate,pointer,code", [
    (lambda r: r["workflows"][0]["actions"].append({"id": "z", "type": "FLY"}), "/workflows/0/actions/1/type",
     "unknown-action-type"),
    (lambda r: r["workflows"][0]["actions"].append({"id": "z", "type": "SWITCH"}), "/workflows/0/actions/1/type",
     "unknown-action-type"),
    (lambda r: r["transitions"].append({"id": "t", "fromState": "s1", "toState": "nope", "workflows": []}),
     "/transitions/0/toState", "dangling-reference"),
    (lambda r: r["transitions"].append({"id": "t", "fromState": "s1", "toState": "s1", "workflows": ["wf-x"]}),
     "/transitions/0/workflows/0", "dangling-reference"),
    (lambda r: r["workflows"][0]["actions"].append(
        {"id": "z", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["ghost"]}}}),
     "/workflows/0/actions/1/config/target/imageIds/0", "dangling-reference"),
    (lambda r: r["images"].append({"id": "bad", "data": "!!notbase64!!"}), "/images/1/data", "bad-image"),
    (lambda r: r["images"].append({"id": "bad", "data": "aGVsbG8="}), "/images/1/data", "bad-image"),
    (lambda r: r["workflows"][0]["actions"].append({"id": "z", "type": "GO_TO_STATE", "config": {"stateIds": ["zz"]}}),
     "/workflows/0/actions/1/config/stateIds/0", "dangling-reference"),
    (lambda r: r["workflows"][0]["actions"].append({"id": "z", "type": "RUN_WORKFLOW", "config": {"workflowId": "q"}}),
     "/workflows/0/actions/1/config/workflowId", "dangling-reference"),
    (lambda r: r["workflows"][0]["actions"].append({"id": "z", "type": "IF", "config": {
        "condition": {"type": "expression", "expression": "1"}, "thenActions": ["nope"]}}),
     "/workflows/0/actions/1/config/thenActions/0", "dangling-reference"),
])
def test_errors_carry_pointer_and_line(mutate, pointer, code, tmp_json) -> None:
    raw = make_config([{"id": "a0", "type": "WAIT", "config": {"duration": 1}}], images={"i1": texture(10, 10, 2)})
    mutate(raw)
    path = tmp_json(raw)
    with pytest.raises(ConfigError) as ei:
        load_config(path)
    errs = [d for d in ei.value.diagnostics if d.severity == "error"]
    assert any(d.pointer == pointer and d.code == code for d in errs), [(d.pointer, d.code, d.message) for d in errs]
    d = next(d for d in errs if d.pointer == pointer)
    # The reported line really is where that pointer's value sits in the file.
    lines = open(path).read().splitlines()
    leaf = pointer.rsplit("/", 1)[-1]
    assert d.line is not None and (leaf in lines[d.line - 1] or leaf.isdigit())


def test_plugin_hint_in_unknown_type() -> None:
    raw = make_config([{"id": "a", "type": "OCR_READ"}])
    with pytest.raises(ConfigError) as ei:
        parse_config(raw, hints={"OCR_READ": "qontinui-ocr"})
    assert any("unknown action type OCR_READ — install plugin qontinui-ocr" in d.message for d in ei.value.diagnostics)


def test_validate_cli_format(tmp_json) -> None:
    import subprocess
    import sys
    raw = make_config([{"id": "a", "type": "NOPE"}])
    path = tmp_json(raw)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = subprocess.run([sys.executable, "-m", "qontinui_bridge", "validate", path], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": root})
    assert p.returncode == 2
    line = p.stdout.splitlines()[0]
    want_line = next(i for i, l in enumerate(open(path).read().splitlines(), 1) if '"NOPE"' in l)
    assert line.startswith(f"{path}:{want_line}:") and "error: unknown action type NOPE" in line
    assert line.endswith("(/workflows/0/actions/0/type)")
    ok = tmp_json(make_config([]), "ok.json")
    assert subprocess.run([sys.executable, "-m", "qontinui_bridge", "validate", ok], capture_output=True,
                          env={**os.environ, "PYTHONPATH": root}).returncode == 0


def test_default_workflow_and_threshold_settings() -> None:
    raw = make_config(workflows=[{"id": "wf-b", "name": "B", "category": "Main", "actions": []}],
                      settings={"recognition": {"defaultThreshold": 0.93}})
    raw["categories"] = [{"name": "Main", "automationEnabled": True}]
    cfg = parse_config(raw)
    assert cfg.default_workflow().id == "wf-b"
    assert cfg.default_threshold == 0.93
    assert cfg.find_workflow("Main").id == "wf-main"
    assert json.dumps(state("x"))  # helper sanity
