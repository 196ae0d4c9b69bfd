"""Action implementations. Each handler is `(ctx: ActionContext, config: dict) -> ActionResult`.

Plugins use the same signature (see plugins.py); ActionContext is their public API.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from typing import Any, Callable

import cv2

from .config import Action, Config, Region, normalize_search_options
from .engine import ActionResult, Engine, LoopBreak, LoopContinue, Variables
from .expressions import compare, evaluate, interpolate
from .vision import FindResult, Match

Handler = Callable[["ActionContext", dict[str, Any]], ActionResult]


class ActionContext:
    """What an action (built-in or plugin) may use.

    Public attributes:
      action     -- the Action being run (id, type, config, retry_count...)
      config     -- the loaded Config (states, images, workflows, settings)
      backend    -- the screen/input backend (capture(), move(), button(), key(), type_char(), inputs)
      variables  -- Variables: get(name), set(name, value, scope), has(name), merged()
      engine     -- the Engine (active states, find, go_to_states...) for advanced plugins
    Methods: log(msg), sleep(seconds) (pause/stop aware), find(target, options) -> FindResult,
             point(target) -> (x, y), emit(event, body).
    """

    def __init__(self, engine: Engine, action: Action) -> None:
        self.engine = engine
        self.action = action
        self.config: Config = engine.config
        self.backend = engine.backend
        self.variables: Variables = engine.vars

    def log(self, message: str) -> None:
        self.engine.log(f"[{self.action.id}] {message}")

    def sleep(self, seconds: float) -> None:
        self.engine.sleep(seconds)

    def emit(self, event: str, body: dict[str, Any]) -> None:
        self.engine.emit(event, body)

    @property
    def active_states(self) -> list[str]:
        return list(self.engine.active)

    # --- finding --------------------------------------------------------------
    def search_options(self, target: dict[str, Any] | None, config: dict[str, Any] | None = None) -> dict[str, Any]:
        so: dict[str, Any] = {}
        if config and isinstance(config.get("searchOptions"), dict):
            so.update(config["searchOptions"])
        if target and isinstance(target.get("searchOptions"), dict):
            so.update(target["searchOptions"])
        return normalize_search_options(so)

    def find_once(self, target: dict[str, Any], options: dict[str, Any]) -> FindResult:
        specs = []
        for iid in target.get("imageIds") or []:
            specs.extend(self.engine.specs_for_id(iid, options))
        if not specs:
            raise ValueError(f"target has no searchable images: {target.get('imageIds')}")
        return self.engine.find_specs(specs, str(options.get("searchStrategy", "FIRST")), options)

    def find(self, target: dict[str, Any], options: dict[str, Any] | None = None,
             timeout_ms: float | None = None, record: bool = True) -> FindResult:
        """Find an image target, polling until found or the timeout (searchOptions.timeout) ends."""
        options = options if options is not None else self.search_options(target)
        if timeout_ms is None:
            timeout_ms = float(options.get("timeout") or 0)
        interval = float((options.get("polling") or {}).get("interval") or 100) / 1000
        deadline = time.perf_counter() + timeout_ms / 1000
        while True:
            self.engine.poll()
            result = self.find_once(target, options)
            if result.found or time.perf_counter() >= deadline or self.backend.virtual:
                break
            self.sleep(min(interval, max(0.0, deadline - time.perf_counter())))
        min_matches = int(options.get("minMatches") or 0)
        if min_matches and len(result.matches) < min_matches:
            result.matches = []
        if record:
            self.engine.record_find(result, self.action)
        return result

    def points(self, target: Any, config: dict[str, Any] | None = None) -> list[tuple[int, int]]:
        """Screen points a mouse action should use for a target (several for allResults)."""
        if target is None or target.get("type") == "currentPosition":
            return [self.backend.position]
        t = target["type"]
        e = self.engine
        adj = (self.search_options(target, config).get("adjustment") or {})
        pts: list[tuple[int, int]]
        if t == "coordinates":
            pts = [(int(target["x"]), int(target["y"]))]
        elif t == "region":
            r = target.get("region") or target
            pts = [Region(int(r["x"]), int(r["y"]), int(r["width"]), int(r["height"])).center()]
        elif t == "stateLocation":
            loc = next(s.locations[target["locationId"]] for s in self.config.states.values()
                       if target["locationId"] in s.locations)
            pts = [loc]
        elif t == "stateRegion":
            reg = next(s.regions[target["regionId"]] for s in self.config.states.values()
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
        elif t in ("image", "stateImage"):
            r = self.find(target, self.search_options(target, config))
            if not r.found:
                raise TargetError(_find_message(r), r)
            pts = [m.point for m in r.matches]
        else:
            raise TargetError(f"target type {t} cannot be used as a location")
        off = adj.get("targetOffset") or {}
        dx = int(off.get("x", 0)) + int(adj.get("addX", 0))
        dy = int(off.get("y", 0)) + int(adj.get("addY", 0))
        return [(x + dx, y + dy) for x, y in pts]

    def point(self, target: Any, config: dict[str, Any] | None = None) -> tuple[int, int]:
        return self.points(target, config)[0]


class TargetError(Exception):
    def __init__(self, message: str, find: FindResult | None = None) -> None:
        super().__init__(message)
        self.find = find


def parse_regions(items: Any) -> list[Region]:
    out = []
    for r in items or []:
        if isinstance(r, dict) and all(k in r for k in ("x", "y", "width", "height")):
            out.append(Region(int(r["x"]), int(r["y"]), int(r["width"]), int(r["height"])))
    return out


def _find_message(r: FindResult) -> str:
    where = f" at ({r.best_location[0]},{r.best_location[1]})" if r.best_location else ""
    verdict = "found" if r.found else "not found"
    return f"{r.image_id} {verdict}: best score {r.best_score:.3f}{where}, threshold {r.threshold:.2f}"


def _with_target(fn: Callable[[ActionContext, dict[str, Any]], ActionResult]) -> Handler:
    """Turn a TargetError (image not found, no last result) into a failed result."""
    def wrapped(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
        try:
            return fn(ctx, cfg)
        except TargetError as exc:
            return ActionResult(False, str(exc), find=exc.find)
    wrapped.__name__ = fn.__name__
    return wrapped


def _ms(v: Any, default: float = 0) -> float:
    return float(v if v is not None else default) / 1000


# ============================================================================ find family
def act_find(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    target = cfg.get("target") or {}
    r = ctx.find(target, ctx.search_options(target, cfg))
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], [m.to_dict() for m in r.matches])
    return ActionResult(r.found, _find_message(r), {"matches": len(r.matches)}, find=r)


def act_exists(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    target = cfg.get("target") or {}
    r = ctx.find(target, ctx.search_options(target, cfg), timeout_ms=0)
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], r.found)
    return ActionResult(r.found, _find_message(r), {"exists": r.found}, find=r)


def act_vanish(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    target = cfg.get("target") or {}
    opts = ctx.search_options(target, cfg)
    deadline = time.perf_counter() + _ms(cfg.get("maxWaitTime", opts.get("timeout")), 10000)
    interval = _ms(cfg.get("pollInterval"), 250)
    while True:
        r = ctx.find(target, opts, timeout_ms=0)
        if not r.found:
            return ActionResult(True, f"{r.image_id} vanished (best score {r.best_score:.3f})")
        if time.perf_counter() >= deadline or not ctx.backend.live:
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


def act_wait(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    kind = str(cfg.get("waitFor") or ("target" if cfg.get("target") else "state" if cfg.get("stateId") else "time"))
    if kind == "time":
        secs = _ms(cfg.get("duration"), 1000)
        if not ctx.backend.virtual:  # mock runs are dry runs: waits are instant
            ctx.sleep(secs)
        return ActionResult(True, f"waited {secs:.2f}s")
    max_wait = _ms(cfg.get("maxWaitTime", cfg.get("timeout")), 10000)
    interval = _ms(cfg.get("checkInterval"), 250)
    deadline = time.perf_counter() + max_wait
    while True:
        if kind == "target":
            r = ctx.find(cfg["target"], ctx.search_options(cfg["target"], cfg), timeout_ms=0)
            if r.found:
                return ActionResult(True, _find_message(r), find=r)
            msg, fr = _find_message(r), r
        elif kind == "state":
            if ctx.engine.verify_state(ctx.config.states[cfg["stateId"]]):
                return ActionResult(True, f"state {cfg['stateId']} visible")
            msg, fr = f"state {cfg['stateId']} not visible", None
        elif kind == "condition":
            if _condition(ctx, cfg.get("condition") or {}):
                return ActionResult(True, "condition met")
            msg, fr = "condition not met", None
        else:
            return ActionResult(False, f"unknown waitFor '{kind}'")
        if time.perf_counter() >= deadline or (kind != "condition" and not ctx.backend.live):
            return ActionResult(False, f"timeout after {max_wait:.1f}s: {msg}", find=fr)
        ctx.sleep(interval)


# ============================================================================ mouse
def _button(cfg: dict[str, Any]) -> str:
    return str(cfg.get("mouseButton") or cfg.get("button") or "LEFT").upper()


@_with_target
def act_click(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    pts = ctx.points(cfg.get("target"), cfg)
    button, count = _button(cfg), int(cfg.get("numberOfClicks") or cfg.get("clickCount") or 1)
    for x, y in pts:
        ctx.backend.move(x, y)
        for i in range(count):
            ctx.backend.button(button, True)
            if cfg.get("pressDuration"):
                ctx.sleep(_ms(cfg["pressDuration"]))
            ctx.backend.button(button, False)
            if i < count - 1:
                time.sleep(0.03)  # inside the double-click interval
    ctx.backend.input_done()
    return ActionResult(True, f"{button.lower()} x{count} at " + ", ".join(f"({x},{y})" for x, y in pts),
                        {"x": pts[0][0], "y": pts[0][1]}, find=ctx.engine.last_find if _is_image(cfg) else None)


def _is_image(cfg: dict[str, Any]) -> bool:
    t = cfg.get("target")
    return isinstance(t, dict) and t.get("type") in ("image", "stateImage")


@_with_target
def act_mouse_move(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    x, y = ctx.point(cfg.get("target") or _coords(cfg), cfg)
    ctx.backend.move(x, y)
    ctx.backend.input_done()
    return ActionResult(True, f"moved to ({x},{y})", {"x": x, "y": y})


def _coords(cfg: dict[str, Any]) -> dict[str, Any] | None:
    c = cfg.get("coordinates")
    return {"type": "coordinates", "x": c["x"], "y": c["y"]} if isinstance(c, dict) else None


def _mouse_button(down: bool) -> Handler:
    @_with_target
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


@_with_target
def act_drag(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    sx, sy = _point_of(ctx, cfg.get("source"), cfg)
    dx, dy = _point_of(ctx, cfg.get("destination"), cfg)
    button = _button(cfg)
    ctx.backend.move(sx, sy)
    ctx.backend.button(button, True)
    ctx.sleep(_ms(cfg.get("delayBeforeMove"), 50))
    steps = 10
    for i in range(1, steps + 1):
        ctx.backend.move(sx + (dx - sx) * i // steps, sy + (dy - sy) * i // steps)
        time.sleep(_ms(cfg.get("dragDuration"), 200) / steps)
    ctx.backend.button(button, False)
    ctx.sleep(_ms(cfg.get("delayAfterDrag"), 0))
    ctx.backend.input_done()
    return ActionResult(True, f"dragged ({sx},{sy}) -> ({dx},{dy})")


@_with_target
def act_scroll(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    if cfg.get("target"):
        ctx.backend.move(*ctx.point(cfg["target"], cfg))
    direction = str(cfg.get("direction", "down")).lower()
    clicks = int(cfg.get("clicks") or cfg.get("amount") or 3)
    ctx.backend.scroll(direction, clicks)
    ctx.backend.input_done()
    return ActionResult(True, f"scrolled {direction} x{clicks}")


def parse_color(value: Any) -> tuple[int, int, int]:
    """'#RRGGBB' (or 'RRGGBB', '#RGB') -> (r, g, b)."""
    text = str(value).strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", text):
        raise ValueError(f"color must be #RRGGBB, got {value!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


@_with_target
def act_highlight(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    """Outline the target for `duration` ms. The x11 backend draws it on the screen (and waits,
    pause/terminate aware); other backends record it. The qontinui/highlight event is always sent."""
    target = cfg.get("target")
    ttype = target.get("type") if isinstance(target, dict) else None
    if ttype in ("image", "stateImage"):
        r = ctx.find(target, ctx.search_options(target, cfg))
        if not r.found:
            return ActionResult(False, _find_message(r), find=r)
        m = r.matches[0]
        region = {"x": m.x, "y": m.y, "width": m.width, "height": m.height}
    elif ttype == "region" or ttype == "stateRegion":
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
    duration_ms = max(0, int(round(float(cfg.get("duration") if cfg.get("duration") is not None else 1000))))
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


# ============================================================================ keyboard
def _state_text(ctx: ActionContext, src: dict[str, Any]) -> str:
    st = ctx.config.states[src["stateId"]]
    ids = src.get("stringIds") or list(st.strings)
    values = [st.strings[i] for i in ids if i in st.strings]
    if not values:
        raise ValueError(f"state {st.id} has no strings {ids}")
    return "".join(values) if src.get("useAll") else values[0]


def type_text(ctx: ActionContext, text: str, delay_s: float = 0.0) -> None:
    for ch in text:
        ctx.backend.type_char(ch)
        if delay_s:
            ctx.sleep(delay_s)
        else:
            ctx.engine.poll()


@_with_target
def act_type(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    if cfg.get("textSource"):
        text = _state_text(ctx, cfg["textSource"])
    elif isinstance(cfg.get("target"), dict) and cfg["target"].get("type") == "stateString":
        text = _state_text(ctx, cfg["target"])
    elif cfg.get("variableName"):
        text = str(ctx.variables.get(cfg["variableName"], ""))
    else:
        text = interpolate(str(cfg.get("text", "")), ctx.variables.merged())
    if cfg.get("clickTarget"):
        ctx.backend.move(*ctx.point(cfg["clickTarget"], cfg))
        ctx.backend.button("LEFT", True)
        ctx.backend.button("LEFT", False)
    if cfg.get("clearBefore"):
        _chord(ctx, ["ctrl", "a"])
        _tap(ctx, "backspace")
    mods = [str(m) for m in cfg.get("modifiers") or []]
    for m in mods:
        ctx.backend.key(m, True)
    try:
        type_text(ctx, text, _ms(cfg.get("typeDelay"), 0))
    finally:
        for m in reversed(mods):
            ctx.backend.key(m, False)
    if cfg.get("pressEnter"):
        _tap(ctx, "enter")
    ctx.backend.input_done()
    shown = "*" * len(text) if cfg.get("sensitive") else text
    return ActionResult(True, f"typed {shown!r}", {"length": len(text)})


def _tap(ctx: ActionContext, key: str) -> None:
    ctx.backend.key(key, True)
    ctx.backend.key(key, False)


def _chord(ctx: ActionContext, keys: list[str], hold_s: float = 0.0) -> None:
    for k in keys:
        ctx.backend.key(k, True)
    if hold_s:
        ctx.sleep(hold_s)
    for k in reversed(keys):
        ctx.backend.key(k, False)


def _keys(cfg: dict[str, Any]) -> list[str]:
    keys = cfg.get("keys") or ([cfg["key"]] if cfg.get("key") else [])
    return [str(k) for k in keys]


def act_key_press(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    mods = [str(m) for m in cfg.get("modifiers") or []]
    keys = _keys(cfg)
    if not keys:
        return ActionResult(False, "KEY_PRESS needs keys")
    for i, k in enumerate(keys):
        _chord(ctx, mods + [k], _ms(cfg.get("holdDuration"), 0))
        if i < len(keys) - 1 and cfg.get("pauseBetweenKeys"):
            ctx.sleep(_ms(cfg["pauseBetweenKeys"]))
    ctx.backend.input_done()
    return ActionResult(True, f"pressed {'+'.join(mods + [''])[:-1] if mods else ''}{' '.join(keys)}")


def act_key_down(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    keys = [str(m) for m in cfg.get("modifiers") or []] + _keys(cfg)
    for k in keys:
        ctx.backend.key(k, True)
    ctx.backend.input_done()
    return ActionResult(True, f"down {keys}")


def act_key_up(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    mods = [str(m) for m in cfg.get("modifiers") or []]
    keys = (mods + _keys(cfg)) if cfg.get("releaseModifiersFirst") else (_keys(cfg) + mods)
    for k in keys:
        ctx.backend.key(k, False)
    ctx.backend.input_done()
    return ActionResult(True, f"up {keys}")


def act_hotkey(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    hk = cfg.get("hotkey") or "+".join(_keys(cfg))
    keys = [k.strip() for k in re.split(r"\+", str(hk)) if k.strip()]
    if not keys:
        return ActionResult(False, "HOTKEY needs 'hotkey'")
    _chord(ctx, keys, _ms(cfg.get("holdDuration"), 0))
    ctx.backend.input_done()
    return ActionResult(True, f"hotkey {'+'.join(keys)}")


# ============================================================================ screen
def act_screenshot(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    img = ctx.backend.capture()
    if img is None:
        return ActionResult(True, "mock backend: no screen to capture")
    reg = cfg.get("region")
    if isinstance(reg, dict):
        img = img[int(reg["y"]):int(reg["y"]) + int(reg["height"]), int(reg["x"]):int(reg["x"]) + int(reg["width"])]
    save = cfg.get("saveToFile") or {}
    directory = save.get("directory") or ctx.engine.run_dir or "."
    name = save.get("filename") or f"screenshot-{ctx.action.id}-{int(time.time() * 1000)}.png"
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, name if name.lower().endswith((".png", ".jpg")) else name + ".png")
    cv2.imwrite(path, img)
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], path)
    ctx.emit("qontinui/screenshot", {"path": path, "actionId": ctx.action.id, "reason": "SCREENSHOT action"})
    return ActionResult(True, f"saved {path}", {"path": path})


# ============================================================================ states / workflows
def act_go_to_state(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    return ctx.engine.go_to_states(list(cfg.get("stateIds") or []))


def act_run_workflow(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    wf = ctx.config.find_workflow(str(cfg.get("workflowId") or cfg.get("processId") or cfg.get("workflow")))
    assert wf is not None  # validated at load
    rep = cfg.get("repetition") or {}
    runs = int(rep.get("maxRepeats", 1)) if rep.get("enabled") else 1
    result = ActionResult(False, "not run")
    for i in range(max(1, runs)):
        result = ctx.engine.run_workflow(wf, dict(cfg.get("variables") or {}))
        if rep.get("untilSuccess") and result.success:
            break
        if i < runs - 1 and rep.get("delay"):
            ctx.sleep(_ms(rep["delay"]))
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], result.success)
    return ActionResult(result.success, result.message or f"workflow {wf.id} done")


# ============================================================================ control flow
def _condition(ctx: ActionContext, cond: dict[str, Any]) -> bool:
    ctype = str(cond.get("type", "expression")).lower()
    names = ctx.engine.eval_names()
    if ctype == "variable":
        name = cond.get("variableName")
        return compare(ctx.variables.get(name), str(cond.get("operator", "==")), cond.get("expectedValue"))
    if ctype in ("expression", "javascript", "custom"):
        return bool(evaluate(str(cond.get("expression", "")), names))
    if ctype in ("image", "image_exists", "imageexists", "image_vanished"):
        r = ctx.find({"type": "image", "imageIds": [cond["imageId"]]},
                     {"similarity": cond["threshold"]} if cond.get("threshold") else {}, timeout_ms=0)
        return r.found != (ctype == "image_vanished")
    if ctype == "state":
        return cond.get("stateId") in ctx.engine.active
    raise ValueError(f"unsupported condition type '{ctype}'")


def act_if(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    branch = "thenActions" if _condition(ctx, cfg.get("condition") or {}) else "elseActions"
    wf = ctx.config.workflows[ctx.action.workflow_id]
    r = ctx.engine.run_actions(wf, list(cfg.get(branch) or []))
    return ActionResult(r.success, r.message or f"took {branch[:-7]} branch", {"branch": branch[:-7]})


def act_loop(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    wf = ctx.config.workflows[ctx.action.workflow_id]
    body = list(cfg.get("actions") or [])
    kind = str(cfg.get("loopType", "FOR")).upper()
    var = cfg.get("iteratorVariable") or ("item" if kind == "FOREACH" else "i")
    max_it = int(cfg.get("maxIterations") or 10000)
    break_on_error = cfg.get("breakOnError", True)
    if kind == "FOR":
        items: Any = range(int(cfg.get("iterations") or 0))
    elif kind == "FOREACH":
        items = _collection(ctx, cfg.get("collection") or {})
    elif kind == "WHILE":
        items = None
    else:
        return ActionResult(False, f"unknown loopType {kind}")
    count, failures = 0, 0
    iterator = iter(items) if items is not None else iter(int, 1)  # iter(int, 1): endless
    for item in iterator:
        if count >= max_it:
            break
        if kind == "WHILE":
            if not _condition(ctx, cfg.get("condition") or {}):
                break
            item = count
        ctx.variables.set(var, item)
        count += 1
        try:
            r = ctx.engine.run_actions(wf, body)
        except LoopBreak:
            break
        except LoopContinue:
            continue
        if not r.success:
            failures += 1
            if break_on_error:
                return ActionResult(False, f"iteration {count} failed: {r.message}", {"iterations": count})
    return ActionResult(True, f"{count} iteration(s)", {"iterations": count, "failures": failures})


def _collection(ctx: ActionContext, col: dict[str, Any]) -> list[Any]:
    ctype = str(col.get("type", "variable"))
    if ctype == "range":
        return list(range(int(col.get("start", 0)), int(col.get("end", 0)), int(col.get("step", 1)) or 1))
    if ctype == "matches":
        return [m.to_dict() for m in (ctx.engine.last_find.matches if ctx.engine.last_find else [])]
    if ctype in ("list", "array", "value"):
        return list(col.get("items") or col.get("value") or [])
    val = ctx.variables.get(col.get("variableName") or col.get("variable") or "")
    return list(val) if isinstance(val, (list, tuple, str, dict)) else []


def _flow(exc: type[Exception], word: str) -> Handler:
    def act(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
        if cfg.get("condition") and not _condition(ctx, cfg["condition"]):
            return ActionResult(True, f"{word} condition false")
        raise exc()
    return act


def act_try_catch(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    wf = ctx.config.workflows[ctx.action.workflow_id]
    result = ctx.engine.run_actions(wf, list(cfg.get("tryActions") or []))
    if not result.success:
        if cfg.get("errorVariable"):
            ctx.variables.set(cfg["errorVariable"], result.message)
        ctx.log(f"caught: {result.message}")
        result = ctx.engine.run_actions(wf, list(cfg.get("catchActions") or []))
    fin = ctx.engine.run_actions(wf, list(cfg.get("finallyActions") or []))
    ok = result.success and fin.success
    return ActionResult(ok, result.message if not result.success else fin.message)


# ============================================================================ data
def _value_source(ctx: ActionContext, src: dict[str, Any]) -> Any:
    stype = str(src.get("type", "expression"))
    if stype == "expression":
        return evaluate(str(src.get("expression", "")), ctx.engine.eval_names())
    if stype == "variable":
        return ctx.variables.get(src.get("variableName") or src.get("variable"))
    if stype in ("lastFindResult", "findResult"):
        lf = ctx.engine.last_find
        return [m.to_dict() for m in lf.matches] if lf else []
    if stype in ("literal", "value"):
        return src.get("value")
    raise ValueError(f"unsupported valueSource type '{stype}'")


def act_set_variable(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    name = cfg.get("variableName")
    if not name:
        return ActionResult(False, "SET_VARIABLE needs variableName")
    value = _value_source(ctx, cfg["valueSource"]) if cfg.get("valueSource") else cfg.get("value")
    if isinstance(value, str):
        value = interpolate(value, ctx.variables.merged())
    ctx.variables.set(name, value, str(cfg.get("scope", "local")))
    return ActionResult(True, f"{name} = {value!r}", {"name": name, "value": _jsonable(value)})


def act_get_variable(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    name = cfg.get("variableName")
    if not ctx.variables.has(name) and "defaultValue" not in cfg:
        return ActionResult(False, f"variable {name} is not set")
    value = ctx.variables.get(name, cfg.get("defaultValue"))
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], value)
    return ActionResult(True, f"{name} = {value!r}", {"value": _jsonable(value)})


def _operand(ctx: ActionContext, v: Any) -> Any:
    if isinstance(v, dict):
        name = v.get("variableName") or v.get("variable") or v.get("name")
        if name:
            return ctx.variables.get(name)
        if "value" in v:
            return v["value"]
        if "expression" in v:
            return evaluate(v["expression"], ctx.engine.eval_names())
    return v


def act_string_operation(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    s = _operand(ctx, cfg.get("input", ""))
    s = "" if s is None else str(s)
    op = str(cfg.get("operation", "")).upper()
    p = cfg.get("parameters") or {}
    if op == "CONCAT":
        out: Any = s + "".join(str(_operand(ctx, x)) for x in p.get("strings") or [])
    elif op == "SUBSTRING":
        out = s[int(p.get("start") or 0):(int(p["end"]) if p.get("end") is not None else None)]
    elif op == "REPLACE":
        out = s.replace(str(p.get("search", "")), str(p.get("replacement", "")))
    elif op == "SPLIT":
        out = s.split(p.get("delimiter") or None)
    elif op == "TRIM":
        out = s.strip()
    elif op == "UPPERCASE":
        out = s.upper()
    elif op == "LOWERCASE":
        out = s.lower()
    elif op in ("MATCH", "MATCHES"):
        m = re.search(str(p.get("pattern", "")), s)
        out = (m.group(1) if m and m.groups() else m.group(0)) if m else None
    elif op == "LENGTH":
        out = len(s)
    elif op == "PARSE_JSON":
        out = json.loads(s)
    else:
        return ActionResult(False, f"unknown string operation '{op}'")
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], out)
    return ActionResult(True, f"{op} -> {out!r}", {"result": _jsonable(out)})


def act_math_operation(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    ops = [_operand(ctx, v) for v in cfg.get("operands") or []]
    nums = [float(v) if not isinstance(v, (int, float)) else v for v in ops]
    op = str(cfg.get("operation", "")).upper()
    if op == "CUSTOM":
        out: Any = evaluate(str(cfg.get("customExpression", "")), ctx.engine.eval_names())
    elif not nums:
        return ActionResult(False, f"{op} needs operands")
    elif op == "ADD":
        out = sum(nums)
    elif op in ("SUBTRACT", "MULTIPLY", "DIVIDE", "MODULO", "POWER"):
        out = nums[0]
        for n in nums[1:]:
            if op in ("DIVIDE", "MODULO") and n == 0:
                return ActionResult(False, "division by zero")
            out = {"SUBTRACT": lambda a, b: a - b, "MULTIPLY": lambda a, b: a * b,
                   "DIVIDE": lambda a, b: a / b, "MODULO": lambda a, b: a % b,
                   "POWER": lambda a, b: a ** b}[op](out, n)
    elif op == "SQRT":
        out = math.sqrt(nums[0])
    elif op == "ABS":
        out = abs(nums[0])
    elif op == "ROUND":
        out = round(nums[0], int(nums[1]) if len(nums) > 1 else None)
    else:
        return ActionResult(False, f"unknown math operation '{op}'")
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], out)
    return ActionResult(True, f"{op} -> {out!r}", {"result": out})


def _jsonable(v: Any) -> Any:
    try:
        json.dumps(v)
        return v
    except (TypeError, ValueError):
        return repr(v)


BUILTIN_ACTIONS: dict[str, Handler] = {
    "FIND": act_find, "EXISTS": act_exists, "VANISH": act_vanish, "WAIT": act_wait,
    "FIND_STATE": act_find_state, "FIND_STATE_IMAGE": act_find_state_image,
    "CLICK": act_click, "MOUSE_MOVE": act_mouse_move, "MOUSE_DOWN": _mouse_button(True),
    "MOUSE_UP": _mouse_button(False), "DRAG": act_drag, "SCROLL": act_scroll, "HIGHLIGHT": act_highlight,
    "TYPE": act_type, "KEY_PRESS": act_key_press, "KEY_DOWN": act_key_down, "KEY_UP": act_key_up,
    "HOTKEY": act_hotkey, "SCREENSHOT": act_screenshot, "GO_TO_STATE": act_go_to_state,
    "RUN_WORKFLOW": act_run_workflow, "IF": act_if, "LOOP": act_loop,
    "BREAK": _flow(LoopBreak, "BREAK"), "CONTINUE": _flow(LoopContinue, "CONTINUE"),
    "TRY_CATCH": act_try_catch, "SET_VARIABLE": act_set_variable, "GET_VARIABLE": act_get_variable,
    "STRING_OPERATION": act_string_operation, "MATH_OPERATION": act_math_operation,
}


def builtin_action_types() -> set[str]:
    return set(BUILTIN_ACTIONS)


__all__ = ["ActionContext", "ActionResult", "BUILTIN_ACTIONS", "Handler", "Match", "builtin_action_types"]
