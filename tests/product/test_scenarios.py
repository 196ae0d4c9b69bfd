# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""The executor against an application that behaves like real ones (python-bridge/tests/scenarios):
random splash, input-grabbing popups at random moments, random window position, slow pages, a start
on a later page. Every seeded run goes through the product's headless runner on a real X server."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PRODUCT, ROOT

sys.path.insert(0, str(ROOT / "python-bridge" / "tests" / "scenarios"))
from harness import SCREEN, run_scenario  # noqa: E402

SEEDS = range(1000, 1030)  # 30 seeded runs; python-bridge/benchmarks/bench_scenarios.py runs 200


@pytest.fixture(scope="module")
def xdisplay():
    if not shutil.which("Xvfb"):
        pytest.fail("Xvfb is not installed (releng/setup.sh)")
    for n in range(170, 230):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            break
    server = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", f"{SCREEN}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{n}").exists():
            break
        time.sleep(0.05)
    yield f":{n}"
    server.terminate()
    server.wait(10)


@pytest.fixture(scope="module")
def product() -> Path:
    script = PRODUCT / "qontinui-runner"
    if not script.exists():
        pytest.fail(f"product not built: {PRODUCT}")
    return script


@pytest.mark.parametrize("seed", SEEDS)
def test_scenario_seed(seed: int, product: Path, xdisplay: str, tmp_path: Path) -> None:
    run = run_scenario(seed, xdisplay, [str(product), "run"], tmp_path)
    assert run.passed, run.explain()
    assert "SUITE PASSED" in run.output
