# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Clients that do things in an odd order: seeded random sequences of DAP requests (some out of order,
some with wrong or missing arguments, some the adapter does not know) against the real executor. Whatever
the order, every request gets exactly one response, a refusal says why, the executor never writes a
traceback, and it answers disconnect and exits promptly."""

from __future__ import annotations

import json
import os
import random
import time
from typing import Any

import pytest

from dap_client import ROOT, DapClient

DEMO = os.path.join(ROOT, "demo", "demo.json")
SETUP = ["initialize", "launch", "setBreakpoints", "setFunctionBreakpoints", "setExceptionBreakpoints",
         "configurationDone", "threads"]
OTHERS = ["stackTrace", "scopes", "variables", "evaluate", "continue", "next", "stepIn", "stepOut", "pause",
          "setVariable", "source", "loadedSources", "terminate", "restart", "stepBack", "reverseContinue", "goto",
          "attach", "completions", "setExpression", "exceptionInfo", "breakpointLocations", "cancel", "modules",
          "qontinui/retry", "qontinui/skip", "qontinui/abort", "qontinui/updateImage", "noSuchRequest"]


def junk(r: random.Random) -> Any:
    return r.choice([None, 1, -1, 2**40, "x", "", [], {}, {"a": 1}, True, 1.5, "\u00fc\U0001f680", [1, "a"]])


def arguments(command: str, r: random.Random) -> dict[str, Any]:
    if r.random() < 0.2:  # the wrong shape
        return r.choice([{}, {"threadId": junk(r)}, {"breakpoints": junk(r)}, {"config": junk(r)}])
    if command == "initialize":
        return {"adapterID": "fuzz", "linesStartAt1": r.choice([True, False]), "columnsStartAt1": r.choice([True, False])}
    if command == "launch":
        return {"config": DEMO, "backend": "mock", "stopOnEntry": r.choice([True, False]),
                "slowStepMs": r.choice([0, 20, 100]), "noDebug": r.random() < 0.1}
    if command == "setBreakpoints":
        return {"source": {"path": DEMO}, "breakpoints": [{"line": r.randint(-2, 600)} for _ in range(r.randint(0, 4))]}
    if command == "setFunctionBreakpoints":
        return {"breakpoints": [{"name": r.choice(["action:l1", "state:state-dashboard", "x", "", "action:" + "a" * 300])}
                                for _ in range(r.randint(0, 3))]}
    if command == "setExceptionBreakpoints":
        return {"filters": r.sample(["actionFailed", "findFailed", "transitionFailed", "nope"], r.randint(0, 3))}
    if command in ("continue", "next", "stepIn", "stepOut", "pause", "stepBack", "reverseContinue", "stackTrace"):
        return {"threadId": r.choice([1, 1, 1, 2, 0])}
    if command == "scopes":
        return {"frameId": r.randint(0, 5)}
    if command == "variables":
        return {"variablesReference": r.randint(0, 2000)}
    if command == "evaluate":
        return {"expression": r.choice(["1+1", "${x}", "9**9**9", "x", "", "(" * 500, "a.b.c"]),
                "frameId": r.randint(0, 3), "context": r.choice(["repl", "hover", "watch", "x"])}
    if command == "setVariable":
        return {"variablesReference": r.randint(0, 2000), "name": r.choice(["a", "x", ""]), "value": r.choice(["1", "x"])}
    if command == "terminate":
        return {"restart": r.choice([True, False])}
    return {}


@pytest.mark.parametrize("seed", range(12))
def test_any_order_of_requests_gets_one_answer_each(seed: int) -> None:
    r = random.Random(seed)
    client = DapClient()
    try:
        for i in range(r.randint(8, 40)):
            command = r.choice(SETUP if i < 3 else SETUP + OTHERS)
            args = arguments(command, r)
            seq = client.send(command, args)
            response = client.wait(lambda m: m.get("type") == "response" and m.get("request_seq") == seq, timeout=8)
            assert response["command"] == command, response
            assert response["success"] or response.get("message"), (command, args, response)
            if r.random() < 0.2:
                time.sleep(r.random() * 0.2)
        seq = client.send("disconnect", {"terminateDebuggee": True})
        client.wait(lambda m: m.get("type") == "response" and m.get("request_seq") == seq, timeout=8)
        time.sleep(0.2)
        stray = [m for m in client.backlog + list(client.messages.queue) if m.get("type") == "response"]
        assert stray == [], f"responses nobody asked for: {json.dumps(stray)[:500]}"
    finally:
        start = time.monotonic()
        client.close()
        assert time.monotonic() - start < 5, "the executor did not exit after disconnect"
    time.sleep(0.1)
    err = b"".join(client.stderr).decode(errors="replace")
    assert "Traceback" not in err, err[-2000:]
