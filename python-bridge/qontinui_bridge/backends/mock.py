# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Mock backend: no screen. The engine answers finds from the active states."""

from __future__ import annotations

import numpy as np

from .base import Backend


class MockBackend(Backend):
    name = "mock"
    live = False
    virtual = True

    def capture(self) -> np.ndarray | None:
        return None

    def screen_size(self) -> tuple[int, int]:
        return 1920, 1080
