# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""The run folder: the one record of a run, written by the executor, read by Java and by replay.

``events.jsonl`` holds one ``{"time", "event", "body"}`` object per executor event (``time`` is wall-clock
seconds, ``body`` as sent over DAP). A recorded run (``record: true`` / ``--record``) adds ``run.json``
(the manifest: configuration copy, workflow, backend) and ``frames/``: every screen capture the run
searched, named ``<action ordinal>-<n>.png`` (ordinal 0: before the first action), so replay can
serve each action the frames it saw. See docs/protocol.md, "Run folder".
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from typing import Any, Callable, TextIO

import cv2

from .runtime import FrameSeen

EVENTS = "events.jsonl"
MANIFEST = "run.json"
FRAMES = "frames"
CONFIG_COPY = "config.json"
FRAME_EVENT = "qontinui/frameRecorded"  # only in the file: frames are too large for DAP

Emit = Callable[[str, dict[str, Any]], None]


def frame_name(ordinal: int, index: int) -> str:
    return f"{ordinal:05d}-{index:03d}.png"


class RunRecorder:
    """Writes a run folder while the run goes on. Thread-safe: events come from the run thread and
    the protocol thread."""

    def __init__(self, run_dir: str, record_frames: bool = False) -> None:
        self.run_dir = run_dir
        self.record_frames = record_frames
        os.makedirs(run_dir, exist_ok=True)
        if record_frames:
            os.makedirs(os.path.join(run_dir, FRAMES), exist_ok=True)
        self._lock = threading.Lock()
        self._out: TextIO | None = open(os.path.join(run_dir, EVENTS), "w", encoding="utf-8")
        self.ordinal = 0  # actions started so far
        self._frames_of_ordinal = 0

    def write_manifest(self, config_path: str, workflow: str | None, backend: str) -> None:
        """The replay manifest: a copy of the configuration (replay needs the very same one)."""
        shutil.copyfile(config_path, os.path.join(self.run_dir, CONFIG_COPY))
        manifest = {"config": CONFIG_COPY, "originalConfig": os.path.abspath(config_path), "workflow": workflow,
                    "backend": backend, "frames": self.record_frames, "recorded": time.time()}
        with open(os.path.join(self.run_dir, MANIFEST), "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, indent=2)

    def tap(self, emit: Emit) -> Emit:
        """``emit`` that also records each event."""
        def recording_emit(event: str, body: dict[str, Any]) -> None:
            self.event(event, body)
            emit(event, body)
        return recording_emit

    def event(self, event: str, body: dict[str, Any] | None) -> None:
        with self._lock:
            if event == "qontinui/actionStarted":
                self.ordinal += 1
                self._frames_of_ordinal = 0
            if self._out is None:
                return
            self._out.write(json.dumps({"time": time.time(), "event": event, "body": body or {}}, default=str) + "\n")
            self._out.flush()  # a killed run keeps its record up to the last event

    def observe(self, seen: FrameSeen) -> None:
        """Frame observer (Engine.add_frame_observer): saves the frame the current action searched."""
        if not self.record_frames:
            return
        with self._lock:
            ordinal, index = self.ordinal, self._frames_of_ordinal
            self._frames_of_ordinal += 1
        name = frame_name(ordinal, index)
        path = os.path.join(self.run_dir, FRAMES, name)
        # Fast PNG compression: a capture per poll must not slow the run down noticeably.
        if not cv2.imwrite(path, seen.image, [cv2.IMWRITE_PNG_COMPRESSION, 1]):
            return
        self.event(FRAME_EVENT, {"path": f"{FRAMES}/{name}", "ordinal": ordinal, "index": index,
                                 "actionId": seen.action_id, "purpose": seen.purpose, "elapsed": seen.elapsed})

    def close(self) -> None:
        with self._lock:
            if self._out is not None:
                self._out.close()
                self._out = None

