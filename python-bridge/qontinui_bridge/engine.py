# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""The run: state machine, transitions, run control (breakpoints, stepping, pause, terminate,
run timeout) and failure handling (failure stops, retry/skip/abort, failure strategies).

The engine runs on its own thread; the DAP session (or the CLI) talks to it only through
RunControl and receives everything as domain events through the `emit` callback (dap.py turns
them into DAP messages, the CLI into events.jsonl). Where the run is and how to get elsewhere
(detection, planning, interruptions) is navigation.py's part.
"""

from __future__ import annotations

import base64
import os
import re
import time
import traceback
from typing import Any, Callable

import cv2
import numpy as np

from .actions import BUILTIN_ACTIONS, ActionContext, parse_regions
from .backends import Backend
from .config import Action, Config, State, StateImage, StateText, Transition, Workflow
from .expressions import ExpressionError, cancel_scope, evaluate
from .ocr import OcrUnavailable, TextSettings, find_text
from .secrets import scrub_event
from .navigation import (INTERRUPTION_CHECK_S, MAX_TRANSITION_RETRIES, Detection, Navigator, StateBook,
                         returns_to_previous)
from .runtime import (POLL_SLICE, ActionResult, Breakpoint, Frame, FrameSeen, LoopBreak, LoopContinue, Recovery,
                      RunControl, RunTerminated, TransitionInterrupted, Variables, exception_breakpoint_id)
from .vision import FindResult, LastSeen, Match, Screen, SearchSpec, find, recognition_options

Emit = Callable[[str, dict[str, Any]], None]
FrameObserver = Callable[[FrameSeen], None]
MAX_REPLANS = 5
MAX_INTERRUPTIONS_PER_ACTION = 4
SETTLE_S = 10.0  # how long navigation waits for any known state when none is on the screen
FAILURE_STRATEGIES = ("stop", "continue", "pause", "retry")
ON_FAILURE = ("stop", "retry", "skip")


class ActionTimeout(Exception):
    """An action attempt ran past its execution.timeout."""

    def __init__(self, action_id: str, timeout_ms: int) -> None:
        super().__init__(f"timeout after {timeout_ms} ms")
        self.action_id = action_id
REGION_PNG_MAX = 160  # qontinui/match regionPng is downscaled to fit this many px per side


class Engine:
    """Executes one workflow of a config against a backend."""

    def __init__(self, config: Config, backend: Backend, emit: Emit | None = None,
                 control: RunControl | None = None, run_dir: str | None = None,
                 failure_strategy: str | None = None, initial_states: list[str] | None = None,
                 slow_step_ms: int = 0, handlers: dict[str, Callable[..., ActionResult]] | None = None,
                 screenshot_on_error: bool | None = None, on_failure: str | None = None,
                 run_timeout_s: float | None = None) -> None:
        self.config = config
        self.backend = backend
        self.emit_cb = emit or (lambda e, b: None)
        self.control = control or RunControl()
        self.run_dir = run_dir
        self.failure_strategy = (failure_strategy or config.setting("execution", "failureStrategy", "stop")
                                 or "stop").lower()
        if self.failure_strategy not in FAILURE_STRATEGIES:
            raise ValueError(f"failureStrategy must be one of {', '.join(FAILURE_STRATEGIES)}, "
                             f"got '{self.failure_strategy}'")
        self.on_failure = (on_failure or "stop").lower()
        if self.on_failure not in ON_FAILURE:
            raise ValueError(f"on-failure must be one of {', '.join(ON_FAILURE)}, got '{self.on_failure}'")
        self.run_timeout_s = run_timeout_s
        self.action_delay_s = float(config.setting("execution", "actionDelay", 0) or 0) / 1000
        self.initial_override = list(initial_states or [])
        self.slow_step_ms = slow_step_ms
        # Launch argument > settings.logging.screenshotOnError > true.
        if screenshot_on_error is None:
            screenshot_on_error = _bool(config.setting("logging", "screenshotOnError", True), True)
        self.screenshot_on_error = bool(screenshot_on_error)
        self.handlers = dict(BUILTIN_ACTIONS)
        self.handlers.update(handlers or {})
        self.vars = Variables()
        self.book = StateBook()
        self.active: list[str] = self.book.active  # ordered set of active state ids (same list as book.active)
        self.text_settings = TextSettings.from_settings(config.settings.get("recognition"))
        self.nav = Navigator(config, self.specs_for_image, self._search,
                             float(config.setting("execution", "detectionBudgetMs", 1500) or 1500), self.poll,
                             self._read_state_text if self.text_settings.enabled else None)
        self.frame_observers: list[FrameObserver] = []
        self.interruptions = 0
        self._in_interruption = False
        self._last_interruption_check = 0.0
        self._interruptions_in_action = 0
        self._transition_workflows = 0  # > 0 while a transition's own workflows run
        self.way_out_failures: dict[str, int] = {}  # an interruption's way out that keeps failing is dropped
        self._deadlines: list[tuple[float, str, int]] = []  # (now() deadline, action id, timeout ms)
        self.similarity_override: float | None = None
        self._actions_started = 0
        self.last_verify_frame: Screen | None = None
        self.verified_score: float | None = None
        self._failure_shot: str | None = None
        self.pending: set[str] = set()  # states being entered (visible to the mock backend)
        self.frames: list[Frame] = []
        self.last_find: FindResult | None = None
        self.last_seen = LastSeen()  # where each pattern was last found: FIRST finds look there first
        self.recognition = recognition_options(config.settings.get("recognition"))  # colorSpace
        self.last_match_info: dict[str, Any] = {}
        self.stats = {"passed": 0, "failed": 0}
        self.t0 = time.perf_counter()
        # A replay (replay.py) skips waits: time jumps ahead instead of passing, so a recording replays
        # in the time its searches take, and every timeout still expires where it did.
        self.skip_waits = False
        self.skipped_s = 0.0
        self.stop_info: dict[str, Any] = {}
        self._screenshot_seq = 0

    # ------------------------------------------------------------------ events
    def emit(self, event: str, body: dict[str, Any]) -> None:
        self.emit_cb(event, scrub_event(body, getattr(self, "vars", None)))

    def log(self, message: str, category: str = "console") -> None:
        self.emit("output", {"category": category, "output": message.rstrip("\n") + "\n"})

    def elapsed(self) -> float:
        return time.perf_counter() - self.t0

    def now(self) -> float:
        """The clock of deadlines and timeouts: real seconds, plus the waits a replay skipped."""
        return time.perf_counter() + self.skipped_s

    # ------------------------------------------------------------------ run control
    def depth(self) -> int:
        return len(self.frames)

    def poll(self) -> None:
        """Cancellation/pause point: call in every loop."""
        c = self.control
        if c.terminate_requested:
            raise RunTerminated()
        now = self.now()
        if c.deadline is not None and now > c.deadline:
            raise RunTerminated(f"run timeout after {c.timeout_s:.1f} s")
        if self._deadlines:
            deadline, action_id, ms = min(self._deadlines)
            if now > deadline:
                raise ActionTimeout(action_id, ms)
        if c.pause_requested:
            self.suspend("pause", "Paused")

    def action_time_left(self) -> float | None:
        """Seconds left before the innermost running action's execution.timeout, None without one."""
        if not self._deadlines:
            return None
        return max(0.0, min(self._deadlines)[0] - self.now() - POLL_SLICE)

    def sleep(self, seconds: float) -> None:
        end = self.now() + max(0.0, seconds)
        self.poll()
        while True:
            left = end - self.now()
            if left <= 0:
                return
            if self.skip_waits:
                self.skipped_s += min(POLL_SLICE, left)
            else:
                time.sleep(min(POLL_SLICE, left))
            self.poll()

    def suspend(self, reason: str, description: str, hit_ids: list[int] | None = None,
                text: str | None = None, failure: dict[str, Any] | None = None) -> None:
        """Block the run thread until continue/step/terminate (or a recovery answer to a failure stop)."""
        c = self.control
        with c.cv:
            c.stopped = True
            c.failure_stop = failure is not None
            c.recovery = None
            c.pause_requested = False
            c.step = None
        self.stop_info = {"reason": reason, "description": description}
        body: dict[str, Any] = {"reason": reason, "description": description, "threadId": 1,
                                "allThreadsStopped": True}
        if hit_ids:
            body["hitBreakpointIds"] = hit_ids
        if text:
            body["text"] = text
        if failure is not None:
            body["failure"] = failure
        self.emit("stopped", body)
        paused_at = self.now()
        with c.cv:
            while c.stopped and not c.terminate_requested:
                c.cv.wait(0.05)
            c.failure_stop = False
        if c.terminate_requested:
            raise RunTerminated()
        # Time spent stopped does not count against the action's own timeout.
        stopped_for = self.now() - paused_at
        self._deadlines = [(d + stopped_for, a, ms) for d, a, ms in self._deadlines]
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
        return re.sub(r"\{([^}]+)\}", repl, template)

    def eval_names(self) -> dict[str, Any]:
        names = self.vars.merged()
        names.setdefault("activeStates", list(self.active))
        if self.last_find is not None:
            names.setdefault("lastMatch", self.last_find.diagnostics())
        return names

    # ------------------------------------------------------------------ states
    def set_active(self, state_id: str, active: bool, reason: str = "", score: float | None = None) -> None:
        """Activate/deactivate a state; `score` marks it seen on the screen (else it is assumed)."""
        was_seen = state_id in self.book.seen
        if active and score is not None:
            self.book.seen[state_id] = score
        elif not active:
            self.book.seen.pop(state_id, None)
        if active == (state_id in self.active):
            if active and score is not None and not was_seen:
                self._emit_state(state_id, True, "seen")  # assumed -> seen
            return
        if active:
            self.active.append(state_id)
        else:
            self.active.remove(state_id)
        st = self.config.states.get(state_id)
        self._emit_state(state_id, active, reason)
        if active:
            self.frames.append(Frame("state", state_id, st.name if st else state_id))
            try:
                self.checkpoint("state", state_id)
            finally:
                self.frames.pop()

    def _emit_state(self, state_id: str, active: bool, reason: str) -> None:
        st = self.config.states.get(state_id)
        self.emit("qontinui/stateChanged", {"stateId": state_id, "stateName": st.name if st else state_id,
                                           "active": active, "seen": state_id in self.book.seen,
                                           "activeStates": list(self.active), "seenStates": self.seen_states(),
                                           "reason": reason, "elapsed": round(self.elapsed(), 3)})

    def seen_states(self) -> list[str]:
        return [s for s in self.active if s in self.book.seen]

    def state_rows(self) -> list[dict[str, Any]]:
        """The Active States scope: each active state seen (with its score) or assumed, then the hidden ones."""
        rows = []
        for sid in self.active:
            name = self.config.states[sid].name if sid in self.config.states else sid
            score = self.book.seen.get(sid)
            if sid in self.book.seen:
                rows.append({"id": sid, "kind": "seen", "label": f"{name} (seen"
                             + (f" {score:.2f})" if score is not None else ")")})
            else:
                rows.append({"id": sid, "kind": "assumed", "label": f"{name} (assumed)"})
        for cover, ids in self.book.hidden.items():
            cover_name = self.config.states[cover].name if cover in self.config.states else cover
            for sid in ids:
                name = self.config.states[sid].name if sid in self.config.states else sid
                rows.append({"id": sid, "kind": "hidden", "label": f"{name} (hidden by {cover_name})"})
        return rows

    def replace_image(self, image_id: str, png: bytes) -> tuple[int, int]:
        """Recapture: new pixels for an image asset (every pattern using it); the file is the IDE's job."""
        asset = self.config.images.get(image_id)
        if asset is None:
            raise ValueError(f"unknown image '{image_id}'")
        img = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR) if png[:8] == b"\x89PNG\r\n\x1a\n" else None
        if img is None:
            raise ValueError("data is not a PNG image")
        asset.pixels = img
        h, w = img.shape[:2]
        for si in self.config.state_images.values():
            for p in si.patterns:
                if p.image_id == image_id and p.mask is not None and p.mask.shape[:2] != (h, w):
                    p.mask = None  # a mask drawn for the old size no longer fits
        self.log(f"image {image_id} replaced ({w}x{h})")
        return w, h

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
        """A state is visible when all its required images are found (any one if any_image).

        One capture per poll; while it is not visible, interrupting states are looked for on that frame."""
        if any_image:
            images = state.images
            results = [self.find_specs(self.specs_for_image(i), "FIRST", {}) for i in images]
            return any(r.found for r in results) if images else True
        if not any(i.patterns for i in state.images):
            return True
        deadline = self.now() + timeout_s
        while True:
            frame = self.capture_frame("verify")
            self.last_verify_frame = frame
            ok, score = self.nav.state_score(frame, state)
            if ok:
                self.verified_score = score
                return True
            if self.now() >= deadline or not self.backend.live:
                return False
            t0 = self.now()
            if self.on_find_miss(frame):
                deadline += self.now() - t0
                continue
            self.sleep(0.1)

    # ------------------------------------------------------------------ detection and interruptions
    def capture_frame(self, purpose: str) -> Screen | None:
        """One capture of the screen (None on the mock backend), offered to frame observers."""
        img = self.backend.capture()
        if img is None:
            return None
        if self.frame_observers:
            action_id = next((f.id for f in reversed(self.frames) if f.kind == "action"), None)
            seen = FrameSeen(img, action_id, purpose, round(self.elapsed(), 3))
            for observer in self.frame_observers:
                observer(seen)
        return Screen(img, self.backend.monitor_areas(), self.backend.monitor)

    def add_frame_observer(self, observer: FrameObserver) -> None:
        self.frame_observers.append(observer)

    def _read_state_text(self, frame: Screen | None, expected: StateText) -> tuple[bool, float]:
        """A StateString's expectedText/regex read on the detection's frame (OCR)."""
        if frame is None:
            return False, 0.0
        try:
            r = find_text(frame, expected.text, expected.regex, settings=self.text_settings,
                          label=f"state text {expected.id}")
        except OcrUnavailable as exc:
            self.log(f"state text {expected.id} not checked: {exc}", "stderr")
            return False, 0.0
        return r.found, float(r.best_score)

    def _search(self, frame: Screen | None, specs: list[SearchSpec]) -> FindResult:
        if frame is None:
            return self._mock_find(specs, "FIRST")
        return find(frame, specs, "FIRST", self.recognition, last_seen=self.last_seen)

    def detect(self, reason: str, everything: bool = False) -> Detection | None:
        """Search the likely states on one frame and make the active states what is seen.

        Nothing happens on the mock backend (there the assumed states are the truth)."""
        if self.backend.virtual:
            return None
        self.poll()
        assumed = list(self.active)
        hidden = [s for ids in self.book.hidden.values() for s in ids]
        everything = everything or not self.book.seen
        candidates = self.nav.candidates(assumed, everything, hidden)
        frame = self.capture_frame("detection")
        d = self.nav.detect(frame, reason, assumed, candidates)
        self.emit("qontinui/detection", {**d.body(), "elapsed": round(self.elapsed(), 3)})
        self.apply_detection(d)
        return d

    def apply_detection(self, d: Detection) -> None:
        if not d.seen:
            for sid in list(self.book.seen):
                if sid in d.candidates:
                    self.book.seen.pop(sid, None)  # no longer confirmed: assumed again
            return
        for sid in list(self.active):
            if sid in d.candidates and sid not in d.seen:
                self.set_active(sid, False, "not seen")
        for sid in d.seen:
            self.set_active(sid, True, "detected", d.scores.get(sid))
            for cover in list(self.book.hidden):
                if sid in self.book.hidden[cover]:
                    self.book.hidden[cover].remove(sid)

    def on_find_miss(self, frame: Any) -> bool:
        """A find or wait failed on `frame`: an interrupting state on it is handled (True) so the
        caller searches again at once instead of waiting out its timeout."""
        if frame is None or self._in_interruption or not self.nav.interrupting:
            return False
        if not isinstance(frame, Screen):
            frame = Screen(frame)  # FindResult.screen is the bare BGR array
        now = self.now()
        if now - self._last_interruption_check < INTERRUPTION_CHECK_S:
            return False
        self._last_interruption_check = now
        if self._interruptions_in_action >= MAX_INTERRUPTIONS_PER_ACTION:
            return False
        hit = self.nav.interruption_in(frame, [])
        if hit is None:
            return False
        self._interruptions_in_action += 1
        handled = self.handle_interruption(*hit)
        if handled and self._transition_workflows:
            # What the transition already typed or clicked may have gone to the popup: start it again.
            raise TransitionInterrupted(hit[0])
        return handled

    def handle_interruption(self, sid: str, score: float) -> bool:
        """Enter the interrupting state (hiding what it covers), take its way out, reveal what it hid."""
        t = self.nav.way_out(sid, {tid for tid, n in self.way_out_failures.items() if n >= 2})
        if t is None:
            return False
        during = next((f.id for f in reversed(self.frames) if f.kind == "action"), None)
        st = self.config.states[sid]
        self.interruptions += 1
        self.emit("qontinui/interruption", {"stateId": sid, "stateName": st.name, "score": round(score, 3),
                                           "transitionId": t.id, "duringActionId": during,
                                           "elapsed": round(self.elapsed(), 3)})
        self.log(f"interruption: {st.name} seen (score {score:.3f}) during {during}: taking {t.id}")
        self._in_interruption = True
        saved_find = self.last_find
        try:
            self.cover(sid, score)
            outer, self._transition_workflows = self._transition_workflows, 0
            try:
                ok = self.run_transition(t)
            finally:
                self._transition_workflows = outer
            if not ok:
                self.way_out_failures[t.id] = self.way_out_failures.get(t.id, 0) + 1
        finally:
            self._in_interruption = False
            self.last_find = saved_find
        self._last_interruption_check = 0.0
        return ok

    def cover(self, sid: str, score: float | None) -> None:
        """`sid` opened over the active states: they become hidden by it (Brobot's hidden states)."""
        covered = [s for s in self.active if s != sid and s not in self.nav.interrupting]
        if covered:
            self.book.hidden[sid] = [*self.book.hidden.get(sid, []), *covered]
        for s in covered:
            self.set_active(s, False, "hidden")
        self.set_active(sid, True, "interruption", score)

    def reveal(self, sid: str, via: str) -> list[str]:
        """`sid` closed back to PREVIOUS: the states it hid are active again (assumed until seen)."""
        revealed = self.book.hidden.pop(sid, [])
        for s in revealed:
            self.set_active(s, True, "revealed")
        if not revealed:
            self.log(f"transition {via}: {sid} hid no state to return to")
        return revealed

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
                                    p.mask, action_regions or p.search_regions or si.search_regions,
                                    si.monitors[0] if si.monitors else None))
        return specs

    def specs_for_id(self, image_id: str, options: dict[str, Any]) -> list[SearchSpec]:
        si = self.config.state_images.get(image_id)
        if si is None:
            # A raw image id: use the state image that wraps it (threshold, regions, owner state).
            si = next((s for s in self.config.state_images.values()
                       if any(p.image_id == image_id for p in s.patterns)), None)
            if si is None:
                asset = self.config.images[image_id]
                if asset.pixels is None:  # as in specs_for_image (a loaded config has the pixels of every image)
                    return []
                return [SearchSpec(image_id, asset.pixels, self.threshold_for(None, None, options),
                                   regions=parse_regions(options.get("searchRegions")))]
            specs = self.specs_for_image(si, options)
            return [s for s in specs if s.pattern is None or s.pattern.image_id == image_id] or specs
        return self.specs_for_image(si, options)

    def capture(self) -> Screen | None:
        return self.capture_frame("find")

    def find_specs(self, specs: list[SearchSpec], strategy: str, options: dict[str, Any]) -> FindResult:
        if self.backend.virtual:
            return self._mock_find(specs, strategy)
        screen = self.capture_frame("find")
        assert screen is not None
        return find(screen, specs, strategy, {**self.recognition, **options}, last_seen=self.last_seen)

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
            if self._actions_started and self.action_delay_s and not self.backend.virtual:
                self.sleep(self.action_delay_s)  # settings.execution.actionDelay
            self._actions_started += 1
            if action.pause_before_ms and not self.backend.virtual:
                self.sleep(action.pause_before_ms / 1000)
            attempt, auto_retried = 0, False
            while True:
                attempt += 1
                result, attempts, ms = self._attempts(action)
                self._report(action, result, attempts, ms, attempt)
                if result.success:
                    break
                recovery = self.failure_stop(action, result, attempt)
                if recovery is None and not auto_retried and (
                        self.on_failure == "retry" or self.failure_strategy == "retry"):
                    auto_retried = True
                    self.log(f"action {action.id} failed: re-detecting the screen, then one retry")
                    self.detect("afterFailure")
                    recovery = Recovery("retry")
                elif recovery is None and self.on_failure == "skip":
                    recovery = Recovery("skip")
                if recovery is None:
                    break
                if recovery.kind == "abort":
                    raise RunTerminated(f"aborted by user at action {action.id}")
                if recovery.kind == "skip":
                    self.stats["failed"] -= 1
                    self.stats["passed"] += 1
                    result = ActionResult(True, f"skipped after failure: {result.message}", {"skipped": True})
                    self.emit("qontinui/actionCompleted", {
                        "actionId": action.id, "actionType": action.type, "success": True, "skipped": True,
                        "message": result.message, "attempts": attempts, "durationMs": 0.0,
                        "elapsed": round(self.elapsed(), 3)})
                    break
                self.similarity_override = recovery.threshold
                self.log(f"retrying action {action.id}" + (f" with similarity {recovery.threshold}"
                                                           if recovery.threshold is not None else ""))
            if result.success and action.pause_after_ms and not self.backend.virtual:
                self.sleep(action.pause_after_ms / 1000)
            if self.slow_step_ms:
                self.sleep(self.slow_step_ms / 1000)
            return result
        finally:
            self.similarity_override = None
            self.frames.pop()

    def _attempts(self, action: Action) -> tuple[ActionResult, int, float]:
        """1 + retryCount attempts of the handler, each within execution.timeout."""
        started = time.time()
        t0 = time.perf_counter()
        self.emit("qontinui/actionStarted", {"actionId": action.id, "actionType": action.type,
                                            "name": action.name, "workflowId": action.workflow_id,
                                            "timestamp": started, "elapsed": round(self.elapsed(), 3)})
        ctx = ActionContext(self, action)
        handler = self.handlers[action.type]
        result = ActionResult(False, "not run")
        attempts = 0
        for attempts in range(1, 2 + action.retry_count):
            self._interruptions_in_action = 0
            timeout_ms = action.timeout_ms or 0  # None or 0: no execution.timeout
            timed = timeout_ms > 0
            if timed:
                self._deadlines.append((self.now() + timeout_ms / 1000, action.id, int(timeout_ms)))
            try:
                result = handler(ctx, action.config)
            except ActionTimeout as exc:
                if exc.action_id != action.id:
                    raise
                result = ActionResult(False, f"timeout after {action.timeout_ms} ms (execution.timeout)")
            except (RunTerminated, LoopBreak, LoopContinue, TransitionInterrupted):
                raise
            except Exception as exc:
                tb = traceback.format_exc()
                self.log(f"action {action.id} ({action.type}) raised {exc!r}\n{tb}", "stderr")
                result = ActionResult(False, f"{type(exc).__name__}: {exc}")
                if self.control.debug:
                    self.suspend("exception", f"Exception in action {action.id}: {exc}", text=tb)
                break  # a crash is not a flaky screen: do not retry it
            finally:
                if timed:
                    self._deadlines = [d for d in self._deadlines if d[1] != action.id]
            if result.success:
                break
            self.poll()
        if not result.success and attempts > 1:
            result.message = f"{result.message} (all {attempts} attempts failed)"
        return result, attempts, (time.perf_counter() - t0) * 1000

    def _report(self, action: Action, result: ActionResult, attempts: int, ms: float, attempt: int) -> None:
        self.stats["passed" if result.success else "failed"] += 1
        body: dict[str, Any] = {"actionId": action.id, "actionType": action.type,
                                "success": result.success, "message": result.message,
                                "attempts": attempts, "durationMs": round(ms, 2),
                                "elapsed": round(self.elapsed(), 3)}
        if attempt > 1:
            body["retry"] = attempt - 1
        if result.find is not None:
            body["match"] = {k: v for k, v in result.find.diagnostics().items() if k != "matches"}
        if result.data:
            body["data"] = result.data
        self.emit("qontinui/actionCompleted", body)
        self._failure_shot = None
        if not result.success and not self.backend.virtual and self.screenshot_on_error:
            self._failure_shot = self.save_failure_screenshot(action, result.message)

    def failure_stop(self, action: Action, result: ActionResult, attempt: int) -> Recovery | None:
        """Stop on a failed action when a failure filter or failureStrategy=pause asks for it; returns
        the user's recovery (retry/skip/abort) or None (continue: the failure stands)."""
        c = self.control
        if not c.debug:
            return None
        find_failed = result.find is not None and not result.find.found
        hit: list[int] = []
        if find_failed and "findFailed" in c.exception_filters:
            hit.append(exception_breakpoint_id("findFailed"))
        if "actionFailed" in c.exception_filters:
            hit.append(exception_breakpoint_id("actionFailed"))
        # failureStrategy=pause stops on the run workflow's own actions (frames: workflow, action).
        pause = self.failure_strategy == "pause" and len(self.frames) == 2
        if not hit and not pause:
            return None
        what = "FIND failed in action" if find_failed and hit and hit[0] == exception_breakpoint_id("findFailed") \
            else "Action"
        description = (f"{what} {action.id}: {result.message}" if what != "Action"
                       else f"Action {action.id} ({action.type}) failed: {result.message}")
        if pause and not hit:
            description = f"action {action.id} ({action.type}) failed: {result.message} (failureStrategy=pause)"
        self.suspend("exception", description, hit or None, text=result.message,
                     failure=self.failure_info(action, result, attempt))
        return c.take_recovery()

    def failure_info(self, action: Action, result: ActionResult, attempt: int) -> dict[str, Any]:
        image_ids: list[str] = []
        state_image_ids: list[str] = []
        for iid in _searched_ids(action.config):
            si = self.config.state_images.get(iid)
            if si is not None:
                state_image_ids.append(si.id)
                image_ids.extend(p.image_id for p in si.patterns)
            elif iid in self.config.images:
                image_ids.append(iid)
        info: dict[str, Any] = {"actionId": action.id, "actionType": action.type, "workflowId": action.workflow_id,
                                "message": result.message, "imageIds": list(dict.fromkeys(image_ids)),
                                "stateImageIds": state_image_ids, "attempt": attempt,
                                "options": ["retry", "skip", "abort", "updateImage"]}
        if result.find is not None:
            info["threshold"] = round(result.find.threshold, 4)
            info["bestScore"] = round(result.find.best_score, 4)
        if self._failure_shot:
            info["screenshot"] = self._failure_shot
        return info

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
                if self.failure_strategy in ("continue", "pause"):
                    continue  # pause already stopped in run_action; continuing goes on with the next action
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
            expected = {s for s in (t.to_state, *t.activate) if s and s in cfg.states}
            self.pending |= expected
            self._transition_workflows += 1
            try:
                for wid in t.workflows:
                    r = self.run_workflow(cfg.workflows[wid])
                    if not r.success:
                        ok, error = False, f"workflow {wid} failed: {r.message}"
                        break
            except TransitionInterrupted as exc:
                ok, error = False, f"interrupted by {exc.state_id}: to be started again"
            finally:
                self._transition_workflows -= 1
            self.pending -= expected
            if ok and t.kind == "outgoing":
                for sid in t.deactivate:
                    self.set_active(sid, False, f"transition {t.id}")
                if returns_to_previous(t) and t.from_state:
                    # A closing popup can linger for a frame or two: it must be gone before what it hid is back.
                    if not self.vanished(cfg.states[t.from_state], t.timeout_ms / 1000):
                        ok, error = False, f"state {t.from_state} is still visible"
                    else:
                        self.set_active(t.from_state, False, f"transition {t.id}")
                        self.reveal(t.from_state, t.id)
                else:
                    ok, error = self._enter_targets(t)
            self.emit("qontinui/transitionCompleted", {"transitionId": t.id, "success": ok, "error": error or None,
                                                      "activeStates": list(self.active),
                                                      "seenStates": self.seen_states()})
            if not ok:
                self.log(f"transition {t.id} failed: {error}", "stderr")
                self.exception_stop("transitionFailed", f"Transition {t.id} failed: {error}")
            return ok
        finally:
            del self.frames[-pushed:]

    def vanished(self, state: State, timeout_s: float) -> bool:
        """Polls until the state is no longer seen (True) or the timeout ends (False)."""
        if self.backend.virtual:
            return True
        deadline = self.now() + timeout_s
        while True:
            seen, _ = self.nav.state_score(self.capture_frame("verify"), state)
            if not seen:
                return True
            if self.now() >= deadline or not self.backend.live:
                return False
            self.sleep(0.05)

    def _enter_targets(self, t: Transition) -> tuple[bool, str]:
        targets = [s for s in dict.fromkeys([t.to_state, *t.activate]) if s]
        for sid in targets:
            if sid in self.active and (sid in self.book.seen or self.backend.virtual):
                continue
            if not self.enter_state(sid, t.timeout_ms / 1000) and sid == t.to_state:
                return False, self._landed(t)
        if not t.stays_visible and t.from_state and t.from_state not in targets:
            self.set_active(t.from_state, False, f"transition {t.id}")
        return True, ""

    def _landed(self, t: Transition) -> str:
        """The target did not appear: look where the transition landed instead of just failing."""
        d = self.detect("transitionLanded")
        if d is None or not d.seen:
            return f"state {t.to_state} did not appear"
        elsewhere = [s for s in d.seen if s != t.from_state]
        where = ", ".join(f"{s} ({d.scores[s]:.2f})" for s in d.seen)
        if elsewhere:
            self.navigation("landedElsewhere", f"transition {t.id} landed on {where}, not {t.to_state}",
                            t.id, d.scores)
        return f"state {t.to_state} did not appear (seen: {where})"

    def enter_state(self, sid: str, timeout_s: float) -> bool:
        """Run the state's Incoming transitions, verify it is visible, then activate it."""
        self.pending.add(sid)
        self.verified_score = None
        try:
            for inc in self.config.incoming(sid):
                if not self.run_transition(inc):
                    return False
            if not self.verify_state(self.config.states[sid], timeout_s):
                return False
        finally:
            self.pending.discard(sid)
        self.set_active(sid, True, "transition", None if self.backend.virtual else self.verified_score)
        return True

    # ------------------------------------------------------------------ navigation
    def navigation(self, decision: str, message: str, transition_id: str | None = None,
                   scores: dict[str, float] | None = None) -> None:
        body: dict[str, Any] = {"decision": decision, "message": message, "elapsed": round(self.elapsed(), 3)}
        if transition_id:
            body["transitionId"] = transition_id
        if scores:
            body["scores"] = {k: round(v, 3) for k, v in scores.items()}
        self.emit("qontinui/navigation", body)
        self.log(f"navigation: {message}")

    def plan(self, target: str, blocked: set[str]) -> list[Transition] | None:
        return self.nav.plan(self.active, target, blocked)

    def settle(self) -> Detection | None:
        """Detect; when an interrupting state is seen, take its way out; when no known state is seen
        (splash, slow page), keep looking for up to SETTLE_S."""
        d = self.detect("beforePlan")
        deadline = self.now() + SETTLE_S
        handled = 0
        while d is not None:
            popup = next((s for s in d.seen if s in self.nav.interrupting), None)
            if popup is not None and handled < MAX_INTERRUPTIONS_PER_ACTION:
                handled += 1
                if not self.handle_interruption(popup, d.scores[popup]):
                    self.sleep(0.2)  # its way out failed (bounded by way_out_failures): look again
                d = self.detect("recovery")
                continue
            if d.seen or self.now() >= deadline:
                return d
            self.sleep(0.25)
            d = self.detect("beforePlan")
        return d

    def go_to_states(self, targets: list[str]) -> ActionResult:
        blocked: set[str] = set()
        retries: dict[str, int] = {}
        replans = 0
        self.settle()
        while True:
            missing = [t for t in targets if t not in self.active]
            if not missing:
                return ActionResult(True, f"active: {', '.join(self.active)}",
                                    {"activeStates": list(self.active), "seenStates": self.seen_states(),
                                     "replans": replans})
            path = self.plan(missing[0], blocked)
            if path is None:
                extra = f" (failed transitions: {', '.join(sorted(blocked))})" if blocked else ""
                message = f"no path from [{', '.join(self.active)}] to {missing[0]}{extra}"
                self.navigation("giveUp", message)
                return ActionResult(False, message)
            self.navigation("plan" if not replans else "replan",
                            f"path to {missing[0]}: {' -> '.join(t.id for t in path)}",
                            scores={s: self.book.seen[s] for s in self.active if s in self.book.seen})
            failed = False
            for t in path:
                if t.from_state not in self.active:
                    failed = True
                    break
                seen_before = set(self.seen_states())
                interruptions_before = self.interruptions
                if self.run_transition(t):
                    continue
                failed = True
                d = self.settle()
                changed = (d is not None and set(d.seen) != seen_before) or self.interruptions != interruptions_before
                scores = d.scores if d is not None else None
                if changed and retries.get(t.id, 0) < MAX_TRANSITION_RETRIES:
                    retries[t.id] = retries.get(t.id, 0) + 1
                    self.navigation("retryTransition", f"transition {t.id} failed but the screen changed "
                                    f"(seen: {', '.join(d.seen) if d else '-'}; interruptions: "
                                    f"{self.interruptions - interruptions_before}): it may be tried again "
                                    f"({retries[t.id]}/{MAX_TRANSITION_RETRIES})", t.id, scores)
                else:
                    blocked.add(t.id)
                    self.navigation("blockTransition", f"transition {t.id} failed: not tried again", t.id, scores)
                break
            if failed:
                replans += 1
                if replans > MAX_REPLANS:
                    message = f"could not reach {missing[0]} after {MAX_REPLANS} re-plans"
                    self.navigation("giveUp", message)
                    return ActionResult(False, message)
                self.log(f"re-planning from [{', '.join(self.active)}] (attempt {replans})")

    # ------------------------------------------------------------------ run
    def run(self, workflow: Workflow | None) -> dict[str, Any]:
        """Run a workflow from the initial states; returns the runCompleted body."""
        self.t0 = time.perf_counter()
        if self.run_timeout_s:
            self.control.timeout_s = self.run_timeout_s
            self.control.deadline = self.t0 + self.run_timeout_s
        error: str | None = None
        success = False
        try:
            initial = self.initial_state_ids(workflow)
            self.nav.starting_in(initial)
            for sid in initial:
                if sid not in self.config.states:
                    raise ValueError(f"unknown initial state '{sid}'")
                self.set_active(sid, True, "initial")
            if workflow is None:
                raise ValueError("config has no workflow to run")
            self.verify_initial_states()
            # Scoped workflow variables: process/global seed the run, local seeds each invocation.
            self.vars.process.update(workflow.variables.get("process") or {})
            self.vars.globals.update(workflow.variables.get("global") or {})
            # Expressions poll terminate at every step (a long evaluation stops within milliseconds).
            with cancel_scope(lambda: self.control.terminate_requested):
                r = self.run_workflow(workflow)
            success, error = r.success, (r.message or None)
        except RunTerminated as exc:
            error = exc.reason
        except Exception as exc:  # keep the process alive; report instead
            error = f"internal error: {exc}"
            self.log(traceback.format_exc(), "stderr")
        body = {"success": success, "durationMs": round(self.elapsed() * 1000, 1),
                "actionsPassed": self.stats["passed"], "actionsFailed": self.stats["failed"],
                "error": error, "activeStates": list(self.active), "seenStates": self.seen_states(),
                "detection": self.nav.stats.body(), "interruptions": self.interruptions,
                "workflowId": workflow.id if workflow else None}
        self.emit("qontinui/runCompleted", body)
        return body

    def verify_initial_states(self) -> None:
        """The initial states are assumed; on a real screen check them, and detect where we are if not."""
        if self.backend.virtual or not self.config.states:
            return
        frame = self.capture_frame("detection")
        assumed = list(self.active)
        d = self.nav.detect(frame, "runStart", assumed, [s for s in assumed if self.nav.candidates([s])])
        if d.seen and set(d.seen) == set(assumed):
            self.emit("qontinui/detection", {**d.body(), "elapsed": round(self.elapsed(), 3)})
            self.apply_detection(d)
            return
        self.detect("runStart", everything=True)


def _searched_ids(cfg: dict[str, Any]) -> list[str]:
    """Image / state image ids an action's configuration searches (target, textSource, condition)."""
    out: list[str] = []
    for key in ("target", "clickTarget", "source", "destination"):
        t = cfg.get(key)
        if isinstance(t, dict):
            out.extend(str(i) for i in t.get("imageIds") or [])
            if t.get("imageId"):
                out.append(str(t["imageId"]))
    cond = cfg.get("condition")
    if isinstance(cond, dict) and cond.get("imageId"):
        out.append(str(cond["imageId"]))
    out.extend(str(i) for i in cfg.get("imageIds") or [])
    return list(dict.fromkeys(out))


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
