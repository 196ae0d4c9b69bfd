# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""DAP adapter: frame reader throughput, and how fast the executor stops (terminate, EOF, SIGTERM, parent death).

Run: PYTHONPATH=python-bridge /usr/bin/python3 python-bridge/benchmarks/bench_dap.py [rounds]

Every stop is measured on a real executor process in the middle of a 30 s WAIT (screenshots backend,
real time), from the moment the stop is sent to the moment the client sees its effect: the `exited`
event (terminate), or the process gone (EOF, SIGTERM, parent killed with SIGKILL).
"""

from __future__ import annotations

import io
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))
from dap_client import DapClient  # noqa: E402

from qontinui_bridge.protocol import MAX_CONTENT_LENGTH, FrameReader, FramingError, encode_message  # noqa: E402

SHOTS = os.path.join(ROOT, "demo", "screenshots")
CONFIG = {"version": "2.0.0", "metadata": {"name": "bench"}, "images": [],
          "states": [{"id": "s1", "name": "S1", "isInitial": True, "stateImages": []}], "transitions": [],
          "workflows": [{"id": "wf-main", "name": "Main",
                         "actions": [{"id": "w", "type": "WAIT", "config": {"duration": 30000}}]}]}


def reader_throughput() -> None:
    frame = encode_message({"seq": 1, "type": "request", "command": "stackTrace",
                            "arguments": {"threadId": 1, "startFrame": 0, "levels": 20}})
    n = 50_000
    reader = FrameReader(io.BufferedReader(io.BytesIO(frame * n)))
    t0 = time.perf_counter()
    while reader.read() is not None:
        pass
    dt = time.perf_counter() - t0
    print(f"frame reader: {n / dt:,.0f} small frames/s ({len(frame)} bytes each)")
    big = b'{"a":"' + b"x" * (MAX_CONTENT_LENGTH - 8) + b'"}'
    data = b"Content-Length: %d\r\n\r\n" % len(big) + big
    reader = FrameReader(io.BufferedReader(io.BytesIO(data)))
    t0 = time.perf_counter()
    reader.read()
    dt = time.perf_counter() - t0
    print(f"frame reader: one {len(big) / 2**20:.0f} MiB body (at the cap) in {dt * 1000:.0f} ms")
    pad = b" " * (MAX_CONTENT_LENGTH + 1 - len(big))
    over = b"Content-Length: %d\r\n\r\n" % (MAX_CONTENT_LENGTH + 1) + big + pad + encode_message({"seq": 2})
    reader = FrameReader(io.BufferedReader(io.BytesIO(over)))
    t0 = time.perf_counter()
    try:
        reader.read()
    except FramingError:
        pass
    assert reader.read() == {"seq": 2}
    dt = time.perf_counter() - t0
    print(f"frame reader: skipping a {len(big) / 2**20:.0f} MiB over-cap body to the next frame in {dt * 1000:.0f} ms")


def session(cfg: str) -> DapClient:
    c = DapClient()
    c.start({"config": cfg, "backend": "screenshots", "screenshots": SHOTS, "noDebug": True})
    c.wait(lambda m: m.get("event") == "qontinui/actionStarted")
    time.sleep(0.2)
    return c


def gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def stop_times(cfg: str, rounds: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"terminate -> exited event": [], "stdin EOF -> process gone": [],
                                   "SIGTERM -> process gone": [], "parent SIGKILL -> process gone": []}
    for _ in range(rounds):
        c = session(cfg)
        t0 = time.time()
        c.send("terminate")
        out["terminate -> exited event"].append(c.event("exited")["_t"] - t0)
        c.close()

        c = session(cfg)
        t0 = time.time()
        c.proc.stdin.close()  # type: ignore[union-attr]
        c.proc.wait(5)
        out["stdin EOF -> process gone"].append(time.time() - t0)

        c = session(cfg)
        t0 = time.time()
        c.proc.send_signal(signal.SIGTERM)
        c.proc.wait(5)
        out["SIGTERM -> process gone"].append(time.time() - t0)

        script = ("import subprocess, sys, time\n"
                  f"p = subprocess.Popen([sys.executable, '-m', 'qontinui_bridge', 'run', {cfg!r}, '--backend', "
                  f"'screenshots', '--screenshots', {SHOTS!r}])\n"
                  "print(p.pid, flush=True)\ntime.sleep(60)\n")
        parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                                  env={**os.environ, "PYTHONPATH": ROOT})
        child = int(parent.stdout.readline())  # type: ignore[union-attr]
        while b"] run " not in parent.stdout.readline():  # type: ignore[union-attr]
            pass  # the child's first line: its run has started
        time.sleep(0.2)
        t0 = time.time()
        parent.kill()
        while not gone(child) and time.time() - t0 < 5:
            time.sleep(0.002)
        out["parent SIGKILL -> process gone"].append(time.time() - t0)
        parent.wait()
    return out


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    reader_throughput()
    with tempfile.TemporaryDirectory() as tmp:
        cfg = os.path.join(tmp, "cfg.json")
        with open(cfg, "w") as fh:
            json.dump(CONFIG, fh)
        for name, times in stop_times(cfg, rounds).items():
            ms = sorted(t * 1000 for t in times)
            print(f"{name:32s} median {statistics.median(ms):6.1f} ms, max {ms[-1]:6.1f} ms ({len(ms)} runs)")


if __name__ == "__main__":
    main()
