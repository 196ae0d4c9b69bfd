# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""The headless runner (Eclipse application org.qontinui.runner.headless) as CI uses it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import runner


def read_events(out: Path) -> list[dict]:
    """The suite's event log: the executor's record lines ({"time","event","body"}), each with its run."""
    return [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines() if line.strip()]


def test_demo_passes_on_mock_backend(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    p = runner("run", str(demo / "demo.json"), "--backend", "mock", "--out", str(out))
    assert p.returncode == 0, p.stdout + p.stderr
    assert "SUITE PASSED" in p.stdout.splitlines()[-1]
    assert any(line.startswith("RUN PASSED: demo.json") for line in p.stdout.splitlines())
    assert "STATE" in p.stdout and "ACTION" in p.stdout
    suite = ET.parse(out / "junit.xml").getroot().find("testsuite")
    assert suite.get("tests") == "1" and suite.get("failures") == "0"
    assert suite.find("testcase").get("name") == "wf-main"
    events = read_events(out)
    assert {e["run"] for e in events} == {"demo.json"}
    entered = [e["body"]["stateId"] for e in events
               if e["event"] == "qontinui/stateChanged" and e["body"]["active"]]
    assert entered == ["state-login", "state-dashboard", "state-settings"]


def test_demo_passes_on_screenshots_backend(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    p = runner("run", str(demo / "demo.json"), "--backend", "screenshots", "--screenshots",
               str(demo / "screenshots"), "--out", str(out))
    assert p.returncode == 0, p.stdout + p.stderr
    events = read_events(out)
    matches = [e["body"] for e in events if e["event"] == "qontinui/match"]
    assert matches and all(m["score"] >= m["threshold"] for m in matches)


def test_missing_image_fails_with_diagnostics_and_screenshot(demo: Path, demo_config: dict, write_config,
                                                             tmp_path: Path) -> None:
    # The dashboard's picture is replaced by a picture of the login screen's button: never on screen there.
    images = {i["id"]: i for i in demo_config["images"]}
    settings_wf = next(w for w in demo_config["workflows"] if w["id"] == "wf-open-settings")
    click = settings_wf["actions"][0]
    other = next(i for i in images if i not in json.dumps(click))
    click["config"]["target"] = {"type": "image", "imageIds": [other], "searchOptions": {"similarity": 0.99}}
    config = write_config(demo_config)
    out = tmp_path / "out"
    p = runner("run", str(config), "--backend", "screenshots", "--screenshots", str(demo / "screenshots"),
               "--out", str(out))
    assert p.returncode == 1, p.stdout + p.stderr
    assert p.stdout.splitlines()[-1].startswith("SUITE FAILED")
    failure = ET.parse(out / "junit.xml").getroot().find("testsuite/testcase/failure")
    assert failure is not None
    assert "score" in failure.text and "threshold" in failure.text
    assert "screenshot: " in failure.text
    shot = next(line for line in failure.text.splitlines() if line.startswith("screenshot: ")).split(": ", 1)[1]
    assert Path(shot).is_file()


def test_broken_config_exits_2_with_file_line_column(demo_config: dict, write_config) -> None:
    demo_config["transitions"][0]["toState"] = "state-nowhere"
    config = write_config(demo_config)
    p = runner("run", str(config), "--backend", "mock")
    assert p.returncode == 2, p.stdout + p.stderr
    lines = [line for line in p.stdout.splitlines() if "state-nowhere" in line]
    assert lines, p.stdout
    location, rest = lines[0].split(": error: ", 1)
    file, line, column = location.rsplit(":", 2)
    assert file == str(config) and int(line) > 1 and int(column) >= 1
    assert "/transitions/0/toState" in rest
    text = config.read_text().splitlines()
    assert "state-nowhere" in text[int(line) - 1]


def test_validate_command(demo: Path, demo_config: dict, write_config) -> None:
    ok = runner("validate", str(demo / "demo.json"))
    assert ok.returncode == 0 and "CONFIG VALID" in ok.stdout, ok.stdout + ok.stderr
    demo_config["workflows"][0]["actions"][0]["type"] = "TELEPORT"
    bad = runner("validate", str(write_config(demo_config)))
    assert bad.returncode == 2
    assert "TELEPORT" in bad.stdout and ": error: " in bad.stdout


def test_usage_error_exits_2() -> None:
    p = runner("run", "--backend", "teleport", "x.json")
    assert p.returncode == 2
    assert "usage:" in p.stderr
