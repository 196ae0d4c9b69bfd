"""The run: state machine, transitions, path planning and run control (breakpoints,
stepping, pause, terminate).

The engine runs on its own thread; the DAP session (or the CLI) talks to it only
through RunControl and receives everything through the `emit` callback.
"""

from __future__ import annotations

import base64
import heapq
import itertools
import os
import time
import traceback
from typing import Any, Callable

import cv2

from .actions import BUILTIN_ACTIONS, ActionContext, parse_regions
from .backends import Backend
from .config import Action, Config, State, StateImage, Transition, Workflow
from .expressions import ExpressionError, evaluate
from .runtime import (POLL_SLICE, ActionResult, Breakpoint, Frame, LoopBreak, LoopContinue, RunControl,
                      RunTerminated, Variables, exception_breakpoint_id)
from .vision import FindResult, Match, Screen, SearchSpec, find

Emit = Callable[[str, dict[str, Any]], None]
MAX_REPLANS = 3
REGION_PNG_MAX = 160  # qontinui/match regionPng is downscaled to fit this many px per side


class Engine:
    """Executes one workflow of a config against a backend."""

    def __init__(self, config: Config, backend: Backend, emit: Emit | None = None,
                 control: RunControl | None = None, run_dir: str | None = None,
                 failure_strategy: str | None = None, initial_states: list[str] | None = None,
                 slow_step_ms: int = 0, handlers: dict[str, Callable[..., ActionResult]] | None = None,
                 screenshot_on_error: bool | None = None) -> None:
        self.config = config
        self.backend = backend
        self.emit_cb = emit or (lambda e, b: None)
        self.control = control or RunControl()
        self.run_dir = run_dir
        self.failure_strategy = (failure_strategy or config.setting("execution", "failureStrategy", "stop")
                                 or "stop").lower()
        self.initial_override = list(initial_states or [])
        self.slow_step_ms = slow_step_ms
        # Launch argument > settings.logging.screenshotOnError > true.
        if screenshot_on_error is None:
            screenshot_on_error = _bool(config.setting("logging", "screenshotOnError", True), True)
        self.screenshot_on_error = bool(screenshot_on_error)
        self.handlers = dict(BUILTIN_ACTIONS)
        self.handlers.update(handlers or {})
        self.vars = Variables()
        self.active: list[str] = []   # ordered set of active state ids
        self.pending: set[str] = set()  # states being entered (visible to the mock backend)
        self.frames: list[Frame] = []
        self.last_find: FindResult | None = None
        self.last_match_info: dict[str, Any] = {}
        self.stats = {"passed": 0, "failed": 0}
        self.t0 = time.perf_counter()
        self.stop_info: dict[str, Any] = {}
        self._screenshot_seq = 0

    # ------------------------------------------------------------------ events
    def emit(self, event: str, body: dict[str, Any]) -> None:
        self.emit_cb(event, body)

    def log(self, message: str, category: str = "console") -> None:
        self.emit("output", {"category": category, "output": message.rstrip("\n") + "\n"})

    def elapsed(self) -> float:
        return time.perf_counter() - self.t0

    # ------------------------------------------------------------------ run control
    def depth(self) -> int:
        return len(self.frames)

    def poll(self) -> None:
        """Cancellation/pause point: call in every loop."""
        c = self.control
        if c.terminate_requested:
            raise RunTerminated()
        if c.pause_requested:
            self.suspend("pause", "Paused")

    def sleep(self, seconds: float) -> None:
        end = time.perf_counter() + max(0.0, seconds)
        self.poll()
        while True:
            left = end - time.perf_counter()
            if left <= 0:
                return
            time.sleep(min(POLL_SLICE, left))
            self.poll()

    def suspend(self, reason: str, description: str, hit_ids: list[int] | None = None,
                text: str | None = None) -> None:
        """Block the run thread until continue/step/terminate."""
        c = self.control
        with c.cv:
            c.stopped = True
            c.pause_requested = False
            c.step = None
        self.stop_info = {"reason": reason, "description": description}
        body: dict[str, Any] = {"reason": reason, "description": description, "threadId": 1,
                                "allThreadsStopped": True}
        if hit_ids:
            body["hitBreakpointIds"] = hit_ids
        if text:
            body["text"] = text
        self.emit("stopped", body)
        with c.cv:
            while c.stopped and not c.terminate_requested:
                c.cv.wait(0.05)
        if c.terminate_requested:
            raise RunTerminated()
        self.emit("continued", {"threadId": 1, "allThreadsContinued": True})

    def checkpoint(self, kind: str, obj_id: str) -> None:
        """Breakpoints, steps and pause requests take effect here."""
        self.poll()
        c = self.control
        if c.debug:
            for bp in c.breakpoints.get(f"{kind}:{obj_id}", []):
                if bp.condition:
                    try:
                        if not evaluate(bp.condition, self.eval_names()):
                            continue
                    except (ExpressionError, Exception) as exc:  # a broken condition must not kill the run
                        self.log(f"breakpoint {bp.name}: condition error: {exc}", "stderr")
                        continue
                bp.hits += 1
                if not bp.hit_ok():
                    continue
                if bp.log_message:
                    self.log(self.format_log(bp.log_message))
                    continue
                self.suspend("breakpoint", f"Breakpoint hit: {bp.name}", [bp.id])
                return
        if c.step and kind == "action":
            d = self.depth()
            if (c.step == "stepIn" or (c.step == "next" and d <= c.step_depth)
                    or (c.step == "stepOut" and d < c.step_depth)):
                self.suspend("step", f"Step to action {obj_id}")

    def exception_stop(self, filter_name: str, message: str) -> None:
        if self.control.debug and filter_name in self.control.exception_filters:
            self.suspend("exception", message, [exception_breakpoint_id(filter_name)], text=message)

    def format_log(self, template: str) -> str:
        names = self.eval_names()

        def repl(m: Any) -> str:
            try:
                return str(evaluate(m.group(1), names))
            except Exception as exc:
                return f"<{exc}>"
        import re
        return re.sub(r"\{([^}]+)\}", repl, template)

    def eval_names(self) -> dict[str, Any]:
        names = self.vars.merged()
        names.setdefault("activeStates", list(self.active))
        if self.last_find is not None:
            names.setdefault("lastMatch", self.last_find.diagnostics())
        return names

    # ------------------------------------------------------------------ states
    def set_active(self, state_id: str, active: bool, reason: str = "") -> None:
        if active == (state_id in self.active):
            return
        if active:
            self.active.append(state_id)
        else:
            self.active.remove(state_id)
        st = self.config.states.get(state_id)
        self.emit("qontinui/stateChanged", {"stateId": state_id, "stateName": st.name if st else state_id,
                                           "active": active, "activeStates": list(self.active),
                                           "reason": reason, "elapsed": round(self.elapsed(), 3)})
        if active:
            self.frames.append(Frame("state", state_id, st.name if st else state_id))
            try:
                self.checkpoint("state", state_id)
            finally:
                self.frames.pop()

    def initial_state_ids(self, wf: Workflow | None) -> list[str]:
        if self.initial_override:
            return self.initial_override
        if wf and wf.initial_state_ids:
            return wf.initial_state_ids
        flagged = [s.id for s in self.config.states.values() if s.is_initial]
        if flagged:
            return flagged
        return [next(iter(self.config.states))] if self.config.states else []

    def verify_state(self, state: State, timeout_s: float = 0.0, any_image: bool = False) -> bool:
        """A state is visible when all its required images are found (any one if any_image)."""
        images = [i for i in state.images if i.required or any_image]
        if not images:
            return True
        deadline = time.perf_counter() + timeout_s
        while True:
            results = [self.find_specs(self.specs_for_image(i), "FIRST", {}) for i in images]
            ok = any(r.found for r in results) if any_image else all(r.found for r in results)
            if ok or time.perf_counter() >= deadline or not self.backend.live:
                return ok
            self.sleep(0.1)

    # ------------------------------------------------------------------ finding
    def threshold_for(self, si: StateImage | None, pattern: Any, options: dict[str, Any]) -> float:
        # Precedence: action similarity > pattern > state image > settings > 0.7
        for v in (options.get("similarity"), getattr(pattern, "similarity", None),
                  si.threshold if si else None):
            if v is not None:
                return float(v)
        return self.config.default_threshold

    def specs_for_image(self, si: StateImage, options: dict[str, Any] | None = None) -> list[SearchSpec]:
        options = options or {}
        action_regions = parse_regions(options.get("searchRegions"))
        specs = []
        for p in si.patterns:
            asset = self.config.images.get(p.image_id)
            if asset is None or asset.pixels is None:
                continue
            specs.append(SearchSpec(si.id, asset.pixels, self.threshold_for(si, p, options), p, si.state_id,
                                    p.mask, action_regions or p.search_regions or si.search_regions))
        return specs

    def specs_for_id(self, image_id: str, options: dict[str, Any]) -> list[SearchSpec]:
        si = self.config.state_images.get(image_id)
        if si is None:
            # A raw image id: use the state image that wraps it (threshold, regions, owner state).
            si = next((s for s in self.config.state_images.values()
                       if any(p.image_id == image_id for p in s.patterns)), None)
            if si is None:
                asset = self.config.images[image_id]
                return [SearchSpec(image_id, asset.pixels, self.threshold_for(None, None, options),
                                   regions=parse_regions(options.get("searchRegions")))]
            specs = self.specs_for_image(si, options)
            return [s for s in specs if s.pattern is None or s.pattern.image_id == image_id] or specs
        return self.specs_for_image(si, options)

    def capture(self) -> Screen | None:
        img = self.backend.capture()
        return Screen(img) if img is not None else None

    def find_specs(self, specs: list[SearchSpec], strategy: str, options: dict[str, Any]) -> FindResult:
        if self.backend.virtual:
            return self._mock_find(specs, strategy)
        screen = self.capture()
        assert screen is not None
        return find(screen, specs, strategy, options)

    def _mock_find(self, specs: list[SearchSpec], strategy: str) -> FindResult:
        visible = set(self.active) | self.pending
        matches = []
        for s in specs:
            if s.state_id is None or s.state_id in visible:
                reg = s.regions[0] if s.regions else None
                h, w = s.template.shape[:2]
                x, y = (reg.x, reg.y) if reg else (0, 0)
                matches.append(Match(x, y, w, h, 1.0, s.image_id, s.pattern.id if s.pattern else "", s.state_id))
                if strategy in ("FIRST", "BEST"):
                    break
        thr = specs[0].threshold if specs else 0.0
        return FindResult(matches, 1.0 if matches else 0.0, (matches[0].x, matches[0].y) if matches else None,
                          thr, 0.0, matches[0].image_id if matches else (specs[0].image_id if specs else ""), "mock")

    def record_find(self, result: FindResult, action: Action | None) -> None:
        self.last_find = result
        diag = result.diagnostics()
        diag["actionId"] = action.id if action else None
        region = result.best_region
        if region is not None:
            diag["region"] = region
        self.last_match_info = diag
        body = dict(diag)
        png = region_png(result.screen, region)
        if png is not None:
            body["regionPng"] = png
        self.emit("qontinui/match", body)
        # State activation stays with transitions and FIND_STATE so the debugger shows one cause.

    def save_failure_screenshot(self, action: Action | None, reason: str) -> str | None:
        if not self.run_dir:
            return None
        img = self.backend.capture()
        if img is None:
            return None
        os.makedirs(self.run_dir, exist_ok=True)
        self._screenshot_seq += 1
        path = os.path.join(self.run_dir, f"failure-{self._screenshot_seq:03d}-{action.id if action else 'run'}.png")
        cv2.imwrite(path, img)
        self.emit("qontinui/screenshot", {"path": path, "actionId": action.id if action else None,
                                         "reason": reason})
        return path

    # ------------------------------------------------------------------ actions
    def run_actions(self, wf: Workflow, ids: list[str]) -> ActionResult:
        """Run child actions (IF/LOOP/TRY bodies); first failure stops the block."""
        for aid in ids:
            r = self.run_action(wf.by_id[aid])
            if not r.success:
                return r
        return ActionResult(True)

    def run_action(self, action: Action) -> ActionResult:
        self.frames.append(Frame("action", action.id, action.name or action.type, action.type))
        try:
            self.checkpoint("action", action.id)
            started = time.time()
            t0 = time.perf_counter()
            self.emit("qontinui/actionStarted", {"actionId": action.id, "actionType": action.type,
                                                "name": action.name, "workflowId": action.workflow_id,
                                                "timestamp": started, "elapsed": round(self.elapsed(), 3)})
            if action.pause_before_ms and not self.backend.virtual:
                self.sleep(action.pause_before_ms / 1000)
            ctx = ActionContext(self, action)
            handler = self.handlers[action.type]
            result = ActionResult(False, "not run")
            attempts = 0
            for attempts in range(1, 2 + action.retry_count):
                try:
                    result = handler(ctx, action.config)
                except (RunTerminated, LoopBreak, LoopContinue):
                    raise
                except Exception as exc:
                    tb = traceback.format_exc()
                    self.log(f"action {action.id} ({action.type}) raised {exc!r}\n{tb}", "stderr")
                    result = ActionResult(False, f"{type(exc).__name__}: {exc}")
                    if self.control.debug:
                        self.suspend("exception", f"Exception in action {action.id}: {exc}", text=tb)
                    break  # a crash is not a flaky screen: do not retry it
                if result.success:
                    break
                self.poll()
            if result.success and action.pause_after_ms and not self.backend.virtual:
                self.sleep(action.pause_after_ms / 1000)
            if self.slow_step_ms:
                self.sleep(self.slow_step_ms / 1000)
            if not result.success and attempts > 1:
                result.message = f"{result.message} (all {attempts} attempts failed)"
            self.stats["passed" if result.success else "failed"] += 1
            body: dict[str, Any] = {"actionId": action.id, "actionType": action.type,
                                    "success": result.success, "message": result.message,
                                    "attempts": attempts, "durationMs": round((time.perf_counter() - t0) * 1000, 2),
                                    "elapsed": round(self.elapsed(), 3)}
            if result.find is not None:
                body["match"] = {k: v for k, v in result.find.diagnostics().items() if k != "matches"}
            if result.data:
                body["data"] = result.data
            self.emit("qontinui/actionCompleted", body)
            if not result.success and not self.backend.virtual and self.screenshot_on_error:
                self.save_failure_screenshot(action, result.message)
            if not result.success:
                if result.find is not None and not result.find.found:
                    self.exception_stop("findFailed", f"FIND failed in action {action.id}: {result.message}")
                self.exception_stop("actionFailed", f"Action {action.id} ({action.type}) failed: {result.message}")
            return result
        finally:
            self.frames.pop()

    # ------------------------------------------------------------------ workflows
    def run_workflow(self, wf: Workflow, variables: dict[str, Any] | None = None) -> ActionResult:
        self.frames.append(Frame("workflow", wf.id, wf.name))
        self.vars.locals.append({**_plain_vars(wf.variables), **(variables or {})})
        failures: list[str] = []
        stopped_early = False
        try:
            self.checkpoint("workflow", wf.id)
            self.emit("qontinui/workflowStarted", {"workflowId": wf.id, "workflowName": wf.name})
            for action in wf.top_level():
                try:
                    r = self.run_action(action)
                except (LoopBreak, LoopContinue):
                    r = ActionResult(False, f"{action.type} outside a loop")
                if r.success:
                    continue
                failures.append(f"action {action.id} ({action.type}) failed: {r.message}")
                if self.failure_strategy == "continue":
                    continue
                if self.failure_strategy == "pause":
                    # Suspend as if a breakpoint hit; continuing resumes with the next action.
                    self.suspend("exception", f"{failures[-1]} (failureStrategy=pause)", text=r.message)
                    continue
                stopped_early = True
                break
            ok = not failures
            self.emit("qontinui/workflowCompleted", {"workflowId": wf.id, "workflowName": wf.name,
                                                    "success": ok, "stoppedEarly": stopped_early,
                                                    "error": failures[0] if failures else None})
            return ActionResult(ok, failures[0] if failures else "")
        finally:
            self.vars.locals.pop()
            self.frames.pop()

    # ------------------------------------------------------------------ transitions
    def run_transition(self, t: Transition) -> bool:
        cfg = self.config
        pushed = 0
        if t.from_state:
            st = cfg.states.get(t.from_state)
            self.frames.append(Frame("state", t.from_state, st.name if st else t.from_state))
            pushed += 1
        self.frames.append(Frame("transition", t.id, t.name or t.id))
        pushed += 1
        error = ""
        try:
            self.checkpoint("transition", t.id)
            self.emit("qontinui/transitionStarted", {"transitionId": t.id, "fromState": t.from_state,
                                                    "toState": t.to_state, "activeStates": list(self.active)})
            ok = True
            # The states this transition is expected to reveal count as visible for the mock backend.
            expected = {s for s in (t.to_state, *t.activate) if s}
            self.pending |= expected
            for wid in t.workflows:
                r = self.run_workflow(cfg.workflows[wid])
                if not r.success:
                    ok, error = False, f"workflow {wid} failed: {r.message}"
                    break
            self.pending -= expected
            if ok and t.kind == "outgoing":
                for sid in t.deactivate:
                    self.set_active(sid, False, f"transition {t.id}")
                targets = [s for s in dict.fromkeys([t.to_state, *t.activate]) if s]
                for sid in targets:
                    if sid in self.active:
                        continue
                    entered = self.enter_state(sid, t.timeout_ms / 1000)
                    if not entered and sid == t.to_state:
                        ok, error = False, f"state {sid} did not appear"
                if ok and not t.stays_visible and t.from_state and t.from_state not in targets:
                    self.set_active(t.from_state, False, f"transition {t.id}")
            self.emit("qontinui/transitionCompleted", {"transitionId": t.id, "success": ok, "error": error or None,
                                                      "activeStates": list(self.active)})
            if not ok:
                self.log(f"transition {t.id} failed: {error}", "stderr")
                self.exception_stop("transitionFailed", f"Transition {t.id} failed: {error}")
            return ok
        finally:
            del self.frames[-pushed:]

    def enter_state(self, sid: str, timeout_s: float) -> bool:
        """Run the state's Incoming transitions, verify it is visible, then activate it."""
        self.pending.add(sid)
        try:
            for inc in self.config.incoming(sid):
                if not self.run_transition(inc):
                    return False
            if not self.verify_state(self.config.states[sid], timeout_s):
                return False
        finally:
            self.pending.discard(sid)
        self.set_active(sid, True, "transition")
        return True

    # ------------------------------------------------------------------ path planning
    def plan(self, target: str, blocked: set[str]) -> list[Transition] | None:
        """Cheapest transition path from any active state to target (Dijkstra).

        Cost = sum of transition costs + sum of the entered states' pathCost (Brobot)."""
        if target in self.active:
            return []
        cfg = self.config
        counter = itertools.count()
        heap: list[tuple[float, int, str, list[Transition]]] = [(0.0, next(counter), s, []) for s in self.active]
        best: dict[str, float] = {}
        while heap:
            cost, _, sid, path = heapq.heappop(heap)
            if sid == target:
                return path
            if best.get(sid, float("inf")) <= cost:
                continue
            best[sid] = cost
            for t in cfg.outgoing(sid):
                if t.id in blocked:
                    continue
                for nxt in dict.fromkeys([t.to_state, *t.activate]):
                    if nxt and nxt not in best:
                        st = cfg.states.get(nxt)
                        heapq.heappush(heap, (cost + t.cost + (st.path_cost if st else 1.0), next(counter),
                                              nxt, path + [t]))
        return None

    def go_to_states(self, targets: list[str]) -> ActionResult:
        blocked: set[str] = set()
        replans = 0
        while True:
            missing = [t for t in targets if t not in self.active]
            if not missing:
                return ActionResult(True, f"active: {', '.join(self.active)}",
                                    {"activeStates": list(self.active), "replans": replans})
            path = self.plan(missing[0], blocked)
            if path is None:
                extra = f" (failed transitions: {', '.join(sorted(blocked))})" if blocked else ""
                return ActionResult(False, f"no path from [{', '.join(self.active)}] to {missing[0]}{extra}")
            self.log(f"path to {missing[0]}: {' -> '.join(t.id for t in path)}")
            failed = False
            for t in path:
                if t.from_state not in self.active:
                    failed = True
                    break
                if not self.run_transition(t):
                    blocked.add(t.id)  # never retry a transition that just failed
                    failed = True
                    break
            if failed:
                replans += 1
                if replans > MAX_REPLANS:
                    return ActionResult(False, f"could not reach {missing[0]} after {MAX_REPLANS} re-plans")
                self.log(f"re-planning from [{', '.join(self.active)}] (attempt {replans})")

    # ------------------------------------------------------------------ run
    def run(self, workflow: Workflow | None) -> dict[str, Any]:
        """Run a workflow from the initial states; returns the runCompleted body."""
        self.t0 = time.perf_counter()
        error: str | None = None
        success = False
        try:
            for sid in self.initial_state_ids(workflow):
                if sid not in self.config.states:
                    raise ValueError(f"unknown initial state '{sid}'")
                self.set_active(sid, True, "initial")
            if workflow is None:
                raise ValueError("config has no workflow to run")
            # Scoped workflow variables: process/global seed the run, local seeds each invocation.
            self.vars.process.update(workflow.variables.get("process") or {})
            self.vars.globals.update(workflow.variables.get("global") or {})
            r = self.run_workflow(workflow)
            success, error = r.success, (r.message or None)
        except RunTerminated:
            error = "terminated by user"
        except Exception as exc:  # keep the process alive; report instead
            error = f"internal error: {exc}"
            self.log(traceback.format_exc(), "stderr")
        body = {"success": success, "durationMs": round(self.elapsed() * 1000, 1),
                "actionsPassed": self.stats["passed"], "actionsFailed": self.stats["failed"],
                "error": error, "activeStates": list(self.active),
                "workflowId": workflow.id if workflow else None}
        self.emit("qontinui/runCompleted", body)
        return body


def region_png(screen: Any, region: dict[str, int] | None, cap: int = REGION_PNG_MAX) -> str | None:
    """Base64 PNG of a screen area (clipped to the screen), downscaled to fit cap x cap."""
    if screen is None or region is None:
        return None
    h, w = screen.shape[:2]
    x0, y0 = max(0, int(region["x"])), max(0, int(region["y"]))
    x1, y1 = min(w, int(region["x"]) + int(region["width"])), min(h, int(region["y"]) + int(region["height"]))
    if x1 <= x0 or y1 <= y0:
        return None
    crop = screen[y0:y1, x0:x1]
    cw, ch = x1 - x0, y1 - y0
    if cw > cap or ch > cap:
        f = min(cap / cw, cap / ch)
        crop = cv2.resize(crop, (max(1, min(cap, round(cw * f))), max(1, min(cap, round(ch * f)))),
                          interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".png", crop)
    return base64.b64encode(buf.tobytes()).decode("ascii") if ok else None


def _bool(v: Any, default: bool) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str):
        low = v.strip().lower()
        if low in ("false", "0", "no", "off"):
            return False
        if low in ("true", "1", "yes", "on"):
            return True
        return default
    return default if v is None else bool(v)


def _plain_vars(v: dict[str, Any]) -> dict[str, Any]:
    # Workflow 'variables' may be {local:{}, process:{}, global:{}} or a flat dict.
    if any(k in v for k in ("local", "process", "global")):
        return dict(v.get("local") or {})
    return dict(v)
