# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Template matching (OpenCV TM_CCOEFF_NORMED): coarse-to-fine, last seen, colour spaces, monitors.

How a search stays fast on real screens and still reports what the full search would:

* Coarse pass: the template and the screen are downscaled by a factor f (2..4, INTER_AREA) and
  matched; every local maximum of that coarse score map is a candidate.
* Verification in coarse-score order: candidates are re-scored at full resolution in a small
  window around them (through the intermediate level 2 first when f is 4), best coarse score
  first. Only full-resolution scores are ever compared with the threshold or reported. A
  position whose full score is s has a coarse peak of at least s - COARSE_MARGIN nearby
  (measured on real UI screenshots, see docs/benchmarks.md), so verification stops as soon as
  the next candidate's coarse score cannot reach the threshold (ALL) or the best score found so
  far (FIRST/BEST). There is no "too many candidates" fallback any more; a candidate budget only
  guards pathological cases (a screen of noise).
* When nothing matches, the exact best score and location are computed on demand (the failure
  diagnostics read them; a poll that only asks "found?" does not pay for them).
* Last seen: for FIRST searches the place where an image was last found is checked first, in a
  window of +-LAST_SEEN_SLACK px, with the exact full-resolution score.
* One capture, many templates: a Screen caches its grayscale/colour-space conversions and pyramid
  levels, so every template searched on the same frame shares them (find_many()).
* Colour: colorSpace "grayscale" (default) matches on luminance, "rgb" and "hsv" on three
  channels. In every mode the mean colour of a match is then checked against the template's:
  TM_CCOEFF_NORMED subtracts each channel's mean, so without that check a red and a green button
  of the same shape score alike even in rgb or hsv.
* Monitors: a Screen knows the monitor rectangles of the X display (Xinerama); a SearchSpec or
  the search options select one, and the search is confined to it. Coordinates stay global
  (root window), so a match's point is directly where the mouse goes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import cv2
import numpy as np

from .config import Pattern, Region

COARSE_MAX_FACTOR = 4
COARSE_MIN_TEMPLATE_SIDE = 4  # downscaled template keeps at least this many px per side
MID_MIN_AREA = 2500           # factor-4 searches of templates this large go through level 2
DIRECT_MAX_AREA = 128         # coarse templates up to this many px: direct correlation (filter2D)
COARSE_MARGIN = 0.35          # full score s => coarse local maximum >= s - margin nearby
LEVEL2_MARGIN = 0.35          # same, for the intermediate level 2 of a factor-4 search
COARSE_MIN_AREA = 160_000     # smaller search areas: the full search is as cheap
CANDIDATE_BUDGET = 2000       # verified candidates at most (guards pathological screens)
WIDE_MARGIN_BUDGET = 600     # the same for templates whose coarse margin is wider than COARSE_MARGIN
LAST_SEEN_SLACK = 2           # px around the last-seen location that are re-scored
COLOR_TOLERANCE = 40.0        # max difference of mean B, G or R between template and match
COLOR_SPACES = ("grayscale", "rgb", "hsv")


@dataclass
class Match:
    x: int
    y: int
    width: int
    height: int
    score: float
    image_id: str = ""
    pattern_id: str = ""
    state_id: str | None = None
    target: tuple[int, int] | None = None  # click point (pattern targetPosition/offset applied)
    text: str | None = None                # the words read, for text (OCR) matches

    @property
    def center(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2

    @property
    def point(self) -> tuple[int, int]:
        return self.target or self.center

    def to_dict(self) -> dict[str, Any]:
        d = {"x": self.x, "y": self.y, "width": self.width, "height": self.height,
             "score": round(self.score, 4), "imageId": self.image_id, "stateId": self.state_id}
        if self.text is not None:
            d["text"] = self.text
        return d


@dataclass
class SearchSpec:
    """One pattern to look for, with everything already resolved by the caller.

    monitor: index of the monitor to search (None: the search options' or the screen's default).
    """
    image_id: str
    template: np.ndarray  # BGR
    threshold: float
    pattern: Pattern | None = None
    state_id: str | None = None
    mask: np.ndarray | None = None
    regions: list[Region] = field(default_factory=list)
    monitor: int | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Identity of this pattern for the last-seen memory."""
        return self.image_id, self.pattern.id if self.pattern else ""


class FindResult:
    """Outcome of one find. best_score/best_location are exact: when nothing matched they are
    computed on first access (a full-resolution search), so polling loops that only check
    `found` do not pay for them."""

    def __init__(self, matches: list[Match], best_score: float, best_location: tuple[int, int] | None,
                 threshold: float, duration_ms: float, image_id: str, method: str = "full",
                 best_size: tuple[int, int] | None = None, screen: np.ndarray | None = None,
                 resolve_best: Callable[[], tuple[float, tuple[int, int] | None, tuple[int, int] | None,
                                              str]] | None = None,
                 words: list[dict[str, Any]] | None = None, notes: list[str] | None = None) -> None:
        self.matches = matches
        self._best_score = best_score
        self._best_location = best_location
        self.threshold = threshold
        self.duration_ms = duration_ms
        self.image_id = image_id
        self.method = method
        self._best_size = best_size
        self.screen = screen  # BGR frame searched
        self._resolve = resolve_best
        self.words = words    # OCR words read near the best location (text targets)
        self.notes = notes or []

    def _exact(self) -> None:
        if self._resolve is not None:
            resolve, self._resolve = self._resolve, None
            score, loc, size, image_id = resolve()
            if score > self._best_score or self._best_location is None:
                self._best_score, self._best_location, self._best_size = score, loc, size
                if not self.matches:
                    self.image_id = image_id

    @property
    def best_score(self) -> float:
        self._exact()
        return self._best_score

    @best_score.setter
    def best_score(self, value: float) -> None:
        self._resolve, self._best_score = None, value

    @property
    def score_bound(self) -> float:
        """The best score known without another search: exact when found, else a lower bound
        (state detection logs it for every candidate without paying a full search per state)."""
        return self._best_score

    @property
    def best_location(self) -> tuple[int, int] | None:
        self._exact()
        return self._best_location

    @best_location.setter
    def best_location(self, value: tuple[int, int] | None) -> None:
        self._resolve, self._best_location = None, value

    @property
    def best_size(self) -> tuple[int, int] | None:
        self._exact()
        return self._best_size

    @property
    def best_region(self) -> dict[str, int] | None:
        """{x,y,width,height} of the best match (found or not), None when no location is known."""
        if self.matches:
            m = self.matches[0]
            return {"x": m.x, "y": m.y, "width": m.width, "height": m.height}
        loc, size = self.best_location, self.best_size
        if loc and size:
            return {"x": loc[0], "y": loc[1], "width": size[0], "height": size[1]}
        return None

    @property
    def found(self) -> bool:
        return bool(self.matches)

    def diagnostics(self) -> dict[str, Any]:
        loc = self.best_location
        d: dict[str, Any] = {"found": self.found, "score": round(self.best_score, 4), "threshold": self.threshold,
             "location": {"x": loc[0], "y": loc[1]} if loc else None,
             "imageId": self.image_id, "durationMs": round(self.duration_ms, 2),
             "method": self.method, "matches": [m.to_dict() for m in self.matches[:20]]}
        if self.words is not None:
            d["words"] = self.words
        if self.notes:
            d["notes"] = list(self.notes)
        return d

    def __repr__(self) -> str:
        return (f"FindResult(found={self.found}, matches={len(self.matches)}, image_id={self.image_id!r}, "
                f"method={self.method!r})")


# ============================================================================ frames
class Screen:
    """A captured frame with lazily computed colour-space conversions and pyramid levels.

    monitors: rectangles of the display's monitors in frame coordinates (empty: one screen);
    monitor: the default monitor searched (None: the whole frame).
    """

    def __init__(self, bgr: np.ndarray, monitors: list[Region] | None = None, monitor: int | None = None) -> None:
        self.bgr = bgr
        self.monitors = list(monitors or [])
        self.monitor = monitor
        self._cache: dict[tuple[str, int], np.ndarray] = {}

    @property
    def size(self) -> tuple[int, int]:
        return self.bgr.shape[1], self.bgr.shape[0]

    def get(self, space: bool | str = "grayscale", factor: int = 1) -> np.ndarray:
        """The frame in a colour space ("grayscale", "rgb" = BGR, "hsv"; True = grayscale),
        downscaled by factor (INTER_AREA). Cached: every template searched on this frame shares it."""
        sp = _space(space)
        key = (sp, factor)
        if key not in self._cache:
            if factor == 1:
                self._cache[key] = convert(self.bgr, sp)
            elif factor == 4:  # from level 2: a quarter of the work, same 4x4 averages up to rounding
                half = self.get(sp, 2)
                h, w = self.bgr.shape[:2]
                self._cache[key] = cv2.resize(half, (w // 4, h // 4), interpolation=cv2.INTER_AREA)
            else:
                base = self.get(sp, 1)
                h, w = base.shape[:2]
                self._cache[key] = cv2.resize(base, (w // factor, h // factor), interpolation=cv2.INTER_AREA)
        return self._cache[key]

    def monitor_area(self, index: int | None) -> Region:
        """The rectangle of monitor `index` (clamped to the frame); the whole frame for None."""
        w, h = self.size
        if index is None or not self.monitors:
            if index not in (None, 0):
                raise ValueError(f"monitor {index} does not exist: this display has one screen")
            return Region(0, 0, w, h)
        if not 0 <= index < len(self.monitors):
            raise ValueError(f"monitor {index} does not exist: this display has {len(self.monitors)} "
                             f"monitors (0..{len(self.monitors) - 1})")
        return self.monitors[index]


def _space(space: bool | str | None) -> str:
    if space is True or space is None:
        return "grayscale"
    if space is False:
        return "rgb"
    s = str(space).lower()
    s = {"gray": "grayscale", "grey": "grayscale", "greyscale": "grayscale", "bgr": "rgb", "color": "rgb",
         "colour": "rgb"}.get(s, s)
    if s not in COLOR_SPACES:
        raise ValueError(f"unknown colorSpace '{space}' (expected rgb, grayscale or hsv)")
    return s


def convert(img: np.ndarray, space: str) -> np.ndarray:
    """A BGR (or gray) image in the given colour space."""
    if space == "grayscale":
        return cv2.cvtColor(img, cv2.COLOR_BGR2GRAY) if img.ndim == 3 else img
    bgr = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR) if img.ndim == 2 else img
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2HSV) if space == "hsv" else bgr


def color_space_of(options: Mapping[str, Any] | None) -> str:
    """The colour space a search uses: searchOptions.pattern.useGrayscale (explicit) wins, then
    options["colorSpace"] (settings.recognition.colorSpace, injected by the engine), then grayscale."""
    options = options or {}
    pat = options.get("pattern") or {}
    ug = pat.get("useGrayscale", options.get("useGrayscale"))
    if ug is not None:
        return "grayscale" if ug else ("hsv" if _space(options.get("colorSpace", "rgb")) == "hsv" else "rgb")
    return _space(options.get("colorSpace") or "grayscale")


def _prep_mask(mask: np.ndarray | None, shape: tuple[int, ...]) -> np.ndarray | None:
    if mask is None:
        return None
    m = cv2.cvtColor(mask, cv2.COLOR_BGR2GRAY) if mask.ndim == 3 else mask
    if m.shape[:2] != shape[:2]:
        m = cv2.resize(m, (shape[1], shape[0]), interpolation=cv2.INTER_NEAREST)
    return np.where(m > 127, 255, 0).astype(np.uint8)  # white = pixels that must match


def _coarse_match(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    """TM_CCOEFF_NORMED for the coarse pass. Small templates: direct correlation (filter2D) and box
    sums, ~3x faster than matchTemplate's DFT there; flat windows score 0 (they cannot hold a
    non-flat template). Only ever used to rank candidates, never reported."""
    th, tw = tpl.shape[:2]
    if mask is not None or tpl.ndim != 2 or tw * th > DIRECT_MAX_AREA:
        return _match(img, tpl, mask)
    ih, iw = img.shape[:2]
    t = tpl.astype(np.float32)
    t -= float(t.mean())
    tt = float((t * t).sum())
    if tt <= 1e-6:
        return _match(img, tpl, mask)
    im = img.astype(np.float32)
    oh, ow = ih - th + 1, iw - tw + 1
    num = cv2.filter2D(im, -1, t, anchor=(0, 0), borderType=cv2.BORDER_CONSTANT)[:oh, :ow]
    s1 = cv2.boxFilter(im, -1, (tw, th), anchor=(0, 0), normalize=False, borderType=cv2.BORDER_CONSTANT)[:oh, :ow]
    s2 = cv2.sqrBoxFilter(im, -1, (tw, th), anchor=(0, 0), normalize=False,
                          borderType=cv2.BORDER_CONSTANT)[:oh, :ow]
    var = s2 - s1 * s1 / float(tw * th)
    den = np.sqrt(np.maximum(var, 0.0) * tt)
    out = np.zeros_like(num)
    np.divide(num, den, out=out, where=den > 1e-3 * tt ** 0.5)
    return out


def _match(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    if mask is not None:
        m = mask if tpl.ndim == 2 else cv2.merge([mask] * tpl.shape[2])
        res = cv2.matchTemplate(img, tpl, cv2.TM_CCOEFF_NORMED, mask=m)
        # Masked CCOEFF divides by zero on flat windows: treat those as no match.
        return np.nan_to_num(res, nan=-1.0, posinf=-1.0, neginf=-1.0)
    return cv2.matchTemplate(img, tpl, cv2.TM_CCOEFF_NORMED)


MAX_REJECTED_PEAKS = 200  # colour-check rejections before the search gives up on an area

Accept = Callable[[int, int], bool]  # (x, y) of a candidate match in the searched array -> keep it?


def peaks(res: np.ndarray, threshold: float, tw: int, th: int, max_n: int,
          accept: Accept | None = None) -> list[tuple[int, int, float]]:
    """Local maxima >= threshold, best first, with non-maximum suppression of overlaps."""
    res = res.copy()
    out: list[tuple[int, int, float]] = []
    sx, sy = max(1, tw // 2), max(1, th // 2)
    # A rejected place suppresses its neighbourhood too: at a low similarity every pixel is above
    # the threshold, and rejecting them one by one (a whole-array minMaxLoc each) took minutes.
    rx, ry = max(1, tw // 4), max(1, th // 4)
    rejected = 0
    while len(out) < max_n and rejected < MAX_REJECTED_PEAKS:
        _, mx, _, (x, y) = cv2.minMaxLoc(res)
        if mx < threshold or mx <= -1.0:
            break
        if accept is None or accept(x, y):
            out.append((x, y, float(mx)))
            res[max(0, y - sy):y + sy + 1, max(0, x - sx):x + sx + 1] = -2.0
        else:
            rejected += 1
            res[max(0, y - ry):y + ry + 1, max(0, x - rx):x + rx + 1] = -2.0
    return out


def coarse_factor(tw: int, th: int, iw: int, ih: int) -> int:
    f = min(COARSE_MAX_FACTOR, min(tw, th) // COARSE_MIN_TEMPLATE_SIDE)
    # Not worth it on small search areas.
    return f if f >= 2 and iw * ih >= COARSE_MIN_AREA else 1


# ============================================================================ one template, one array
@dataclass
class Outcome:
    """What _search found in one array (coordinates relative to that array)."""
    matches: list[tuple[int, int, float]]
    best: float
    best_loc: tuple[int, int] | None
    method: str
    exact: bool                       # best/best_loc are the full search's
    img: np.ndarray | None = None     # kept to compute the exact best on demand
    tpl: np.ndarray | None = None
    mask: np.ndarray | None = None
    rejected: int = 0                 # matches above threshold rejected by the colour check

    def exact_best(self) -> tuple[float, tuple[int, int] | None]:
        if not self.exact and self.img is not None and self.tpl is not None:
            res = _match(self.img, self.tpl, self.mask)
            _, mx, _, loc = cv2.minMaxLoc(res)
            self.best, self.best_loc, self.exact = float(mx), loc, True
        return self.best, self.best_loc


def search_array(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None, threshold: float,
                 max_n: int, mode: str = "auto", pyramid: Mapping[int, np.ndarray] | None = None
                 ) -> tuple[list[tuple[int, int, float]], float, tuple[int, int] | None, str]:
    """Find up to max_n matches of tpl in img. Returns (matches, exact best score, its loc, method).

    mode: "auto" (coarse-to-fine when applicable), "full" or "coarse" (forced, for tests).
    """
    out = _search(img, tpl, mask, threshold, max_n, mode, pyramid)
    best, loc = out.exact_best()
    return out.matches, best, loc, out.method


def _search(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None, threshold: float, max_n: int,
            mode: str = "auto", pyramid: Mapping[int, np.ndarray] | None = None,
            accept: Accept | None = None, first: bool = False) -> Outcome:
    """first: any one match will do (strategy FIRST): stop at the first verified match."""
    ih, iw = img.shape[:2]
    th, tw = tpl.shape[:2]
    if th > ih or tw > iw:
        return Outcome([], -1.0, None, "none", True)
    f = coarse_factor(tw, th, iw, ih) if mode != "full" else 1
    if mode == "coarse" and f == 1:
        f = 2 if min(tw, th) >= 4 else 1
    if f > 1 and (mask is None or cv2.countNonZero(mask) >= 0.3 * tw * th):
        got = _coarse_to_fine(img, tpl, mask, threshold, max_n, f, pyramid or {}, accept, first)
        if got is not None:
            return got
    res = _match(img, tpl, mask)
    _, best, _, loc = cv2.minMaxLoc(res)
    found = peaks(res, threshold, tw, th, max_n, accept)
    rejected = 0 if accept is None or found or best < threshold else 1
    return Outcome(found, float(best), loc, "full", True, rejected=rejected)


def _level(img: np.ndarray, f: int, pyramid: Mapping[int, np.ndarray]) -> np.ndarray:
    got = pyramid.get(f)
    if got is None:
        ih, iw = img.shape[:2]
        got = cv2.resize(img, (iw // f, ih // f), interpolation=cv2.INTER_AREA)
    return got


def _small_mask(mask: np.ndarray | None, w: int, h: int) -> np.ndarray | None:
    if mask is None:
        return None
    return np.where(cv2.resize(mask, (w, h), interpolation=cv2.INTER_AREA) > 127, 255, 0).astype(np.uint8)


_PHASE_CACHE: dict[tuple[int, int, int, int], float] = {}


def _phase_margin(tpl: np.ndarray, f: int) -> float:
    """How far below its full-resolution score a match of this template can score at level f.

    A perfect match whose position is not a multiple of f is averaged over shifted f x f blocks:
    thin lines and small text lose much of their correlation (a 1-px border can drop from 1.0 to
    0.45). The worst coarse self-similarity over the f*f phases sets the margin for this template;
    ordinary templates keep COARSE_MARGIN."""
    th, tw = tpl.shape[:2]
    key = (f, tw, th, hash(tpl.tobytes()))
    got = _PHASE_CACHE.get(key)
    if got is None:
        W, H = (tw // f - 1) * f, (th // f - 1) * f
        worst = 1.0
        if W >= 2 * f and H >= 2 * f:
            size = (W // f, H // f)
            base = cv2.resize(np.ascontiguousarray(tpl[:H, :W]), size, interpolation=cv2.INTER_AREA)
            for dy in range(f):
                for dx in range(f):
                    if dx == dy == 0:
                        continue
                    shifted = cv2.resize(np.ascontiguousarray(tpl[dy:dy + H, dx:dx + W]), size,
                                         interpolation=cv2.INTER_AREA)
                    worst = min(worst, float(cv2.matchTemplate(shifted, base, cv2.TM_CCOEFF_NORMED)[0, 0]))
        got = max(COARSE_MARGIN, 1.0 - worst + 0.15)
        if len(_PHASE_CACHE) > 512:
            _PHASE_CACHE.clear()
        _PHASE_CACHE[key] = got
    return got


def _local_maxima(res: np.ndarray, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(xs, ys, scores) of the 3x3 local maxima of res that are >= floor, best first."""
    dil = cv2.dilate(res, np.ones((3, 3), np.uint8))
    ys, xs = np.nonzero((res >= dil) & (res >= floor))
    sc = res[ys, xs]
    order = np.argsort(-sc, kind="stable")
    return xs[order], ys[order], sc[order]


def _window_max(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None, x: int, y: int, pad: int
                ) -> tuple[float, int, int]:
    """Best score of tpl in img for top-left positions within +-pad of (x, y)."""
    ih, iw = img.shape[:2]
    th, tw = tpl.shape[:2]
    x0, y0 = max(0, x - pad), max(0, y - pad)
    x1, y1 = min(iw, x + pad + tw), min(ih, y + pad + th)
    if x1 - x0 < tw or y1 - y0 < th:
        return -1.0, x, y
    res = _match(img[y0:y1, x0:x1], tpl, mask)
    _, mx, _, (lx, ly) = cv2.minMaxLoc(res)
    return float(mx), x0 + lx, y0 + ly


def _coarse_to_fine(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None, threshold: float,
                    max_n: int, f: int, pyramid: Mapping[int, np.ndarray], accept: Accept | None,
                    first: bool = False) -> Outcome | None:
    th, tw = tpl.shape[:2]
    tpl_s = cv2.resize(tpl, (tw // f, th // f), interpolation=cv2.INTER_AREA)
    mask_s = _small_mask(mask, tw // f, th // f)
    if mask_s is not None and cv2.countNonZero(mask_s) < 4:
        return None
    res_s = _coarse_match(_level(img, f, pyramid), tpl_s, mask_s)
    # Intermediate level 2 for factor 4: cheaper windows, and a tighter ordering before full size.
    mid = None
    if f == 4 and tw * th >= MID_MIN_AREA:
        mid = (_level(img, 2, pyramid), cv2.resize(tpl, (tw // 2, th // 2), interpolation=cv2.INTER_AREA),
               _small_mask(mask, tw // 2, th // 2))
    margin = _phase_margin(tpl, f)
    margin2 = _phase_margin(tpl, 2) if mid is not None else LEVEL2_MARGIN
    floor = threshold - margin
    xs, ys, sc = _local_maxima(res_s, min(floor, float(res_s.max()) if res_s.size else floor))
    if len(sc) == 0:
        return Outcome([], -1.0, None, f"coarse{f}", False, img, tpl, mask)
    # Templates with a wide margin (thin lines) have many candidates: fewer are worth verifying
    # one by one before the full search is the cheaper exact answer.
    budget = CANDIDATE_BUDGET if first or margin <= COARSE_MARGIN else WIDE_MARGIN_BUDGET
    if not first and margin > COARSE_MARGIN and len(sc) > budget:
        return None  # BEST/ALL would verify every one of them
    found: list[tuple[int, int, float]] = []
    best, best_loc, rejected = -1.0, None, 0
    single = max_n == 1
    for i in range(min(len(sc), budget)):
        cs = float(sc[i])
        # Stop: nothing below can reach the threshold, or (one match wanted) beat the best found.
        bar = max(threshold, best) if single and found else threshold
        if cs < bar - margin and i > 0:
            break
        cx, cy = int(xs[i]) * f, int(ys[i]) * f
        if mid is not None:
            ms, mx2, my2 = _window_max(mid[0], mid[1], mid[2], cx // 2, cy // 2, 3)
            if ms < bar - margin2 and i > 0:
                continue
            s, x, y = _window_max(img, tpl, mask, mx2 * 2, my2 * 2, 3)
        else:
            s, x, y = _window_max(img, tpl, mask, cx, cy, f + 1)
        if s >= threshold - 0.05:  # climb to the local maximum when the window's best is on its edge
            for _ in range(3):
                s2, x2, y2 = _window_max(img, tpl, mask, x, y, 1)
                if (x2, y2) == (x, y) or s2 <= s:
                    break
                s, x, y = s2, x2, y2
        if s > best:
            best, best_loc = s, (x, y)
        if s >= threshold and not any(abs(x - k[0]) <= tw // 2 and abs(y - k[1]) <= th // 2 for k in found):
            if accept is None or accept(x, y):
                found.append((x, y, s))
                if first:
                    break
            else:
                rejected += 1
    else:
        if len(sc) > budget:
            return None  # a screen of noise: only the full search is trustworthy
    found.sort(key=lambda m: -m[2])
    # With a match, the best is exact (BEST/ALL: the loop ran until nothing could beat it; FIRST:
    # the match found is reported). Without one, the full-resolution best is computed on demand.
    exact = bool(found)
    return Outcome(found[:max_n], best, best_loc, f"coarse{f}", exact, img, tpl, mask, rejected)


# ============================================================================ colour check
def mean_color_close(template_bgr: np.ndarray, region_bgr: np.ndarray, mask: np.ndarray | None = None,
                     tolerance: float = COLOR_TOLERANCE) -> bool:
    """Cheap colour check of a match: mean B, G, R within tolerance of the template's."""
    if template_bgr.ndim != 3 or region_bgr.ndim != 3:
        return True
    a = cv2.mean(template_bgr, mask=mask)[:3]
    b = cv2.mean(region_bgr, mask=mask)[:3]
    return max(abs(p - q) for p, q in zip(a, b)) <= tolerance


# ============================================================================ last seen
class LastSeen:
    """Where each pattern was last found (SikuliX's CheckLastSeen): key -> (x, y, w, h) global."""

    def __init__(self) -> None:
        self._where: dict[tuple[str, str], tuple[int, int, int, int]] = {}

    def get(self, key: tuple[str, str]) -> tuple[int, int, int, int] | None:
        return self._where.get(key)

    def remember(self, key: tuple[str, str], m: Match) -> None:
        self._where[key] = (m.x, m.y, m.width, m.height)

    def forget(self, key: tuple[str, str]) -> None:
        self._where.pop(key, None)

    def clear(self) -> None:
        self._where.clear()


# ============================================================================ find
def _scales(options: Mapping[str, Any]) -> list[float]:
    pat = options.get("pattern") or {}
    if not pat.get("scaleInvariant"):
        return [1.0]
    lo, hi = float(pat.get("minScale", 0.8)), float(pat.get("maxScale", 1.2))
    step = float(pat.get("scaleStep", 0.1)) or 0.1
    out, s = [1.0], lo
    while s <= hi + 1e-9:
        if abs(s - 1.0) > 1e-6:
            out.append(round(s, 4))
        s += step
    return out


def _spec_area(screen: Screen, spec: SearchSpec, options: Mapping[str, Any]) -> Region:
    mon = spec.monitor if spec.monitor is not None else options.get("monitor", screen.monitor)
    return screen.monitor_area(None if mon is None else int(mon))


def find(screen: Screen, specs: list[SearchSpec], strategy: str = "FIRST",
         options: Mapping[str, Any] | None = None, mode: str = "auto",
         last_seen: LastSeen | None = None) -> FindResult:
    """Search every spec on one frame according to the Brobot find strategy.

    options: the action's normalised searchOptions plus, from the engine, "colorSpace"
    (settings.recognition.colorSpace) and optionally "monitor". last_seen: remember/check where
    each pattern was last found (FIRST only: BEST/ALL/EACH need the whole area anyway).
    """
    t0 = time.perf_counter()
    options = options or {}
    strategy = (strategy or "FIRST").upper()
    space = color_space_of(options)
    max_n = int(options.get("maxMatches") or options.get("maxMatchesToActOn") or 100)
    per_spec = 1 if strategy in ("FIRST", "BEST", "EACH") else max_n
    sw, sh = screen.size
    matches: list[Match] = []
    best_score, best_loc, best_size = -1.0, None, None
    best_thr = specs[0].threshold if specs else 0.0
    best_id = specs[0].image_id if specs else ""
    method = "none"
    pending: list[tuple[Outcome, int, int, tuple[int, int], str]] = []  # inexact bests, resolved lazily
    rejected = 0
    use_last = last_seen is not None and strategy == "FIRST" and mode == "auto"
    for spec in specs:
        area = _spec_area(screen, spec, options)
        base_tpl = convert(spec.template, space)
        got_any = False
        if use_last:
            m = _check_last_seen(screen, spec, space, area, last_seen)  # type: ignore[arg-type]
            if m is not None:
                matches.append(m)
                best_score, best_loc, best_size = m.score, (m.x, m.y), (m.width, m.height)
                best_thr, best_id, method = spec.threshold, spec.image_id, "lastSeen"
                break
        for scale in _scales(options):
            tpl = base_tpl if scale == 1.0 else cv2.resize(
                base_tpl, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
            mask = _prep_mask(spec.mask, tpl.shape)
            th, tw = tpl.shape[:2]
            color_tpl = spec.template if scale == 1.0 else cv2.resize(spec.template, (tw, th))
            for reg in spec.regions or [area]:
                x0, y0 = max(0, reg.x, area.x), max(0, reg.y, area.y)
                x1 = min(sw, reg.x + reg.width, area.x + area.width)
                y1 = min(sh, reg.y + reg.height, area.y + area.height)
                if x1 - x0 < tw or y1 - y0 < th:
                    continue
                whole = (x0, y0, x1, y1) == (0, 0, sw, sh)
                img_full = screen.get(space)
                sub = img_full if whole else img_full[y0:y1, x0:x1]
                pyramid: dict[int, np.ndarray] = {}
                if whole and mode != "full":
                    fct = coarse_factor(tw, th, sw, sh)
                    if fct > 1:
                        pyramid = {fct: screen.get(space, fct)}
                        if fct == 4:
                            pyramid[2] = screen.get(space, 2)
                accept = None
                if spec.template.ndim == 3:
                    accept = _color_check(screen.bgr, color_tpl, mask, x0, y0)
                out = _search(sub, tpl, mask, spec.threshold, per_spec, mode, pyramid, accept,
                              first=strategy == "FIRST")
                rejected += out.rejected
                if out.best > best_score:
                    best_score, best_thr, best_id, method = out.best, spec.threshold, spec.image_id, out.method
                    best_loc = (out.best_loc[0] + x0, out.best_loc[1] + y0) if out.best_loc else None
                    best_size = (tw, th) if out.best_loc else None
                if not out.exact:
                    pending.append((out, x0, y0, (tw, th), spec.image_id))
                for x, y, s in out.matches:
                    m = _make_match(spec, x + x0, y + y0, tw, th, s)
                    matches.append(m)
                    got_any = True
        if got_any and last_seen is not None:
            best_m = max((m for m in matches if m.image_id == spec.image_id), key=lambda m: m.score)
            last_seen.remember(spec.key, best_m)
        if strategy == "FIRST" and matches:
            break
    matches.sort(key=lambda m: -m.score)
    if strategy in ("FIRST", "BEST"):
        matches = matches[:1]
    elif strategy == "EACH":
        seen: set[str] = set()
        matches = [m for m in matches if not (m.image_id in seen or seen.add(m.image_id))]  # type: ignore[func-returns-value]
    else:
        matches = _nms(matches)[:max_n]
    if matches:
        best_thr = next((s.threshold for s in specs if s.image_id == matches[0].image_id), best_thr)
    notes = []
    if rejected and not matches:
        notes.append(f"{rejected} match(es) above the threshold rejected: colours differ from the template "
                     f"({space} search, mean colour check)")
    resolve = None
    if pending and not matches:
        def resolve() -> tuple[float, tuple[int, int] | None, tuple[int, int] | None, str]:
            bs, bl, bz, bi = -1.0, None, None, best_id
            for out, ox, oy, size, iid in pending:
                s, loc = out.exact_best()
                if s > bs and loc is not None:
                    bs, bl, bz, bi = s, (loc[0] + ox, loc[1] + oy), size, iid
            return bs, bl, bz, bi
    return FindResult(matches, best_score, best_loc, best_thr, (time.perf_counter() - t0) * 1000,
                      matches[0].image_id if matches else best_id, method, best_size, screen.bgr,
                      resolve, notes=notes)


def find_many(screen: Screen, requests: Mapping[Any, list[SearchSpec]], strategy: str = "FIRST",
              options: Mapping[str, Any] | None = None, last_seen: LastSeen | None = None) -> dict[Any, FindResult]:
    """One capture, many templates: search every request (key -> specs) on the same frame.

    The frame's colour-space conversion and pyramid levels are computed once and shared. Used by
    state detection: e.g. {state_image_id: engine.specs_for_image(si)} for all candidate states.
    """
    return {key: find(screen, specs, strategy, options, last_seen=last_seen) for key, specs in requests.items()}


def _make_match(spec: SearchSpec, x: int, y: int, tw: int, th: int, score: float) -> Match:
    m = Match(x, y, tw, th, score, spec.image_id, spec.pattern.id if spec.pattern else "", spec.state_id)
    if spec.pattern is not None:
        px, py = spec.pattern.target_percent or (0.5, 0.5)
        m.target = (m.x + int(tw * px) + spec.pattern.offset[0], m.y + int(th * py) + spec.pattern.offset[1])
    return m


def _color_check(bgr: np.ndarray, color_tpl: np.ndarray, mask: np.ndarray | None, ox: int, oy: int) -> Accept:
    th, tw = color_tpl.shape[:2]

    def accept(x: int, y: int) -> bool:
        return mean_color_close(color_tpl, bgr[oy + y:oy + y + th, ox + x:ox + x + tw], mask)
    return accept


def _check_last_seen(screen: Screen, spec: SearchSpec, space: str, area: Region,
                     last_seen: LastSeen) -> Match | None:
    """Exact score around where the pattern was last found; a Match when it is still there."""
    where = last_seen.get(spec.key)
    if where is None:
        return None
    x, y, w, h = where
    th, tw = spec.template.shape[:2]
    if (w, h) != (tw, th):
        return None
    pad = LAST_SEEN_SLACK
    x0, y0 = max(area.x, x - pad), max(area.y, y - pad)
    x1, y1 = min(area.x + area.width, x + tw + pad), min(area.y + area.height, y + th + pad)
    if x1 - x0 < tw or y1 - y0 < th:
        return None
    for reg in spec.regions:  # still inside one of the spec's regions?
        if x >= reg.x and y >= reg.y and x + tw <= reg.x + reg.width and y + th <= reg.y + reg.height:
            break
    else:
        if spec.regions:
            return None
    window = screen.bgr[y0:y1, x0:x1]
    tpl = convert(spec.template, space)
    mask = _prep_mask(spec.mask, tpl.shape)
    res = _match(convert(window, space), tpl, mask)
    _, mx, _, (lx, ly) = cv2.minMaxLoc(res)
    if mx < spec.threshold:
        return None
    mx_x, mx_y = x0 + lx, y0 + ly
    if spec.template.ndim == 3 and not mean_color_close(
            spec.template, screen.bgr[mx_y:mx_y + th, mx_x:mx_x + tw], mask):
        return None
    return _make_match(spec, mx_x, mx_y, tw, th, float(mx))


def _nms(matches: list[Match], iou: float = 0.3) -> list[Match]:
    kept: list[Match] = []
    for m in matches:
        ok = True
        for k in kept:
            ix = max(0, min(m.x + m.width, k.x + k.width) - max(m.x, k.x))
            iy = max(0, min(m.y + m.height, k.y + k.height) - max(m.y, k.y))
            inter = ix * iy
            union = m.width * m.height + k.width * k.height - inter
            if union and inter / union > iou:
                ok = False
                break
        if ok:
            kept.append(m)
    return kept



def recognition_options(recognition: Mapping[str, Any] | None) -> dict[str, Any]:
    """Search options every find of a run starts from, from settings.recognition: colorSpace
    (rgb | grayscale | hsv; an unknown value is an error naming the setting)."""
    rec = recognition or {}
    raw = rec.get("colorSpace", rec.get("color_space"))
    if raw is None or raw == "":
        return {}
    try:
        return {"colorSpace": _space(raw)}
    except ValueError:
        raise ValueError(f"/settings/recognition/colorSpace: unknown colour space '{raw}' "
                         f"(expected rgb, grayscale or hsv)") from None
