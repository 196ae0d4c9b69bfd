# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""The dispatcher's guarantees, in-process: exactly one response per request, whatever the handler does."""

from __future__ import annotations

import io
from typing import Any, Iterator

import pytest

from qontinui_bridge import dap
from qontinui_bridge.arguments import NoArguments
from qontinui_bridge.protocol import ErrorId, FrameReader, encode_message


@pytest.fixture
def test_commands() -> Iterator[None]:
    """Three misbehaving handlers, registered the way real ones are, removed afterwards."""
    def raises(session: dap.DapSession, req: dict[str, Any], args: NoArguments) -> None:
        raise ValueError("boom")

    def silent(session: dap.DapSession, req: dict[str, Any], args: NoArguments) -> None:
        pass

    def answers_then_raises(session: dap.DapSession, req: dict[str, Any], args: NoArguments) -> None:
        session.writer.response(req, {"ok": True})
        raise RuntimeError("after the answer")

    def refuses(session: dap.DapSession, req: dict[str, Any], args: NoArguments) -> None:
        raise dap.RequestError("not now", ErrorId.WRONG_STATE)

    names = {"test/raises": raises, "test/silent": silent, "test/twice": answers_then_raises, "test/refuses": refuses}
    for name, fn in names.items():
        dap.request(name)(fn)
    yield
    for name in names:
        del dap.COMMANDS[name]


def converse(requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    data = b"".join(encode_message({"type": "request", "seq": i + 1, **r}) for i, r in enumerate(requests))
    out = io.BytesIO()
    session = dap.DapSession(io.BufferedReader(io.BytesIO(data)), out)
    assert session.serve() == 0
    reader = FrameReader(io.BufferedReader(io.BytesIO(out.getvalue())))
    messages = []
    while (m := reader.read()) is not None:
        messages.append(m)
    return messages


def test_every_request_gets_exactly_one_response(test_commands: None) -> None:
    msgs = converse([{"command": "test/raises"}, {"command": "test/silent"}, {"command": "test/twice"},
                     {"command": "test/refuses"}, {"command": "threads"}])
    responses = [m for m in msgs if m["type"] == "response"]
    assert [r["request_seq"] for r in responses] == [1, 2, 3, 4, 5]
    raised, silent, twice, refused, threads = responses
    assert not raised["success"] and raised["message"] == "test/raises failed: ValueError: boom"
    assert raised["body"]["error"]["id"] == ErrorId.GENERAL
    assert not silent["success"] and "no response was produced" in silent["message"]
    assert twice["success"] and twice["body"] == {"ok": True}
    assert not refused["success"] and refused["message"] == "not now"
    assert refused["body"]["error"]["id"] == ErrorId.WRONG_STATE
    assert threads["success"]
    # The traceback of the crash goes to the client's console, never as a second response.
    assert any(m.get("event") == "output" and "ValueError: boom" in m["body"]["output"] for m in msgs)


def test_a_command_is_registered_once() -> None:
    with pytest.raises(ValueError, match="two handlers"):
        dap.request("threads")(lambda *a: None)


def test_the_table_holds_only_protocol_requests() -> None:
    """No internal method is reachable: every name is a DAP request or a qontinui/ custom request."""
    standard = {"initialize", "launch", "configurationDone", "terminate", "disconnect", "setFunctionBreakpoints",
                "setExceptionBreakpoints", "continue", "next", "stepIn", "stepOut", "stepBack", "reverseContinue",
                "pause", "threads", "stackTrace", "scopes", "variables", "setVariable", "evaluate"}
    assert {c for c in dap.COMMANDS if not c.startswith("qontinui/")} <= standard
