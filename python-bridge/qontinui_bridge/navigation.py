# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Where the run is and how to get elsewhere: state detection, path planning, recovery bookkeeping.

The navigator knows the configuration's state graph and how to score states on one frame; it does
not run transitions (the engine does) and never imports the engine. Searching is injected
(`search`), so the mock backend, scripted test screens and the real screen share this code.
"""

from __future__ import annotations

import heapq
import itertools
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from .config import Config, State, StateImage, StateText, Transition
from .vision import FindResult, SearchSpec

PREVIOUS = "PREVIOUS"  # Brobot: an outgoing transition to PREVIOUS returns to the states its source hid
DEFAULT_BUDGET_MS = 1500.0
INTERRUPTION_CHECK_S = 0.4  # while a find fails, look for interrupting states this often
MAX_TRANSITION_RETRIES = 2  # a failed transition is retried at most this often per navigation

SpecsFor = Callable[[StateImage], list[SearchSpec]]
Search = Callable[[Any, list[SearchSpec]], FindResult]  # (frame or None, specs) -> best result
ReadText = Callable[[Any, StateText], tuple[bool, float]]  # (frame, expected text) -> (found, score)


@dataclass
class Detection:
    """One detection: which candidate states were searched on one frame, their scores, which are seen."""
    reason: str
    assumed: list[str]
    candidates: list[str]
    seen: list[str]
    scores: dict[str, float]
    duration_ms: float
    budget_ms: float
    complete: bool

    def body(self) -> dict[str, Any]:
        return {"reason": self.reason, "assumed": self.assumed, "candidates": self.candidates,
                "seen": self.seen, "scores": {k: round(v, 3) for k, v in self.scores.items()},
                "durationMs": round(self.duration_ms, 1), "budgetMs": self.budget_ms, "complete": self.complete}


@dataclass
class DetectionStats:
    count: int = 0
    total_ms: float = 0.0
    max_ms: float = 0.0
    over_budget: int = 0
    budget_ms: float = DEFAULT_BUDGET_MS

    def add(self, d: Detection) -> None:
        self.count += 1
        self.total_ms += d.duration_ms
        self.max_ms = max(self.max_ms, d.duration_ms)
        self.over_budget += 0 if d.complete else 1

    def body(self) -> dict[str, Any]:
        return {"count": self.count, "totalMs": round(self.total_ms, 1), "maxMs": round(self.max_ms, 1),
                "budgetMs": self.budget_ms, "overBudget": self.over_budget}


@dataclass
class StateBook:
    """Active states, split into seen (confirmed on screen) and assumed, plus Brobot's hidden states."""
    active: list[str] = field(default_factory=list)      # ordered set of active state ids
    seen: dict[str, float] = field(default_factory=dict)  # active state id -> score when it was seen
    hidden: dict[str, list[str]] = field(default_factory=dict)  # covering state -> states it hides

    def is_seen(self, sid: str) -> bool:
        return sid in self.seen

    def hidden_by(self, sid: str) -> str | None:
        return next((cover for cover, ids in self.hidden.items() if sid in ids), None)


class Navigator:
    def __init__(self, config: Config, specs_for: SpecsFor, search: Search,
                 budget_ms: float = DEFAULT_BUDGET_MS, poll: Callable[[], None] | None = None,
                 read_text: ReadText | None = None) -> None:
        self.config = config
        # StateString expectedText/regex recognise a state too, when OCR is on (None: it is off).
        self.read_text = read_text
        self.poll = poll or (lambda: None)  # the run's terminate/pause point, between two states' searches
        self.specs_for = specs_for
        self.search = search
        self.budget_ms = budget_ms
        self.stats = DetectionStats(budget_ms=budget_ms)
        entered = {s for t in config.transitions for s in (t.to_state, *t.activate) if s}
        # Popups and dialogs: states that can be left but that no transition opens (they open themselves);
        # where a run starts is not one of them (see starting_in).
        self.interrupting = [s.id for s in config.states.values()
                             if s.id not in entered and config.outgoing(s.id) and _has_images(s) and not s.is_initial]

    def starting_in(self, initial: list[str]) -> None:
        """The run's initial states are where it starts, not interruptions (a login page no transition enters)."""
        self.interrupting = [s for s in self.interrupting if s not in initial]

    # ------------------------------------------------------------------ candidates
    def neighbours(self, active: list[str]) -> list[str]:
        out: list[str] = []
        for sid in active:
            for t in self.config.outgoing(sid):
                out.extend(s for s in (t.to_state, *t.activate) if s and s != PREVIOUS)
        return out

    def candidates(self, assumed: list[str], everything: bool = False, extra: list[str] | None = None
                   ) -> list[str]:
        """States worth searching, cheapest guesses first: assumed, one transition away, interrupting."""
        order = [*assumed, *(extra or []), *self.neighbours(assumed), *self.interrupting]
        if everything:
            order += list(self.config.states)
        return [s for s in dict.fromkeys(order) if s in self.config.states and self.recognisable(self.config.states[s])]

    def recognisable(self, state: State) -> bool:
        return _has_images(state) or (self.read_text is not None and bool(state.texts))

    # ------------------------------------------------------------------ detection
    def state_score(self, frame: Any, state: State) -> tuple[bool, float]:
        """(seen, score): seen when every required image and every expected text is found; score = the
        lowest best score. Texts are read only when the images are there (OCR costs far more).

        The one place that searches: with a multi-template search on one frame, group all specs here."""
        images = [i for i in state.images if i.required] or state.images[:1]
        score, seen = 1.0, True
        for image in images:
            specs = self.specs_for(image)
            if not specs:
                continue
            r = self.search(frame, specs)
            # No full search just for the log: a state that is not seen reports a lower bound of its score.
            score = min(score, r.score_bound)
            seen = seen and r.found
        if seen and self.read_text is not None:
            for expected in state.texts:
                found, text_score = self.read_text(frame, expected)
                score, seen = min(score, text_score), found
                if not seen:
                    break
        return seen, score

    def detect(self, frame: Any, reason: str, assumed: list[str], candidates: list[str]) -> Detection:
        t0 = time.perf_counter()
        deadline = t0 + self.budget_ms / 1000
        scores: dict[str, float] = {}
        seen: list[str] = []
        complete = True
        for i, sid in enumerate(candidates):
            if i and time.perf_counter() > deadline:  # the first (most likely) candidate is always scored
                complete = False
                break
            self.poll()
            ok, score = self.state_score(frame, self.config.states[sid])
            scores[sid] = score
            if ok:
                seen.append(sid)
        d = Detection(reason, list(assumed), list(candidates), seen, scores,
                      (time.perf_counter() - t0) * 1000, self.budget_ms, complete)
        self.stats.add(d)
        return d

    def interruption_in(self, frame: Any, active: list[str]) -> tuple[str, float] | None:
        """An interrupting state (not active yet) seen on this frame, with its score."""
        for sid in self.interrupting:
            if sid in active:
                continue
            self.poll()
            ok, score = self.state_score(frame, self.config.states[sid])
            if ok:
                return sid, score
        return None

    def way_out(self, sid: str, blocked: set[str] | frozenset[str] = frozenset()) -> Transition | None:
        """The cheapest outgoing transition of an interrupting state."""
        ts = [t for t in self.config.outgoing(sid) if t.id not in blocked]
        return min(ts, key=lambda t: t.cost) if ts else None

    # ------------------------------------------------------------------ planning
    def plan(self, active: list[str], target: str, blocked: set[str]) -> list[Transition] | None:
        """Cheapest transition path from any active state to target (Dijkstra).

        Cost = sum of transition costs + sum of the entered states' pathCost (Brobot)."""
        if target in active:
            return []
        cfg = self.config
        counter = itertools.count()
        heap: list[tuple[float, int, str, list[Transition]]] = [(0.0, next(counter), s, []) for s in active]
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
                    if nxt and nxt != PREVIOUS and nxt not in best:
                        st = cfg.states.get(nxt)
                        heapq.heappush(heap, (cost + t.cost + (st.path_cost if st else 1.0), next(counter),
                                              nxt, path + [t]))
        return None


def returns_to_previous(t: Transition) -> bool:
    return t.kind == "outgoing" and (not t.to_state or t.to_state == PREVIOUS)


def _has_images(state: State) -> bool:
    return any(i.patterns for i in state.images)
