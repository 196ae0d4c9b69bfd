# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Find family: FIND, EXISTS, VANISH, FIND_STATE, FIND_STATE_IMAGE."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import Region
from ..runtime import ActionResult
from ..ocr import OcrUnavailable, TextSettings, find_text
from ..vision import FindResult, Match
from .base import TargetError, find_message, ms, parse_regions

if TYPE_CHECKING:
    from .context import ActionContext


# ============================================================================ target resolution
def find_once(ctx: ActionContext, target: dict[str, Any], options: dict[str, Any]) -> FindResult:
    if target.get("type") == "text":
        return find_text_once(ctx, target, options)
    specs = []
    for iid in target.get("imageIds") or []:
        specs.extend(ctx.engine.specs_for_id(iid, options))
    if not specs:
        raise ValueError(f"target has no searchable images: {target.get('imageIds')}")
    return ctx.engine.find_specs(specs, str(options.get("searchStrategy", "FIRST")), options)


def find_text_once(ctx: ActionContext, target: dict[str, Any], options: dict[str, Any]) -> FindResult:
    """One OCR search of a text target {type: text, text | regex, textOptions, searchOptions}."""
    label = f"text '{target.get('text')}'" if target.get("text") else f"text /{target.get('regex')}/"
    frame = ctx.engine.capture_frame("find")
    if frame is None:  # mock backend: a dry run, the text counts as shown
        return FindResult([Match(0, 0, 1, 1, 1.0, label)], 1.0, (0, 0), 1.0, 0.0, label, "mock")
    try:
        return find_text(frame, target.get("text"), target.get("regex"), parse_regions(options.get("searchRegions")),
                         {**options, **(target.get("textOptions") or {})},
                         TextSettings.from_settings(ctx.config.settings.get("recognition")), label)
    except (OcrUnavailable, ValueError) as exc:
        raise TargetError(f"{label}: {exc}") from None


def find_target(ctx: ActionContext, target: dict[str, Any], options: dict[str, Any] | None = None,
         timeout_ms: float | None = None, record: bool = True) -> FindResult:
    """Find an image target, polling until found or the timeout (searchOptions.timeout) ends."""
    options = options if options is not None else ctx.search_options(target)
    if timeout_ms is None:
        timeout_ms = float(options.get("timeout") or 0)
        action_left = ctx.engine.action_time_left()
        if action_left is not None:  # execution.timeout overrides searchOptions.timeout
            timeout_ms = action_left * 1000
    interval = float((options.get("polling") or {}).get("interval") or 100) / 1000
    deadline = ctx.engine.now() + timeout_ms / 1000
    while True:
        ctx.engine.poll()
        result = find_once(ctx, target, options)
        if result.found or ctx.engine.now() >= deadline or ctx.backend.virtual:
            break
        t0 = ctx.engine.now()
        if ctx.engine.on_find_miss(result.screen):  # a popup was closed: search again, time not counted
            deadline += ctx.engine.now() - t0
            continue
        ctx.sleep(min(interval, max(0.0, deadline - ctx.engine.now())))
    min_matches = int(options.get("minMatches") or 0)
    if min_matches and len(result.matches) < min_matches:
        result.matches = []
    if record:
        ctx.engine.record_find(result, ctx.action)
    return result


def target_points(ctx: ActionContext, target: Any, config: dict[str, Any] | None = None) -> list[tuple[int, int]]:
    """Screen points a mouse action should use for a target (several for allResults)."""
    if target is None or target.get("type") == "currentPosition":
        return [ctx.backend.position]
    t = target["type"]
    e = ctx.engine
    adj = (ctx.search_options(target, config).get("adjustment") or {})
    pts: list[tuple[int, int]]
    if t == "coordinates":
        pts = [(int(target["x"]), int(target["y"]))]
    elif t == "region":
        r = target.get("region") or target
        pts = [Region(int(r["x"]), int(r["y"]), int(r["width"]), int(r["height"])).center()]
    elif t == "stateLocation":
        loc = next(s.locations[target["locationId"]] for s in ctx.config.states.values()
                   if target["locationId"] in s.locations)
        pts = [loc]
    elif t == "stateRegion":
        reg = next(s.regions[target["regionId"]] for s in ctx.config.states.values()
                   if target["regionId"] in s.regions)
        pts = [reg.center()]
    elif t in ("lastFindResult", "resultIndex", "allResults", "resultByImage"):
        matches = e.last_find.matches if e.last_find else []
        if t == "resultIndex":
            idx = int(target.get("index", 0))
            matches = matches[idx:idx + 1]
        elif t == "resultByImage":
            matches = [m for m in matches if m.image_id == target.get("imageId")][:1]
        elif t == "lastFindResult":
            matches = matches[:1]
        if not matches:
            raise TargetError(f"no previous find result for target {t}")
        pts = [m.point for m in matches]
    elif t in ("image", "stateImage", "text"):
        r = find_target(ctx, target, ctx.search_options(target, config))
        if not r.found:
            raise TargetError(find_message(r), r)
        pts = [m.point for m in r.matches]
    else:
        raise TargetError(f"target type {t} cannot be used as a location")
    off = adj.get("targetOffset") or {}
    dx = int(off.get("x", 0)) + int(adj.get("addX", 0))
    dy = int(off.get("y", 0)) + int(adj.get("addY", 0))
    return [(x + dx, y + dy) for x, y in pts]


# ============================================================================ actions
def act_find(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    target = cfg.get("target") or {}
    r = ctx.find(target, ctx.search_options(target, cfg))
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], [m.to_dict() for m in r.matches])
    return ActionResult(r.found, find_message(r), {"matches": len(r.matches)}, find=r)


def act_exists(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    target = cfg.get("target") or {}
    r = ctx.find(target, ctx.search_options(target, cfg), timeout_ms=0)
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], r.found)
    return ActionResult(r.found, find_message(r), {"exists": r.found}, find=r)


def act_vanish(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    target = cfg.get("target") or {}
    opts = ctx.search_options(target, cfg)
    deadline = ctx.engine.now() + ms(cfg.get("maxWaitTime", opts.get("timeout")), 10000)
    interval = ms(cfg.get("pollInterval"), 250)
    while True:
        r = ctx.find(target, opts, timeout_ms=0)
        if not r.found:
            return ActionResult(True, f"{r.image_id} vanished (best score {r.best_score:.3f})")
        if ctx.engine.now() >= deadline or not ctx.backend.live:
            return ActionResult(False, f"{r.image_id} still visible (score {r.best_score:.3f})")
        ctx.sleep(interval)


def act_find_state(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    ids = cfg.get("stateIds") or ([cfg["stateId"]] if cfg.get("stateId") else list(ctx.config.states))
    found = [sid for sid in ids if ctx.engine.verify_state(ctx.config.states[sid], any_image=True)]
    for sid in found:
        ctx.engine.set_active(sid, True, "found")
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], found)
    return ActionResult(bool(found), f"visible states: {found}", {"states": found})


def act_find_state_image(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    st = ctx.config.states[cfg["stateId"]]
    ids = cfg.get("imageIds") or [i.id for i in st.images]
    return act_find(ctx, {**cfg, "target": {"type": "image", "imageIds": ids,
                                            "searchOptions": cfg.get("searchOptions") or {}}})

