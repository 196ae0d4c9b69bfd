# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""One seeded scenario run: the Tk application with its nuisances on an X display, and an executor
command (the product's `qontinui-runner run`, or `python3 -m qontinui_bridge run`) that must
add a Widget. Shared by the product test (tests/product/test_scenarios.py) and the benchmark."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP = HERE / "scenario_app.py"
CONFIG = HERE / "scenario.json"
SCREEN = "1024x768"


@dataclass
class ScenarioRun:
    seed: int
    passed: bool
    exit_code: int
    seconds: float
    app_log: list[dict] = field(default_factory=list)
    output: str = ""

    @property
    def nuisances(self) -> dict:
        start = next((e for e in self.app_log if e["event"] == "start"), {})
        return {k: start.get(k) for k in ("splash", "startPage", "x", "y", "popups")}

    @property
    def saved(self) -> list[str]:
        return [e["name"] for e in self.app_log if e["event"] == "saved"]

    events_tail: list[str] = field(default_factory=list)

    def explain(self) -> str:
        return (f"seed {self.seed}: exit {self.exit_code} in {self.seconds:.1f}s, nuisances {self.nuisances}, "
                f"saved {self.saved}\napplication: {self.app_log[-6:]}\nlast events:\n  "
                + "\n  ".join(self.events_tail) + f"\noutput:\n{self.output[-3000:]}")


def run_scenario(seed: int, display: str, executor: list[str], workdir: Path, timeout_s: float = 100) -> ScenarioRun:
    """Starts the app with `seed` on `display`, runs `executor + [config, --backend, x11, --out, DIR]`.

    Passed = the executor says so (exit 0) and the application saved exactly one item, named Widget."""
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / f"app-{seed}.jsonl"
    log.unlink(missing_ok=True)
    env = {**os.environ, "DISPLAY": display}
    app = subprocess.Popen([sys.executable, str(APP), "--log", str(log), "--seed", str(seed), "--screen", SCREEN],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):  # the app process is up (its splash may still be showing)
            if log.exists():
                break
            time.sleep(0.05)
        t0 = time.perf_counter()
        try:
            p = subprocess.run([*executor, str(CONFIG), "--backend", "x11", "--out", str(workdir / f"out-{seed}"),
                                "--timeout", str(int(timeout_s * 0.6))],
                               env=env, capture_output=True, text=True, timeout=timeout_s)
            exit_code, output = p.returncode, p.stdout + p.stderr
        except subprocess.TimeoutExpired as exc:  # the executor's own --timeout did not end it: say where it was
            exit_code, output = -1, f"KILLED after {timeout_s} s\n{_text(exc.stdout)}{_text(exc.stderr)}"
        seconds = time.perf_counter() - t0
    finally:
        app.terminate()
        try:
            app.wait(5)
        except subprocess.TimeoutExpired:
            app.kill()
    app_log = [json.loads(line) for line in log.read_text().splitlines() if line.strip()] if log.exists() else []
    run = ScenarioRun(seed, False, exit_code, seconds, app_log, output, _events_tail(workdir / f"out-{seed}"))
    run.passed = exit_code == 0 and run.saved == ["Widget"]
    return run


def _text(data: bytes | str | None) -> str:
    return data.decode(errors="replace") if isinstance(data, bytes) else (data or "")


def _events_tail(out: Path, n: int = 25) -> list[str]:
    """The last events the executor recorded (event name and a short body), for a failure message."""
    lines: list[str] = []
    for events in sorted(out.rglob("events.jsonl")):
        lines += events.read_text(errors="replace").splitlines()
    tail = []
    for line in lines[-n:]:
        try:
            e = json.loads(line)
        except ValueError:
            continue
        body = {k: v for k, v in (e.get("body") or {}).items() if k not in ("regionPng", "matches", "timestamp")}
        tail.append(f"{e.get('event')} {json.dumps(body)[:240]}")
    return tail


def bridge_command() -> list[str]:
    """The executor from this source tree (the product test uses the product's start script instead)."""
    return ["env", f"PYTHONPATH={HERE.parent.parent}", "/usr/bin/python3", "-m", "qontinui_bridge", "run"]
