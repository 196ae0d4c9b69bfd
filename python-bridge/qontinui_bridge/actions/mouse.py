# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Mouse: CLICK, MOUSE_MOVE, MOUSE_DOWN/UP, DRAG, SCROLL."""

from __future__ import annotations

import time
from typing import Any

from ..config import Region
from ..runtime import ActionResult
from .base import Handler, ms, with_target
from .context import ActionContext


def _button(cfg: dict[str, Any]) -> str:
    return str(cfg.get("mouseButton") or cfg.get("button") or "LEFT").upper()


@with_target
def act_click(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    pts = ctx.points(cfg.get("target"), cfg)
    button, count = _button(cfg), int(cfg.get("numberOfClicks") or cfg.get("clickCount") or 1)
    for x, y in pts:
        ctx.backend.move(x, y)
        for i in range(count):
            ctx.backend.button(button, True)
            if cfg.get("pressDuration"):
                ctx.sleep(ms(cfg["pressDuration"]))
            ctx.backend.button(button, False)
            if i < count - 1:
                ctx.sleep(0.03)  # inside the double-click interval; terminate/pause stay responsive
            else:
                ctx.engine.poll()
    ctx.backend.input_done()
    return ActionResult(True, f"{button.lower()} x{count} at " + ", ".join(f"({x},{y})" for x, y in pts),
                        {"x": pts[0][0], "y": pts[0][1]}, find=ctx.engine.last_find if _is_image(cfg) else None)


def _is_image(cfg: dict[str, Any]) -> bool:
    t = cfg.get("target")
    return isinstance(t, dict) and t.get("type") in ("image", "stateImage")


@with_target
def act_mouse_move(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    x, y = ctx.point(cfg.get("target") or _coords(cfg), cfg)
    ctx.backend.move(x, y)
    ctx.backend.input_done()
    return ActionResult(True, f"moved to ({x},{y})", {"x": x, "y": y})


def _coords(cfg: dict[str, Any]) -> dict[str, Any] | None:
    c = cfg.get("coordinates")
    return {"type": "coordinates", "x": c["x"], "y": c["y"]} if isinstance(c, dict) else None


def mouse_button(down: bool) -> Handler:
    @with_target
    def act(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
        target = cfg.get("target") or _coords(cfg)
        if target is not None:
            ctx.backend.move(*ctx.point(target, cfg))
        ctx.backend.button(_button(cfg), down)
        ctx.backend.input_done()
        return ActionResult(True, f"{_button(cfg).lower()} {'down' if down else 'up'} at {ctx.backend.position}")
    return act


def _point_of(ctx: ActionContext, spec: Any, cfg: dict[str, Any]) -> tuple[int, int]:
    if isinstance(spec, dict) and "type" not in spec and "x" in spec:
        if "width" in spec:
            return Region(int(spec["x"]), int(spec["y"]), int(spec["width"]), int(spec["height"])).center()
        return int(spec["x"]), int(spec["y"])
    return ctx.point(spec, cfg)


@with_target
def act_drag(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    sx, sy = _point_of(ctx, cfg.get("source"), cfg)
    dx, dy = _point_of(ctx, cfg.get("destination"), cfg)
    button = _button(cfg)
    ctx.backend.move(sx, sy)
    ctx.backend.button(button, True)
    ctx.sleep(ms(cfg.get("delayBeforeMove"), 50))
    steps = 10
    for i in range(1, steps + 1):
        ctx.backend.move(sx + (dx - sx) * i // steps, sy + (dy - sy) * i // steps)
        time.sleep(ms(cfg.get("dragDuration"), 200) / steps)
    ctx.backend.button(button, False)
    ctx.sleep(ms(cfg.get("delayAfterDrag"), 0))
    ctx.backend.input_done()
    return ActionResult(True, f"dragged ({sx},{sy}) -> ({dx},{dy})")


@with_target
def act_scroll(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    if cfg.get("target"):
        ctx.backend.move(*ctx.point(cfg["target"], cfg))
    direction = str(cfg.get("direction", "down")).lower()
    clicks = int(cfg.get("clicks") or cfg.get("amount") or 3)
    ctx.backend.scroll(direction, clicks)
    ctx.backend.input_done()
    return ActionResult(True, f"scrolled {direction} x{clicks}")

