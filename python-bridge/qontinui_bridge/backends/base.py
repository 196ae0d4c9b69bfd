# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Backend interface shared by all screen/input implementations."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import numpy as np

from ..config import Region

if TYPE_CHECKING:
    from ..vision import Screen

# Canonical key names accepted in configs (lower-case) -> X11 keysym names.
KEY_ALIASES = {
    "ctrl": "Control_L", "control": "Control_L", "shift": "Shift_L", "alt": "Alt_L",
    "meta": "Super_L", "cmd": "Super_L", "win": "Super_L", "super": "Super_L", "windows": "Super_L",
    "enter": "Return", "return": "Return", "tab": "Tab", "esc": "Escape", "escape": "Escape",
    "backspace": "BackSpace", "delete": "Delete", "del": "Delete", "insert": "Insert",
    "space": "space", "up": "Up", "down": "Down", "left": "Left", "right": "Right",
    "home": "Home", "end": "End", "pageup": "Prior", "page_up": "Prior", "pagedown": "Next",
    "page_down": "Next", "capslock": "Caps_Lock", "printscreen": "Print",
}


def key_name(key: str) -> str:
    """Normalise a config key name ('ctrl', 'Enter', 'F5', 'a') to an X11 keysym name."""
    k = str(key).strip()
    low = k.lower()
    if low in KEY_ALIASES:
        return KEY_ALIASES[low]
    if len(low) >= 2 and low[0] == "f" and low[1:].isdigit():
        return "F" + low[1:]
    return k


class Backend:
    """Screen capture + synthetic input. Subclasses override the device methods."""

    name = "base"
    live = True      # screen can change without our input (polling makes sense)
    virtual = False  # no real screen at all (mock)

    def __init__(self) -> None:
        self.monitor: int | None = None  # default monitor searched (launch argument "monitor")
        self.position: tuple[int, int] = (0, 0)
        self.inputs: list[dict[str, Any]] = []  # every input made, for replay/mock inspection

    def record(self, kind: str, **data: Any) -> None:
        self.inputs.append({"kind": kind, "t": time.time(), **data})

    # --- screen ---------------------------------------------------------------
    def capture(self) -> np.ndarray | None:
        """Current screen as a BGR array (None for the mock backend)."""
        raise NotImplementedError

    def monitor_areas(self) -> list[Region]:
        """Monitor rectangles in capture (root window) coordinates; empty for a single screen."""
        return []

    def screen(self) -> "Screen | None":
        """One capture as a vision Screen that knows the monitors (None for the mock backend)."""
        from ..vision import Screen
        img = self.capture()
        return Screen(img, self.monitor_areas(), self.monitor) if img is not None else None

    def screen_size(self) -> tuple[int, int]:
        img = self.capture()
        return (img.shape[1], img.shape[0]) if img is not None else (1920, 1080)

    # --- input ----------------------------------------------------------------
    def move(self, x: int, y: int) -> None:
        self.position = (int(x), int(y))
        self.record("move", x=int(x), y=int(y))

    def button(self, button: str, down: bool) -> None:
        self.record("mouseDown" if down else "mouseUp", button=button, x=self.position[0], y=self.position[1])

    def scroll(self, direction: str, clicks: int) -> None:
        self.record("scroll", direction=direction, clicks=clicks, x=self.position[0], y=self.position[1])

    def key(self, key: str, down: bool) -> None:
        self.record("keyDown" if down else "keyUp", key=key_name(key))

    def type_char(self, ch: str) -> None:
        self.record("char", char=ch)

    # --- highlight ------------------------------------------------------------
    def show_highlight(self, region: dict[str, int], color: tuple[int, int, int], thickness: int,
                       duration_ms: float) -> Any:
        """Start showing a rectangle outline (color = (r, g, b)) around region.

        Returns a handle for hide_highlight, or None when this backend draws nothing (the
        highlight is then only recorded here and reported as the qontinui/highlight event)."""
        self.record("highlight", region=dict(region), color="#%02X%02X%02X" % tuple(color),
                    thickness=int(thickness), durationMs=duration_ms)
        return None

    def hide_highlight(self, handle: Any) -> None:
        """Remove what show_highlight drew."""

    def input_done(self) -> None:
        """Called once after each input *action* (the screenshots backend advances here)."""

    def close(self) -> None:
        pass
