# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""WAIT_FOR_COLOR on the x11, screenshots and mock backends, incl. pause/terminate."""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
import pytest
from desktop_testlib import build_engine, needs_xvfb, run_actions

from qontinui_bridge.engine import RunControl
from qontinui_desktop.color import parse_color


def _wait(**cfg) -> dict:
    return {"id": "w", "type": "WAIT_FOR_COLOR", "config": cfg}


@pytest.fixture
def shots(tmp_path):
    img = np.full((100, 200, 3), 255, np.uint8)
    img[40:60, 90:110] = (0, 192, 0)  # BGR: #00C000
    img[10, 10] = (30, 20, 10)        # BGR -> #0A141E
    p = tmp_path / "00.png"
    cv2.imwrite(str(p), img)
    return [str(p)]


def test_parse_color() -> None:
    assert parse_color("#00C000") == (0, 192, 0)
    assert parse_color("ff8000") == (255, 128, 0)
    assert parse_color("#f80") == (255, 136, 0)
    assert parse_color([1, 2, 3]) == (1, 2, 3)
    for bad in ("green", "#12345", None, [1, 2, 300]):
        with pytest.raises(ValueError):
            parse_color(bad)


def test_screenshots_backend_checks_the_current_screenshot(shots) -> None:
    r = run_actions([_wait(x=100, y=50, color="#00C000", outputVariable="seen")], backend="screenshots",
                    screenshots=shots)
    assert r.body["success"], r.body
    assert r.result("w")["data"]["color"] == "#00C000"
    assert r.result("w")["message"].startswith("pixel (100,50) is #00C000 (wanted #00C000) after ")
    # Not there: fails at once (a replayed screen does not change while we wait) with the last colour.
    t0 = time.perf_counter()
    r = run_actions([_wait(x=10, y=10, color="#000000", tolerance=25, timeout=5000)], backend="screenshots",
                    screenshots=shots)
    assert time.perf_counter() - t0 < 1.5
    assert r.result("w")["message"] == \
        "pixel (10,10) is #0A141E, wanted #000000 ±25 (difference 30) on the current screenshot"
    assert r.result("w")["data"]["difference"] == 30
    r = run_actions([_wait(x=10, y=10, color="#000000", tolerance=30)], backend="screenshots", screenshots=shots)
    assert r.body["success"], r.body


def test_argument_errors(shots) -> None:
    cases = [({"y": 1, "color": "#000000"}, "WAIT_FOR_COLOR needs 'x' and 'y'"),
             ({"x": 1, "y": 1, "color": "red"}, "color must be '#RRGGBB', not 'red'"),
             ({"x": 1, "y": 1, "color": "#000000", "tolerance": 300}, "tolerance must be 0-255, not 300"),
             ({"x": 500, "y": 1, "color": "#000000"}, "pixel (500,1) is outside the 200x100 screen")]
    for cfg, msg in cases:
        r = run_actions([_wait(**cfg)], backend="screenshots", screenshots=shots)
        assert r.result("w")["message"] == msg


def test_mock_backend_is_a_dry_run() -> None:
    r = run_actions([_wait(x=1, y=2, color="#123456")], backend="mock")
    assert r.body["success"]
    assert r.result("w")["message"] == "mock backend has no screen: assumed (1,2) is #123456"


@needs_xvfb
def test_x11_waits_for_the_canvas_to_turn_green(xdisplay, apps) -> None:
    app = apps("Color app", "400x240+40+40")
    cx, cy, cw, ch = app.ready["canvas"]
    bx, by, bw, bh = app.ready["button"]
    px, py = cx + cw // 2, cy + ch // 2
    r = run_actions([{"id": "red", "type": "WAIT_FOR_COLOR", "config": {"x": px, "y": py, "color": "#C00000",
                                                                          "timeout": 0}}], display=xdisplay)
    assert r.body["success"], r.body
    r = run_actions([{"id": "early", "type": "WAIT_FOR_COLOR", "config": {
        "x": px, "y": py, "color": "#00C000", "tolerance": 8, "timeout": 150, "pollInterval": 50}}], display=xdisplay)
    msg = r.result("early")["message"]
    assert msg.startswith(f"pixel ({px},{py}) is #C00000, wanted #00C000 ±8 (difference 192) after 0.1s ("), msg
    r = run_actions([
        {"id": "c", "type": "CLICK", "config": {"target": {"type": "coordinates", "x": bx + bw // 2, "y": by + bh // 2}}},
        {"id": "g", "type": "WAIT_FOR_COLOR", "config": {
            "x": px, "y": py, "color": "#00C000", "tolerance": 8, "timeout": 3000, "pollInterval": 50}},
    ], display=xdisplay)
    assert r.body["success"], r.body
    assert r.result("g")["data"]["checks"] >= 2  # the canvas turns green 300 ms after the click
    assert app.events("color")


def _threaded(actions, **kw):
    done = threading.Event()
    stopped = threading.Event()
    control = RunControl()
    engine, events = build_engine(actions, control=control,
                                  on_event=lambda e, b: stopped.set() if e == "stopped" else None, **kw)
    out: dict = {}

    def go() -> None:
        try:
            out["body"] = engine.run(engine.config.workflows["wf-main"])
        finally:
            engine.backend.close()
            done.set()
    threading.Thread(target=go, daemon=True).start()
    return control, done, stopped, out, events


@needs_xvfb
def test_terminate_and_pause_during_the_wait(xdisplay) -> None:
    never = _wait(x=5, y=5, color="#010203", timeout=20000, pollInterval=500)
    control, done, _, out, _ = _threaded([never], display=xdisplay)
    time.sleep(0.3)
    t0 = time.perf_counter()
    control.request_terminate()
    assert done.wait(2)
    assert time.perf_counter() - t0 < 0.3  # not at the next 500 ms poll: in the 20 ms slice
    assert out["body"]["error"] == "terminated by user"

    short = _wait(x=5, y=5, color="#010203", timeout=600, pollInterval=100)
    control, done, stopped, out, events = _threaded([short], display=xdisplay)
    time.sleep(0.2)
    t0 = time.perf_counter()
    control.request_pause()
    assert stopped.wait(1) and time.perf_counter() - t0 < 0.2
    time.sleep(0.8)  # longer than the whole timeout: paused, so still running
    assert not done.is_set()
    control.resume()
    assert done.wait(3)
    assert not out["body"]["success"]
    assert "wanted #010203" in out["body"]["error"]
    assert [e for e, _ in events if e in ("stopped", "continued")] == ["stopped", "continued"]
