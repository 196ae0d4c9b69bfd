# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Plugin loading, validation of the worked example, and the non-x11 backends."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest
from desktop_testlib import DEMO_CONFIG, PLUGIN_DIR, run_actions

import qontinui_desktop
from qontinui_bridge.__main__ import main
from qontinui_bridge.plugins import load_plugins


def test_load_plugins_exposes_the_four_action_types() -> None:
    handlers = load_plugins(["qontinui_desktop"], [PLUGIN_DIR])
    assert set(handlers) == {"SET_CLIPBOARD", "GET_CLIPBOARD", "FOCUS_WINDOW", "WAIT_FOR_COLOR"}
    assert handlers == qontinui_desktop.ACTION_TYPES
    assert qontinui_desktop.PLUGIN_NAME == "Desktop actions"


def test_example_config_validates_with_the_plugin(capsys) -> None:
    assert main(["validate", DEMO_CONFIG, "--plugin-path", PLUGIN_DIR, "--plugin-module", "qontinui_desktop"]) == 0
    assert "ok (1 states, 0 transitions, 1 workflows, 6 actions)" in capsys.readouterr().out
    types = [a["type"] for a in json.load(open(DEMO_CONFIG, encoding="utf-8"))["workflows"][0]["actions"]]
    assert types == ["FOCUS_WINDOW", "SET_CLIPBOARD", "HOTKEY", "GET_CLIPBOARD", "CLICK", "WAIT_FOR_COLOR"]


@pytest.mark.parametrize("backend", ["mock", "screenshots"])
@pytest.mark.parametrize("action", [
    {"id": "a", "type": "SET_CLIPBOARD", "config": {"text": "x"}},
    {"id": "a", "type": "GET_CLIPBOARD", "config": {"outputVariable": "v"}},
    {"id": "a", "type": "FOCUS_WINDOW", "config": {"title": "x"}},
])
def test_x11_only_actions_fail_clearly_elsewhere(backend, action, tmp_path) -> None:
    shot = tmp_path / "s.png"
    cv2.imwrite(str(shot), np.zeros((10, 10, 3), np.uint8))
    r = run_actions([action], backend=backend, screenshots=[str(shot)] if backend == "screenshots" else None)
    assert not r.body["success"]
    assert r.result("a")["message"] == \
        f"{action['type']} needs the x11 backend (this run uses the '{backend}' backend)"
    assert r.engine.backend.inputs == [] or all(i["kind"] == "advance" for i in r.engine.backend.inputs)
