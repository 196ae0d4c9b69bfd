# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Screen output: HIGHLIGHT and SCREENSHOT."""

from __future__ import annotations

import os
import re
import time
from typing import Any

import cv2

from ..config import Region
from ..run_folder import OutsideRunFolder, image_path
from ..runtime import ActionResult
from .base import find_message, with_target
from .context import ActionContext


def parse_color(value: Any) -> tuple[int, int, int]:
    """'#RRGGBB' (or 'RRGGBB', '#RGB') -> (r, g, b)."""
    text = str(value).strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", text):
        raise ValueError(f"color must be #RRGGBB, got {value!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


@with_target
def act_highlight(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    """Outline the target for `duration` ms. The x11 backend draws it on the screen (and waits,
    pause/terminate aware); other backends record it. The qontinui/highlight event is always sent."""
    target = cfg.get("target")
    ttype = target.get("type") if isinstance(target, dict) else None
    if isinstance(target, dict) and ttype in ("image", "stateImage"):
        r = ctx.find(target, ctx.search_options(target, cfg))
        if not r.found:
            return ActionResult(False, find_message(r), find=r)
        m = r.matches[0]
        region = {"x": m.x, "y": m.y, "width": m.width, "height": m.height}
    elif isinstance(target, dict) and ttype in ("region", "stateRegion"):
        if ttype == "region":
            rr = target.get("region") or target
            reg = Region(int(rr["x"]), int(rr["y"]), int(rr["width"]), int(rr["height"]))
        else:
            reg = next(s.regions[target["regionId"]] for s in ctx.config.states.values()
                       if target["regionId"] in s.regions)
        region = {"x": reg.x, "y": reg.y, "width": reg.width, "height": reg.height}
    else:
        x, y = ctx.point(target, cfg)
        region = {"x": x, "y": y, "width": 1, "height": 1}
    color_text = cfg.get("color") or "#FF0000"
    try:
        color = parse_color(color_text)
    except ValueError as exc:
        return ActionResult(False, f"HIGHLIGHT: {exc}")
    thickness = max(1, int(cfg.get("thickness") or 3))
    duration = cfg.get("duration")
    duration_ms = max(0, int(round(float(duration if duration is not None else 1000))))
    color_text = "#%02X%02X%02X" % color
    ctx.emit("qontinui/highlight", {"actionId": ctx.action.id, "region": region, "color": color_text,
                                    "thickness": thickness, "durationMs": duration_ms})
    handle = ctx.backend.show_highlight(region, color, thickness, duration_ms)
    if handle is not None:
        try:
            ctx.sleep(duration_ms / 1000)  # 20 ms slices: pause/terminate stay responsive
        finally:
            ctx.backend.hide_highlight(handle)
    drawn = "drawn" if handle is not None else "reported"
    return ActionResult(True, f"highlight {region} {color_text} {drawn}", {"region": region})


def act_screenshot(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    img = ctx.backend.capture()
    if img is None:
        return ActionResult(True, "mock backend: no screen to capture")
    reg = cfg.get("region")
    if isinstance(reg, dict):
        img = img[int(reg["y"]):int(reg["y"]) + int(reg["height"]), int(reg["x"]):int(reg["x"]) + int(reg["width"])]
    save = cfg.get("saveToFile") or {}
    name = str(save.get("filename") or f"screenshot-{ctx.action.id}-{int(time.time() * 1000)}.png")
    try:
        path = image_path(ctx.engine.run_dir or os.getcwd(), str(save.get("directory") or ""), name)
    except (OutsideRunFolder, OSError) as exc:
        return ActionResult(False, f"SCREENSHOT not saved: {exc}")
    try:
        written = bool(cv2.imwrite(path, img))
    except cv2.error as exc:
        written = False
        ctx.log(f"cannot encode the screenshot for {path}: {str(exc).strip()}")
    if not written:
        return ActionResult(False, f"SCREENSHOT not saved: could not write {path}")
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], path)
    ctx.emit("qontinui/screenshot", {"path": path, "actionId": ctx.action.id, "reason": "SCREENSHOT action"})
    return ActionResult(True, f"saved {path}", {"path": path})

