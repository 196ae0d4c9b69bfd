# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Run-time types shared by the engine, the actions, the navigator and the protocol layer.

This module imports nothing from qontinui_bridge, so any module may import it without cycles.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

POLL_SLICE = 0.02  # seconds; every wait sleeps in slices this small so pause/stop stay responsive


class RunTerminated(Exception):
    """Raised inside the run thread when a terminate was requested (or the run ended otherwise)."""

    def __init__(self, reason: str = "terminated by user") -> None:
        super().__init__(reason)
        self.reason = reason


class LoopBreak(Exception):
    pass


class LoopContinue(Exception):
    pass


class TransitionInterrupted(Exception):
    """An interrupting state (popup) was closed while a transition's workflow ran: its effect is unknown."""

    def __init__(self, state_id: str) -> None:
        super().__init__(f"interrupted by {state_id}")
        self.state_id = state_id


@dataclass
class ActionResult:
    success: bool
    message: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    find: Any = None  # vision.FindResult, set by find-like actions (findFailed exception filter)


@dataclass
class Frame:
    kind: str  # state | transition | workflow | action
    id: str
    name: str
    detail: str = ""  # action type, etc.


@dataclass
class Breakpoint:
    id: int
    name: str
    condition: str | None = None
    hit_condition: str | None = None
    log_message: str | None = None
    hits: int = 0

    def hit_ok(self) -> bool:
        hc = (self.hit_condition or "").strip()
        if not hc:
            return True
        try:
            if hc.startswith("%"):
                return self.hits % int(hc[1:]) == 0
            for op in (">=", "<=", "==", ">", "<", "="):
                if hc.startswith(op):
                    n = int(hc[len(op):])
                    return {">=": self.hits >= n, "<=": self.hits <= n, "==": self.hits == n,
                            "=": self.hits == n, ">": self.hits > n, "<": self.hits < n}[op]
            return self.hits == int(hc)
        except ValueError:
            return True


class Variables:
    """local (per workflow invocation) -> process (per run) -> global lookup chain."""

    def __init__(self) -> None:
        self.globals: dict[str, Any] = {}
        self.process: dict[str, Any] = {}
        self.locals: list[dict[str, Any]] = [{}]

    @property
    def local(self) -> dict[str, Any]:
        return self.locals[-1]

    def scope(self, name: str) -> dict[str, Any]:
        return {"local": self.local, "process": self.process, "global": self.globals}.get(
            (name or "local").lower(), self.local)

    def get(self, name: str | None, default: Any = None) -> Any:
        """The innermost scope's value of name; default when no scope has it (or name is None)."""
        for d in (self.local, self.process, self.globals):
            if name in d:
                return d[name]
        return default

    def has(self, name: str | None) -> bool:
        return any(name in d for d in (self.local, self.process, self.globals))

    def set(self, name: str, value: Any, scope: str = "local") -> None:
        self.scope(scope)[name] = value

    def merged(self) -> dict[str, Any]:
        return {**self.globals, **self.process, **self.local}


class RunControl:
    """Flags shared between the protocol thread and the run thread."""

    def __init__(self) -> None:
        self.cv = threading.Condition()
        self.terminate_requested = False
        self.pause_requested = False
        self.stopped = False
        self.step: str | None = None  # next | stepIn | stepOut
        self.step_depth = 0
        self.breakpoints: dict[str, list[Breakpoint]] = {}
        self.exception_filters: set[str] = set()
        self.debug = True
        self.deadline: float | None = None  # time.perf_counter() value: the run timeout
        self.timeout_s: float | None = None
        # A user's answer to a failure stop (qontinui/retry|skip|abort); read by the run thread.
        self.failure_stop = False
        self.recovery: Recovery | None = None

    def request_recovery(self, recovery: "Recovery") -> bool:
        """Answer a failure stop; False when the run is not stopped on a failure."""
        with self.cv:
            if not (self.stopped and self.failure_stop):
                return False
            self.recovery = recovery
            if recovery.kind != "updateImage":
                self.stopped = False
                self.pause_requested = False
                self.step = None
            self.cv.notify_all()
            return True

    def take_recovery(self) -> "Recovery | None":
        with self.cv:
            r, self.recovery = self.recovery, None
            return r

    def request_pause(self) -> None:
        with self.cv:
            self.pause_requested = True
            self.cv.notify_all()

    def request_terminate(self) -> None:
        with self.cv:
            self.terminate_requested = True
            self.cv.notify_all()

    def resume(self, step: str | None = None, depth: int = 0) -> bool:
        with self.cv:
            was = self.stopped
            self.step, self.step_depth = step, depth
            self.pause_requested = False
            self.stopped = False
            self.cv.notify_all()
            return was


@dataclass
class Recovery:
    """What to do with a failed action: retry (optionally with a similarity), skip or abort."""
    kind: str  # retry | skip | abort
    threshold: float | None = None


@dataclass
class FrameSeen:
    """A screen capture the run searched (offered to frame observers, e.g. --record)."""
    image: Any  # BGR numpy array, shared: observers must not modify it
    action_id: str | None
    purpose: str  # find | detection | interruption
    elapsed: float


# Failure filters of setExceptionBreakpoints; the ids are stable so a stop can name the filter that hit.
EXCEPTION_FILTERS = [
    {"filter": "actionFailed", "label": "Action failed", "default": False},
    {"filter": "findFailed", "label": "Find failed (image not found)", "default": False},
    {"filter": "transitionFailed", "label": "Transition failed", "default": False},
]


def exception_breakpoint_id(filter_name: str) -> int:
    """A stable id per failure filter, apart from function breakpoint ids."""
    return 100_000 + [f["filter"] for f in EXCEPTION_FILTERS].index(filter_name)
