# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""SET_CLIPBOARD / GET_CLIPBOARD against real X clients (Tk) under Xvfb."""

from __future__ import annotations

import time

from desktop_testlib import needs_xvfb, run_actions, tk_clipboard_get

from qontinui_desktop.clipboard import ClipboardOwner, convert_selection

pytestmark = needs_xvfb
UNICODE = "Grüße ✓ — 日本語 clipboard"


def test_set_clipboard_is_pasted_by_another_app(xdisplay) -> None:
    r = run_actions([{"id": "s", "type": "SET_CLIPBOARD", "config": {"text": UNICODE}}], display=xdisplay)
    assert r.body["success"], r.body
    assert r.result("s")["data"] == {"length": len(UNICODE), "selection": "CLIPBOARD"}
    # The run is over, but the owner thread keeps serving for the life of this process.
    assert tk_clipboard_get(xdisplay, "UTF8_STRING") == {"text": UNICODE}
    # STRING is Latin-1: what Latin-1 can carry survives, the rest becomes '?'.
    assert tk_clipboard_get(xdisplay, "STRING") == {"text": "Grüße ? ? ??? clipboard"}


def test_set_from_variable_and_get_roundtrip(xdisplay) -> None:
    r = run_actions([
        {"id": "v", "type": "SET_VARIABLE", "config": {"variableName": "greeting", "value": "hi ${who}"}},
        {"id": "w", "type": "SET_VARIABLE", "config": {"variableName": "who", "value": "there"}},
        {"id": "s", "type": "SET_CLIPBOARD", "config": {"text": "${greeting}, ${who}!"}},
        {"id": "g", "type": "GET_CLIPBOARD", "config": {"outputVariable": "clip", "scope": "process"}},
        {"id": "s2", "type": "SET_CLIPBOARD", "config": {"variable": "clip"}},
        {"id": "g2", "type": "GET_CLIPBOARD", "config": {"outputVariable": "clip2", "scope": "process"}},
    ], display=xdisplay)
    assert r.body["success"], r.body
    assert r.engine.vars.process["clip"] == "hi ${who}, there!"
    assert r.engine.vars.process["clip2"] == "hi ${who}, there!"
    assert r.result("g2")["data"]["text"] == "hi ${who}, there!"
    assert r.result("g")["data"]["type"] == "UTF8_STRING"


def test_get_clipboard_from_tk_and_losing_ownership(xdisplay, tk_owner) -> None:
    run_actions([{"id": "s", "type": "SET_CLIPBOARD", "config": {"text": "ours"}}], display=xdisplay)
    owner = ClipboardOwner.for_display(xdisplay)
    assert owner.owns("CLIPBOARD")
    tk_owner("from Tk € ✓")  # another app copies: we get SelectionClear
    deadline = time.time() + 3
    while owner.owns("CLIPBOARD") and time.time() < deadline:
        time.sleep(0.02)
    assert not owner.owns("CLIPBOARD") and "CLIPBOARD" in owner.lost
    r = run_actions([{"id": "g", "type": "GET_CLIPBOARD", "config": {"outputVariable": "clip"}},
                     {"id": "s", "type": "SET_CLIPBOARD", "config": {"variable": "clip"}},
                     {"id": "s2", "type": "SET_CLIPBOARD", "config": {"text": "ours again"}}], display=xdisplay)
    assert r.body["success"], r.body
    assert r.result("g")["data"]["text"] == "from Tk € ✓"
    assert r.result("s")["data"]["length"] == len("from Tk € ✓")  # the variable was set
    assert "from Tk" in r.result("g")["message"]
    assert tk_clipboard_get(xdisplay) == {"text": "ours again"}  # re-acquired from Tk


class _Ctx:
    def sleep(self, s: float) -> None:
        time.sleep(s)


def test_owner_serves_targets_and_timestamp(xdisplay) -> None:
    from Xlib import display
    run_actions([{"id": "s", "type": "SET_CLIPBOARD", "config": {"text": "abc"}}], display=xdisplay)
    dpy = display.Display(xdisplay)
    try:
        ptype, targets = convert_selection(_Ctx(), dpy, "CLIPBOARD", "TARGETS", 2.0)
        assert ptype == "ATOM"
        assert {dpy.get_atom_name(a) for a in targets} == {
            "TARGETS", "TIMESTAMP", "UTF8_STRING", "text/plain;charset=utf-8", "TEXT", "STRING"}
        ptype, stamp = convert_selection(_Ctx(), dpy, "CLIPBOARD", "TIMESTAMP", 2.0)
        assert ptype == "INTEGER" and len(stamp) == 1 and stamp[0] > 0
        assert convert_selection(_Ctx(), dpy, "CLIPBOARD", "TEXT", 2.0) == ("UTF8_STRING", b"abc")
        assert convert_selection(_Ctx(), dpy, "CLIPBOARD", "image/png", 2.0) is None  # refused target
        assert convert_selection(_Ctx(), dpy, "CLIPBOARD", "UTF8_STRING", 2.0) == ("UTF8_STRING", b"abc")
    finally:
        dpy.close()


def test_get_clipboard_without_owner_fails_clearly(xdisplay) -> None:
    r = run_actions([{"id": "g", "type": "GET_CLIPBOARD",
                      "config": {"outputVariable": "x", "selection": "SECONDARY"}}], display=xdisplay)
    assert not r.body["success"]
    msg = r.result("g")["message"]
    assert msg.startswith("GET_CLIPBOARD: no application owns the SECONDARY selection on " + xdisplay), msg
    assert "x" not in r.engine.vars.merged()


def test_get_clipboard_times_out_on_a_silent_owner(xdisplay) -> None:
    from Xlib import X, display
    dpy = display.Display(xdisplay)  # owns SECONDARY, never reads its events
    try:
        w = dpy.screen().root.create_window(0, 0, 1, 1, 0, X.CopyFromParent)
        w.set_selection_owner(dpy.intern_atom("SECONDARY"), X.CurrentTime)
        dpy.sync()
        t0 = time.perf_counter()
        r = run_actions([{"id": "g", "type": "GET_CLIPBOARD",
                          "config": {"outputVariable": "x", "selection": "SECONDARY", "timeout": 300}}],
                        display=xdisplay)
        took = time.perf_counter() - t0
    finally:
        dpy.close()
    assert not r.body["success"]
    assert r.result("g")["message"] == \
        "GET_CLIPBOARD: the SECONDARY owner did not answer a UTF8_STRING request within 0.3s"
    assert 0.25 < took < 2.0


def test_set_clipboard_config_errors(xdisplay) -> None:
    r = run_actions([{"id": "a", "type": "SET_CLIPBOARD", "config": {"variable": "nope"}}], display=xdisplay)
    assert r.result("a")["message"] == "SET_CLIPBOARD: variable 'nope' is not set"
    r = run_actions([{"id": "a", "type": "SET_CLIPBOARD", "config": {}}], display=xdisplay)
    assert r.result("a")["message"] == "SET_CLIPBOARD needs 'text' or 'variable'"
    r = run_actions([{"id": "a", "type": "SET_CLIPBOARD", "config": {"text": "x", "selection": "FOO"}}],
                    display=xdisplay)
    assert "selection must be one of CLIPBOARD, PRIMARY, SECONDARY" in r.result("a")["message"]
    r = run_actions([{"id": "a", "type": "SET_CLIPBOARD", "config": {"text": "x" * 300000}}], display=xdisplay)
    assert "INCR transfers are not supported" in r.result("a")["message"]
    r = run_actions([{"id": "a", "type": "SET_CLIPBOARD", "config": {"text": "pw", "sensitive": True}}],
                    display=xdisplay)
    assert r.result("a")["message"] == "CLIPBOARD set to ** (2 chars)" and "pw" not in r.logs


def test_get_clipboard_reads_incremental_transfers(xdisplay, tk_owner) -> None:
    big = "".join(f"line {i:05d} ✓\n" for i in range(7000))  # ~105 KB: Tk sends it with INCR
    tk_owner(big)
    r = run_actions([{"id": "g", "type": "GET_CLIPBOARD", "config": {"outputVariable": "clip", "timeout": 3000}}],
                    display=xdisplay)
    assert r.body["success"], r.body
    assert r.result("g")["data"]["text"] == big
