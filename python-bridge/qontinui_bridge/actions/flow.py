# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Control flow: WAIT, GO_TO_STATE, RUN_WORKFLOW, IF, LOOP, BREAK/CONTINUE, TRY_CATCH."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..expressions import compare, evaluate
from ..runtime import ActionResult, LoopBreak, LoopContinue
from ..vision import FindResult, Screen
from .base import Handler, find_message, ms
from .context import ActionContext


def act_wait(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
    kind = str(cfg.get("waitFor") or ("target" if cfg.get("target") else "state" if cfg.get("stateId") else "time"))
    if kind == "time":
        secs = ms(cfg.get("duration"), 1000)
        if not ctx.backend.virtual:  # mock runs are dry runs: waits are instant
            ctx.sleep(secs)
        return ActionResult(True, f"waited {secs:.2f}s")
    max_wait = ms(cfg.get("maxWaitTime", cfg.get("timeout")), 10000)
    action_left = ctx.engine.action_time_left()
    if action_left is not None:  # execution.timeout overrides maxWaitTime
        max_wait = action_left
    interval = ms(cfg.get("checkInterval"), 250)
    deadline = ctx.engine.now() + max_wait
    while True:
        # What was looked at, for the interruption check: a find's bare array or the state check's Screen.
        frame: np.ndarray | Screen | None = None
        fr: FindResult | None
        if kind == "target":
            # Recorded once at the end: a miss's exact best score (diagnostics) costs a full search.
            r = ctx.find(cfg["target"], ctx.search_options(cfg["target"], cfg), timeout_ms=0, record=False)
            if r.found:
                ctx.engine.record_find(r, ctx.action)
                return ActionResult(True, find_message(r), find=r)
            msg, fr, frame = "", r, r.screen
        elif kind == "state":
            if ctx.engine.verify_state(ctx.config.states[cfg["stateId"]]):
                return ActionResult(True, f"state {cfg['stateId']} visible")
            msg, fr, frame = f"state {cfg['stateId']} not visible", None, ctx.engine.last_verify_frame
        elif kind == "condition":
            if condition(ctx, cfg.get("condition") or {}):
                return ActionResult(True, "condition met")
            msg, fr = "condition not met", None
        else:
            return ActionResult(False, f"unknown waitFor '{kind}'")
        if ctx.engine.now() >= deadline or (kind != "condition" and not ctx.backend.live):
            if fr is not None:
                ctx.engine.record_find(fr, ctx.action)
                msg = find_message(fr)
            return ActionResult(False, f"timeout after {max_wait:.1f}s: {msg}", find=fr)
        t0 = ctx.engine.now()
        if ctx.engine.on_find_miss(frame):  # an interruption was closed: look again at once
            deadline += ctx.engine.now() - t0
            continue
        ctx.sleep(interval)


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
            ctx.sleep(ms(rep["delay"]))
    if cfg.get("outputVariable"):
        ctx.variables.set(cfg["outputVariable"], result.success)
    return ActionResult(result.success, result.message or f"workflow {wf.id} done")


def condition(ctx: ActionContext, cond: dict[str, Any]) -> bool:
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
    branch = "thenActions" if condition(ctx, cfg.get("condition") or {}) else "elseActions"
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
        ctx.engine.poll()  # terminate/pause within 200 ms even with an empty body
        if kind == "WHILE":
            if not condition(ctx, cfg.get("condition") or {}):
                break
            if count >= max_it:
                return ActionResult(False, f"WHILE loop hit its iteration cap ({max_it}) with the condition "
                                    "still true", {"iterations": count})
            item = count
        elif count >= max_it:
            break
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


def flow_signal(exc: type[Exception], word: str) -> Handler:
    def act(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
        if cfg.get("condition") and not condition(ctx, cfg["condition"]):
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

