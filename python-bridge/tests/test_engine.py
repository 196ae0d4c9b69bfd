# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""State machine, path planning and every action (mock and screenshots backends)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from conftest import completed, make_config, outgoing, run, screen_with, state, texture

FAIL_WF = {"id": "wf-fail", "name": "fails", "actions": [{"id": "boom", "type": "GET_VARIABLE",
                                                         "config": {"variableName": "missing"}}]}


def started_transitions(events):
    return [b["transitionId"] for e, b in events if e == "qontinui/transitionStarted"]


def test_go_to_state_takes_lowest_cost_path() -> None:
    raw = make_config(
        [{"id": "g", "type": "GO_TO_STATE", "config": {"stateIds": ["d"]}}],
        states=[state("a", isInitial=True), state("b"), state("c"), state("d")],
        transitions=[outgoing("a-d", "a", "d", cost=10), outgoing("a-b", "a", "b"), outgoing("b-d", "b", "d"),
                     outgoing("a-c", "a", "c", cost=5), outgoing("c-d", "c", "d")])
    body, events, eng = run(raw)
    assert body["success"], body
    assert started_transitions(events) == ["a-b", "b-d"]
    assert eng.active == ["d"]


def test_replan_after_failure_never_retries_failed_transition() -> None:
    raw = make_config(
        [{"id": "g", "type": "GO_TO_STATE", "config": {"stateIds": ["b"]}}],
        states=[state("a", isInitial=True), state("b"), state("c")],
        transitions=[outgoing("a-b", "a", "b", ["wf-fail"]), outgoing("a-c", "a", "c", cost=3),
                     outgoing("c-b", "c", "b", cost=3)],
        workflows=[FAIL_WF])
    body, events, eng = run(raw)
    assert body["success"], body
    assert started_transitions(events) == ["a-b", "a-c", "c-b"]
    assert eng.active == ["b"]


def test_go_to_state_gives_up_with_reason() -> None:
    raw = make_config(
        [{"id": "g", "type": "GO_TO_STATE", "config": {"stateIds": ["b"]}}],
        states=[state("a", isInitial=True), state("b")],
        transitions=[outgoing("a-b", "a", "b", ["wf-fail"]), outgoing("a-b2", "a", "b", ["wf-fail"], cost=2)],
        workflows=[FAIL_WF])
    body, events, _ = run(raw)
    assert not body["success"]
    assert started_transitions(events) == ["a-b", "a-b2"]
    assert "no path from [a] to b" in body["error"] and "a-b" in body["error"]


def test_transition_activate_deactivate_stays_visible_and_incoming() -> None:
    raw = make_config(
        [{"id": "g", "type": "GO_TO_STATE", "config": {"stateIds": ["b"]}}],
        states=[state("a", isInitial=True), state("b"), state("side"), state("menu", isInitial=True)],
        transitions=[outgoing("a-b", "a", "b", activateStates=["side"], deactivateStates=["menu"], staysVisible=True),
                     {"id": "in-b", "type": "IncomingTransition", "toState": "b", "workflows": ["wf-mark"]}],
        workflows=[{"id": "wf-mark", "name": "mark", "actions": [
            {"id": "mk", "type": "SET_VARIABLE", "config": {"variableName": "entered", "value": 1, "scope": "global"}}]}])
    body, events, eng = run(raw)
    assert body["success"], body
    assert sorted(eng.active) == ["a", "b", "side"]
    assert eng.vars.globals["entered"] == 1
    assert "in-b" in started_transitions(events)


def test_initial_state_precedence() -> None:
    raw = make_config(states=[state("a"), state("b", isInitial=True), state("c")])
    assert run(raw)[2].active == ["b"]
    raw["workflows"][0]["initialStateIds"] = ["c"]
    assert run(raw)[2].active == ["c"]
    assert run(raw, initial_states=["a"])[2].active == ["a"]
    raw2 = make_config(states=[state("x"), state("y")])
    assert run(raw2)[2].active == ["x"]


def test_retries_and_failure_strategies() -> None:
    acts = [{"id": "f", "type": "GET_VARIABLE", "config": {"variableName": "nope"}, "execution": {"retryCount": 2}},
            {"id": "after", "type": "SET_VARIABLE", "config": {"variableName": "x", "value": 1}}]
    body, events, _ = run(make_config(acts))
    c = completed(events)
    assert not body["success"] and c["f"]["attempts"] == 3 and "after" not in c
    body, events, _ = run(make_config(acts), failure_strategy="continue")
    c = completed(events)
    assert "after" in c and not body["success"] and body["actionsFailed"] == 1


def test_variables_control_flow_and_data_actions() -> None:
    acts = [
        {"id": "s", "type": "SET_VARIABLE", "config": {"variableName": "n", "value": 0}},
        {"id": "loop", "type": "LOOP", "config": {"loopType": "FOR", "iterations": 10, "iteratorVariable": "i",
                                                  "actions": ["inc", "brk"]}},
        {"id": "inc", "type": "SET_VARIABLE", "config": {"variableName": "n", "valueSource": {"type": "expression",
                                                                                              "expression": "n + i"}}},
        {"id": "brk", "type": "BREAK", "config": {"condition": {"type": "expression", "expression": "i >= 3"}}},
        {"id": "fe", "type": "LOOP", "config": {"loopType": "FOREACH", "collection": {"type": "range", "start": 0, "end": 4},
                                                "iteratorVariable": "k", "actions": ["skip", "acc"]}},
        {"id": "skip", "type": "CONTINUE", "config": {"condition": {"type": "variable", "variableName": "k",
                                                                    "operator": "==", "expectedValue": 2}}},
        {"id": "acc", "type": "MATH_OPERATION", "config": {"operation": "ADD", "operands": [{"variableName": "n"}, 100],
                                                           "outputVariable": "n"}},
        {"id": "w", "type": "LOOP", "config": {"loopType": "WHILE", "condition": {"type": "expression",
                                                                                    "expression": "n < 400"},
                                               "actions": ["acc"], "maxIterations": 50}},
        {"id": "str", "type": "STRING_OPERATION", "config": {"input": "  Hello World ", "operation": "TRIM",
                                                             "outputVariable": "t"}},
        {"id": "up", "type": "STRING_OPERATION", "config": {"input": {"variableName": "t"}, "operation": "REPLACE",
                                                            "parameters": {"search": "World", "replacement": "Q"},
                                                            "outputVariable": "t2"}},
        {"id": "get", "type": "GET_VARIABLE", "config": {"variableName": "t2", "outputVariable": "copy"}},
        {"id": "if", "type": "IF", "config": {"condition": {"type": "expression", "expression": "copy == 'Hello Q'"},
                                              "thenActions": ["yes"], "elseActions": ["no"]}},
        {"id": "yes", "type": "SET_VARIABLE", "config": {"variableName": "branch", "value": "then", "scope": "process"}},
        {"id": "no", "type": "SET_VARIABLE", "config": {"variableName": "branch", "value": "else", "scope": "process"}},
        {"id": "try", "type": "TRY_CATCH", "config": {"tryActions": ["bad"], "catchActions": ["caught"],
                                                      "finallyActions": ["fin"], "errorVariable": "err"}},
        {"id": "bad", "type": "MATH_OPERATION", "config": {"operation": "DIVIDE", "operands": [1, 0]}},
        {"id": "caught", "type": "SET_VARIABLE", "config": {"variableName": "c", "value": True, "scope": "process"}},
        {"id": "fin", "type": "SET_VARIABLE", "config": {"variableName": "f", "value": True, "scope": "process"}},
        {"id": "sub", "type": "RUN_WORKFLOW", "config": {"workflowId": "Helper", "variables": {"p": 5},
                                                         "outputVariable": "subOk"}},
        {"id": "fin2", "type": "SET_VARIABLE", "config": {"variableName": "snapshot", "valueSource": {
            "type": "expression", "expression": "[n, t2, len(err) > 0, subOk]"}, "scope": "process"}},
    ]
    helper = {"id": "wf-helper", "name": "Helper", "actions": [
        {"id": "h", "type": "SET_VARIABLE", "config": {"variableName": "fromSub", "valueSource": {
            "type": "expression", "expression": "p * 2"}, "scope": "global"}}]}
    body, events, eng = run(make_config(acts, workflows=[helper]))
    assert body["success"], body
    # loop: i=0..3 adds 0+1+2+3=6 then breaks; foreach adds 100 for k in 0,1,3; while until >= 400
    assert eng.vars.process["snapshot"] == [406, "Hello Q", True, True]
    assert eng.vars.process["branch"] == "then" and eng.vars.process["c"] and eng.vars.process["f"]
    assert eng.vars.globals["fromSub"] == 10


def test_mouse_and_keyboard_actions_record_input() -> None:
    raw = make_config([
        {"id": "mv", "type": "MOUSE_MOVE", "config": {"target": {"type": "coordinates", "coordinates": {"x": 5, "y": 6}}}},
        {"id": "cl", "type": "CLICK", "config": {"target": {"type": "region", "region": {"x": 10, "y": 10, "width": 10, "height": 20}},
                                                 "numberOfClicks": 2, "mouseButton": "RIGHT"}},
        {"id": "loc", "type": "CLICK", "config": {"target": {"type": "stateLocation", "locationId": "L"}}},
        {"id": "md", "type": "MOUSE_DOWN", "config": {"coordinates": {"x": 1, "y": 1}}},
        {"id": "mu", "type": "MOUSE_UP", "config": {}},
        {"id": "dr", "type": "DRAG", "config": {"source": {"x": 0, "y": 0}, "destination": {"x": 100, "y": 50},
                                                "dragDuration": 10}},
        {"id": "sc", "type": "SCROLL", "config": {"direction": "down", "clicks": 2}},
        {"id": "ty", "type": "TYPE", "config": {"text": "hi ${who}", "clearBefore": True, "pressEnter": True}},
        {"id": "ts", "type": "TYPE", "config": {"textSource": {"stateId": "s1", "stringIds": ["str"]},
                                                "modifiers": ["shift"]}},
        {"id": "kp", "type": "KEY_PRESS", "config": {"keys": ["tab"], "modifiers": ["alt"]}},
        {"id": "kd", "type": "KEY_DOWN", "config": {"keys": ["ctrl"]}},
        {"id": "ku", "type": "KEY_UP", "config": {"keys": ["ctrl"]}},
        {"id": "hk", "type": "HOTKEY", "config": {"hotkey": "ctrl+shift+s"}},
        {"id": "hl", "type": "HIGHLIGHT", "config": {"target": {"type": "coordinates", "x": 3, "y": 3}}},
        {"id": "ss", "type": "SCREENSHOT", "config": {}},
    ], states=[state("s1", isInitial=True, locations=[{"id": "L", "x": 70, "y": 80}],
                     strings=[{"id": "str", "value": "abc"}])])
    raw["workflows"][0]["variables"] = {"who": "bob"}
    body, events, eng = run(raw)
    assert body["success"], body
    inp = eng.backend.inputs
    kinds = [(i["kind"], i.get("x"), i.get("y"), i.get("button")) for i in inp if i["kind"] in ("mouseDown", "mouseUp")]
    assert kinds[:4] == [("mouseDown", 15, 20, "RIGHT"), ("mouseUp", 15, 20, "RIGHT")] * 2
    assert ("mouseDown", 70, 80, "LEFT") in kinds
    assert any(i["kind"] == "scroll" and i["clicks"] == 2 for i in inp)
    typed = "".join(i["char"] for i in inp if i["kind"] == "char")
    assert typed == "hi bobabc"
    keys = [(i["kind"], i["key"]) for i in inp if i["kind"].startswith("key")]
    assert keys[:4] == [("keyDown", "Control_L"), ("keyDown", "a"), ("keyUp", "a"), ("keyUp", "Control_L")]
    assert ("keyDown", "Return") in keys and ("keyDown", "Shift_L") in keys
    hk = keys[-6:]
    assert hk == [("keyDown", "Control_L"), ("keyDown", "Shift_L"), ("keyDown", "s"), ("keyUp", "s"),
                  ("keyUp", "Shift_L"), ("keyUp", "Control_L")]
    assert any(e == "qontinui/highlight" for e, _ in events)
    drag = [i for i in inp if i["kind"] == "move"]
    assert (drag[-1]["x"], drag[-1]["y"]) == (100, 50)


@pytest.fixture
def shots(tmp_path):
    """Two screenshots: a button at (300,200) then a screen without it."""
    btn, logo = texture(64, 32, 11), texture(48, 48, 12)
    s0 = screen_with([(btn, 300, 200), (logo, 600, 50)])
    s1 = screen_with([(logo, 600, 50)])
    files = []
    for i, s in enumerate((s0, s1)):
        p = tmp_path / f"{i:02d}.png"
        cv2.imwrite(str(p), s)
        files.append(str(p))
    return {"btn": btn, "logo": logo}, files


def test_find_family_on_screenshots(shots, tmp_path) -> None:
    images, files = shots
    acts = [
        {"id": "f", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["btn"]}}},
        {"id": "ex", "type": "EXISTS", "config": {"target": {"type": "image", "imageIds": ["logo"]}, "outputVariable": "e"}},
        {"id": "fs", "type": "FIND_STATE", "config": {"stateIds": ["s1", "s2"], "outputVariable": "vis"}},
        {"id": "wt", "type": "WAIT", "config": {"waitFor": "target", "target": {"type": "image", "imageIds": ["btn"]}}},
        {"id": "c", "type": "CLICK", "config": {"target": {"type": "lastFindResult"}}},
        {"id": "v", "type": "VANISH", "config": {"target": {"type": "image", "imageIds": ["btn"]}, "maxWaitTime": 200}},
        {"id": "ws", "type": "WAIT", "config": {"waitFor": "state", "stateId": "s2", "maxWaitTime": 100}},
    ]
    raw = make_config(acts, images=images, states=[state("s1", ["btn"], isInitial=True), state("s2", ["logo"])])
    body, events, eng = run(raw, "screenshots", files, run_dir=str(tmp_path / "run"))
    assert body["success"], body
    c = completed(events)
    assert c["f"]["match"]["score"] > 0.99 and c["f"]["match"]["location"] == {"x": 300, "y": 200}
    assert eng.vars.process == {} and eng.backend.inputs[0] == {**eng.backend.inputs[0], "kind": "move", "x": 332, "y": 216}
    assert eng.backend.index == 1  # advanced after the click
    matches = [b for e, b in events if e == "qontinui/match"]
    assert all({"score", "threshold", "location", "durationMs", "imageId", "found"} <= set(m) for m in matches)


def test_find_failure_reports_best_score_and_saves_screenshot(shots, tmp_path) -> None:
    images, files = shots
    other = texture(64, 32, 99)
    acts = [{"id": "f", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["other"],
                                                              "searchOptions": {"similarity": 0.95}}}}]
    raw = make_config(acts, images={**images, "other": other})
    body, events, eng = run(raw, "screenshots", files, run_dir=str(tmp_path / "run"))
    assert not body["success"]
    m = completed(events)["f"]["match"]
    assert m["found"] is False and m["threshold"] == 0.95 and m["score"] < 0.95 and m["location"]
    shot = [b for e, b in events if e == "qontinui/screenshot"]
    assert shot and shot[0]["path"].startswith(str(tmp_path / "run"))
    assert cv2.imread(shot[0]["path"]) is not None


def test_similarity_precedence(shots) -> None:
    images, files = shots
    base = make_config([{"id": "f", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["si-btn"]}}}],
                       images=images, states=[state("s1", ["btn"], isInitial=True)])

    def thr(raw):
        return completed(run(raw, "screenshots", files)[1])["f"]["match"]["threshold"]
    assert thr(base) == 0.7
    base["settings"] = {"recognition": {"defaultThreshold": 0.8}}
    assert thr(base) == 0.8
    base["states"][0]["stateImages"][0]["threshold"] = 0.85
    assert thr(base) == 0.85
    base["states"][0]["stateImages"][0]["patterns"][0]["similarity"] = 0.88
    assert thr(base) == 0.88
    base["workflows"][0]["actions"][0]["config"]["target"]["searchOptions"] = {"similarity": 0.91}
    assert thr(base) == 0.91


def test_action_exception_is_failed_result_with_traceback() -> None:
    from qontinui_bridge.engine import ActionResult

    def crash(ctx, cfg) -> ActionResult:
        raise RuntimeError("plugin exploded")
    from conftest import parse_config
    from qontinui_bridge.backends import create_backend
    from qontinui_bridge.engine import Engine
    cfg = parse_config(make_config([{"id": "x", "type": "CRASH"}]), action_types={"CRASH"})
    events = []
    eng = Engine(cfg, create_backend("mock"), lambda e, b: events.append((e, b)), handlers={"CRASH": crash})
    eng.control.debug = False
    body = eng.run(cfg.workflows["wf-main"])
    assert not body["success"] and "plugin exploded" in body["error"]
    assert any(e == "output" and "Traceback" in b["output"] for e, b in events)


def test_plugins_load_and_fail_clearly(tmp_path) -> None:
    from qontinui_bridge.plugins import PluginError, load_plugins
    (tmp_path / "myplug.py").write_text(
        "from qontinui_bridge.plugins import ActionResult\n"
        "def hello(ctx, cfg):\n"
        "    ctx.variables.set('greet', 'hi ' + cfg['who'], 'process')\n"
        "    return ActionResult(True, 'greeted')\n"
        "ACTION_TYPES = {'HELLO': hello}\n")
    handlers = load_plugins(["myplug"], [str(tmp_path)])
    from conftest import parse_config
    from qontinui_bridge.backends import create_backend
    from qontinui_bridge.engine import Engine
    from qontinui_bridge.plugins import available_types
    cfg = parse_config(make_config([{"id": "h", "type": "HELLO", "config": {"who": "x"}}]),
                       action_types=available_types(handlers))
    eng = Engine(cfg, create_backend("mock"), handlers=handlers)
    assert eng.run(cfg.workflows["wf-main"])["success"] and eng.vars.process["greet"] == "hi x"
    with pytest.raises(PluginError, match="cannot import plugin module 'no_such_plugin_mod'"):
        load_plugins(["no_such_plugin_mod"])


def test_demo_passes_on_screenshots_and_mock() -> None:
    import os
    import subprocess
    import sys
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "PYTHONPATH": root}
    for extra in (["--backend", "screenshots", "--screenshots", os.path.join(root, "demo", "screenshots")],
                  ["--backend", "mock"]):
        p = subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", os.path.join(root, "demo", "demo.json"),
                            *extra], capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 0, p.stdout + p.stderr
        assert "RUN PASSED" in p.stdout and "state state-settings active" in p.stdout
        assert np.all([w in p.stdout for w in ("FIND ok", "CLICK ok", "TYPE ok", "GO_TO_STATE ok")])


# ------------------------------------------------------------------ run control limits (issue 11)
def _start(raw, backend="mock", screenshots=None, **kw):
    """Runs the config on a thread; returns (engine, thread, result holder)."""
    import copy
    import threading
    from conftest import parse_config
    from qontinui_bridge.backends import create_backend
    from qontinui_bridge.engine import Engine
    cfg = parse_config(copy.deepcopy(raw))
    events: list = []
    eng = Engine(cfg, create_backend(backend, screenshots), lambda e, b: events.append((e, b)), **kw)
    eng.control.debug = False
    out: dict = {}
    th = threading.Thread(target=lambda: out.update(eng.run(cfg.workflows["wf-main"])), daemon=True)
    th.start()
    return eng, th, out, events


def _terminate_within(raw, backend="mock", screenshots=None, after=0.4):
    import time
    eng, th, out, _ = _start(raw, backend, screenshots)
    time.sleep(after)
    assert th.is_alive(), out  # still busy: the terminate really interrupts something
    t0 = time.perf_counter()
    eng.control.request_terminate()
    th.join(2)
    took = time.perf_counter() - t0
    assert not th.is_alive() and out["error"] == "terminated by user"
    assert took < 0.2, f"terminate took {took * 1000:.0f} ms"
    return out


def test_terminate_during_a_30s_wait_ends_within_200ms(shots) -> None:
    _, files = shots
    _terminate_within(make_config([{"id": "w", "type": "WAIT", "config": {"duration": 30000}}]),
                      "screenshots", files)


def test_terminate_during_a_long_loop_with_an_empty_body_ends_within_200ms() -> None:
    # 100000 x 100000 iterations (the configuration limit is 100000 per loop), the inner body empty.
    _terminate_within(make_config([
        {"id": "outer", "type": "LOOP", "config": {"loopType": "FOR", "iterations": 100000,
                                                   "maxIterations": 100000, "actions": ["inner"]}},
        {"id": "inner", "type": "LOOP", "config": {"loopType": "FOR", "iterations": 100000,
                                                   "maxIterations": 100000, "actions": []}}]))


def test_terminate_during_a_long_while_loop_ends_within_200ms() -> None:
    _terminate_within(make_config([
        {"id": "l", "type": "LOOP", "config": {"loopType": "WHILE", "maxIterations": 100000, "actions": ["s"],
                                               "condition": {"type": "expression", "expression": "1 == 1"}}},
        {"id": "s", "type": "SET_VARIABLE", "config": {"variableName": "n", "value": 1}}]))


def test_terminate_during_1000_clicks_ends_within_200ms() -> None:
    # 10 x 100 clicks (100 is the configuration limit per CLICK); each click repeat waits 30 ms.
    out = _terminate_within(make_config([
        {"id": "l", "type": "LOOP", "config": {"loopType": "FOR", "iterations": 10, "actions": ["c"]}},
        {"id": "c", "type": "CLICK", "config": {"target": {"type": "coordinates", "x": 5, "y": 5},
                                                "numberOfClicks": 100}}]))
    assert out["actionsPassed"] == 0


def test_while_loop_at_its_iteration_cap_fails_saying_why() -> None:
    body, events, _ = run(make_config([
        {"id": "l", "type": "LOOP", "config": {"loopType": "WHILE", "maxIterations": 25, "actions": [],
                                               "condition": {"type": "expression", "expression": "True"}}}]))
    assert not body["success"]
    assert completed(events)["l"]["message"] == "WHILE loop hit its iteration cap (25) with the condition still true"


def test_run_timeout_ends_a_long_wait(shots) -> None:
    import time
    _, files = shots
    t0 = time.perf_counter()
    body, _, _ = run(make_config([{"id": "w", "type": "WAIT", "config": {"duration": 30000}}]),
                     "screenshots", files, run_timeout_s=0.3)
    assert not body["success"] and body["error"] == "run timeout after 0.3 s"
    assert time.perf_counter() - t0 < 5


def test_action_execution_timeout_fails_the_attempt_and_continue_goes_on(shots) -> None:
    _, files = shots
    raw = make_config([
        {"id": "w", "type": "WAIT", "config": {"duration": 30000}, "execution": {"timeout": 200}},
        {"id": "after", "type": "SET_VARIABLE", "config": {"variableName": "x", "value": 1}}],
        settings={"execution": {"failureStrategy": "continue"}})
    body, events, eng = run(raw, "screenshots", files)
    c = completed(events)
    assert not c["w"]["success"] and c["w"]["message"] == "timeout after 200 ms (execution.timeout)"
    assert c["after"]["success"] and eng.vars.local == {} and not body["success"]


def test_action_delay_between_actions(shots) -> None:
    _, files = shots
    actions = [{"id": f"s{i}", "type": "SET_VARIABLE", "config": {"variableName": "x", "value": i}} for i in range(3)]
    body, events, _ = run(make_config(actions, settings={"execution": {"actionDelay": 150}}), "screenshots", files)
    starts = [b["elapsed"] for e, b in events if e == "qontinui/actionStarted"]
    assert body["success"] and all(b - a >= 0.14 for a, b in zip(starts, starts[1:])), starts


def test_on_failure_skip_and_failure_strategy_retry() -> None:
    raw = make_config([{"id": "boom", "type": "GET_VARIABLE", "config": {"variableName": "missing"}},
                       {"id": "next", "type": "SET_VARIABLE", "config": {"variableName": "x", "value": 1}}])
    body, events, _ = run(raw, on_failure="skip")
    c = [b for e, b in events if e == "qontinui/actionCompleted" and b["actionId"] == "boom"]
    assert body["success"] and [b["success"] for b in c] == [False, True] and c[1]["skipped"]
    raw["settings"] = {"execution": {"failureStrategy": "retry"}}
    body, events, _ = run(raw)
    tries = [b for e, b in events if e == "qontinui/actionCompleted" and b["actionId"] == "boom"]
    assert not body["success"] and len(tries) == 2 and tries[1]["retry"] == 1  # one retry, then stop


def test_builtin_actions_are_the_vocabulary_executed_types_and_no_import_cycle() -> None:
    """One source of truth for what the executor runs (config validation reads vocabulary.json), and
    module-level imports in qontinui_bridge form no cycle."""
    import ast
    import pathlib

    from qontinui_bridge.actions import builtin_action_types
    from qontinui_bridge.vocabulary import executed_action_types
    assert builtin_action_types() == set(executed_action_types())
    pkg = pathlib.Path(__file__).resolve().parents[1] / "qontinui_bridge"
    edges: dict[str, set[str]] = {}
    for f in pkg.rglob("*.py"):
        parts = list(f.relative_to(pkg.parent).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        base = parts[:-1]
        edges[name] = set()
        for node in ast.parse(f.read_text()).body:  # module level only: not TYPE_CHECKING, not lazy
            if isinstance(node, ast.ImportFrom) and node.level:
                target = ".".join(base[:len(base) - node.level + 1] + ([node.module] if node.module else []))
                edges[name] |= {target} | {f"{target}.{a.name}" for a in node.names}
    for name in edges:
        edges[name] &= set(edges)

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, path = stack.pop()
            for nxt in edges[node]:
                if nxt == start:
                    return path + [start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, path + [nxt]))
        return None
    cycles = [c for c in map(cycle_from, sorted(edges)) if c and not all(
        a.startswith(b + ".") or b.startswith(a + ".") or a == b for a, b in zip(c, c[1:]))]
    assert not cycles, cycles[0]
