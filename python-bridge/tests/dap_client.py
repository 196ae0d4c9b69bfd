# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""A minimal DAP client that drives the real `python3 -m qontinui_bridge` process."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class DapClient:
    def __init__(self, argv: list[str] | None = None) -> None:
        self.proc = subprocess.Popen(argv or [sys.executable, "-m", "qontinui_bridge"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env={**os.environ, "PYTHONPATH": ROOT})
        self.seq = 0
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self.backlog: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr: list[bytes] = []  # the executor's stderr, complete once the process has ended
        threading.Thread(target=lambda: self.stderr.append(self.proc.stderr.read()),  # type: ignore[union-attr]
                         daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            line = out.readline()
            if not line:
                self.messages.put({"type": "eof"})
                return
            if not line.lower().startswith(b"content-length:"):
                self.messages.put({"type": "garbage", "line": line.decode(errors="replace")})
                continue
            n = int(line.split(b":")[1])
            out.readline()
            msg = json.loads(out.read(n))
            msg["_t"] = time.time()
            self.messages.put(msg)

    def send_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, command: str, arguments: dict[str, Any] | None = None) -> int:
        self.seq += 1
        body = json.dumps({"seq": self.seq, "type": "request", "command": command, "arguments": arguments or {}}).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        return self.seq

    def _next(self, timeout: float) -> dict[str, Any]:
        msg = self.messages.get(timeout=timeout)
        if msg.get("type") == "event":
            self.events.append(msg)
        if msg.get("type") in ("eof", "garbage"):
            raise AssertionError(f"stream problem: {msg}")
        return msg

    def wait(self, pred: Any, timeout: float = 10.0) -> dict[str, Any]:
        for i, m in enumerate(self.backlog):
            if pred(m):
                return self.backlog.pop(i)
        end = time.time() + timeout
        while True:
            m = self._next(max(0.01, end - time.time()))
            if pred(m):
                return m
            self.backlog.append(m)

    def request(self, command: str, arguments: dict[str, Any] | None = None, timeout: float = 10.0) -> dict[str, Any]:
        seq = self.send(command, arguments)
        return self.wait(lambda m: m.get("type") == "response" and m.get("request_seq") == seq, timeout)

    def event(self, name: str, timeout: float = 10.0) -> dict[str, Any]:
        return self.wait(lambda m: m.get("type") == "event" and m.get("event") == name, timeout)

    def start(self, launch: dict[str, Any], function_bps: list[dict[str, Any]] | None = None,
              exception_filters: list[str] | None = None, **initialize: Any) -> dict[str, Any]:
        init = self.request("initialize", {"clientID": "pytest", "adapterID": "qontinui", "linesStartAt1": True,
                                           **initialize})
        assert init["success"], init
        self.event("initialized")
        r = self.request("launch", launch)
        assert r["success"], r
        if function_bps is not None:
            assert self.request("setFunctionBreakpoints", {"breakpoints": function_bps})["success"]
        if exception_filters is not None:
            assert self.request("setExceptionBreakpoints", {"filters": exception_filters})["success"]
        assert self.request("configurationDone")["success"]
        return init

    def close(self) -> int:
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
        except OSError:
            pass
        try:
            return self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
