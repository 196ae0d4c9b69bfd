# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Failure stops and what the user can do about them (qontinui/retry, skip, abort, updateImage),
over the real DAP process with the screenshots backend."""

from __future__ import annotations

import base64
import json
import os

import cv2
import numpy as np
import pytest
from conftest import png_b64, texture
from dap_client import ROOT, DapClient

DEMO = os.path.join(ROOT, "demo", "demo.json")
SHOTS = os.path.join(ROOT, "demo", "screenshots")
FIRST_SHOT = os.path.join(SHOTS, "00-login.png")


@pytest.fixture
def client():
    c = DapClient()
    yield c
    c.close()


def demo_with_first_find(image: np.ndarray, similarity: float) -> dict:
    """The demo, whose main workflow first looks for `image` (id img-probe) on the login screen."""
    raw = json.load(open(DEMO))
    raw["images"].append({"id": "img-probe", "name": "probe.png", "data": png_b64(image)})
    main = next(w for w in raw["workflows"] if w["id"] == "wf-main")
    main["actions"].insert(0, {"id": "probe", "type": "FIND", "config": {
        "target": {"type": "image", "imageIds": ["img-probe"], "searchOptions": {"similarity": similarity}}}})
    return raw


def failure_stop(client: DapClient, tmp_json, tmp_path, raw: dict) -> dict:
    client.start({"config": tmp_json(raw), "backend": "screenshots", "screenshots": SHOTS,
                  "runDir": str(tmp_path)}, [], ["findFailed"])
    stopped = client.event("stopped")["body"]
    assert stopped["reason"] == "exception" and "failure" in stopped, stopped
    return stopped


def test_failure_stop_names_the_images_and_skip_goes_on(client: DapClient, tmp_json, tmp_path) -> None:
    assert client.request("qontinui/skip")["message"] == "not stopped on a failed action"  # before launch
    stopped = failure_stop(client, tmp_json, tmp_path, demo_with_first_find(texture(60, 30, 5), 0.9))
    failure = stopped["failure"]
    assert failure["actionId"] == "probe" and failure["imageIds"] == ["img-probe"]
    assert failure["bestScore"] < 0.9 == failure["threshold"] and failure["attempt"] == 1
    assert os.path.isfile(failure["screenshot"])
    assert set(failure["options"]) == {"retry", "skip", "abort", "updateImage"}
    caps_ok = client.request("qontinui/skip")
    assert caps_ok["success"], caps_ok
    skipped = client.wait(lambda m: m.get("event") == "qontinui/actionCompleted"
                          and m["body"].get("skipped"))["body"]
    assert skipped["actionId"] == "probe" and skipped["success"] is True
    done = client.event("qontinui/runCompleted")["body"]
    assert done["success"], done
    assert client.event("exited")["body"]["exitCode"] == 0


def test_abort_ends_the_run_with_its_reason(client: DapClient, tmp_json, tmp_path) -> None:
    failure_stop(client, tmp_json, tmp_path, demo_with_first_find(texture(60, 30, 5), 0.9))
    assert client.request("qontinui/abort")["success"]
    done = client.event("qontinui/runCompleted")["body"]
    assert not done["success"] and done["error"] == "aborted by user at action probe"
    assert client.event("exited")["body"]["exitCode"] == 1


def test_retry_with_a_lower_threshold_passes(client: DapClient, tmp_json, tmp_path) -> None:
    screen = cv2.imread(FIRST_SHOT)
    crop = screen[240:290, 420:560].astype(np.int16)
    noisy = np.clip(crop + np.random.default_rng(3).normal(0, 35, crop.shape), 0, 255).astype(np.uint8)
    stopped = failure_stop(client, tmp_json, tmp_path, demo_with_first_find(noisy, 0.995))
    best = stopped["failure"]["bestScore"]
    assert 0.5 < best < 0.995, best  # the noise makes it a near miss
    bad = client.request("qontinui/retry", {"threshold": 1.5})
    assert not bad["success"] and "threshold" in bad["message"]
    lower = round(best - 0.05, 3)
    assert client.request("qontinui/retry", {"threshold": lower})["success"]
    again = client.wait(lambda m: m.get("event") == "qontinui/actionCompleted"
                        and m["body"]["actionId"] == "probe" and m["body"].get("retry") == 1)["body"]
    assert again["success"] and again["match"]["threshold"] == lower, again
    assert client.event("qontinui/runCompleted")["body"]["success"]


def test_recapture_replaces_the_image_then_retry_finds_it(client: DapClient, tmp_json, tmp_path) -> None:
    stopped = failure_stop(client, tmp_json, tmp_path, demo_with_first_find(texture(60, 30, 5), 0.9))
    shot = cv2.imread(stopped["failure"]["screenshot"])
    region = shot[240:290, 420:560]  # a rectangle dragged on the failure screenshot
    ok, png = cv2.imencode(".png", region)
    unknown = client.request("qontinui/updateImage", {"imageId": "nope", "data": ""})
    assert not unknown["success"] and unknown["message"] == "unknown image 'nope'"
    junk = client.request("qontinui/updateImage", {"imageId": "img-probe",
                                                   "data": base64.b64encode(b"not a png").decode()})
    assert not junk["success"] and junk["message"] == "data is not a PNG image"
    upd = client.request("qontinui/updateImage", {"imageId": "img-probe",
                                                  "data": base64.b64encode(png.tobytes()).decode()})
    assert upd["success"] and upd["body"] == {"imageId": "img-probe", "width": 140, "height": 50}
    assert client.request("qontinui/retry")["success"]
    again = client.wait(lambda m: m.get("event") == "qontinui/actionCompleted"
                        and m["body"]["actionId"] == "probe" and m["body"].get("retry") == 1)["body"]
    assert again["success"] and again["match"]["location"] == {"x": 420, "y": 240}, again
    assert client.event("qontinui/runCompleted")["body"]["success"]


def test_active_states_scope_says_seen_or_assumed(client: DapClient, tmp_json, tmp_path) -> None:
    failure_stop(client, tmp_json, tmp_path, demo_with_first_find(texture(60, 30, 5), 0.9))
    frame_id = client.request("stackTrace", {"threadId": 1})["body"]["stackFrames"][0]["id"]
    scopes = {s["name"]: s for s in client.request("scopes", {"frameId": frame_id})["body"]["scopes"]}
    rows = client.request("variables", {"variablesReference": scopes["Active States"]["variablesReference"]})
    (login,) = rows["body"]["variables"]
    # The login screen is on the screenshot: the assumed initial state was checked and is seen.
    assert login["name"] == "state-login" and login["type"] == "seen" and login["value"].startswith("Login (seen ")
    client.request("qontinui/abort")
    client.event("exited")
