# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Record a run (--record / launch "record") and replay it over DAP with breakpoints, stepping and Step Back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dap_client import ROOT, DapClient

DEMO = Path(ROOT) / "demo"


def failing_demo(tmp_path: Path) -> Path:
    """The demo whose settings click looks for a picture that is never on the dashboard: fails at s1."""
    cfg = json.loads((DEMO / "demo.json").read_text())
    wf = next(w for w in cfg["workflows"] if w["id"] == "wf-open-settings")
    other = next(i["id"] for i in cfg["images"] if i["id"] not in json.dumps(wf["actions"][0]))
    wf["actions"][0]["config"]["target"] = {"type": "image", "imageIds": [other],
                                            "searchOptions": {"similarity": 0.99, "timeout": 300}}
    path = tmp_path / "failing.json"
    path.write_text(json.dumps(cfg, indent=1))
    return path


def record(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", str(config), "--backend", "screenshots",
                           "--screenshots", str(DEMO / "screenshots"), "--out", str(out), "--record"],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": ROOT})


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("recorded")
    out = tmp / "run"
    p = record(failing_demo(tmp), out)
    assert p.returncode == 1, p.stdout + p.stderr
    return out


def events_of(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / "events.jsonl").read_text().splitlines() if line.strip()]


def top_frame(client: DapClient) -> str:
    r = client.request("stackTrace", {"threadId": 1})
    assert r["success"], r
    return r["body"]["stackFrames"][0]["name"]


def test_record_writes_manifest_config_copy_and_frames_per_action(recorded: Path) -> None:
    manifest = json.loads((recorded / "run.json").read_text())
    assert manifest["frames"] is True and manifest["backend"] == "screenshots"
    assert (recorded / manifest["config"]).is_file()
    frames = sorted(os.listdir(recorded / "frames"))
    assert frames and all(f.endswith(".png") for f in frames)
    events = events_of(recorded)
    assert all(set(e) == {"time", "event", "body"} for e in events)
    recorded_frames = [e["body"] for e in events if e["event"] == "qontinui/frameRecorded"]
    assert {os.path.basename(b["path"]) for b in recorded_frames} == set(frames)
    # Each frame is filed under the ordinal of the last action started before it was searched; the
    # action that searched it is that one or one enclosing it (GO_TO_STATE around a transition's actions).
    started = [e["body"]["actionId"] for e in events if e["event"] == "qontinui/actionStarted"]
    ordinals = [b["ordinal"] for b in recorded_frames]
    assert ordinals == sorted(ordinals)
    for b in recorded_frames:
        if b["actionId"] is not None:
            assert b["actionId"] in started[:b["ordinal"]]
    assert any(b["actionId"] == "l5" and started[b["ordinal"] - 1] == "l5" for b in recorded_frames)


def test_record_needs_out(tmp_path: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "qontinui_bridge", "run", str(DEMO / "demo.json"), "--backend", "mock",
                        "--record"], capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": ROOT})
    assert p.returncode == 2 and "--record needs --out" in p.stdout


def test_replay_stops_at_breakpoint_steps_back_and_fails_where_the_recording_did(recorded: Path) -> None:
    recorded_failure = next(e["body"] for e in events_of(recorded) if e["event"] == "qontinui/runCompleted")
    client = DapClient()
    try:
        init = client.start({"replay": str(recorded), "config": str(recorded / "config.json")}, function_bps=[{"name": "action:l5"}])
        assert init["body"]["supportsStepBack"] is True
        stop = client.event("stopped")
        assert stop["body"]["reason"] == "function breakpoint"
        assert top_frame(client).startswith("action l5")
        # Step Back walks the recording backwards, one action at a time.
        assert client.request("stepBack", {"threadId": 1})["success"]
        stop = client.event("stopped", timeout=30)
        assert stop["body"]["reason"] == "step"
        assert top_frame(client).startswith("action l4")
        assert client.request("stepBack", {"threadId": 1})["success"]
        client.event("stopped", timeout=30)
        assert top_frame(client).startswith("action l3")
        # ... and forwards again with the usual stepping.
        assert client.request("next", {"threadId": 1})["success"]
        client.event("stopped", timeout=30)
        assert top_frame(client).startswith("action l4")
        # Variables are those of the re-executed run at that point.
        scopes = client.request("scopes", {"frameId": 1})["body"]["scopes"]
        assert [s["name"] for s in scopes][:2] == ["Variables", "Active States"]
        client.request("continue", {"threadId": 1})
        # The breakpoint at l5 is hit again on the way, then the run fails as the recording did.
        client.event("stopped", timeout=30)
        assert top_frame(client).startswith("action l5")
        client.request("continue", {"threadId": 1})
        done = client.event("qontinui/runCompleted", timeout=60)["body"]
        assert done["success"] is False
        assert done["error"] == recorded_failure["error"]
        client.event("terminated", timeout=30)
    finally:
        client.close()


def test_reverse_continue_goes_back_to_the_previous_stop(recorded: Path) -> None:
    client = DapClient()
    try:
        client.start({"replay": str(recorded), "config": str(recorded / "config.json")}, function_bps=[{"name": "action:l2"}, {"name": "action:l5"}])
        client.event("stopped")
        assert top_frame(client).startswith("action l2")
        client.request("continue", {"threadId": 1})
        client.event("stopped", timeout=30)
        assert top_frame(client).startswith("action l5")
        assert client.request("reverseContinue", {"threadId": 1})["success"]
        client.event("stopped", timeout=30)
        assert top_frame(client).startswith("action l2")
        client.request("terminate")
        client.event("terminated", timeout=10)
    finally:
        client.close()


def test_a_replay_skips_waits_and_its_timeouts_still_expire(recorded: Path, tmp_path: Path) -> None:
    """The failing find searched for 300 ms in the recording; made a 60 s search here, the replay
    still ends within the event timeout: waits are skipped (time jumps), the deadline expires as before."""
    folder = tmp_path / "long-wait"
    subprocess.run(["cp", "-r", str(recorded), str(folder)], check=True)
    cfg = json.loads((folder / "config.json").read_text())
    wf = next(w for w in cfg["workflows"] if w["id"] == "wf-open-settings")
    wf["actions"][0]["config"]["target"]["searchOptions"] = {"similarity": 0.99, "timeout": 60000,
                                                            "polling": {"interval": 5000}}
    (folder / "config.json").write_text(json.dumps(cfg, indent=1))
    client = DapClient()
    try:
        client.start({"replay": str(folder), "config": str(folder / "config.json")})
        done = client.event("qontinui/runCompleted", timeout=30)["body"]
        recorded_failure = next(e["body"] for e in events_of(recorded) if e["event"] == "qontinui/runCompleted")
        assert done["success"] is False
        assert done["error"].split(":")[0] == recorded_failure["error"].split(":")[0], done
        client.event("terminated", timeout=10)
    finally:
        client.close()


def test_step_back_on_a_live_run_is_refused(tmp_path: Path) -> None:
    client = DapClient()
    try:
        client.start({"config": str(DEMO / "demo.json"), "backend": "mock"}, function_bps=[{"name": "action:l2"}])
        client.event("stopped")
        r = client.request("stepBack", {"threadId": 1})
        assert not r["success"] and "recorded run" in r["message"]
        client.request("terminate")
    finally:
        client.close()


def test_replay_of_a_folder_that_is_no_recording_names_the_missing_file(tmp_path: Path) -> None:
    client = DapClient()
    try:
        assert client.request("initialize", {"adapterID": "qontinui"})["success"]
        r = client.request("launch", {"replay": str(tmp_path), "config": str(DEMO / "demo.json")})
        assert not r["success"]
        assert "run.json" in r["message"] and str(tmp_path) in r["message"]
    finally:
        client.close()


def test_dap_launch_with_run_dir_writes_the_same_record_format(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    client = DapClient()
    try:
        client.start({"config": str(DEMO / "demo.json"), "backend": "mock", "runDir": str(run_dir), "noDebug": True})
        client.event("terminated", timeout=60)
    finally:
        client.close()
    events = events_of(run_dir)
    assert [e["event"] for e in events if e["event"] == "qontinui/runCompleted"] == ["qontinui/runCompleted"]
    assert all(isinstance(e["time"], float) and isinstance(e["body"], dict) for e in events)
    assert not (run_dir / "run.json").exists()  # not recorded: no frames, no manifest
