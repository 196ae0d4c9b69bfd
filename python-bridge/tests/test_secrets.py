# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Secret variables never leave the executor, and SCREENSHOT writes only inside the run folder.

The end-to-end tests run the real executor (`python3 -m qontinui_bridge run`, and a DAP session)
and search every byte it produced for the password.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import cv2
import numpy as np
import pytest

from conftest import make_config, run
from dap_client import ROOT, DapClient
from qontinui_bridge import secrets

PASSWORD = "Hunter2-Correct-Horse!"
API_KEY = "ak_live_5f0c9e2d"


def _secret_config() -> dict[str, Any]:
    actions = [
        # A secret by name, declared in the workflow.
        {"id": "type-pw", "type": "TYPE", "config": {"text": "{{password}}"}},
        # A secret by flag, whatever its name.
        {"id": "set-key", "type": "SET_VARIABLE",
         "config": {"variableName": "svc", "value": API_KEY, "sensitive": True}},
        # Derived values stay secret: trimmed, concatenated, measured, copied, interpolated.
        {"id": "trim", "type": "STRING_OPERATION",
         "config": {"operation": "TRIM", "input": {"variableName": "password"}, "outputVariable": "clean"}},
        {"id": "len", "type": "STRING_OPERATION",
         "config": {"operation": "LENGTH", "input": {"variableName": "clean"}, "outputVariable": "n"}},
        {"id": "concat", "type": "STRING_OPERATION",
         "config": {"operation": "CONCAT", "input": "user:", "parameters": {"strings": [{"variableName": "svc"}]},
                    "outputVariable": "header"}},
        {"id": "copy", "type": "SET_VARIABLE",
         "config": {"variableName": "copied", "valueSource": {"type": "variable", "variableName": "password"}}},
        {"id": "greet", "type": "SET_VARIABLE", "config": {"variableName": "greeting", "value": "hi ${password}"}},
        {"id": "get", "type": "GET_VARIABLE", "config": {"variableName": "header", "outputVariable": "h2"}},
        {"id": "type-var", "type": "TYPE", "config": {"variableName": "copied", "pressEnter": True}},
        {"id": "type-flag", "type": "TYPE", "config": {"text": "not a secret name", "sensitive": True}},
        # Ordinary values are still shown.
        {"id": "plain", "type": "SET_VARIABLE", "config": {"variableName": "user", "value": "ada"}},
        {"id": "type-plain", "type": "TYPE", "config": {"text": "ada"}},
    ]
    raw = make_config(actions)
    raw["workflows"][0]["variables"] = {"process": {"password": PASSWORD}}
    return raw


def _assert_nowhere(text: str, where: str) -> None:
    for secret in (PASSWORD, PASSWORD.strip(), API_KEY, "user:" + API_KEY):
        assert secret not in text, f"{secret!r} found in {where}"


def test_secret_names() -> None:
    for name in ("password", "userPassword", "DB_PASSWD", "pwd", "authToken", "api-key", "APIKEY",
                 "client_secret", "credentials"):
        assert secrets.is_secret_name(name), name
    for name in ("user", "passage", "count", "keyboard", None, 3):
        assert not secrets.is_secret_name(name), name


def test_the_mask_never_tells_the_length() -> None:
    body, events, eng = run(make_config([
        {"id": "a", "type": "SET_VARIABLE", "config": {"variableName": "pin", "value": "1", "sensitive": True}},
        {"id": "b", "type": "SET_VARIABLE", "config": {"variableName": "pin2", "value": "x" * 64, "sensitive": True}},
        {"id": "t1", "type": "TYPE", "config": {"variableName": "pin"}},
        {"id": "t2", "type": "TYPE", "config": {"variableName": "pin2"}},
    ]))
    assert body["success"], body
    done = {b["actionId"]: b for e, b in events if e == "qontinui/actionCompleted"}
    assert done["a"]["message"] == done["b"]["message"].replace("pin2", "pin") == "pin = " + secrets.MASK
    assert done["t1"]["message"] == done["t2"]["message"] == "typed " + secrets.MASK
    assert "length" not in json.dumps(done["t1"]) and "length" not in json.dumps(done["t2"])


def test_masked_where_made_in_process() -> None:
    body, events, eng = run(_secret_config())
    assert body["success"], body
    dump = json.dumps(events)
    _assert_nowhere(dump, "events")
    done = {b["actionId"]: b for e, b in events if e == "qontinui/actionCompleted"}
    assert done["len"]["message"] == "LENGTH -> " + secrets.MASK, "the length of a password is a secret too"
    assert done["plain"]["message"] == "user = 'ada'"
    assert done["type-plain"]["message"] == "typed 'ada'"
    # The automation itself still gets the real values: both TYPE actions typed the password.
    typed = "".join(i["char"] for i in eng.backend.inputs if i["kind"] == "char")
    assert typed.count(PASSWORD) == 2, typed


def test_cli_run_leaves_the_password_nowhere(tmp_path) -> None:
    cfg = tmp_path / "secret.json"
    cfg.write_text(json.dumps(_secret_config()))
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", str(cfg), "--backend", "mock", "--out", str(out)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ROOT}, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "RUN PASSED" in proc.stdout
    _assert_nowhere(proc.stdout, "stdout")
    _assert_nowhere(proc.stderr, "stderr")
    files = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs]
    assert any(f.endswith("events.jsonl") for f in files), files
    for f in files:
        with open(f, "rb") as fh:
            _assert_nowhere(fh.read().decode("utf-8", "replace"), f)


def test_dap_session_masks_variables_and_evaluate(tmp_path) -> None:
    cfg = tmp_path / "secret.json"
    cfg.write_text(json.dumps(_secret_config()))
    client = DapClient()
    try:
        client.start({"config": str(cfg), "backend": "mock"}, [{"name": "action:type-plain"}])
        client.event("stopped", timeout=20)
        frames = client.request("stackTrace", {"threadId": 1})["body"]["stackFrames"]
        scopes = client.request("scopes", {"frameId": frames[0]["id"]})["body"]["scopes"]
        shown: list[dict[str, Any]] = []
        for scope in scopes:
            for var in client.request("variables", {"variablesReference": scope["variablesReference"]})["body"]["variables"]:
                shown.append(var)
                if var.get("variablesReference"):
                    shown += client.request("variables", {"variablesReference": var["variablesReference"]})["body"]["variables"]
        by_name = {v["name"]: v for v in shown}
        for name in ("password", "svc", "clean", "n", "header", "copied", "greeting", "h2"):
            assert by_name[name]["value"] == secrets.MASK, (name, by_name[name])
            assert by_name[name]["variablesReference"] == 0
        assert by_name["user"]["value"] == '"ada"'
        for expression in ("password", "copied + ''", "len(clean)", "header"):
            r = client.request("evaluate", {"expression": expression, "frameId": frames[0]["id"]})
            assert r["success"] and r["body"]["result"] == secrets.MASK, (expression, r)
        assert client.request("continue", {"threadId": 1})["success"]
        client.event("terminated", timeout=20)
        _assert_nowhere(json.dumps(client.events + client.backlog), "DAP messages")
    finally:
        client.close()


# ---------------------------------------------------------------------------- SCREENSHOT

def _screens(tmp_path) -> list[str]:
    path = tmp_path / "screen.png"
    cv2.imwrite(str(path), np.full((60, 80, 3), 200, np.uint8))
    return [str(path)]


def _shot(tmp_path, save: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], str]:
    run_dir = tmp_path / "run"
    raw = make_config([{"id": "shot", "type": "SCREENSHOT", "config": {"saveToFile": save}}])
    body, events, eng = run(raw, "screenshots", _screens(tmp_path), run_dir=str(run_dir))
    done = {b["actionId"]: b for e, b in events if e == "qontinui/actionCompleted"}
    return body, done["shot"], str(run_dir)


def test_screenshot_inside_the_run_folder(tmp_path) -> None:
    body, shot, run_dir = _shot(tmp_path, {"enabled": True, "directory": "shots/login", "filename": "after"})
    assert body["success"], shot
    path = os.path.join(os.path.realpath(run_dir), "shots", "login", "after.png")
    assert shot["data"]["path"] == path and os.path.isfile(path)


@pytest.mark.parametrize("save, says", [
    ({"directory": "/tmp"}, "absolute path"),
    ({"directory": "../outside"}, "contains '..'"),
    ({"directory": "ok/../../outside"}, "contains '..'"),
    ({"filename": "../escape.png"}, "contains '..'"),
    ({"filename": "/etc/cron.d/x"}, "absolute path"),
    ({"filename": "sub/dir.png"}, "must be a file name"),
    ({"directory": "~/x"}, "absolute path"),
    ({"directory": "C:\\Windows"}, "absolute path"),
])
def test_screenshot_outside_the_run_folder_is_refused(tmp_path, save: dict[str, Any], says: str) -> None:
    before = set(os.listdir(tmp_path))
    body, shot, run_dir = _shot(tmp_path, save)
    assert not shot["success"] and says in shot["message"], shot
    assert shot["message"].startswith("SCREENSHOT not saved")
    assert set(os.listdir(tmp_path)) - before <= {"run", "screen.png"}, "nothing created beside the run folder"
    assert not os.path.exists(tmp_path / "outside") and not os.path.exists(tmp_path / "escape.png")


def test_screenshot_through_a_symlink_out_is_refused(tmp_path) -> None:
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    os.symlink(outside, run_dir / "link")
    body, shot, _ = _shot(tmp_path, {"directory": "link", "filename": "x.png"})
    assert not shot["success"] and "symbolic link" in shot["message"], shot
    assert os.listdir(outside) == []


def test_a_failed_write_is_reported_not_claimed(tmp_path) -> None:
    # The target name is taken by a folder: cv2.imwrite returns False (even for root).
    (tmp_path / "run" / "busy").mkdir(parents=True)
    (tmp_path / "run" / "busy" / "shot.png").mkdir()
    raw = make_config([{"id": "shot", "type": "SCREENSHOT",
                        "config": {"saveToFile": {"directory": "busy", "filename": "shot.png"}}}])
    body, events, eng = run(raw, "screenshots", _screens(tmp_path), run_dir=str(tmp_path / "run"))
    done = {b["actionId"]: b for e, b in events if e == "qontinui/actionCompleted"}
    assert not done["shot"]["success"], done["shot"]
    assert "could not write" in done["shot"]["message"], done["shot"]
    assert not [b for e, b in events if e == "qontinui/screenshot" and b.get("reason") == "SCREENSHOT action"], "no 'screenshot saved' for an unwritten file"


def test_an_image_opencv_cannot_encode_is_reported_not_claimed(tmp_path) -> None:
    # An empty region: cv2.imwrite raises instead of writing.
    raw = make_config([{"id": "shot", "type": "SCREENSHOT",
                        "config": {"region": {"x": 0, "y": 0, "width": 0, "height": 0},
                                   "saveToFile": {"filename": "empty.png"}}}])
    body, events, eng = run(raw, "screenshots", _screens(tmp_path), run_dir=str(tmp_path / "run"))
    done = {b["actionId"]: b for e, b in events if e == "qontinui/actionCompleted"}
    assert not done["shot"]["success"] and "could not write" in done["shot"]["message"], done["shot"]
    assert not (tmp_path / "run" / "empty.png").exists()


def test_every_emitted_event_is_scrubbed_as_a_last_guard() -> None:
    body, events, eng = run(_secret_config())
    eng.log(f"a breakpoint log message quoting {PASSWORD} and {API_KEY}")
    eng.emit("qontinui/custom", {"nested": [{"text": "x" + PASSWORD + "y"}], "n": 3})
    output, custom = events[-2][1], events[-1][1]
    assert output["output"] == f"a breakpoint log message quoting {secrets.MASK} and {secrets.MASK}\n"
    assert custom == {"nested": [{"text": "x" + secrets.MASK + "y"}], "n": 3}
