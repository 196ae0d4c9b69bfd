# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Screen/input backends: x11 (real), screenshots (replay), mock (no screen)."""

from __future__ import annotations

from typing import Any

from .base import Backend


def create_backend(name: str, screenshots: Any = None, display: str | None = None,
                   monitor: int | None = None) -> Backend:
    """monitor: the screen of a multi-screen (Xinerama) X display that finds search by default."""
    if name == "mock":
        from .mock import MockBackend
        return MockBackend()
    if name in ("screenshots", "screenshot"):
        from .screenshots import ScreenshotBackend
        if not screenshots:
            raise ValueError("the screenshots backend needs 'screenshots' (a folder or a list of files)")
        backend = ScreenshotBackend(screenshots)
        backend.monitor = monitor
        return backend
    if name in ("x11", "real"):
        from .x11 import X11Backend
        return X11Backend(display, monitor)
    raise ValueError(f"unknown backend '{name}' (expected x11, screenshots or mock)")


__all__ = ["Backend", "create_backend"]
