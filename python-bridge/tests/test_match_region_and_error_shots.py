# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""qontinui/match region + regionPng, and the screenshotOnError switch (launch, settings, CLI)."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys

import cv2
import numpy as np
import pytest
from conftest import ROOT, completed, make_config, run, screen_with, state, texture
from dap_client import DapClient


def decode(b64: str) -> np.ndarray:
    assert not b64.startswith("data:")
    img = cv2.imdecode(np.frombuffer(base64.b64decode(b64), np.uint8), cv2.IMREAD_COLOR)
    assert img is not None
    return img


@pytest.fixture
def screen(tmp_path):
    btn, big = texture(64, 32, 11), texture(320, 200, 13)
    scr = screen_with([(btn, 300, 200), (big, 400, 300)])
    p = tmp_path / "00.png"
    cv2.imwrite(str(p), scr)
    return {"btn": btn, "big": big, "ghost": texture(50, 40, 77)}, [str(p)], scr


def matches(events):
    return {b["actionId"]: b for e, b in events if e == "qontinui/match"}


def test_match_event_has_region_and_region_png(screen) -> None:
    images, files, scr = screen
    acts = [{"id": f, "type": "FIND", "config": {"target": {"type": "image", "imageIds": [f]},
                                                   **({"searchOptions": {"similarity": 0.95}} if f == "ghost" else {})}}
            for f in ("btn", "big", "ghost")]
    raw = make_config(acts, images=images, settings={"execution": {"failureStrategy": "continue"}})
    body, events, _ = run(raw, "screenshots", files)
    m = matches(events)
    # Found, template smaller than the cap: exactly the screen crop at the match.
    assert m["btn"]["found"] and m["btn"]["region"] == {"x": 300, "y": 200, "width": 64, "height": 32}
    png = decode(m["btn"]["regionPng"])
    assert png.shape[:2] == (32, 64) and (png == scr[200:232, 300:364]).all()
    # Larger than 160x160: downscaled to fit, aspect kept.
    assert m["big"]["region"] == {"x": 400, "y": 300, "width": 320, "height": 200}
    png = decode(m["big"]["regionPng"])
    assert png.shape[:2] == (100, 160)
    ref = cv2.resize(scr[300:500, 400:720], (160, 100), interpolation=cv2.INTER_AREA)
    assert np.abs(png.astype(int) - ref.astype(int)).max() <= 1
    # Not found: the best (below-threshold) location, template-sized, still shown.
    g = m["ghost"]
    assert not g["found"] and g["score"] < 0.95
    assert g["region"] == {**g["location"], "width": 50, "height": 40}
    png = decode(g["regionPng"])
    x, y = g["location"]["x"], g["location"]["y"]
    assert png.shape[:2] == (40, 50) and (png == scr[y:y + 40, x:x + 50]).all()
    # The actionCompleted summary stays small.
    assert "regionPng" not in completed(events)["btn"]["match"]
    assert len(json.dumps(m["big"])) < 60_000


def test_mock_backend_match_has_region_but_no_png() -> None:
    raw = make_config([{"id": "f", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["btn"]}}}],
                      images={"btn": texture(64, 32, 11)}, states=[state("s1", ["btn"], isInitial=True)])
    body, events, _ = run(raw, "mock")
    m = matches(events)["f"]
    assert body["success"] and m["region"] == {"x": 0, "y": 0, "width": 64, "height": 32}
    assert "regionPng" not in m


def failing(settings=None):
    images = {"ghost": texture(50, 40, 77)}
    return make_config([{"id": "g", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["ghost"],
                                                                          "searchOptions": {"similarity": 0.95}}}}],
                       images=images, settings=settings)


def shots_saved(events, run_dir) -> tuple[list, list]:
    ev = [b for e, b in events if e == "qontinui/screenshot"]
    files = [f for f in os.listdir(run_dir)] if os.path.isdir(run_dir) else []
    return ev, files


def test_screenshot_on_error_setting_and_engine_argument(screen, tmp_path) -> None:
    _, files, _ = screen
    cases = [({}, None, True), ({"logging": {"screenshotOnError": False}}, None, False),
             ({"logging": {"screenshotOnError": True}}, False, False),   # launch argument wins
             ({"logging": {"screenshotOnError": False}}, True, True)]
    for i, (settings, arg, expect) in enumerate(cases):
        run_dir = str(tmp_path / f"run{i}")
        body, events, _ = run(failing(settings), "screenshots", files, run_dir=run_dir, screenshot_on_error=arg)
        assert not body["success"]
        ev, saved = shots_saved(events, run_dir)
        assert bool(ev) == expect and bool(saved) == expect, (settings, arg)


def test_screenshot_on_error_launch_argument(screen, tmp_path, tmp_json) -> None:
    _, files, _ = screen
    cfg = tmp_json(failing())
    for flag, expect in ((False, False), (None, True)):
        run_dir = str(tmp_path / f"dap-{flag}")
        c = DapClient()
        try:
            launch = {"config": cfg, "backend": "screenshots", "screenshots": files, "runDir": run_dir, "noDebug": True}
            if flag is not None:
                launch["screenshotOnError"] = flag
            c.start(launch)
            assert not c.event("qontinui/runCompleted")["body"]["success"]
            c.event("exited")
            got = [e for e in c.events if e["event"] == "qontinui/screenshot"]
            assert bool(got) == expect
            # The run folder always holds the run record (events.jsonl); only screenshots depend on the flag.
            shots = [f for _, _, fs in os.walk(run_dir) for f in fs if f.endswith(".png")]
            assert bool(shots) == expect
        finally:
            c.request("disconnect", {})
            c.close()


def test_cli_no_screenshot_on_error_flag(screen, tmp_path, tmp_json) -> None:
    _, files, _ = screen
    cfg = tmp_json(failing())
    env = {**os.environ, "PYTHONPATH": ROOT}
    for extra, expect in (([], True), (["--no-screenshot-on-error"], False)):
        out = tmp_path / ("cli" + str(len(extra)))
        p = subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", cfg, "--backend", "screenshots",
                            "--screenshots", os.path.dirname(files[0]), "--out", str(out), *extra],
                           capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 1, p.stdout + p.stderr
        pngs = [f for f in os.listdir(out) if f.startswith("failure-")]
        events = [json.loads(line)["event"] for line in open(out / "events.jsonl")]
        assert bool(pngs) == expect and ("qontinui/screenshot" in events) == expect
