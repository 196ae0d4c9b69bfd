# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Suites with the headless runner (issue 15): several configurations in one process, shards, parallel runs on
their own displays, the HTML report, and a recorded run folder."""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import runner


def write(folder: Path, name: str, config: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(config, indent=1))
    return path


def broken_settings_click(config: dict) -> dict:
    """The demo with the settings click looking for a picture never on the dashboard: fails at s1."""
    config = json.loads(json.dumps(config))
    wf = next(w for w in config["workflows"] if w["id"] == "wf-open-settings")
    click = wf["actions"][0]
    other = next(i["id"] for i in config["images"] if i["id"] not in json.dumps(click))
    click["config"]["target"] = {"type": "image", "imageIds": [other], "searchOptions": {"similarity": 0.99}}
    return config


@pytest.fixture
def suite(demo_config: dict, tmp_path: Path) -> Path:
    """A folder of four configurations (one in a subfolder); each has the demo's three workflows."""
    root = tmp_path / "suite"
    for name in ("alpha.json", "beta.json", "gamma.json"):
        write(root, name, demo_config)
    write(root / "more", "delta.json", demo_config)
    (root / "notes.txt").write_text("not a configuration")
    return root


def junit_cases(junit: Path) -> list[tuple[str, str, bool]]:
    root = ET.parse(junit).getroot()
    assert root.tag == "testsuites"
    return [(s.get("name"), c.get("name"), c.find("failure") is None)
            for s in root.findall("testsuite") for c in s.findall("testcase")]


def test_suite_of_configurations_and_workflow_patterns_in_one_process(suite: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    p = runner("run", str(suite), "--workflow", "wf-log*", "--workflow", "Main", "--backend", "mock",
               "--out", str(out))
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.splitlines()[-1].startswith("SUITE PASSED: 8 runs, 8 passed, 0 failed")
    # One JUnit file: a testsuite per configuration, a testcase per selected workflow.
    root = ET.parse(out / "junit.xml").getroot()
    assert [s.get("name") for s in root.findall("testsuite")] == ["alpha.json", "beta.json", "gamma.json", "delta.json"]
    assert all(s.get("tests") == "2" for s in root.findall("testsuite"))
    assert {c for _, c, _ in junit_cases(out / "junit.xml")} == {"wf-login", "wf-main"}
    # One event log: every run's record lines, tagged with the run.
    events = [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]
    runs = {e["run"] for e in events}
    assert runs == {f"{c}#{w}" for c in ("alpha.json", "beta.json", "gamma.json", "delta.json")
                    for w in ("wf-login", "wf-main")}
    completed = [e for e in events if e["event"] == "qontinui/runCompleted"]
    assert len(completed) == 8 and all(e["body"]["success"] for e in completed)
    # A run folder per run.
    assert len(list((out / "runs").iterdir())) == 8


def test_suite_exit_code_is_failed_when_one_run_fails(suite: Path, demo_config: dict, tmp_path: Path) -> None:
    write(suite, "broken.json", broken_settings_click(demo_config))
    out = tmp_path / "out"
    p = runner("run", str(suite / "alpha.json"), str(suite / "broken.json"), "--workflow", "wf-main",
               "--backend", "screenshots", "--screenshots", str(bundled_screenshots(suite)), "--out", str(out))
    assert p.returncode == 1, p.stdout + p.stderr
    assert p.stdout.splitlines()[-1].startswith("SUITE FAILED: 2 runs, 1 passed, 1 failed")
    assert junit_cases(out / "junit.xml") == [("alpha.json", "wf-main", True), ("broken.json", "wf-main", False)]


def test_workflow_pattern_that_matches_nothing_is_a_usage_error(suite: Path) -> None:
    p = runner("run", str(suite), "--workflow", "wf-nowhere*", "--backend", "mock")
    assert p.returncode == 2
    assert "--workflow 'wf-nowhere*' matches no workflow" in p.stdout


def test_shards_partition_the_suite(suite: Path, tmp_path: Path) -> None:
    listed = runner("run", str(suite), "--workflow", "*", "--list")
    assert listed.returncode == 0, listed.stdout + listed.stderr
    whole = [line.strip() for line in listed.stdout.splitlines() if line.startswith("  ")]
    assert len(whole) == 12  # 4 configurations x 3 workflows
    parts = []
    for k in (1, 2, 3):
        out = tmp_path / f"shard-{k}"
        p = runner("run", str(suite), "--workflow", "*", "--shard", f"{k}/3", "--backend", "mock", "--out", str(out))
        # wf-open-settings alone starts on the login screen and fails on the mock backend: a real suite result.
        assert p.returncode in (0, 1), p.stdout + p.stderr
        ran = [f"{s}#{c}" for s, c, ok in junit_cases(out / "junit.xml")]
        parts.append(ran)
        # The same shard on another machine selects the same runs.
        again = runner("run", str(suite), "--workflow", "*", "--shard", f"{k}/3", "--list")
        assert [line.strip() for line in again.stdout.splitlines() if line.startswith("  ")] == ran
    assert [len(p) for p in parts] == [4, 4, 4]
    assert sorted(sum(parts, [])) == sorted(whole)  # union is the suite, no run twice
    bad = runner("run", str(suite), "--shard", "4/3", "--backend", "mock")
    assert bad.returncode == 2 and "--shard must be K/N" in bad.stderr


def bundled_screenshots(_: Path) -> Path:
    from conftest import bundled_demo
    return bundled_demo() / "screenshots"


def test_parallel_runs_on_their_own_displays_isolated_and_faster(demo: Path, demo_config: dict, tmp_path: Path) -> None:
    """Three copies of the demo against the demo application on x11: each run needs the application to itself
    (it clicks and types into it), so three passing runs on three displays show the isolation."""
    configs = [write(tmp_path / "x11", f"demo-{i}.json", demo_config) for i in (1, 2, 3)]
    timings = {}
    for mode, extra in (("serial", []), ("parallel", ["--parallel", "3"])):
        out = tmp_path / mode
        logs = tmp_path / f"apps-{mode}"
        logs.mkdir()
        # A fresh demo application before each run, on the run's display; its log tells what it received.
        setup = f'/usr/bin/python3 "{demo / "demo_app.py"}" --log "{logs}/$DISPLAY-$$.log" & sleep 1.5'
        start = time.monotonic()
        p = runner("run", *map(str, configs), "--backend", "x11", "--display-setup", setup, "--out", str(out),
                   *extra, timeout=600)
        timings[mode] = time.monotonic() - start
        assert p.returncode == 0, p.stdout + p.stderr
        assert p.stdout.splitlines()[-1].startswith("SUITE PASSED: 3 runs, 3 passed")
        displays = re.findall(r"(?:^|<system-out>)display (:\d+)$", (out / "junit.xml").read_text(), re.M)
        assert len(displays) == 3
        if mode == "parallel":
            assert len(set(displays)) == 3, displays  # each run on its own display
        # Every application got the whole input of exactly one run: user name and password typed once each.
        apps = sorted(logs.glob("*.log"))
        assert len(apps) == 3, apps
        for app in apps:
            typed = [json.loads(line)["typed"] for line in app.read_text().splitlines() if '"typed"' in line]
            assert len(typed) == 2, (app, typed)
    print(f"\nserial {timings['serial']:.1f} s, parallel 3 {timings['parallel']:.1f} s")
    assert timings["parallel"] < timings["serial"]


class ReportParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.runs: dict[str, dict] = {}
        self.current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "section" and a.get("data-run"):
            self.current = a["data-run"]
            self.runs[self.current] = {"class": a.get("class"), "images": [], "rects": 0, "rows": 0, "failures": 0}
        elif self.current:
            run = self.runs[self.current]
            if tag in ("img", "image"):
                run["images"].append(a.get("src") or a.get("href") or "")
            elif tag == "rect" and "best-match" in (a.get("class") or ""):
                run["rects"] += 1
            elif tag == "tr" and any(k in (a.get("class") or "") for k in ("action", "state", "transition")):
                run["rows"] += 1
            elif tag == "figure" and "failure-shot" in (a.get("class") or ""):
                run["failures"] += 1


def test_html_report_has_every_run_and_images_for_failures(demo: Path, demo_config: dict, tmp_path: Path) -> None:
    ok = write(tmp_path / "cfg", "ok.json", demo_config)
    broken = write(tmp_path / "cfg", "broken.json", broken_settings_click(demo_config))
    out = tmp_path / "out"
    p = runner("run", str(ok), str(broken), "--backend", "screenshots", "--screenshots", str(demo / "screenshots"),
               "--out", str(out))
    assert p.returncode == 1, p.stdout + p.stderr
    html = (out / "report.html").read_text()
    assert "SUITE FAILED" in html
    parser = ReportParser()
    parser.feed(html)
    assert set(parser.runs) == {"ok.json", "broken.json"}
    assert parser.runs["ok.json"]["class"] == "run pass" and parser.runs["broken.json"]["class"] == "run fail"
    for run in parser.runs.values():
        assert run["rows"] >= 5  # states, transitions and actions on the timeline
    failed = parser.runs["broken.json"]
    assert failed["failures"] >= 1 and failed["rects"] >= 1
    # Self-contained: the screenshot, the template and the region seen are embedded PNGs.
    assert len([i for i in failed["images"] if i.startswith("data:image/png;base64,")]) >= 3
    assert not parser.runs["ok.json"]["images"]
    assert "slowest finds" in html and "Time waiting" in html
    assert re.search(r"best score <b>0\.\d{3}</b> against threshold 0\.990", html)


def test_record_saves_the_frames_and_the_configuration_into_the_run_folder(demo: Path, demo_config: dict,
                                                                       tmp_path: Path) -> None:
    broken = write(tmp_path / "cfg", "broken.json", broken_settings_click(demo_config))
    out = tmp_path / "out"
    p = runner("run", str(broken), "--backend", "screenshots", "--screenshots", str(demo / "screenshots"),
               "--record", "--out", str(out))
    assert p.returncode == 1, p.stdout + p.stderr
    [run_dir] = list((out / "runs").iterdir())
    manifest = json.loads((run_dir / "run.json").read_text())
    assert json.loads((run_dir / manifest["config"]).read_text()) == json.loads(broken.read_text())
    frames = sorted((run_dir / "frames").glob("*.png"))
    assert len(frames) >= 5


def test_retries_report_a_flaky_run_and_max_failures_skips_the_rest(demo: Path, demo_config: dict,
                                                                     tmp_path: Path) -> None:
    """--retries: the demo application is missing on the first attempt (the display setup starts it only from
    the second on), so the run fails, is retried in its own folder and passes: flaky, counted as passed, its
    failed attempt kept in the JUnit report as Surefire's flakyFailure. --max-failures 1: once a run has
    failed for good, the runs after it are not started and are reported skipped."""
    config = json.loads(json.dumps(demo_config))
    config["settings"]["execution"]["defaultTimeout"] = 1500  # the failing attempt gives up soon
    flaky = write(tmp_path / "flaky", "demo.json", config)
    marker = tmp_path / "second-attempt"
    setup = (f'if [ -e "{marker}" ]; then /usr/bin/python3 "{demo / "demo_app.py"}" & sleep 1.5; '
             f'else touch "{marker}"; fi')
    out = tmp_path / "out-flaky"
    p = runner("run", str(flaky), "--backend", "x11", "--display-setup", setup, "--retries", "2", "--out", str(out),
               timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "RETRYING: demo.json (retry 1 of 2)" in p.stdout, p.stdout
    assert "Flaky: demo.json passed on retry 1" in p.stdout, p.stdout
    assert p.stdout.splitlines()[-1].startswith("SUITE PASSED: 1 runs, 1 passed, 0 failed"), p.stdout
    case = ET.parse(out / "junit.xml").getroot().find("testsuite/testcase")
    assert case.find("failure") is None
    flaky_failures = case.findall("flakyFailure")
    assert len(flaky_failures) == 1 and "run folder" in (flaky_failures[0].text or "")
    folders = sorted(d.name for d in (out / "runs").iterdir())
    assert folders == ["001-demo.json", "001-demo.json-retry1"], folders
    assert "passed (flaky: passed on retry 1)" in (out / "report.html").read_text()

    broken = write(tmp_path / "suite", "a-broken.json", broken_settings_click(config))
    others = [write(tmp_path / "suite", f"{n}.json", config) for n in ("b-ok", "c-ok")]
    out = tmp_path / "out-max"
    p = runner("run", str(broken), *map(str, others), "--backend", "screenshots", "--screenshots",
               str(demo / "screenshots"), "--max-failures", "1", "--out", str(out))
    assert p.returncode == 1, p.stdout + p.stderr
    assert "Skipped: 2 runs not started, 1 runs had failed (--max-failures 1)" in p.stdout, p.stdout
    assert p.stdout.splitlines()[-1].startswith("SUITE FAILED: 3 runs, 0 passed, 1 failed"), p.stdout
    root = ET.parse(out / "junit.xml").getroot()
    assert root.get("failures") == "1" and root.get("skipped") == "2"
    assert [c.find("skipped") is not None for c in root.iter("testcase")] == [False, True, True]
    parser = ReportParser()
    parser.feed((out / "report.html").read_text())
    assert [parser.runs[n]["class"] for n in ("a-broken.json", "b-ok.json", "c-ok.json")] == \
        ["run fail", "run skipped", "run skipped"]


def test_last_failed_runs_only_what_failed_before(demo: Path, demo_config: dict, tmp_path: Path) -> None:
    """--last-failed OUT: the earlier suite's last-run.json names its failed runs; only those run again."""
    config = json.loads(json.dumps(demo_config))
    config["settings"]["execution"]["defaultTimeout"] = 1500
    configs = [write(tmp_path / "suite", "a-broken.json", broken_settings_click(config)),
               write(tmp_path / "suite", "b-ok.json", config)]
    common = ["--backend", "screenshots", "--screenshots", str(demo / "screenshots")]
    first = tmp_path / "first"
    p = runner("run", *map(str, configs), *common, "--out", str(first))
    assert p.returncode == 1, p.stdout + p.stderr
    last = json.loads((first / "last-run.json").read_text())
    assert last == {"status": "failed", "failedRuns": ["a-broken.json"]}, last
    again = tmp_path / "again"
    p = runner("run", *map(str, configs), *common, "--last-failed", str(first), "--out", str(again))
    assert p.returncode == 1, p.stdout + p.stderr
    assert "Last failed: 1 runs of this suite, of 1 that failed last time" in p.stdout, p.stdout
    assert [c.get("classname") for c in ET.parse(again / "junit.xml").getroot().iter("testcase")] == ["a-broken.json"]
    p = runner("run", *map(str, configs), *common, "--last-failed", str(tmp_path / "nowhere"))
    assert p.returncode == 2 and "no readable last-run.json" in p.stdout, p.stdout + p.stderr
