# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Monitors of a multi-screen X display: Xvfb with two screens joined by Xinerama.

Xvfb lays its Xinerama heads on top of each other (both at 0,0; here 1024x768 and 640x480), so
monitor 1 is the top-left 640x480 of the root window. A Tk login app runs twice: one window on
both heads (60,60), one only on head 0 (620,520). Searching monitor 1 must ignore the second
window, report root-window coordinates and click where the first window's button is.
Side-by-side monitors (non-zero offsets) are covered in test_vision_screens.py on a synthetic frame.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import cv2
import numpy as np
import pytest
from conftest import completed, make_config, run

from qontinui_bridge.backends import create_backend
from qontinui_bridge.config import Region

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed")
APP = os.path.join(os.path.dirname(__file__), "tk_login_app.py")


@pytest.fixture(scope="module")
def two_screens():
    for n in range(230, 290):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            break
    proc = subprocess.Popen(["Xvfb", f":{n}", "+xinerama", "-screen", "0", "1024x768x24", "-screen", "1",
                             "640x480x24", "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            break
        time.sleep(0.05)
    time.sleep(0.3)
    yield f":{n}"
    proc.terminate()
    proc.wait(timeout=5)


def start_app(disp: str, log: str, x: int, y: int) -> tuple[subprocess.Popen, dict]:
    p = subprocess.Popen([sys.executable, APP, log, str(x), str(y)], env={**os.environ, "DISPLAY": disp})
    for _ in range(200):
        if os.path.exists(log):
            ready = [r for r in (json.loads(line) for line in open(log)) if r["event"] == "ready"]
            if ready:
                time.sleep(0.3)
                return p, ready[0]
        time.sleep(0.05)
    p.kill()
    raise AssertionError("Tk app did not start")


def clicks(log: str) -> list[dict]:
    return [r for r in (json.loads(line) for line in open(log)) if r["event"] == "click"]


def test_monitor_selects_a_xinerama_screen(two_screens, tmp_path, monkeypatch) -> None:
    disp = two_screens
    both_log, only0_log = str(tmp_path / "both.jsonl"), str(tmp_path / "only0.jsonl")
    a, ready_a = start_app(disp, both_log, 60, 60)
    b, ready_b = start_app(disp, only0_log, 620, 520)
    try:
        backend = create_backend("x11", display=disp, monitor=1)
        assert backend.monitor_areas() == [Region(0, 0, 1024, 768), Region(0, 0, 640, 480)]
        frame = backend.screen()
        assert frame is not None and frame.size == (1024, 768) and frame.monitor == 1
        x, y, w, h = ready_b["button"]
        button = frame.bgr[y:y + h, x:x + w].copy()
        cv2.imwrite(str(tmp_path / "button.png"), button)
        monkeypatch.setenv("DISPLAY", disp)
        raw = make_config([{"id": "f", "type": "FIND", "config": {"target": {
            "type": "image", "imageIds": ["login"], "searchOptions": {"searchStrategy": "ALL", "similarity": 0.95}}}}],
            images={"login": button})
        # Monitor 0 (head 0, the whole root): both Login buttons.
        body, evs, _ = run(raw, backend="x11")
        found = sorted((m["x"], m["y"]) for m in [b for e, b in evs if e == "qontinui/match"][-1]["matches"])
        ax, ay = ready_a["button"][:2]
        assert body["success"] and found == [(ax, ay), (x, y)]
        # A state image's monitors[0] overrides the launch's monitor (here: none given, i.e. 0); before
        # the click below, which logs the first window in and takes its button away.
        raw_si = make_config([{"id": "f", "type": "FIND", "config": {"target": {
            "type": "image", "imageIds": ["si-login"], "searchOptions": {"searchStrategy": "ALL", "similarity": 0.95}}}}],
            states=[{"id": "s1", "name": "S1", "isInitial": True, "stateImages": [
                {"id": "si-login", "name": "login", "monitors": [1], "patterns": [{"id": "p", "imageId": "login"}]}]}],
            images={"login": button})
        body, evs, _ = run(raw_si, backend="x11")
        found = [(m["x"], m["y"]) for m in [bd for e, bd in evs if e == "qontinui/match"][-1]["matches"]]
        assert body["success"] and found == [(ax, ay)], (completed(evs), found)
        # Monitor 1: only the window on head 1, in root coordinates; a click lands on its button.
        eng_backend = create_backend("x11", display=disp, monitor=1)
        raw["workflows"][0]["actions"].append(
            {"id": "c", "type": "CLICK", "config": {"target": {"type": "image", "imageIds": ["login"]}}})
        from qontinui_bridge.config import parse_config
        from qontinui_bridge.engine import Engine
        events: list = []
        eng = Engine(parse_config(raw), eng_backend, lambda e, bd: events.append((e, bd)))
        eng.control.debug = False
        result = eng.run(eng.config.default_workflow())
        assert result["success"], {k: v.get("message") for k, v in completed(events).items()}
        found = [(m["x"], m["y"]) for m in [bd for e, bd in events if e == "qontinui/match"][0]["matches"]]
        assert found == [(ax, ay)]
        time.sleep(0.3)
        got = clicks(both_log)
        aw, ah = ready_a["button"][2:]
        assert got and ax <= got[-1]["x"] < ax + aw and ay <= got[-1]["y"] < ay + ah, (got, ready_a["button"])
        assert not clicks(only0_log)
        # A monitor the display does not have: a clear error when the backend starts.
        with pytest.raises(ValueError, match="monitor 2 does not exist.*2 screen"):
            create_backend("x11", display=disp, monitor=2)
    finally:
        for p in (a, b):
            p.kill()
            p.wait(timeout=5)


def test_monitor_launch_argument_reaches_the_backend_over_the_cli(two_screens, tmp_path) -> None:
    """`python -m qontinui_bridge run --monitor 1`: the FIND is confined to head 1."""
    disp = two_screens
    log = str(tmp_path / "only0.jsonl")
    p, ready = start_app(disp, log, 620, 520)
    try:
        frame = create_backend("x11", display=disp).capture()
        x, y, w, h = ready["button"]
        raw = make_config([{"id": "f", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["login"]}}}],
                          images={"login": np.ascontiguousarray(frame[y:y + h, x:x + w])})
        cfg = tmp_path / "cfg.json"
        cfg.write_text(json.dumps(raw))
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env = {**os.environ, "DISPLAY": disp, "PYTHONPATH": root}
        out = {}
        for mon in ("0", "1"):
            r = subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", str(cfg), "--backend", "x11",
                                "--monitor", mon], env=env, capture_output=True, text=True, timeout=60)
            out[mon] = r
        assert out["0"].returncode == 0, out["0"].stdout + out["0"].stderr
        assert out["1"].returncode != 0 and "not found" in out["1"].stdout + out["1"].stderr
    finally:
        p.kill()
        p.wait(timeout=5)
