# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Real end-to-end run under Xvfb against a Tk login app moved between two positions."""

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
from conftest import ROOT, png_b64, texture, start_xvfb

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed")
APP = os.path.join(os.path.dirname(__file__), "tk_login_app.py")


@pytest.fixture(scope="module")
def xdisplay():
    disp, proc = start_xvfb(140, "1024x768x24")
    yield disp
    proc.terminate()
    proc.wait(timeout=5)


def start_app(disp: str, log: str, x: int, y: int) -> tuple[subprocess.Popen, dict]:
    if os.path.exists(log):
        os.remove(log)
    p = subprocess.Popen([sys.executable, APP, log, str(x), str(y)], env={**os.environ, "DISPLAY": disp})
    for _ in range(100):
        if os.path.exists(log):
            lines = [json.loads(l) for l in open(log)]
            ready = [l for l in lines if l["event"] == "ready"]
            if ready:
                time.sleep(0.2)
                return p, ready[0]
        time.sleep(0.05)
    p.kill()
    raise AssertionError("Tk app did not start")


def grab(disp: str) -> np.ndarray:
    from PIL import ImageGrab
    return cv2.cvtColor(np.asarray(ImageGrab.grab(xdisplay=disp).convert("RGB")), cv2.COLOR_RGB2BGR)


def crop(img: np.ndarray, box: list[int]) -> np.ndarray:
    x, y, w, h = box
    return img[y:y + h, x:x + w].copy()


def build_config(images: dict[str, np.ndarray], ready: dict) -> dict:
    dx = ready["user_entry"][0] + 20 - (ready["user_label"][0] + ready["user_label"][2] // 2)

    def click_field(aid: str, image: str) -> dict:
        return {"id": aid, "type": "CLICK", "config": {"target": {"type": "image", "imageIds": [image], "searchOptions": {
            "adjustment": {"targetOffset": {"x": dx, "y": 0}}}}}}
    return {
        "version": "2.0.0", "metadata": {"name": "tk e2e"},
        "images": [{"id": k, "data": png_b64(v)} for k, v in images.items()],
        "states": [
            {"id": "login", "name": "Login", "isInitial": True, "stateImages": [
                {"id": "si-user", "patterns": [{"id": "p1", "imageId": "user_label"}]},
                {"id": "si-btn", "patterns": [{"id": "p2", "imageId": "button"}]}]},
            {"id": "welcome", "name": "Welcome", "stateImages": []}],
        "transitions": [{"id": "t-login", "type": "OutgoingTransition", "fromState": "login", "toState": "welcome",
                         "workflows": ["wf-login"]}],
        "workflows": [
            {"id": "wf-login", "name": "login", "actions": [
                click_field("c1", "si-user"),
                {"id": "t1", "type": "TYPE", "config": {"text": "alice_Ω"}},
                click_field("c2", "pass_label"),
                {"id": "t2", "type": "TYPE", "config": {"text": "S3cret!"}},
                {"id": "f", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["si-btn"],
                                                                   "searchOptions": {"similarity": 0.9, "timeout": 2000}}}},
                {"id": "c3", "type": "CLICK", "config": {"target": {"type": "lastFindResult"}}},
                {"id": "w", "type": "VANISH", "config": {"target": {"type": "image", "imageIds": ["si-btn"]},
                                                          "maxWaitTime": 3000, "pollInterval": 100}}]},
            {"id": "wf-main", "name": "Main", "actions": [
                {"id": "g", "type": "GO_TO_STATE", "config": {"stateIds": ["welcome"]}}]}],
        "categories": [{"name": "Main", "automationEnabled": True}],
        "settings": {"recognition": {"defaultThreshold": 0.9}},
    }


def test_login_app_end_to_end(xdisplay, tmp_path) -> None:
    log = str(tmp_path / "app.log")
    app, ready = start_app(xdisplay, log, 30, 40)
    try:
        shot = grab(xdisplay)
        images = {k: crop(shot, ready[k]) for k in ("user_label", "pass_label", "button")}
    finally:
        app.kill()
        app.wait()
    cfg = build_config(images, ready)
    path = tmp_path / "cfg.json"
    path.write_text(json.dumps(cfg))
    app, ready2 = start_app(xdisplay, log, 520, 390)  # a different place on screen
    assert ready2["button"][:2] != ready["button"][:2]
    try:
        env = {**os.environ, "DISPLAY": xdisplay, "PYTHONPATH": ROOT}
        p = subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", str(path), "--backend", "x11",
                            "--workflow", "wf-main", "--out", str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 0, p.stdout + p.stderr
        assert "RUN PASSED" in p.stdout
        events = [json.loads(l) for l in open(log)]
        login = [e for e in events if e["event"] == "login"]
        assert login == [{"event": "login", "user": "alice_Ω", "password": "S3cret!"}]
        bx, by, bw, bh = ready2["button"]
        clicks = [e for e in events if e["event"] == "click"]
        assert any(bx <= c["x"] < bx + bw and by <= c["y"] < by + bh for c in clicks)
        assert os.path.isfile(tmp_path / "out" / "events.jsonl")
    finally:
        app.kill()
        app.wait()

    # Negative case: an image that is not on screen fails with a diagnostic and a screenshot.
    app, _ = start_app(xdisplay, log, 100, 100)
    try:
        cfg["images"].append({"id": "ghost", "data": png_b64(texture(60, 30, 3))})
        cfg["workflows"][1]["actions"] = [{"id": "nf", "type": "FIND", "config": {"target": {
            "type": "image", "imageIds": ["ghost"], "searchOptions": {"similarity": 0.9, "timeout": 300}}}}]
        path.write_text(json.dumps(cfg))
        out = tmp_path / "neg"
        p = subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", str(path), "--backend", "x11",
                            "--workflow", "Main", "--out", str(out)], capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 1, p.stdout + p.stderr
        line = next(l for l in p.stdout.splitlines() if "action nf FIND FAILED" in l)
        assert "<0.90" in line and "score=" in line
        assert "RUN FAILED" in p.stdout
        shots = [f for f in os.listdir(out) if f.startswith("failure-") and f.endswith(".png")]
        assert shots and cv2.imread(str(out / shots[0])) is not None
    finally:
        app.kill()
        app.wait()
