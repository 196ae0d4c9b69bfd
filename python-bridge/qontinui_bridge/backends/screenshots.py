# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Replay backend: a sorted folder (or list) of screenshots stands in for the screen.

The screen advances to the next file after each input action; input is only recorded.
"""

from __future__ import annotations

import os
from typing import Any

import cv2
import numpy as np

from .base import Backend

_EXT = (".png", ".jpg", ".jpeg", ".bmp")


class ScreenshotBackend(Backend):
    name = "screenshots"
    live = False

    def __init__(self, source: Any) -> None:
        super().__init__()
        if isinstance(source, (list, tuple)):
            files = [str(f) for f in source]
        else:
            d = str(source)
            if not os.path.isdir(d):
                raise ValueError(f"screenshots folder not found: {d}")
            files = sorted(os.path.join(d, f) for f in os.listdir(d) if f.lower().endswith(_EXT))
        if not files:
            raise ValueError(f"no screenshots found in {source}")
        for f in files:
            if not os.path.isfile(f):
                raise ValueError(f"screenshot not found: {f}")
        self.files = files
        self.index = 0
        self._cache: dict[int, np.ndarray] = {}

    def capture(self) -> np.ndarray:
        if self.index not in self._cache:
            img = cv2.imread(self.files[self.index], cv2.IMREAD_COLOR)
            if img is None:
                raise ValueError(f"cannot read screenshot {self.files[self.index]}")
            self._cache[self.index] = img
        return self._cache[self.index]

    @property
    def current_file(self) -> str:
        return self.files[self.index]

    def input_done(self) -> None:
        if self.index < len(self.files) - 1:
            self.index += 1
        self.record("advance", file=os.path.basename(self.files[self.index]))
