# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Process-level robustness: the executor stops on SIGTERM/SIGHUP and never outlives its parent.

An executor left behind by a crashed workbench would keep moving the mouse and typing, so:
* SIGTERM and SIGHUP stop the run (it polls every 20 ms) and end the process within 200 ms;
* the kernel signals us when the parent dies (PR_SET_PDEATHSIG), and a watcher thread notices the
  re-parenting too where prctl is not available. PR_SET_PDEATHSIG fires when the parent *thread*
  that started us exits (the JVM starts processes from short-lived worker threads), so that signal is
  only trusted when the parent process really changed.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from typing import Callable

PR_SET_PDEATHSIG = 1
PARENT_POLL_SECONDS = 0.05
PARENT_DEATH_SIGNAL = signal.SIGUSR2
# The parent as early as possible: a parent that dies during the slow imports is still noticed.
STARTUP_PARENT = os.getppid()

GRACE_SECONDS = 0.15  # the run polls every 20 ms; whatever is still busy after this dies with the process


class ProcessGuard:
    """On a stop signal or the parent's death: stop the run, give it GRACE_SECONDS, then exit."""

    def __init__(self) -> None:
        self._stops: list[Callable[[], None]] = []
        self._waits: list[Callable[[float], None]] = []
        self._parent = STARTUP_PARENT
        self._lock = threading.Lock()
        self._stopping = False

    def on_stop(self, stop: Callable[[], None], wait: Callable[[float], None] | None = None) -> None:
        """``stop`` must not block; ``wait(timeout)`` may, up to its timeout (e.g. a thread's join)."""
        self._stops.append(stop)
        if wait is not None:
            self._waits.append(wait)

    def install(self, signals: tuple[signal.Signals, ...] = (signal.SIGTERM, signal.SIGHUP)) -> None:
        if threading.current_thread() is threading.main_thread():  # signals can only be set there
            for sig in signals:
                signal.signal(sig, lambda signum, _frame: self.shutdown(f"signal {signal.Signals(signum).name}",
                                                                        128 + signum))
            signal.signal(PARENT_DEATH_SIGNAL, lambda _s, _f: self._check_parent())
            _set_parent_death_signal(PARENT_DEATH_SIGNAL)
        self._check_parent()  # the parent may have died before prctl
        threading.Thread(target=self._watch_parent, name="qontinui-parent-watch", daemon=True).start()

    def parent_alive(self) -> bool:
        return os.getppid() == self._parent

    def _check_parent(self) -> None:
        if not self.parent_alive():
            self.shutdown(f"parent process {self._parent} is gone", 1)

    def _watch_parent(self) -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            self._check_parent()

    def shutdown(self, reason: str, code: int) -> None:
        """Safe from a signal handler: asks the run to stop and exits from another thread after the grace."""
        with self._lock:
            if self._stopping:
                return
            self._stopping = True
        for stop in self._stops:
            try:
                stop()
            except Exception:  # stopping must not fail half way
                pass
        threading.Thread(target=self._exit, args=(reason, code), name="qontinui-exit", daemon=True).start()

    def _exit(self, reason: str, code: int) -> None:
        deadline = time.monotonic() + GRACE_SECONDS
        for wait in self._waits:
            try:
                wait(max(0.0, deadline - time.monotonic()))
            except Exception:
                pass
        for stream in (sys.__stdout__, sys.__stderr__):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                pass
        try:
            os.write(2, f"qontinui executor stopped: {reason}\n".encode())
        except OSError:
            pass
        os._exit(code)


def _set_parent_death_signal(sig: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False
