# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Shared helpers: tiny in-memory configs with real PNG images."""

from __future__ import annotations

import base64
import copy
import json
import os
import sys
from typing import Any

import cv2
import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
try:  # the test command installs the package (python-bridge/pyproject.toml) and tests that copy
    import qontinui_bridge  # noqa: F401
except ImportError:  # a plain /usr/bin/python3 without the package: the source tree
    sys.path.insert(0, ROOT)
# Example configurations live in the conformance corpus shared with the Java tests.
FIXTURES = os.path.join(ROOT, "..", "tests", "conformance")

from qontinui_bridge.backends import create_backend  # noqa: E402
from qontinui_bridge.config import parse_config  # noqa: E402
from qontinui_bridge.engine import Engine  # noqa: E402


def texture(w: int, h: int, seed: int) -> np.ndarray:
    """A distinctive BGR patch (blocks + a shape) that matches only itself."""
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 255, (max(2, h // 8), max(2, w // 8), 3), dtype=np.uint8)
    img = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
    cv2.circle(img, (w // 2, h // 2), max(2, min(w, h) // 4), (255, 255, 255), -1)
    return img


def png_b64(img: np.ndarray) -> str:
    ok, buf = cv2.imencode(".png", img)
    assert ok
    return base64.b64encode(buf.tobytes()).decode()


def screen_with(placements: list[tuple[np.ndarray, int, int]], w: int = 800, h: int = 600) -> np.ndarray:
    scr = np.full((h, w, 3), 230, np.uint8)
    cv2.putText(scr, "background text", (20, 580), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (40, 40, 40), 2)
    for img, x, y in placements:
        scr[y:y + img.shape[0], x:x + img.shape[1]] = img
    return scr


def state(sid: str, images: list[str] | None = None, **kw: Any) -> dict[str, Any]:
    return {"id": sid, "name": sid.title(), **kw,
            "stateImages": [{"id": f"si-{i}", "name": i, "patterns": [{"id": f"p-{i}", "imageId": i}]}
                            for i in images or []]}


def outgoing(tid: str, src: str, dst: str, workflows: list[str] | None = None, **kw: Any) -> dict[str, Any]:
    return {"id": tid, "type": "OutgoingTransition", "fromState": src, "toState": dst,
            "workflows": workflows or [], **kw}


def make_config(actions: list[dict[str, Any]] | None = None, states: list[dict[str, Any]] | None = None,
                transitions: list[dict[str, Any]] | None = None, images: dict[str, np.ndarray] | None = None,
                workflows: list[dict[str, Any]] | None = None, settings: dict[str, Any] | None = None
                ) -> dict[str, Any]:
    wfs = [{"id": "wf-main", "name": "Main", "actions": actions or []}] + (workflows or [])
    return {"version": "2.0.0", "metadata": {"name": "test"},
            "images": [{"id": k, "name": k + ".png", "data": png_b64(v)} for k, v in (images or {}).items()],
            "states": states or [state("s1", isInitial=True)], "transitions": transitions or [],
            "workflows": wfs, "settings": settings or {}}


def run(raw: dict[str, Any], backend: str = "mock", screenshots: Any = None, **kw: Any
        ) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]], Engine]:
    cfg = parse_config(copy.deepcopy(raw))
    events: list[tuple[str, dict[str, Any]]] = []
    eng = Engine(cfg, create_backend(backend, screenshots), lambda e, b: events.append((e, b)), **kw)
    eng.control.debug = False
    body = eng.run(cfg.workflows[kw.pop("workflow", "wf-main")] if "wf-main" in cfg.workflows else cfg.default_workflow())
    return body, events, eng


def completed(events: list[tuple[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    return {b["actionId"]: b for e, b in events if e == "qontinui/actionCompleted"}


@pytest.fixture
def tmp_json(tmp_path: Any):
    def write(obj: Any, name: str = "cfg.json") -> str:
        p = tmp_path / name
        p.write_text(json.dumps(obj, indent=2) if not isinstance(obj, str) else obj)
        return str(p)
    return write


def start_xvfb(first: int, size: str = "1024x768x24") -> tuple[str, "subprocess.Popen"]:
    """Starts Xvfb on the first free display from ``first`` on; returns (":N", process)."""
    import subprocess
    import time
    for n in range(first, first + 60):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            break
    proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", size, "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            break
        time.sleep(0.05)
    time.sleep(0.2)
    return f":{n}", proc
