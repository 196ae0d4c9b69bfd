# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Executor overhead in mock mode through the real DAP process, every event emitted.

Measures actions/s (from qontinui/runCompleted) and the latency from an action starting
(actionStarted.timestamp, taken just before the event is built) to the client having read
that frame from the pipe (p50/p99).
Run: /usr/bin/python3 python-bridge/benchmarks/bench_executor.py [actions]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))
from dap_client import DapClient  # noqa: E402


def config(n: int) -> dict:
    kinds = [
        {"type": "SET_VARIABLE", "config": {"variableName": "x", "valueSource": {"type": "expression", "expression": "1 + 2"}}},
        {"type": "MOUSE_MOVE", "config": {"target": {"type": "coordinates", "x": 10, "y": 20}}},
        {"type": "CLICK", "config": {"target": {"type": "coordinates", "x": 30, "y": 40}}},
        {"type": "TYPE", "config": {"text": "abc"}},
        {"type": "FIND", "config": {"target": {"type": "image", "imageIds": ["si"]}}},
    ]
    import base64

    import cv2
    import numpy as np
    png = base64.b64encode(cv2.imencode(".png", np.arange(48, dtype=np.uint8).reshape(4, 4, 3))[1].tobytes()).decode()
    return {"version": "2.0.0", "metadata": {"name": "bench"},
            "images": [{"id": "img", "data": png}],
            "states": [{"id": "s", "isInitial": True, "stateImages": [{"id": "si", "patterns": [{"id": "p", "imageId": "img"}]}]}],
            "workflows": [{"id": "wf", "name": "bench", "actions": [
                {"id": f"a{i}", **kinds[i % len(kinds)]} for i in range(n)]}]}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(config(n), fh)
        path = fh.name
    c = DapClient()
    c.start({"config": path, "backend": "mock", "noDebug": True})
    latencies, frames = [], 0
    done = None
    while done is None:
        m = c._next(60)
        frames += 1
        if m.get("event") == "qontinui/actionStarted":
            latencies.append((m["_t"] - m["body"]["timestamp"]) * 1000)
        elif m.get("event") == "qontinui/runCompleted":
            done = m["body"]
    c.close()
    os.unlink(path)
    latencies.sort()
    rate = done["actionsPassed"] / (done["durationMs"] / 1000)
    print(f"{n} actions (SET_VARIABLE/MOUSE_MOVE/CLICK/TYPE/FIND mix), mock backend, DAP over pipes, "
          f"{frames} frames read, {os.cpu_count()} CPUs")
    print(f"executor: {rate:8.0f} actions/s  (run {done['durationMs']:.0f} ms, passed {done['actionsPassed']}, "
          f"failed {done['actionsFailed']})")
    print(f"actionStarted latency (action start -> frame read by client): p50 {statistics.median(latencies):.3f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.3f} ms, max {latencies[-1]:.3f} ms")


if __name__ == "__main__":
    main()
