# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Keyboard: TYPE, KEY_PRESS, KEY_DOWN/UP, HOTKEY."""

from __future__ import annotations

import re
from typing import Any

from ..expressions import interpolate
from ..runtime import ActionResult
from ..secrets import MASK, contains_secret, is_secret, template_mentions_secret
from .base import ms, with_target
from .context import ActionContext


def state_text(ctx: ActionContext, src: dict[str, Any]) -> str:
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


@with_target
def act_type(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    if cfg.get("textSource"):
        text = state_text(ctx, cfg["textSource"])
    elif isinstance(cfg.get("target"), dict) and cfg["target"].get("type") == "stateString":
        text = state_text(ctx, cfg["target"])
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
        type_text(ctx, text, ms(cfg.get("typeDelay"), 0))
    finally:
        for m in reversed(mods):
            ctx.backend.key(m, False)
    if cfg.get("pressEnter"):
        _tap(ctx, "enter")
    ctx.backend.input_done()
    # Neither the text nor its length: the mask is fixed.
    if cfg.get("sensitive") or is_secret(ctx.variables, cfg.get("variableName")) \
            or template_mentions_secret(ctx.variables, cfg.get("text")) or contains_secret(ctx.variables, text):
        return ActionResult(True, f"typed {MASK}", {"sensitive": True})
    return ActionResult(True, f"typed {text!r}", {"length": len(text)})


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
        _chord(ctx, mods + [k], ms(cfg.get("holdDuration"), 0))
        if i < len(keys) - 1 and cfg.get("pauseBetweenKeys"):
            ctx.sleep(ms(cfg["pauseBetweenKeys"]))
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
    _chord(ctx, keys, ms(cfg.get("holdDuration"), 0))
    ctx.backend.input_done()
    return ActionResult(True, f"hotkey {'+'.join(keys)}")

