# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""DAP conversations against the real process (screenshots and mock backends)."""

from __future__ import annotations

import json
import os
import time

import pytest
from conftest import make_config, texture
from dap_client import ROOT, DapClient

from qontinui_bridge.dap import exception_breakpoint_id

DEMO = os.path.join(ROOT, "demo", "demo.json")
SHOTS = os.path.join(ROOT, "demo", "screenshots")


@pytest.fixture
def client():
    c = DapClient()
    yield c
    c.close()


def top_frame(c: DapClient) -> dict:
    st = c.request("stackTrace", {"threadId": 1})
    assert st["success"]
    return st["body"]["stackFrames"][0]


def scope_vars(c: DapClient, name: str) -> dict[str, dict]:
    frame_id = top_frame(c)["id"]
    scopes = {s["name"]: s for s in c.request("scopes", {"frameId": frame_id})["body"]["scopes"]}
    ref = scopes[name]["variablesReference"]
    return {v["name"]: v for v in c.request("variables", {"variablesReference": ref})["body"]["variables"]}


def test_full_debug_conversation(client: DapClient, tmp_path) -> None:
    init = client.start({"config": DEMO, "backend": "screenshots", "screenshots": SHOTS, "runDir": str(tmp_path)},
                        [{"name": "state:state-dashboard"}, {"name": "action:m3", "condition": "reached == 'nope'"},
                         {"name": "bogus"}])
    caps = init["body"]
    assert caps["supportsFunctionBreakpoints"] and caps["supportsConfigurationDoneRequest"]
    assert {f["filter"] for f in caps["exceptionBreakpointFilters"]} == {"actionFailed", "findFailed", "transitionFailed"}
    assert init["seq"] >= 1 and init["request_seq"] == 1 and init["command"] == "initialize"

    stopped = client.event("stopped")["body"]
    assert stopped["reason"] == "function breakpoint" and "state:state-dashboard" in stopped["description"]
    assert stopped["hitBreakpointIds"] and stopped["threadId"] == 1
    threads = client.request("threads")["body"]["threads"]
    assert threads[0]["id"] == 1

    frames = client.request("stackTrace", {"threadId": 1})["body"]["stackFrames"]
    names = [f["name"].split(" ")[0] + " " + f["name"].split(" ")[1] for f in frames]
    assert names == ["state state-dashboard", "transition t-login", "state state-login", "action m1", "workflow wf-main"]
    assert all(f["line"] > 0 and f["source"]["path"].endswith("demo.json") for f in frames)
    lines = open(DEMO).read().splitlines()
    assert '"t-login"' in lines[frames[1]["line"] - 1]

    scopes = client.request("scopes", {"frameId": frames[0]["id"]})["body"]["scopes"]
    assert [s["name"] for s in scopes] == ["Variables", "Active States", "Last Match", "Settings"]
    active = scope_vars(client, "Active States")
    assert "state-login" in active
    match = scope_vars(client, "Last Match")
    assert json.loads(match["found"]["value"]) is True and float(match["score"]["value"]) > 0.99
    assert {"location", "threshold", "imageId"} <= set(match)

    client.request("stepIn", {"threadId": 1})
    assert client.event("stopped")["body"]["reason"] == "step"
    assert top_frame(client)["name"].startswith("action s1")
    client.request("stepOut", {"threadId": 1})
    assert client.event("stopped")["body"]["reason"] == "step"
    assert top_frame(client)["name"].startswith("action m2")
    client.request("next", {"threadId": 1})
    assert client.event("stopped")["body"]["reason"] == "step"
    assert top_frame(client)["name"].startswith("action m3")

    variables = scope_vars(client, "Variables")
    local_ref = variables["local"]["variablesReference"]
    r = client.request("setVariable", {"variablesReference": local_ref, "name": "probe", "value": "41"})
    assert r["success"] and r["body"]["value"] == "41"
    ev = client.request("evaluate", {"expression": "probe + 1", "context": "repl"})
    assert ev["body"]["result"] == "42"
    bad = client.request("evaluate", {"expression": "__import__('os')"})
    assert not bad["success"]

    assert client.request("continue", {"threadId": 1})["body"]["allThreadsContinued"]
    done = client.event("qontinui/runCompleted")["body"]
    assert done["success"] and done["actionsFailed"] == 0
    client.event("terminated")
    assert client.event("exited")["body"]["exitCode"] == 0
    # the conditional breakpoint on m3 (false) never stopped the run
    assert [e for e in client.events if e["event"] == "stopped"].__len__() == 4
    kinds = {e["event"] for e in client.events}
    assert {"qontinui/stateChanged", "qontinui/actionStarted", "qontinui/actionCompleted", "qontinui/match",
            "qontinui/transitionStarted", "qontinui/transitionCompleted", "qontinui/workflowStarted",
            "qontinui/workflowCompleted", "output", "continued"} <= kinds
    assert client.request("disconnect")["success"]
    assert client.proc.wait(timeout=10) == 0


def test_hit_condition_stops_on_third_hit(client: DapClient, tmp_json) -> None:
    raw = make_config([
        {"id": "loop", "type": "LOOP", "config": {"loopType": "FOR", "iterations": 5, "iteratorVariable": "i",
                                                  "actions": ["inc"]}},
        {"id": "inc", "type": "SET_VARIABLE", "config": {"variableName": "last", "valueSource": {
            "type": "expression", "expression": "i"}}}])
    client.start({"config": tmp_json(raw), "backend": "mock"}, [{"name": "action:inc", "hitCondition": "3"}])
    st = client.event("stopped")["body"]
    assert st["reason"] == "function breakpoint"
    assert client.request("evaluate", {"expression": "i"})["body"]["result"] == "2"
    client.request("continue", {"threadId": 1})
    assert client.event("exited")["body"]["exitCode"] == 0
    assert sum(1 for e in client.events if e["event"] == "stopped") == 1


def test_find_failed_exception_breakpoint_shows_score(client: DapClient, tmp_json, tmp_path) -> None:
    raw = json.load(open(DEMO))
    raw["images"].append({"id": "img-ghost", "data": __import__("conftest").png_b64(texture(60, 30, 5))})
    raw["workflows"][2]["actions"].insert(0, {"id": "ghost", "type": "FIND", "config": {
        "target": {"type": "image", "imageIds": ["img-ghost"], "searchOptions": {"similarity": 0.9}}}})
    client.start({"config": tmp_json(raw), "backend": "screenshots", "screenshots": SHOTS, "runDir": str(tmp_path)},
                 [], ["findFailed"])
    st = client.event("stopped")["body"]
    assert st["reason"] == "exception" and "ghost" in st["description"]
    # The client maps the id back to its "find failed" breakpoint.
    assert st["hitBreakpointIds"] == [exception_breakpoint_id("findFailed")]
    match = scope_vars(client, "Last Match")
    assert json.loads(match["found"]["value"]) is False
    assert float(match["score"]["value"]) < 0.9 and float(match["threshold"]["value"]) == 0.9
    shot = client.event("qontinui/screenshot")["body"]
    assert os.path.isfile(shot["path"])
    client.request("continue", {"threadId": 1})
    done = client.event("qontinui/runCompleted")["body"]
    assert not done["success"] and "img-ghost" in done["error"]
    assert client.event("exited")["body"]["exitCode"] == 1


def test_malformed_frame_unknown_request_and_eof(client: DapClient) -> None:
    client.send_raw(b"Content-Length: 5\r\n\r\nhello")
    err = client.wait(lambda m: m.get("type") == "response")
    assert err["success"] is False and "malformed" in err["message"]
    r = client.request("frobnicate")
    assert r["success"] is False and "unknown request" in r["message"]
    assert client.request("threads")["success"]
    t0 = time.time()
    assert client.close() == 0 and time.time() - t0 < 5


def test_pause_and_terminate_during_long_wait(client: DapClient, tmp_json) -> None:
    raw = make_config([{"id": "w", "type": "WAIT", "config": {"duration": 20000}}])
    shots_dir = SHOTS
    client.start({"config": tmp_json(raw), "backend": "screenshots", "screenshots": shots_dir, "noDebug": True})
    client.wait(lambda m: m.get("event") == "qontinui/actionStarted")
    time.sleep(0.3)
    sent = time.time()
    client.request("pause", {"threadId": 1})
    st = client.event("stopped")
    assert st["body"]["reason"] == "pause" and st["_t"] - sent < 0.2
    sent = time.time()
    client.request("terminate")
    ex = client.event("exited")
    assert ex["body"]["exitCode"] == 1 and ex["_t"] - sent < 0.5


def test_launch_errors(client: DapClient, tmp_json) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    bad = tmp_json(make_config([{"id": "a", "type": "OCR_READ"}]))
    r = client.request("launch", {"config": bad, "backend": "mock", "actionHints": {"OCR_READ": "qontinui-ocr"}})
    assert not r["success"] and "unknown action type OCR_READ — install plugin qontinui-ocr" in r["message"]
    assert "/workflows/0/actions/0/type" in r["message"]
    r = client.request("launch", {"config": bad, "backend": "mock", "pluginModules": ["no_such_mod_xyz"]})
    assert not r["success"] and "no_such_mod_xyz" in r["message"]


def test_stop_on_entry_logpoint_and_failure_strategy_pause(client: DapClient, tmp_json) -> None:
    raw = make_config([
        {"id": "a", "type": "SET_VARIABLE", "config": {"variableName": "v", "value": 7}},
        {"id": "bad", "type": "GET_VARIABLE", "config": {"variableName": "missing"}},
        {"id": "after", "type": "SET_VARIABLE", "config": {"variableName": "w", "value": 1}}])
    client.start({"config": tmp_json(raw), "backend": "mock", "stopOnEntry": True, "failureStrategy": "pause"},
                 [{"name": "action:bad", "logMessage": "v is {v}"}])
    assert client.event("stopped")["body"]["reason"] == "entry"
    client.request("continue", {"threadId": 1})
    st = client.event("stopped")["body"]
    assert st["reason"] == "exception" and "failureStrategy=pause" in st["description"]
    assert any(e["event"] == "output" and "v is 7" in e["body"]["output"] for e in client.events + client.backlog)
    client.request("continue", {"threadId": 1})
    done = client.event("qontinui/runCompleted")["body"]
    assert done["actionsPassed"] == 2 and done["actionsFailed"] == 1 and not done["success"]
    assert client.event("exited")["body"]["exitCode"] == 1


def test_no_debug_ignores_breakpoints(client: DapClient) -> None:
    client.start({"config": DEMO, "backend": "mock", "noDebug": True}, [{"name": "state:state-dashboard"}])
    assert client.event("exited")["body"]["exitCode"] == 0
    assert not [e for e in client.events + client.backlog if e.get("event") == "stopped"]


def test_go_to_states_navigates_without_a_workflow(client: DapClient) -> None:
    client.start({"config": DEMO, "backend": "mock", "noDebug": True, "goToStates": ["state-settings"]}, [])
    done = client.event("qontinui/runCompleted")["body"]
    assert done["success"], done
    assert done["activeStates"][-1] == "state-settings"
    assert client.event("exited")["body"]["exitCode"] == 0


def test_go_to_unknown_state_is_refused(client: DapClient) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    r = client.request("launch", {"config": DEMO, "backend": "mock", "goToStates": ["nowhere"]})
    assert not r["success"] and "nowhere" in r["message"]
