# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""HIGHLIGHT draws an outline on a real X screen (Xvfb): four override-redirect windows."""

from __future__ import annotations

import copy
import shutil
import threading
import time

import numpy as np
import pytest
from conftest import make_config, start_xvfb

from qontinui_bridge.backends import create_backend
from qontinui_bridge.config import parse_config
from qontinui_bridge.engine import Engine

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed")

REGION = {"x": 200, "y": 150, "width": 120, "height": 80}
GREEN = (0, 200, 40)  # RGB


@pytest.fixture(scope="module")
def xdisplay():
    disp, proc = start_xvfb(200, "640x480x24")
    yield disp
    proc.terminate()
    proc.wait(timeout=5)


def grab(disp: str) -> np.ndarray:
    from PIL import ImageGrab
    return np.asarray(ImageGrab.grab(xdisplay=disp).convert("RGB"))


def is_color(img: np.ndarray, x: int, y: int) -> bool:
    return tuple(int(v) for v in img[y, x]) == GREEN


def start(disp: str, duration: int, thickness: int = 4):
    raw = make_config([{"id": "h", "type": "HIGHLIGHT", "config": {
        "target": {"type": "region", "region": REGION}, "color": "#00C828", "thickness": thickness,
        "duration": duration}}])
    cfg = parse_config(copy.deepcopy(raw))
    events: list = []
    eng = Engine(cfg, create_backend("x11", display=disp), lambda e, b: events.append((e, b)))
    out: dict = {}
    th = threading.Thread(target=lambda: out.update(eng.run(cfg.workflows["wf-main"])), daemon=True)
    th.start()
    return eng, events, out, th


def wait_shown(disp: str, timeout: float = 3.0) -> np.ndarray:
    end = time.time() + timeout
    while time.time() < end:
        img = grab(disp)
        if is_color(img, REGION["x"] - 1, REGION["y"] - 1):
            return img
        time.sleep(0.02)
    raise AssertionError("highlight never appeared")


def test_highlight_draws_outline_then_removes_it(xdisplay) -> None:
    from Xlib import display as xd
    dpy = xd.Display(xdisplay)
    focus_before = dpy.get_input_focus().focus
    before = grab(xdisplay)
    eng, events, out, th = start(xdisplay, 700, thickness=4)
    img = wait_shown(xdisplay)
    x, y, w, h, t = REGION["x"], REGION["y"], REGION["width"], REGION["height"], 4
    # The border band just outside the region, on all four sides and the corners.
    for px, py in [(x - 1, y - 1), (x - t, y - t), (x + w // 2, y - 1), (x + w // 2, y - t), (x + w, y + h),
                   (x + w + t - 1, y + h + t - 1), (x - 1, y + h // 2), (x + w, y + h // 2),
                   (x + w // 2, y + h), (x - t, y + h + t - 1)]:
        assert is_color(img, px, py), (px, py, img[py, px])
    # Inside the region and beyond the band: the screen as it was.
    for px, py in [(x, y), (x + w - 1, y + h - 1), (x + w // 2, y + h // 2), (x + 5, y + 5),
                   (x - t - 1, y - t - 1), (x + w + t, y + h // 2), (x + w // 2, y + h + t)]:
        assert not is_color(img, px, py) and (img[py, px] == before[py, px]).all(), (px, py)
    assert dpy.get_input_focus().focus == focus_before  # no focus stolen
    th.join(5)
    assert out["success"], out
    after = grab(xdisplay)
    assert not is_color(after, x - 1, y - 1) and (after == before).all()
    hl = [b for e, b in events if e == "qontinui/highlight"]
    assert hl == [{"actionId": "h", "region": REGION, "color": "#00C828", "thickness": 4, "durationMs": 700}]
    assert [i["kind"] for i in eng.backend.inputs] == ["highlight"]
    done = [b for e, b in events if e == "qontinui/actionCompleted"][0]
    assert done["success"] and done["durationMs"] >= 650
    dpy.close()


def test_highlight_honours_pause_and_terminate(xdisplay) -> None:
    eng, events, out, th = start(xdisplay, 20000)
    wait_shown(xdisplay)
    t0 = time.time()
    eng.control.request_pause()
    while not any(e == "stopped" for e, _ in events):
        assert time.time() - t0 < 1.0, "pause not honoured during the highlight"
        time.sleep(0.01)
    assert [b["reason"] for e, b in events if e == "stopped"] == ["pause"]
    t1 = time.time()
    eng.control.request_terminate()
    th.join(2)
    assert not th.is_alive() and time.time() - t1 < 1.0
    assert out["error"] == "terminated by user"
    assert not is_color(grab(xdisplay), REGION["x"] - 1, REGION["y"] - 1)  # windows destroyed


def test_highlight_is_recorded_not_drawn_on_mock_and_screenshots(tmp_path) -> None:
    import cv2
    shot = tmp_path / "s.png"
    cv2.imwrite(str(shot), np.full((300, 400, 3), 200, np.uint8))
    raw = make_config([{"id": "h", "type": "HIGHLIGHT", "config": {
        "target": {"type": "coordinates", "x": 10, "y": 20}, "color": "#0000ff", "duration": 5000}}])
    for backend, shots in (("mock", None), ("screenshots", [str(shot)])):
        cfg = parse_config(copy.deepcopy(raw))
        events: list = []
        eng = Engine(cfg, create_backend(backend, shots), lambda e, b: events.append((e, b)))
        t0 = time.time()
        assert eng.run(cfg.workflows["wf-main"])["success"]
        assert time.time() - t0 < 1.0  # nothing drawn, so nothing to wait for
        hl = [b for e, b in events if e == "qontinui/highlight"]
        assert hl[0]["region"] == {"x": 10, "y": 20, "width": 1, "height": 1} and hl[0]["color"] == "#0000FF"
        rec = [i for i in eng.backend.inputs if i["kind"] == "highlight"]
        assert len(rec) == 1 and rec[0]["color"] == "#0000FF" and rec[0]["durationMs"] == 5000
