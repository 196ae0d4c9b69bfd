# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Helpers and fixtures for the Desktop actions plugin tests (imported by conftest.py).

Puts `python-bridge/` (the executor) and the bundle's `python/` (the plugin) on sys.path, starts
one Xvfb for the session on a free display (tests needing X skip only if Xvfb is missing), and
offers helpers to run actions through the real Engine and to start Tk apps.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from typing import Any, Callable

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLE = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(BUNDLE))
BRIDGE = os.path.join(REPO, "python-bridge")
PLUGIN_DIR = os.path.join(BUNDLE, "python")
EXAMPLES = os.path.join(PLUGIN_DIR, "examples")
DEMO_APP = os.path.join(EXAMPLES, "desktop_demo_app.py")
DEMO_CONFIG = os.path.join(EXAMPLES, "desktop-demo.json")
for p in (PLUGIN_DIR, BRIDGE):
    if p not in sys.path:
        sys.path.insert(0, p)

from qontinui_bridge.backends import create_backend  # noqa: E402
from qontinui_bridge.config import parse_config  # noqa: E402
from qontinui_bridge.engine import Engine, RunControl  # noqa: E402
from qontinui_bridge.plugins import available_types  # noqa: E402

import qontinui_desktop  # noqa: E402

needs_xvfb = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed")


def make_config(actions: list[dict[str, Any]]) -> dict[str, Any]:
    return {"version": "2.0.0", "metadata": {"name": "desktop plugin test"}, "images": [],
            "states": [{"id": "s1", "name": "S1", "isInitial": True, "stateImages": []}],
            "transitions": [], "workflows": [{"id": "wf-main", "name": "Main", "actions": actions}],
            "settings": {}}


class Run:
    def __init__(self, body: dict[str, Any], events: list[tuple[str, dict[str, Any]]], engine: Engine) -> None:
        self.body, self.events, self.engine = body, events, engine

    @property
    def results(self) -> dict[str, dict[str, Any]]:
        return {b["actionId"]: b for e, b in self.events if e == "qontinui/actionCompleted"}

    def result(self, action_id: str) -> dict[str, Any]:
        return self.results[action_id]

    @property
    def logs(self) -> str:
        return "".join(b.get("output", "") for e, b in self.events if e == "output")


def build_engine(actions: list[dict[str, Any]], backend: str = "x11", display: str | None = None,
                 screenshots: Any = None, control: RunControl | None = None,
                 on_event: Callable[[str, dict[str, Any]], None] | None = None
                 ) -> tuple[Engine, list[tuple[str, dict[str, Any]]]]:
    handlers = dict(qontinui_desktop.ACTION_TYPES)
    cfg = parse_config(make_config(actions), action_types=available_types(handlers))
    events: list[tuple[str, dict[str, Any]]] = []

    def emit(e: str, b: dict[str, Any]) -> None:
        events.append((e, b))
        if on_event:
            on_event(e, b)
    be = create_backend(backend, screenshots, display)
    control = control or RunControl()
    control.debug = False
    return Engine(cfg, be, emit, control, handlers=handlers), events


def run_actions(actions: list[dict[str, Any]], **kw: Any) -> Run:
    engine, events = build_engine(actions, **kw)
    try:
        body = engine.run(engine.config.workflows["wf-main"])
    finally:
        engine.backend.close()
    return Run(body, events, engine)


@pytest.fixture(scope="session")
def xdisplay() -> Any:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb not installed")
    for n in range(171, 260):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            break
    disp = f":{n}"
    proc = subprocess.Popen(["Xvfb", disp, "-screen", "0", "1024x768x24", "-nolisten", "tcp", "-noreset"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            break
        time.sleep(0.05)
    time.sleep(0.2)
    if proc.poll() is not None:
        pytest.skip(f"Xvfb could not start on {disp}")
    yield disp
    proc.terminate()
    proc.wait(timeout=5)


class App:
    def __init__(self, proc: subprocess.Popen, log: str, ready: dict[str, Any]) -> None:
        self.proc, self.log, self.ready = proc, log, ready

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        with open(self.log, encoding="utf-8") as fh:
            lines = [json.loads(line) for line in fh if line.strip()]
        return [e for e in lines if kind is None or e["event"] == kind]

    def entry_text(self) -> str | None:
        entries = self.events("entry")
        return entries[-1]["text"] if entries else None


def start_demo_app(disp: str, log: str, title: str | None = None, geometry: str | None = None) -> App:
    """Start examples/desktop_demo_app.py and wait for its `ready` line."""
    if os.path.exists(log):
        os.remove(log)
    cmd = [sys.executable, DEMO_APP, log]
    if title:
        cmd += ["--title", title]
    if geometry:
        cmd += ["--geometry", geometry]
    proc = subprocess.Popen(cmd, env={**os.environ, "DISPLAY": disp})
    for _ in range(200):
        if os.path.exists(log):
            with open(log, encoding="utf-8") as fh:
                ready = [json.loads(line) for line in fh if '"ready"' in line]
            if ready:
                time.sleep(0.15)
                return App(proc, log, ready[0])
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    raise AssertionError("demo app did not start")


@pytest.fixture
def apps(xdisplay: str, tmp_path: Any):
    """Factory: apps(title=..., geometry=...) -> App; all are killed after the test."""
    started: list[App] = []

    def start(title: str | None = None, geometry: str | None = None) -> App:
        app = start_demo_app(xdisplay, str(tmp_path / f"app-{len(started)}.log"), title, geometry)
        started.append(app)
        return app
    yield start
    for app in started:
        app.proc.kill()
        app.proc.wait()


TK_CLIPBOARD = r"""
import json, sys, tkinter as tk
root = tk.Tk(); root.withdraw()
if sys.argv[1] == "get":
    try:
        print(json.dumps({"text": root.clipboard_get(type=sys.argv[2])}))
    except tk.TclError as exc:
        print(json.dumps({"error": str(exc)}))
else:
    root.clipboard_clear(); root.clipboard_append(sys.argv[2]); root.update()
    print("owned", flush=True)
    root.mainloop()
"""


def tk_clipboard_get(disp: str, target: str = "UTF8_STRING") -> dict[str, Any]:
    """Another X client (Tk) pastes: returns {"text": ...} or {"error": ...}."""
    p = subprocess.run([sys.executable, "-c", TK_CLIPBOARD, "get", target], capture_output=True,
                       text=True, env={**os.environ, "DISPLAY": disp}, timeout=20)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


@pytest.fixture
def tk_owner(xdisplay: str):
    """Factory: tk_owner(text) -> a Tk process that owns CLIPBOARD with `text` until the test ends."""
    procs: list[subprocess.Popen] = []

    def start(text: str) -> subprocess.Popen:
        p = subprocess.Popen([sys.executable, "-c", TK_CLIPBOARD, "own", text], stdout=subprocess.PIPE,
                             text=True, env={**os.environ, "DISPLAY": xdisplay})
        procs.append(p)
        assert p.stdout is not None and p.stdout.readline().strip() == "owned"
        return p
    yield start
    for p in procs:
        p.kill()
        p.wait()


def bridge_env(disp: str, with_plugin_on_path: bool = True) -> dict[str, str]:
    parts = [BRIDGE] + ([PLUGIN_DIR] if with_plugin_on_path else [])
    return {**os.environ, "DISPLAY": disp, "PYTHONPATH": os.pathsep.join(parts)}
