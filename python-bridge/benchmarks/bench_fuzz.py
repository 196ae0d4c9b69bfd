# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Longer mutation fuzzing of the configuration loader, with figures.

    /usr/bin/python3 python-bridge/benchmarks/bench_fuzz.py [SECONDS] [SEED]

Prints mutants per second, how many were rejected with diagnostics, the slowest mutant and every
crash (an exception, an internal-error diagnostic or a hang), each saved under /tmp.
"""

from __future__ import annotations

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from qontinui_bridge.fuzzing import corpus_seeds, fuzz  # noqa: E402

CORPUS = os.path.join(HERE, "..", "..", "tests", "conformance")


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 600
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else time.time_ns()

    def keep(mutant: bytes, problem: str) -> None:
        path = f"/tmp/qontinui-fuzz-crash-{seed}-{time.time_ns()}.json"
        with open(path, "wb") as fh:
            fh.write(mutant)
        print(f"CRASH {path}: {problem}")

    r = fuzz(corpus_seeds(CORPUS), seconds, seed, on_crash=keep)
    print(f"loader fuzz: {r.mutants} mutants in {r.seconds:.0f} s ({r.mutants / r.seconds:.0f}/s), "
          f"{r.rejected} rejected with diagnostics, slowest {r.slowest_ms:.0f} ms, {len(r.crashes)} crashes, seed {seed}")
    return 1 if r.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
