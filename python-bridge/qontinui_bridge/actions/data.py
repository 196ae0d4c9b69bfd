# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Data: SET_VARIABLE, GET_VARIABLE, STRING_OPERATION, MATH_OPERATION."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..expressions import evaluate, interpolate, regex_search
from ..runtime import ActionResult
from ..secrets import MASK, contains_secret, is_secret, mark_sensitive, template_mentions_secret
from .context import ActionContext


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
    # Secret by flag, by name, or because it carries a secret (copied or interpolated from one).
    secret = bool(cfg.get("sensitive")) or is_secret(ctx.variables, name) or _carries_secret(ctx, value) \
        or _mentions_secret(ctx, cfg.get("valueSource")) or template_mentions_secret(ctx.variables, cfg.get("value"))
    ctx.variables.set(name, value, str(cfg.get("scope", "local")))
    if secret:
        mark_sensitive(ctx.variables, name)
        return ActionResult(True, f"{name} = {MASK}", {"name": name, "value": MASK, "sensitive": True})
    return ActionResult(True, f"{name} = {value!r}", {"name": name, "value": jsonable(value)})


def _carries_secret(ctx: ActionContext, value: Any) -> bool:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return contains_secret(ctx.variables, text)


def _mentions_secret(ctx: ActionContext, spec: Any) -> bool:
    """True when an operand or value source reads a secret variable (SUBSTRING of a password is secret)."""
    if isinstance(spec, dict):
        name = spec.get("variableName") or spec.get("variable") or spec.get("name")
        if name and is_secret(ctx.variables, name):
            return True
        if "expression" in spec and isinstance(spec["expression"], str):
            return any(is_secret(ctx.variables, n) for n in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", spec["expression"]))
        return False
    if isinstance(spec, (list, tuple)):
        return any(_mentions_secret(ctx, x) for x in spec)
    return False


def act_get_variable(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    name = cfg.get("variableName")
    if not ctx.variables.has(name) and "defaultValue" not in cfg:
        return ActionResult(False, f"variable {name} is not set")
    value = ctx.variables.get(name, cfg.get("defaultValue"))
    secret = is_secret(ctx.variables, name)
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], value)
        if secret:
            mark_sensitive(ctx.variables, cfg["outputVariable"])
    if secret:
        return ActionResult(True, f"{name} = {MASK}", {"value": MASK, "sensitive": True})
    return ActionResult(True, f"{name} = {value!r}", {"value": jsonable(value)})


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
    p0 = cfg.get("parameters") or {}
    secret = bool(cfg.get("sensitive")) or _mentions_secret(ctx, cfg.get("input")) \
        or _mentions_secret(ctx, p0.get("strings") or []) or _carries_secret(ctx, cfg.get("input", ""))
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
        m = regex_search(str(p.get("pattern", "")), s)  # time-limited: a config can hold a catastrophic pattern
        out = (m.group(1) if m and m.groups() else m.group(0)) if m else None
    elif op == "LENGTH":
        out = len(s)
    elif op == "PARSE_JSON":
        out = json.loads(s)
    else:
        return ActionResult(False, f"unknown string operation '{op}'")
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], out)
        if secret:
            mark_sensitive(ctx.variables, cfg["outputVariable"])
    if secret:  # even LENGTH: it would tell how long the password is
        return ActionResult(True, f"{op} -> {MASK}", {"result": MASK, "sensitive": True})
    return ActionResult(True, f"{op} -> {out!r}", {"result": jsonable(out)})


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


def jsonable(v: Any) -> Any:
    try:
        json.dumps(v)
        return v
    except (TypeError, ValueError):
        return repr(v)

