# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Cuts the scenario's templates on Xvfb and writes its configuration (scenario.json).

Run it again whenever scenario_app.py changes how a page looks:
    /usr/bin/python3 python-bridge/tests/scenarios/make_config.py
It starts the application calm (no nuisance) on a private Xvfb once per page, takes each widget's box
from the application's log, crops it from a real X11 capture and embeds the PNGs in the config.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import cv2

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))
from conftest import start_xvfb  # noqa: E402

from qontinui_bridge.backends.x11 import X11Backend  # noqa: E402

APP = HERE / "scenario_app.py"
OUT = HERE / "scenario.json"
PAGES = {  # page to show -> widgets to cut on it
    "login": ["login-title", "login-user-label", "login-pass-label", "login-button"],
    "dashboard": ["dash-title", "dash-add"],
    "form": ["form-title", "form-name-label", "form-save"],
    "saved": ["saved-banner"],
    "popup": ["popup-title", "popup-ok"],
}


def cut(display: str, page: str, workdir: Path) -> tuple[dict[str, object], dict[str, list[int]]]:
    log = workdir / f"{page}.jsonl"
    log.unlink(missing_ok=True)
    env = {**os.environ, "DISPLAY": display}
    app = subprocess.Popen([sys.executable, str(APP), "--log", str(log), "--calm", "--page", page,
                            "--x", "60", "--y", "40"], env=env)
    try:
        boxes = None
        for _ in range(100):
            time.sleep(0.1)
            if log.exists():
                ready = [json.loads(line) for line in log.read_text().splitlines() if '"ready"' in line]
                if ready:
                    boxes = ready[0]["boxes"]
                    break
        assert boxes, f"the application did not get ready on page {page}"
        time.sleep(0.3)
        screen = X11Backend(display).capture()
        crops = {}
        for wid in PAGES[page]:
            x, y, w, h = boxes[wid]
            crops[wid] = screen[y:y + h, x:x + w].copy()
        return crops, boxes
    finally:
        app.terminate()
        app.wait(5)


def png(img) -> str:
    ok, buf = cv2.imencode(".png", img)
    assert ok
    return base64.b64encode(buf.tobytes()).decode()


def center(b: list[int]) -> tuple[int, int]:
    return b[0] + b[2] // 2, b[1] + b[3] // 2


def main() -> None:
    display, xvfb = start_xvfb(150, "1024x768x24")
    workdir = Path("/tmp") / f"scenario-templates-{os.getpid()}"
    workdir.mkdir(exist_ok=True)
    try:
        crops: dict[str, object] = {}
        boxes: dict[str, list[int]] = {}
        for page in PAGES:
            c, b = cut(display, page, workdir)
            crops.update(c)
            boxes.update(b)
    finally:
        xvfb.terminate()

    def offset(label: str, entry: str) -> dict[str, object]:
        (lx, ly), (ex, ey) = center(boxes[label]), center(boxes[entry])
        return {"adjustment": {"targetOffset": {"x": ex - lx, "y": ey - ly}}}

    def target(image: str, extra: dict | None = None) -> dict[str, object]:
        return {"type": "image", "imageIds": [f"img-{image}"],
                "searchOptions": {"timeout": 4000, **(extra or {})}}

    def click(aid: str, image: str, extra: dict | None = None) -> dict[str, object]:
        return {"id": aid, "type": "CLICK", "name": f"click {image}", "config": {"target": target(image, extra)}}

    def fill(aid: str, label: str, entry: str, text: str) -> list[dict[str, object]]:
        # Tk's "select all" is Control-/; typing then replaces whatever a lost attempt left in the field.
        return [click(f"{aid}-click", label, offset(label, entry)),
                {"id": f"{aid}-select", "type": "HOTKEY", "config": {"hotkey": "ctrl+slash"}},
                {"id": f"{aid}-type", "type": "TYPE", "config": {"text": text}}]

    def state(sid: str, name: str, images: list[str], **kw: object) -> dict[str, object]:
        return {"id": sid, "name": name, **kw, "stateImages": [
            {"id": f"si-{i}", "name": i, "required": n == 0,
             "patterns": [{"id": f"p-{i}", "imageId": f"img-{i}"}]} for n, i in enumerate(images)]}

    config = {
        "version": "2.0.0",
        "metadata": {"name": "Acme Inventory scenario",
                     "description": "Templates cut on Xvfb by make_config.py from scenario_app.py"},
        "images": [{"id": f"img-{k}", "name": f"{k}.png", "format": "png", "data": png(v)}
                   for k, v in crops.items()],
        "states": [
            state("login", "Sign in", ["login-title", "login-user-label", "login-pass-label", "login-button"],
                  isInitial=True),
            state("dashboard", "Dashboard", ["dash-title", "dash-add"]),
            state("form", "New item", ["form-title", "form-name-label", "form-save"]),
            state("saved", "Item saved", ["saved-banner"]),
            state("whats-new", "What's new popup", ["popup-title", "popup-ok"]),
        ],
        "transitions": [
            {"id": "t-login", "type": "OutgoingTransition", "name": "sign in", "fromState": "login",
             "toState": "dashboard", "workflows": ["wf-login"], "timeout": 6000},
            {"id": "t-add", "type": "OutgoingTransition", "name": "add item", "fromState": "dashboard",
             "toState": "form", "workflows": ["wf-add"], "timeout": 6000},
            {"id": "t-save", "type": "OutgoingTransition", "name": "save item", "fromState": "form",
             "toState": "saved", "activateStates": ["dashboard"], "workflows": ["wf-save"], "timeout": 6000},
            {"id": "t-close-news", "type": "OutgoingTransition", "name": "close What's new",
             "fromState": "whats-new", "toState": "PREVIOUS", "workflows": ["wf-close-news"], "timeout": 3000},
        ],
        "workflows": [
            {"id": "wf-main", "name": "Add a Widget", "initialStateIds": ["login"], "actions": [
                {"id": "go-form", "type": "GO_TO_STATE", "name": "open the new item form",
                 "config": {"stateIds": ["form"]}},
                {"id": "go-saved", "type": "GO_TO_STATE", "name": "save a Widget",
                 "config": {"stateIds": ["saved"]}}]},
            {"id": "wf-login", "name": "sign in", "actions": [
                *fill("user", "login-user-label", "login-user", "alice"),
                *fill("pass", "login-pass-label", "login-pass", "secret"),
                click("login", "login-button")]},
            {"id": "wf-add", "name": "add item", "actions": [click("add", "dash-add")]},
            {"id": "wf-save", "name": "save item", "actions": [
                *fill("name", "form-name-label", "form-name", "Widget"), click("save", "form-save")]},
            {"id": "wf-close-news", "name": "close What's new", "actions": [click("news-ok", "popup-ok")]},
        ],
        "settings": {"execution": {"failureStrategy": "stop", "actionDelay": 0},
                     "recognition": {"defaultThreshold": 0.9}},
    }
    OUT.write_text(json.dumps(config, indent=1) + "\n")
    print(f"wrote {OUT} ({len(crops)} templates)")


if __name__ == "__main__":
    main()
