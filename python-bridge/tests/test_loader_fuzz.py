# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Bounded mutation fuzzing of the configuration loader (QONTINUI_FUZZ_SECONDS, default 60).

Seeded with the conformance corpus; a mutant that crashes is written to the temporary directory
and named in the failure so it can become a conformance case.
"""

from __future__ import annotations

import os
import time

from conftest import FIXTURES

from qontinui_bridge.fuzzing import corpus_seeds, fuzz


def test_mutants_end_as_diagnostics(tmp_path) -> None:
    seconds = float(os.environ.get("QONTINUI_FUZZ_SECONDS", "60"))
    seed = int(os.environ.get("QONTINUI_FUZZ_SEED", str(time.time_ns())))
    saved: list[str] = []

    def keep(mutant: bytes, problem: str) -> None:
        path = tmp_path / f"crash-{seed}-{len(saved)}.json"
        path.write_bytes(mutant)
        saved.append(f"{path}: {problem}")

    report = fuzz(corpus_seeds(FIXTURES), seconds, seed, on_crash=keep)
    print(f"loader fuzz: {report.mutants} mutants in {report.seconds:.0f} s, {report.rejected} rejected, "
          f"slowest {report.slowest_ms:.0f} ms, seed {seed}")
    assert report.mutants > 0
    assert not saved, "\n".join(saved[:10])
