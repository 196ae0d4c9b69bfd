# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Success rate and time of the executor on the scenario application, over many seeds.

    /usr/bin/python3 python-bridge/benchmarks/bench_scenarios.py [--seeds 200] [--first 1] [--product PATH]

Each seed is one run of python-bridge/tests/scenarios/scenario_app.py (random splash, popups that grab
the input, random window position, slow pages, a start on a later page) on a private Xvfb, driven by
`python3 -m qontinui_bridge run` (or the product's `qontinui-runner run` with --product). Prints one
line per seed, then the success rate (goal >= 99 %), the median and 90th percentile time, and what the
failed seeds had in common. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "tests" / "scenarios"))
from conftest import start_xvfb  # noqa: E402
from harness import SCREEN, bridge_command, run_scenario  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seeds", type=int, default=200)
    p.add_argument("--first", type=int, default=1)
    p.add_argument("--product", help="the product's qontinui-runner script (default: this source tree)")
    args = p.parse_args()
    executor = [args.product, "run"] if args.product else bridge_command()
    display, xvfb = start_xvfb(240, f"{SCREEN}x24")
    runs = []
    t0 = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-scenarios-") as tmp:
            for seed in range(args.first, args.first + args.seeds):
                run = run_scenario(seed, display, executor, Path(tmp) / str(seed))
                runs.append(run)
                n = run.nuisances
                print(f"seed {seed:4d} {'PASS' if run.passed else 'FAIL'} {run.seconds:5.1f}s start={n['startPage']} "
                      f"splash={n['splash']}s popups={len(n['popups'] or [])}", flush=True)
                if not run.passed:
                    print("    " + run.output[-1500:].replace("\n", "\n    "), flush=True)
    finally:
        xvfb.terminate()
    passed = [r for r in runs if r.passed]
    times = sorted(r.seconds for r in passed)
    rate = 100 * len(passed) / len(runs)
    print(f"\n{len(runs)} seeds ({args.first}..{args.first + args.seeds - 1}), {time.perf_counter() - t0:.0f} s in all")
    print(f"success rate: {len(passed)}/{len(runs)} = {rate:.1f} % (goal >= 99 %)")
    if times:
        p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
        print(f"time per passed run: median {statistics.median(times):.2f} s, p90 {p90:.2f} s, max {times[-1]:.2f} s")
    with_popups = [r for r in passed if r.nuisances["popups"]]
    if with_popups:
        print(f"runs with popups: {len(with_popups)}, median {statistics.median(r.seconds for r in with_popups):.2f} s")
    failed = [r.seed for r in runs if not r.passed]
    print(f"failed seeds: {failed or 'none'}")
    return 0 if rate >= 99 else 1


if __name__ == "__main__":
    sys.exit(main())
