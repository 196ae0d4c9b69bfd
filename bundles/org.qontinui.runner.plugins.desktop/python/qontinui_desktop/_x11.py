# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Shared X11 plumbing: which display the run uses, opening connections, polling helpers.

python-xlib is imported lazily so the plugin (and WAIT_FOR_COLOR) still loads where it is
missing; the X11-only actions then fail with a clear message.
"""

from __future__ import annotations

import os
import select
from typing import Any

from qontinui_bridge.engine import ActionResult


class NeedsX11(Exception):
    """Raised by display_for(); handlers turn it into a failed ActionResult."""


def display_name(ctx: Any) -> str:
    """The X display of the run's backend; NeedsX11 on the screenshots/mock backends."""
    backend = ctx.backend
    name = getattr(backend, "name", "?")
    if name != "x11":
        raise NeedsX11(f"{ctx.action.type} needs the x11 backend (this run uses the '{name}' backend)")
    return str(getattr(backend, "display_name", None) or os.environ.get("DISPLAY") or ":0")


def open_display(name: str) -> Any:
    """A private connection (never the backend's: replies/events must not interleave)."""
    try:
        from Xlib import display as xdisplay
    except ImportError:
        raise NeedsX11("python-xlib is not installed (apt install python3-xlib)") from None
    try:
        dpy = xdisplay.Display(name)
    except Exception as exc:
        raise NeedsX11(f"cannot open X display {name}: {exc}") from None
    errors: list[Any] = []
    dpy.set_error_handler(lambda err, *a: errors.append(err))  # async errors (window vanished...)
    dpy.qontinui_errors = errors  # type: ignore[attr-defined]
    return dpy


def fail(ctx: Any, message: str, **data: Any) -> ActionResult:
    """An expected failure: a failed result (the engine reports it), never an exception."""
    return ActionResult(False, message, data)


def checkpoint(ctx: Any) -> None:
    """Pause/terminate point (ActionContext.sleep(0) runs the engine's poll once)."""
    ctx.sleep(0)


def wait_readable(ctx: Any, dpy: Any, seconds: float) -> None:
    """Wait up to `seconds` for X input, at most one poll slice (20 ms) at a time."""
    checkpoint(ctx)
    if dpy.pending_events():
        return
    select.select([dpy.fileno()], [], [], max(0.0, min(0.02, seconds)))


def decode_text(dpy: Any, type_atom: int, data: Any) -> str:
    raw = data if isinstance(data, (bytes, bytearray)) else bytes(data)
    tname = dpy.get_atom_name(type_atom) if type_atom else ""
    if tname == "STRING":
        return raw.decode("latin-1")
    return raw.decode("utf-8", errors="replace")  # UTF8_STRING, text/plain;charset=utf-8, COMPOUND_TEXT (ASCII part)
