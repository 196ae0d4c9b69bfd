# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""The arguments of the DAP ``launch`` request, typed.

The Java twin is ``org.qontinui.runner.bridge.LaunchArguments``; both follow the table in
docs/protocol.md (a test checks that the table lists exactly these fields).
"""

from __future__ import annotations

import dataclasses
from typing import Literal

Backend = Literal["x11", "screenshots", "mock"]
FailureStrategy = Literal["stop", "continue", "pause", "retry"]

# Properties VS Code and other clients add to every launch configuration; accepted silently.
CLIENT_PROPERTIES = frozenset({"type", "request", "name", "preLaunchTask", "postDebugTask", "internalConsoleOptions",
                               "debugServer", "presentation"})


@dataclasses.dataclass
class LaunchArguments:
    config: str
    """Path of the configuration file (JSON)."""
    workflow: str | None = None
    """Id or name of the workflow to run; default: first workflow in an automationEnabled category, else first."""
    backend: Backend | None = None
    """Default: x11, or mock/screenshots after settings.execution.executionMode."""
    screenshots: str | list[str] | None = None
    """Folder of screenshots, or the files themselves, for the screenshots backend."""
    initialStates: list[str] = dataclasses.field(default_factory=list)
    goToStates: list[str] = dataclasses.field(default_factory=list)
    """Instead of a workflow: plan a path to these states and go there."""
    runDir: str | None = None
    """Folder for failure screenshots and SCREENSHOT output."""
    screenshotOnError: bool | None = None
    """None: settings.logging.screenshotOnError (default true)."""
    noDebug: bool = False
    stopOnEntry: bool = False
    monitor: int | None = None
    failureStrategy: FailureStrategy | None = None
    """None: settings.execution.failureStrategy."""
    slowStepMs: int = 0
    pluginModules: list[str] = dataclasses.field(default_factory=list)
    pluginPaths: list[str] = dataclasses.field(default_factory=list)
    actionHints: dict[str, str] = dataclasses.field(default_factory=dict)
    """Action type -> plugin that provides it (validation messages)."""
    onFailure: Literal["stop", "retry", "skip"] | None = None
    """Headless decision on a failed action (no user to ask): stop, re-detect and retry once, or skip."""
    timeout: float | None = None
    """Seconds after which the run ends (error "run timeout after N s")."""
    record: bool = False
    """Save the frame each action saw into runDir (run.json, frames/), for replay."""
    replay: str | None = None
    """A recorded run folder: run its configuration again on its recorded frames (stepBack works)."""
    _unknown: list[str] = dataclasses.field(default_factory=list, repr=False, compare=False)

    def problems(self) -> list[str]:
        """Value checks beyond the types, as JSON-pointer messages."""
        out = []
        if not self.config.strip():
            out.append("/arguments/config: must not be empty")
        if self.slowStepMs < 0:
            out.append(f"/arguments/slowStepMs: must be 0 or more, got {self.slowStepMs}")
        if self.monitor is not None and self.monitor < 0:
            out.append(f"/arguments/monitor: must be 0 or more, got {self.monitor}")
        return out

    def unknown_properties(self) -> list[str]:
        """Properties this definition does not know, minus the ones clients add (``__*``, type, name...)."""
        return [k for k in self._unknown if not k.startswith("__") and k not in CLIENT_PROPERTIES]


def launch_field_names() -> list[str]:
    return [f.name for f in dataclasses.fields(LaunchArguments) if not f.name.startswith("_")]
