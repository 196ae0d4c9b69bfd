# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""WAIT_FOR_COLOR: wait until the screen pixel at (x, y) has a colour (within a tolerance).

The screen comes from the backend through the ActionContext (ctx.backend.capture(), a BGR
array), so the action works on every backend:
  x11          polls the live screen every `pollInterval` ms until `timeout` ms have passed;
  screenshots  checks the current screenshot once (a replayed screen only changes on input);
  mock         has no screen: the wait is a dry-run success, like the other mock waits.
Waiting sleeps through ctx.sleep (20 ms slices), so pause and terminate act at once.
"""

from __future__ import annotations

import re
import time
from typing import Any

from qontinui_bridge.engine import ActionResult

from ._x11 import fail

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def parse_color(value: Any) -> tuple[int, int, int]:
    """'#RRGGBB' / 'RRGGBB' / '#RGB' or [r, g, b] -> (r, g, b)."""
    if isinstance(value, (list, tuple)) and len(value) == 3:
        rgb = tuple(int(v) for v in value)
        if all(0 <= v <= 255 for v in rgb):
            return rgb  # type: ignore[return-value]
        raise ValueError(f"color components must be 0-255: {value}")
    m = _HEX.match(str(value).strip()) if value is not None else None
    if not m:
        raise ValueError(f"color must be '#RRGGBB', not {value!r}")
    h = m.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def hex_color(rgb: tuple[int, int, int]) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def act_wait_for_color(ctx: Any, cfg: dict[str, Any]) -> ActionResult:
    try:
        if cfg.get("x") is None or cfg.get("y") is None:
            raise ValueError("WAIT_FOR_COLOR needs 'x' and 'y'")
        x, y = int(cfg["x"]), int(cfg["y"])
        want = parse_color(cfg.get("color"))
        tolerance = int(cfg.get("tolerance") or 0)
        if not 0 <= tolerance <= 255:
            raise ValueError(f"tolerance must be 0-255, not {tolerance}")
        timeout_s = float(cfg["timeout"] if cfg.get("timeout") is not None else 5000) / 1000
        interval_s = max(0.01, float(cfg.get("pollInterval") or 100) / 1000)
    except (TypeError, ValueError) as exc:
        return fail(ctx, str(exc))
    wanted = hex_color(want) + (f" ±{tolerance}" if tolerance else "")
    backend = ctx.backend
    t0 = time.perf_counter()
    deadline = t0 + timeout_s
    checks = 0
    while True:
        ctx.sleep(0)  # pause/terminate point
        img = backend.capture()
        if img is None:  # mock backend: no screen at all
            return ActionResult(True, f"{backend.name} backend has no screen: assumed ({x},{y}) is {wanted}",
                                {"x": x, "y": y, "wanted": hex_color(want)})
        h, w = img.shape[:2]
        if not (0 <= x < w and 0 <= y < h):
            return fail(ctx, f"pixel ({x},{y}) is outside the {w}x{h} screen")
        b, g, r = (int(v) for v in img[y, x][:3])
        checks += 1
        diff = max(abs(r - want[0]), abs(g - want[1]), abs(b - want[2]))
        seen = hex_color((r, g, b))
        if cfg.get("outputVariable"):
            ctx.variables.set(str(cfg["outputVariable"]), seen)
        data = {"x": x, "y": y, "color": seen, "wanted": hex_color(want), "difference": diff, "checks": checks}
        waited = time.perf_counter() - t0
        if diff <= tolerance:
            return ActionResult(True, f"pixel ({x},{y}) is {seen} (wanted {wanted}) after {waited:.2f}s, "
                                      f"{checks} check(s)", data)
        now = time.perf_counter()
        if not backend.live or now >= deadline:
            how = "on the current screenshot" if not backend.live else f"after {timeout_s:.1f}s ({checks} checks)"
            return fail(ctx, f"pixel ({x},{y}) is {seen}, wanted {wanted} (difference {diff}) {how}", **data)
        ctx.sleep(min(interval_s, deadline - now))
