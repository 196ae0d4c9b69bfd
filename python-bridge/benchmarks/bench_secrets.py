# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Cost of the secret scrubber the engine applies to every event it emits.

Prints microseconds per event (median of 5 rounds of 20 000 events) for a run with 20 ordinary
variables, then with two secrets among them.
Run: /usr/bin/python3 python-bridge/benchmarks/bench_secrets.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from qontinui_bridge import secrets  # noqa: E402
from qontinui_bridge.runtime import Variables  # noqa: E402

BODY = {"actionId": "a1", "actionType": "TYPE", "success": True, "message": "typed 'hello world'",
        "durationMs": 3, "data": {"x": [1, 2, "abc"]}}


def per_event_us(variables: Variables, rounds: int = 5, events: int = 20_000) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(events):
            secrets.scrub_event(BODY, variables)
        times.append((time.perf_counter() - start) / events * 1e6)
    return statistics.median(times)


def main() -> None:
    variables = Variables()
    for i in range(20):
        variables.process[f"var{i}"] = f"value-{i}"
    print(f"scrub_event, 20 variables, no secret:  {per_event_us(variables):.1f} us/event")
    variables.process["password"] = "Hunter2-Correct-Horse!"
    secrets.mark_sensitive(variables, "var3")
    print(f"scrub_event, 20 variables, 2 secrets:  {per_event_us(variables):.1f} us/event")


if __name__ == "__main__":
    main()
