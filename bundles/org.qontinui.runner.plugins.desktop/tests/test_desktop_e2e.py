# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""End to end: the real executor CLI runs examples/desktop-demo.json against the Tk demo app
under Xvfb, with the plugin loaded; and the same config is rejected without the plugin."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from desktop_testlib import BRIDGE, DEMO_CONFIG, PLUGIN_DIR, bridge_env, needs_xvfb

TEXT = "Grüße from Qontinui ✓"


def _inside(box: list[int], x: int, y: int) -> bool:
    bx, by, bw, bh = box
    return bx <= x < bx + bw and by <= y < by + bh


@needs_xvfb
def test_demo_config_runs_against_the_tk_app(xdisplay, apps, tmp_path) -> None:
    from Xlib import X, display
    from Xlib.ext import xtest
    cfg = json.load(open(DEMO_CONFIG, encoding="utf-8"))
    acts = {a["id"]: a["config"] for a in cfg["workflows"][0]["actions"]}
    app = apps()  # "Qontinui desktop demo" at +40+40, as the example config assumes
    assert app.ready["window"][:2] == [40, 40]
    click, green = acts["click-go"]["target"], acts["green"]
    assert _inside(app.ready["button"], click["x"], click["y"])
    assert _inside(app.ready["canvas"], green["x"], green["y"])
    # A decoy window on top covers the whole app and has the pointer: without FOCUS_WINDOW raising
    # and focusing the app, the paste and the click would land in the decoy.
    decoy = apps("Decoy", "520x380+0+0")
    d = display.Display(xdisplay)
    xtest.fake_input(d, X.MotionNotify, x=250, y=200)
    d.sync()
    d.close()

    out = tmp_path / "out"
    p = subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", DEMO_CONFIG, "--backend", "x11",
                        "--plugin-module", "qontinui_desktop", "--out", str(out)],
                       capture_output=True, text=True, env=bridge_env(xdisplay), timeout=60, cwd=str(tmp_path))
    assert p.returncode == 0, p.stdout + p.stderr
    assert "RUN PASSED: workflow wf-desktop-demo, 6 action(s) passed, 0 failed" in p.stdout
    assert "action focus FOCUS_WINDOW ok focused 'Qontinui desktop demo'" in p.stdout
    assert app.entry_text() == TEXT            # pasted from our clipboard owner into the Entry
    assert decoy.entry_text() is None and not decoy.events("click")
    assert app.events("click") and app.events("color")
    events = [json.loads(line) for line in open(out / "events.jsonl", encoding="utf-8")]
    done = {e["body"]["actionId"]: e["body"] for e in events if e["event"] == "qontinui/actionCompleted"}
    assert done["read"]["data"] == {"length": len(TEXT), "type": "UTF8_STRING", "text": TEXT}
    assert done["green"]["success"] and done["green"]["data"]["color"] == "#00C000"


def test_demo_config_without_the_plugin_is_rejected(tmp_path) -> None:
    env = {**os.environ, "PYTHONPATH": BRIDGE}
    base = [sys.executable, "-m", "qontinui_bridge"]
    p = subprocess.run(base + ["run", DEMO_CONFIG, "--backend", "x11"], capture_output=True, text=True,
                       env=env, timeout=60)
    assert p.returncode == 2, p.stdout + p.stderr
    assert "RUN FAILED: invalid config" in p.stdout
    for t in ("FOCUS_WINDOW", "SET_CLIPBOARD", "GET_CLIPBOARD", "WAIT_FOR_COLOR"):
        assert f"error: unknown action type {t} (" in p.stderr, p.stderr
    assert "unknown action type HOTKEY" not in p.stderr

    hints = []
    for t in ("FOCUS_WINDOW", "SET_CLIPBOARD", "GET_CLIPBOARD", "WAIT_FOR_COLOR"):
        hints += ["--action-hint", f"{t}=Desktop actions"]
    p = subprocess.run(base + ["validate", DEMO_CONFIG] + hints, capture_output=True, text=True, env=env,
                       timeout=60)
    assert p.returncode == 2
    line = next(line for line in p.stdout.splitlines() if "SET_CLIPBOARD" in line)
    assert line.endswith("error: unknown action type SET_CLIPBOARD — install plugin Desktop actions "
                         "(/workflows/0/actions/1/type)"), line
    # With the plugin (found through --plugin-path, not PYTHONPATH) the same config is valid.
    p = subprocess.run(base + ["validate", DEMO_CONFIG, "--plugin-path", PLUGIN_DIR, "--plugin-module",
                               "qontinui_desktop"], capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 0, p.stdout
