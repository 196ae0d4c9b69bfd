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

    def explain(self) -> str:
        return (f"seed {self.seed}: exit {self.exit_code} in {self.seconds:.1f}s, nuisances {self.nuisances}, "
                f"saved {self.saved}\n{self.output[-3000:]}")


def run_scenario(seed: int, display: str, executor: list[str], workdir: Path, timeout_s: float = 90) -> ScenarioRun:
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
        p = subprocess.run([*executor, str(CONFIG), "--backend", "x11", "--out", str(workdir / f"out-{seed}"),
                            "--timeout", str(int(timeout_s - 10))],
                           env=env, capture_output=True, text=True, timeout=timeout_s)
        seconds = time.perf_counter() - t0
    finally:
        app.terminate()
        try:
            app.wait(5)
        except subprocess.TimeoutExpired:
            app.kill()
    app_log = [json.loads(line) for line in log.read_text().splitlines() if line.strip()] if log.exists() else []
    run = ScenarioRun(seed, False, p.returncode, seconds, app_log, p.stdout + p.stderr)
    run.passed = p.returncode == 0 and run.saved == ["Widget"]
    return run


def bridge_command() -> list[str]:
    """The executor from this source tree (the product test uses the product's start script instead)."""
    return ["env", f"PYTHONPATH={HERE.parent.parent}", "/usr/bin/python3", "-m", "qontinui_bridge", "run"]
