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
