# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Replay of a recorded run folder in the debugger, with Step Back.

A recorded run (``--record``) holds the configuration it ran and every frame each action searched
(run_record.py). Replay runs that configuration again on :class:`ReplayBackend`, which serves each
action the frames it saw in the recording; input goes nowhere. Since the frames are the same, the
run makes the same decisions, so breakpoints, stepping, variables and the failure stop all work as in
the original run, and the original failure happens again, where it happened.

Step Back (DAP ``stepBack``, ``supportsStepBack``) moves to the action before the one the run is
stopped at: the controller ends the current execution, runs the recording again from the start with
every event held back and breakpoints off, and stops at the checkpoint of that earlier action
(reverse execution by deterministic re-execution, the way record-and-replay debuggers do it).
``reverseContinue`` goes back to the previous place the session stopped at (or the first action).

A replay skips waits: the engine's clock (``Engine.now``) jumps ahead by each sleep instead of letting
it pass, so polling loops and timeouts expire after the same number of looks as in the recording, and
stepping back over a long wait or a failed search costs only the searches.

This module does not import the DAP session (no cycle); the session is passed in and used through the
attributes named in :class:`ReplaySessionLike`.
"""

from __future__ import annotations

import json
import os
import threading
from typing import Any, Callable, Protocol

import cv2
import numpy as np

from .backends.base import Backend
from .run_record import CONFIG_COPY, FRAMES, MANIFEST
from .runtime import RunControl, RunTerminated

Emit = Callable[[str, dict[str, Any]], None]


class ReplayError(ValueError):
    """The folder is not a recorded run; the message names the missing file."""


class Recording:
    """A recorded run folder: its manifest, its configuration copy and its frames by action ordinal."""

    def __init__(self, run_dir: str) -> None:
        self.run_dir = os.path.abspath(run_dir)
        manifest_path = os.path.join(self.run_dir, MANIFEST)
        if not os.path.isdir(self.run_dir):
            raise ReplayError(f"replay: {self.run_dir} is not a folder (/arguments/replay)")
        if not os.path.isfile(manifest_path):
            raise ReplayError(f"replay: {self.run_dir} is not a recorded run: no {MANIFEST} "
                              f"(record it with --record or the launch's Record option) (/arguments/replay)")
        try:
            with open(manifest_path, encoding="utf-8") as fh:
                self.manifest: dict[str, Any] = json.load(fh)
        except (OSError, json.JSONDecodeError) as exc:
            raise ReplayError(f"replay: {manifest_path}: {exc}") from None
        if not isinstance(self.manifest, dict):
            raise ReplayError(f"replay: {manifest_path}: expected a JSON object")
        self.config = os.path.join(self.run_dir, str(self.manifest.get("config") or CONFIG_COPY))
        if not os.path.isfile(self.config):
            raise ReplayError(f"replay: the recorded configuration {self.config} is missing")
        self.workflow: str | None = self.manifest.get("workflow")
        self.frames: dict[int, list[str]] = {}
        frames_dir = os.path.join(self.run_dir, FRAMES)
        if os.path.isdir(frames_dir):
            for name in sorted(os.listdir(frames_dir)):
                stem, dash, index = name.removesuffix(".png").partition("-")
                if name.endswith(".png") and dash and stem.isdigit() and index.isdigit():
                    self.frames.setdefault(int(stem), []).append(os.path.join(frames_dir, name))


class ReplayBackend(Backend):
    """Serves the recorded frames: action n sees the frames action n saw, in order, the last one
    repeated if the replay asks for more. Input is recorded here only (nothing is on screen)."""

    name = "replay"
    live = True  # waits poll through the action's successive frames, as they did in the recording

    def __init__(self, recording: Recording) -> None:
        super().__init__()
        self.recording = recording
        self.ordinal = 0
        self.index = 0
        self._cache: dict[str, np.ndarray] = {}

    def begin_action(self, ordinal: int) -> None:
        self.ordinal, self.index = ordinal, 0

    def rewind(self) -> None:
        self.begin_action(0)

    def _frames_for(self, ordinal: int) -> list[str]:
        # An action that searched nothing in the recording sees what the last search saw.
        for o in range(ordinal, -1, -1):
            if o in self.recording.frames:
                return self.recording.frames[o]
        first = min(self.recording.frames) if self.recording.frames else None
        return self.recording.frames[first] if first is not None else []

    def capture(self) -> np.ndarray | None:
        files = self._frames_for(self.ordinal)
        if not files:
            return None
        path = files[min(self.index, len(files) - 1)]
        self.index += 1
        img = self._cache.get(path)
        if img is None:
            img = cv2.imread(path, cv2.IMREAD_COLOR)
            if img is None:
                raise ValueError(f"cannot read recorded frame {path}")
            self._cache[path] = img
        return img


def replay_backend(recording: Recording) -> Backend:
    """The backend a replay runs on: the recorded frames, or the mock backend if none were recorded
    (a run recorded on the mock backend saw no screen)."""
    if recording.frames:
        return ReplayBackend(recording)
    from .backends.mock import MockBackend
    return MockBackend()


class ReplaySessionLike(Protocol):
    """What the controller uses of the DAP session."""

    control: RunControl
    engine: Any
    config: Any
    workflow_id: str | None
    stop_on_entry: bool
    thread: threading.Thread | None
    exit_code: int
    finished: threading.Event
    writer: Any

    def on_engine_event(self, event: str, body: dict[str, Any]) -> None: ...

    def log(self, text: str, category: str = "console") -> None: ...


class ReplayController:
    """Runs (and re-runs) the replay for a DAP session; answers stepBack and reverseContinue."""

    def __init__(self, session: ReplaySessionLike, backend: Backend, make_engine: Callable[[Emit], Any]) -> None:
        self.session = session
        self.backend = backend
        self.make_engine = make_engine
        self.generation = 0
        self.ordinal = 0  # actions started in the current execution
        self.fast_forward_to: int | None = None  # stop at the checkpoint of this action ordinal
        self.stop_positions: list[int] = []  # action ordinals of the places this session stopped at
        self._saved_debug = True
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ execution
    def new_engine(self) -> Any:
        generation = self.generation
        engine = self.make_engine(lambda event, body: self._emit(generation, event, body))
        engine.skip_waits = True  # the recording already waited: a replay takes the time its searches take
        return engine

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self._run, args=(self.generation, self.session.engine),
                                  name="qontinui-replay", daemon=True)
        self.session.thread = thread
        thread.start()
        return thread

    def _emit(self, generation: int, event: str, body: dict[str, Any]) -> None:
        with self._lock:
            if generation != self.generation:
                return  # an execution that was replaced by a step back
            if event == "qontinui/actionStarted":
                self.ordinal += 1
                if isinstance(self.backend, ReplayBackend):
                    self.backend.begin_action(self.ordinal)
                if self.fast_forward_to is not None and self.ordinal == self.fast_forward_to - 1:
                    # The next action checkpoint is the target: stop there.
                    self.session.control.step = "stepIn"
            if self.fast_forward_to is not None:
                if event != "stopped":
                    return  # held back: the client saw these events the first time through
                self.fast_forward_to = None
                self.session.control.debug = self._saved_debug
                body = dict(body, reason="step",
                            description=f"Stepped back to action {self.ordinal + 1} of the recording")
            if event == "stopped":
                self.stop_positions.append(self.ordinal)
        self.session.on_engine_event(event, body)

    def _run(self, generation: int, engine: Any) -> None:
        s = self.session
        body: dict[str, Any] = {}
        try:
            if s.stop_on_entry and generation == 0:
                engine.suspend("entry", "Stopped on entry")
            body = engine.run(s.config.workflows[s.workflow_id or ""])
        except RunTerminated as exc:
            if generation != self.generation:
                return  # replaced by a step back: the new execution goes on
            body = {"success": False, "error": str(exc) or "terminated by user"}
        except Exception as exc:  # a bug must not leave the client hanging
            if generation != self.generation:
                return
            body = {"success": False, "error": str(exc) or type(exc).__name__}
        if generation != self.generation:
            return
        s.exit_code = 0 if body.get("success") else 1
        s.log("REPLAY ENDED: " + ("run passed" if body.get("success") else f"run failed: {body.get('error')}"))
        s.writer.event("terminated")
        s.writer.event("exited", {"exitCode": s.exit_code})
        s.finished.set()

    def _restart(self, target: int) -> None:
        """Ends the current execution and runs the recording again, silently, up to action ``target``."""
        s = self.session
        c = s.control
        old = s.thread
        with self._lock:
            self.generation += 1
        c.request_terminate()
        if old is not None and old is not threading.current_thread():
            old.join(timeout=5)
        with c.cv:
            c.terminate_requested = False
            c.pause_requested = False
            c.stopped = False
            c.step = "stepIn" if target <= 1 else None
            c.step_depth = 0
            if hasattr(c, "failure_stop"):
                c.failure_stop = False
        if hasattr(self.backend, "rewind"):
            self.backend.rewind()
        with self._lock:
            self.ordinal = 0
            self.fast_forward_to = max(target, 1)
            self._saved_debug = c.debug
            c.debug = False  # breakpoints and failure stops stay quiet on the way
        s.engine = self.new_engine()
        self.start()

    # ------------------------------------------------------------------ requests
    def step_back(self) -> None:
        """The previous action of the recording (the first one stays where it is)."""
        position = self.stop_positions[-1] if self.stop_positions else self.ordinal
        self._restart(max(position, 1))

    def reverse_continue(self) -> None:
        """Back to the previous place this session stopped at, or the first action."""
        current = self.stop_positions[-1] if self.stop_positions else self.ordinal
        earlier = [p for p in self.stop_positions if p < current]
        self._restart(earlier[-1] + 1 if earlier else 1)
