# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Protocol edges against the real executor process: routing, argument types, framing, spec details, lifecycle."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from typing import Any

import pytest
from conftest import make_config
from dap_client import ROOT, DapClient

from qontinui_bridge.launch_args import launch_field_names
from qontinui_bridge.protocol import ErrorId

DEMO = os.path.join(ROOT, "demo", "demo.json")
SHOTS = os.path.join(ROOT, "demo", "screenshots")
PROTOCOL_MD = os.path.join(os.path.dirname(ROOT), "docs", "protocol.md")


@pytest.fixture
def client():
    c = DapClient()
    yield c
    c.close()


def responses_to(c: DapClient, seq: int, settle: float = 0.3) -> list[dict[str, Any]]:
    """All responses to request ``seq`` that arrive within ``settle`` seconds after the first."""
    out = [c.wait(lambda m: m.get("type") == "response" and m.get("request_seq") == seq)]
    end = time.time() + settle
    while time.time() < end:
        try:
            out.append(c.wait(lambda m: m.get("type") == "response" and m.get("request_seq") == seq,
                              max(0.01, end - time.time())))
        except Exception:
            break
    return out


def error_id(response: dict[str, Any]) -> int:
    return response["body"]["error"]["id"]


def walk_nulls(value: Any, path: str = "") -> list[str]:
    if value is None:
        return [path or "/"]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in walk_nulls(v, f"{path}/{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in walk_nulls(v, f"{path}/{i}")]
    return []


# --------------------------------------------------------------------------- routing

def test_internals_are_not_reachable_and_every_request_is_answered_once(client: DapClient) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    for name in ("engine_event", "on_engine_event", "_run", "log", "serve", "__init__", "dispatch", "stop"):
        seq = client.send(name, {"event": {"not": "a name"}, "body": {}})
        (r,) = responses_to(client, seq)
        assert r["success"] is False and r["message"] == f"unknown request '{name}'"
        assert error_id(r) == ErrorId.UNKNOWN_REQUEST
    # A command that is not a string, arguments that are not an object, a seq that is not an integer.
    for raw in ({"seq": 50, "type": "request", "command": {"x": 1}},
                {"seq": 51, "type": "request", "command": "threads", "arguments": 5},
                {"seq": "52", "type": "request", "command": "threads"},
                {"seq": 53, "type": "requestx", "command": "threads"}):
        body = json.dumps(raw).encode()
        client.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        r = client.wait(lambda m: m.get("type") == "response" and not m["success"])
        assert isinstance(r["command"], str) and r["request_seq"] in (0, raw["seq"])
        assert error_id(r) in (ErrorId.MALFORMED_FRAME, ErrorId.INVALID_ARGUMENTS)
    assert client.request("threads")["success"]
    assert all(isinstance(e.get("event"), str) and e["event"] in ("initialized", "output")
               for e in client.events + client.backlog if e.get("type") == "event")


def test_requests_before_launch_fail_cleanly(client: DapClient) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    assert client.request("stackTrace", {"threadId": 1})["body"] == {"stackFrames": [], "totalFrames": 0}
    for command, args in (("scopes", {"frameId": 1}), ("evaluate", {"expression": "1"}),
                          ("variables", {"variablesReference": 99}),
                          ("setVariable", {"variablesReference": 99, "name": "a", "value": "1"})):
        seq = client.send(command, args)
        (r,) = responses_to(client, seq)
        assert r["success"] is False and r["message"], r
    r = client.request("stackTrace", {"threadId": "one"})
    assert not r["success"] and "/arguments/threadId: expected an integer" in r["message"]
    r = client.request("initialize", {"adapterID": "qontinui", "linesStartAt1": False})
    assert not r["success"] and error_id(r) == ErrorId.WRONG_STATE


# --------------------------------------------------------------------------- argument types

@pytest.mark.parametrize("arguments, pointer", [
    ({"config": True}, "/arguments/config: expected a string, got true"),
    ({"config": 2}, "/arguments/config: expected a string, got the number 2"),
    ({"config": ["a.json"]}, "/arguments/config: expected a string, got an array"),
    ({}, "/arguments/config: missing"),
    ({"config": DEMO, "backend": "gtk"}, "/arguments/backend: expected one of 'x11', 'screenshots', 'mock'"),
    ({"config": DEMO, "initialStates": "state-login"}, "/arguments/initialStates: expected an array of strings"),
    ({"config": DEMO, "noDebug": "false"}, "/arguments/noDebug: expected a boolean"),
    ({"config": DEMO, "slowStepMs": 1.5}, "/arguments/slowStepMs: expected an integer"),
    ({"config": DEMO, "slowStepMs": -1}, "/arguments/slowStepMs: must be 0 or more"),
    ({"config": DEMO, "actionHints": {"OCR": 3}}, "/arguments/actionHints/OCR: expected a string"),
])
def test_launch_arguments_are_type_checked(client: DapClient, arguments: dict, pointer: str) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    r = client.request("launch", arguments)
    assert r["success"] is False and pointer in r["message"], r["message"]
    assert error_id(r) == ErrorId.INVALID_ARGUMENTS
    # The session is still usable: a good launch after the bad one works.
    assert client.request("launch", {"config": DEMO, "backend": "mock", "noDebug": True})["success"]


def test_launch_of_a_fifo_or_folder_does_not_block(client: DapClient, tmp_path) -> None:
    fifo = tmp_path / "cfg.json"
    os.mkfifo(fifo)
    client.request("initialize", {"adapterID": "qontinui"})
    t0 = time.time()
    r = client.request("launch", {"config": str(fifo), "backend": "mock"}, timeout=5)
    assert not r["success"] and "is not a regular file" in r["message"] and time.time() - t0 < 5
    assert error_id(r) == ErrorId.INVALID_CONFIG
    r = client.request("launch", {"config": str(tmp_path), "backend": "mock"})
    assert not r["success"] and "is not a regular file" in r["message"]
    r = client.request("launch", {"config": str(tmp_path / "nope.json"), "backend": "mock"})
    assert not r["success"] and "does not exist" in r["message"]


def test_launch_error_ids_tell_failures_apart(client: DapClient, tmp_json) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    cases = [
        ({"config": tmp_json(make_config([{"id": "a", "type": "NO_SUCH"}])), "backend": "mock"}, ErrorId.INVALID_CONFIG),
        ({"config": DEMO, "backend": "mock", "pluginModules": ["no_such_mod_xyz"]}, ErrorId.PLUGIN_FAILED),
        ({"config": DEMO, "backend": "screenshots", "screenshots": "/nonexistent-dir"}, ErrorId.BACKEND_FAILED),
        ({"config": DEMO, "backend": "mock", "workflow": "nope"}, ErrorId.NOT_FOUND),
        ({"config": DEMO, "backend": "mock", "goToStates": ["nowhere"]}, ErrorId.NOT_FOUND),
    ]
    for arguments, expected in cases:
        r = client.request("launch", arguments)
        assert not r["success"] and error_id(r) == expected, (arguments, r)
    assert client.request("launch", {"config": DEMO, "backend": "mock", "type": "qontinui", "__sessionId": "x",
                                     "futureOption": 1})["success"]
    warning = client.wait(lambda m: m.get("event") == "output" and "futureOption" in m["body"]["output"])
    assert "unknown argument 'futureOption' ignored" in warning["body"]["output"]
    assert not any("__sessionId" in e["body"].get("output", "") for e in client.events if e["event"] == "output")
    r = client.request("launch", {"config": DEMO, "backend": "mock"})
    assert not r["success"] and error_id(r) == ErrorId.WRONG_STATE


def test_protocol_md_documents_exactly_the_launch_fields() -> None:
    text = open(PROTOCOL_MD, encoding="utf-8").read()
    section = text.split("### launch", 1)[1].split("\n### ", 1)[0]
    documented = set(__import__("re").findall(r'^  "(\w+)":', section, __import__("re").M))
    assert documented == set(launch_field_names())


JAVA_LAUNCH_ARGUMENTS = os.path.join(os.path.dirname(ROOT), "bundles", "org.qontinui.runner.bridge", "src", "org",
                                     "qontinui", "runner", "bridge", "LaunchArguments.java")


def test_java_launch_arguments_write_exactly_the_python_fields() -> None:
    """The workbench's LaunchArguments.toJson() and the executor's dataclass name the same properties."""
    if not os.path.exists(JAVA_LAUNCH_ARGUMENTS):
        pytest.skip("the Java LaunchArguments is not in this checkout")
    java = open(JAVA_LAUNCH_ARGUMENTS, encoding="utf-8").read()
    written = set(__import__("re").findall(r'(?:json\.put|putIfSet)\(\s*(?:json,\s*)?"(\w+)"', java))
    assert written == set(launch_field_names())


# --------------------------------------------------------------------------- framing

def test_broken_frames_never_desynchronise_the_session(client: DapClient) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    broken = [
        b"Content-Length: abc\r\n\r\n{}",
        b"Content-Type: text/plain\r\n\r\n{\"seq\":1}",
        b"Content-Length: 5\r\n\r\nhello",
        b"Content-Length: 4\r\n\r\n\xff\xfe\xfd\xfc",
        b"Content-Length: 1000000000000000\r\n\r\n{}",
        b"random garbage without a header\r\n\r\n",
        b"Content-Length: 10\r\n\r\n{\"seq\":9,\"type\":\"request\",\"command\":\"threads\"}",
    ]
    for frame in broken:
        client.send_raw(frame)
        r = client.wait(lambda m: m.get("type") == "response" and m["request_seq"] == 0)
        assert r["success"] is False and r["message"].startswith("malformed frame: ")
        assert error_id(r) == ErrorId.MALFORMED_FRAME
        threads = client.request("threads")
        assert threads["success"] and threads["body"]["threads"][0]["id"] == 1
    # A too large length swallows the next frame: the reader finds its header and answers it.
    body = json.dumps({"seq": 70, "type": "request", "command": "threads"}).encode()
    client.send_raw(b"Content-Length: 400\r\n\r\n{\"seq\":69,")
    client.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert client.wait(lambda m: m.get("request_seq") == 70)["success"]
    assert client.proc.poll() is None


# --------------------------------------------------------------------------- spec details

def test_exception_breakpoints_answer_one_to_one(client: DapClient) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    r = client.request("setExceptionBreakpoints", {"filters": ["findFailed", "bogus", "actionFailed"],
                                                   "filterOptions": [{"filterId": "nope"},
                                                                     {"filterId": "transitionFailed"}]})
    bps = r["body"]["breakpoints"]
    assert [b["verified"] for b in bps] == [True, False, True, False, True]
    assert "unknown exception filter 'bogus'" in bps[1]["message"] and "'nope'" in bps[3]["message"]
    assert bps[0]["id"] != bps[2]["id"] and "id" not in bps[1]
    assert client.request("setExceptionBreakpoints", {"filters": []})["body"]["breakpoints"] == []
    r = client.request("setExceptionBreakpoints", {"filters": "findFailed"})
    assert not r["success"] and "/arguments/filters" in r["message"]


def _id_position(value: str) -> tuple[int, int]:
    """0-based line and column of the first `"id": "<value>"` value in the demo config."""
    for n, line in enumerate(open(DEMO, encoding="utf-8").read().split("\n")):
        i = line.find(f'"id": "{value}"')
        if i >= 0:
            return n, line.index(f'"{value}"', i + 5)
    raise AssertionError(value)


@pytest.mark.parametrize("lines1, columns1", [(True, True), (False, False)])
def test_line_and_column_numbering_follows_the_client(client: DapClient, lines1: bool, columns1: bool) -> None:
    client.start({"config": DEMO, "backend": "mock"}, [{"name": "state:state-dashboard"}],
                 linesStartAt1=lines1, columnsStartAt1=columns1)
    stopped = client.event("stopped")["body"]
    assert stopped["reason"] == "function breakpoint"
    frame = client.request("stackTrace", {"threadId": 1})["body"]["stackFrames"][0]
    line, column = _id_position("state-dashboard")
    assert frame["line"] == line + (1 if lines1 else 0)
    assert frame["column"] == column + (1 if columns1 else 0)
    assert frame["source"]["path"] == os.path.abspath(DEMO)
    client.request("disconnect")


def test_no_nulls_and_columns_in_a_whole_session(client: DapClient, tmp_path) -> None:
    client.start({"config": DEMO, "backend": "screenshots", "screenshots": SHOTS, "runDir": str(tmp_path)},
                 [{"name": "state:state-dashboard"}])
    client.event("stopped")
    frames = client.request("stackTrace", {"threadId": 1})["body"]["stackFrames"]
    assert all(f["column"] >= 1 for f in frames if "source" in f)
    scopes = client.request("scopes", {"frameId": frames[0]["id"]})
    for s in scopes["body"]["scopes"]:
        client.request("variables", {"variablesReference": s["variablesReference"]})
    client.request("evaluate", {"expression": "activeStates"})
    client.request("continue", {"threadId": 1})
    client.event("exited")
    seen = client.events + client.backlog
    while not client.messages.empty():
        seen.append(client.messages.get())
    standard = [m for m in seen if m.get("type") == "response"
                or (m.get("type") == "event" and not m["event"].startswith("qontinui/"))]
    standard.append(scopes)
    assert len(standard) > 10
    for m in standard:
        assert walk_nulls(m) == [], m
    assert "presentationHint" not in scopes["body"]["scopes"][1]


def test_breakpoints_set_before_launch_are_verified_by_breakpoint_events(client: DapClient) -> None:
    client.request("initialize", {"adapterID": "qontinui"})
    r = client.request("setFunctionBreakpoints", {"breakpoints": [
        {"name": "state:state-dashboard"}, {"name": "action:nope"}, {"name": "bogus"}]})
    early = r["body"]["breakpoints"]
    assert [b["verified"] for b in early] == [False, False, False]
    assert "not checked yet" in early[0]["message"] and "not checked yet" in early[1]["message"]
    assert "breakpoint names are" in early[2]["message"]
    assert client.request("launch", {"config": DEMO, "backend": "mock"})["success"]
    changed = {}
    for _ in range(2):
        ev = client.event("breakpoint")["body"]
        assert ev["reason"] == "changed"
        changed[ev["breakpoint"]["id"]] = ev["breakpoint"]
    assert changed[early[0]["id"]]["verified"] is True and changed[early[0]["id"]]["line"] > 0
    assert changed[early[1]["id"]]["verified"] is False
    assert changed[early[1]["id"]]["message"] == "unknown action 'nope'"
    assert client.request("configurationDone")["success"]
    stopped = client.event("stopped")["body"]
    assert stopped["reason"] == "function breakpoint" and stopped["hitBreakpointIds"] == [early[0]["id"]]
    client.request("disconnect")


# --------------------------------------------------------------------------- lifecycle (within 200 ms)

def long_wait_session(tmp_json, argv: list[str] | None = None) -> DapClient:
    c = DapClient(argv)
    raw = make_config([{"id": "w", "type": "WAIT", "config": {"duration": 30000}}])
    # The screenshots backend waits in real time (the mock backend's clock is virtual).
    c.start({"config": tmp_json(raw), "backend": "screenshots", "screenshots": SHOTS, "noDebug": True})
    c.wait(lambda m: m.get("event") == "qontinui/actionStarted")
    time.sleep(0.3)
    assert c.proc.poll() is None
    return c


def test_terminate_ends_the_run_within_200ms(tmp_json) -> None:
    c = long_wait_session(tmp_json)
    try:
        sent = time.time()
        c.send("terminate")
        exited = c.event("exited")
        assert exited["body"]["exitCode"] == 1 and exited["_t"] - sent < 0.2
    finally:
        c.close()


def test_stdin_eof_ends_the_process_within_200ms(tmp_json) -> None:
    c = long_wait_session(tmp_json)
    t0 = time.time()
    c.proc.stdin.close()  # type: ignore[union-attr]
    c.proc.wait(5)
    assert time.time() - t0 < 0.2


def test_sigterm_ends_the_process_within_200ms(tmp_json) -> None:
    c = long_wait_session(tmp_json)
    t0 = time.time()
    c.proc.send_signal(signal.SIGTERM)
    c.proc.wait(5)
    assert time.time() - t0 < 0.2
    assert c.proc.returncode == 128 + signal.SIGTERM
    assert any(m.get("event") == "terminated" for m in list(c.messages.queue) + c.backlog)


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def test_the_executor_dies_with_its_parent(tmp_path) -> None:
    """A parent killed with SIGKILL (a crashed workbench) takes a mid-run executor with it."""
    cfg = tmp_path / "cfg.json"
    cfg.write_text(json.dumps(make_config([{"id": "w", "type": "WAIT", "config": {"duration": 30000}}])))
    script = (
        "import subprocess, sys, time\n"
        f"p = subprocess.Popen([sys.executable, '-m', 'qontinui_bridge', 'run', {str(cfg)!r}, '--backend', "
        f"'screenshots', '--screenshots', {SHOTS!r}],"
        " stdin=subprocess.PIPE)\n"
        "print(p.pid, flush=True)\n"
        "time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": ROOT})
    try:
        child = int(parent.stdout.readline())  # type: ignore[union-attr]
        while "] run " not in parent.stdout.readline().decode():  # type: ignore[union-attr]
            pass  # the child prints this line as its run starts (guard installed)
        time.sleep(0.2)  # in the 30 s wait
        assert not _gone(child)
        t0 = time.time()
        parent.kill()
        while not _gone(child) and time.time() - t0 < 5:
            time.sleep(0.005)
        assert _gone(child) and time.time() - t0 < 0.2
    finally:
        parent.kill()
        parent.wait()
