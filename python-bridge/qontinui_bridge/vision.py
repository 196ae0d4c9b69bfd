"""Template matching (OpenCV TM_CCOEFF_NORMED) with a coarse-to-fine fast path.

Coarse-to-fine: match a downscaled template on a downscaled screen with a lowered
threshold, then re-score every candidate at full resolution in a small window.
Scores reported are always full-resolution scores, so a coarse candidate is never
accepted on its approximate score. Small templates, masked templates with few
pixels, or too many coarse candidates fall back to the plain full search.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from .config import Pattern, Region

COARSE_MAX_FACTOR = 4
COARSE_MIN_TEMPLATE_SIDE = 8  # downscaled template must keep at least this many px per side
COARSE_MARGIN = 0.25          # coarse threshold = threshold - margin
COARSE_MAX_CANDIDATES = 24    # more candidates than this: the full search is cheaper and exact
ALWAYS_REFINE = 3             # top coarse peaks re-scored even below threshold (diagnostics)


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

    @property
    def center(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2

    @property
    def point(self) -> tuple[int, int]:
        return self.target or self.center

    def to_dict(self) -> dict[str, Any]:
        return {"x": self.x, "y": self.y, "width": self.width, "height": self.height,
                "score": round(self.score, 4), "imageId": self.image_id, "stateId": self.state_id}


@dataclass
class SearchSpec:
    """One pattern to look for, with everything already resolved by the caller."""
    image_id: str
    template: np.ndarray  # BGR
    threshold: float
    pattern: Pattern | None = None
    state_id: str | None = None
    mask: np.ndarray | None = None
    regions: list[Region] = field(default_factory=list)


@dataclass
class FindResult:
    matches: list[Match]
    best_score: float
    best_location: tuple[int, int] | None
    threshold: float
    duration_ms: float
    image_id: str
    method: str = "full"
    best_size: tuple[int, int] | None = None  # (width, height) of the template at best_location
    screen: np.ndarray | None = field(default=None, repr=False, compare=False)  # BGR frame searched

    @property
    def best_region(self) -> dict[str, int] | None:
        """{x,y,width,height} of the best match (found or not), None when no location is known."""
        if self.matches:
            m = self.matches[0]
            return {"x": m.x, "y": m.y, "width": m.width, "height": m.height}
        if self.best_location and self.best_size:
            return {"x": self.best_location[0], "y": self.best_location[1],
                    "width": self.best_size[0], "height": self.best_size[1]}
        return None

    @property
    def found(self) -> bool:
        return bool(self.matches)

    def diagnostics(self) -> dict[str, Any]:
        return {"found": self.found, "score": round(self.best_score, 4), "threshold": self.threshold,
                "location": ({"x": self.best_location[0], "y": self.best_location[1]}
                             if self.best_location else None),
                "imageId": self.image_id, "durationMs": round(self.duration_ms, 2),
                "method": self.method, "matches": [m.to_dict() for m in self.matches[:20]]}


class Screen:
    """A captured frame with lazily computed grayscale / downscaled versions."""

    def __init__(self, bgr: np.ndarray) -> None:
        self.bgr = bgr
        self._cache: dict[tuple[bool, int], np.ndarray] = {}

    @property
    def size(self) -> tuple[int, int]:
        return self.bgr.shape[1], self.bgr.shape[0]

    def get(self, gray: bool, factor: int = 1) -> np.ndarray:
        key = (gray, factor)
        if key not in self._cache:
            if factor == 1:
                self._cache[key] = cv2.cvtColor(self.bgr, cv2.COLOR_BGR2GRAY) if gray else self.bgr
            else:
                base = self.get(gray, 1)
                h, w = base.shape[:2]
                self._cache[key] = cv2.resize(base, (w // factor, h // factor), interpolation=cv2.INTER_AREA)
        return self._cache[key]


def _prep_template(tpl: np.ndarray, gray: bool) -> np.ndarray:
    if gray and tpl.ndim == 3:
        return cv2.cvtColor(tpl, cv2.COLOR_BGR2GRAY)
    if not gray and tpl.ndim == 2:
        return cv2.cvtColor(tpl, cv2.COLOR_GRAY2BGR)
    return tpl


def _prep_mask(mask: np.ndarray | None, shape: tuple[int, ...]) -> np.ndarray | None:
    if mask is None:
        return None
    m = cv2.cvtColor(mask, cv2.COLOR_BGR2GRAY) if mask.ndim == 3 else mask
    if m.shape[:2] != shape[:2]:
        m = cv2.resize(m, (shape[1], shape[0]), interpolation=cv2.INTER_NEAREST)
    return np.where(m > 127, 255, 0).astype(np.uint8)  # white = pixels that must match


def _match(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    if mask is not None:
        m = mask if tpl.ndim == 2 else cv2.merge([mask] * tpl.shape[2])
        res = cv2.matchTemplate(img, tpl, cv2.TM_CCOEFF_NORMED, mask=m)
        # Masked CCOEFF divides by zero on flat windows: treat those as no match.
        return np.nan_to_num(res, nan=-1.0, posinf=-1.0, neginf=-1.0)
    return cv2.matchTemplate(img, tpl, cv2.TM_CCOEFF_NORMED)


def peaks(res: np.ndarray, threshold: float, tw: int, th: int, max_n: int) -> list[tuple[int, int, float]]:
    """Local maxima >= threshold, best first, with non-maximum suppression of overlaps."""
    res = res.copy()
    out: list[tuple[int, int, float]] = []
    sx, sy = max(1, tw // 2), max(1, th // 2)
    while len(out) < max_n:
        _, mx, _, (x, y) = cv2.minMaxLoc(res)
        if mx < threshold or mx <= -1.0:
            break
        out.append((x, y, float(mx)))
        res[max(0, y - sy):y + sy + 1, max(0, x - sx):x + sx + 1] = -2.0
    return out


def coarse_factor(tw: int, th: int, iw: int, ih: int) -> int:
    f = min(COARSE_MAX_FACTOR, min(tw, th) // COARSE_MIN_TEMPLATE_SIDE)
    # Not worth it on small search areas.
    return f if f >= 2 and iw * ih >= 160_000 else 1


def search_array(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None, threshold: float,
                 max_n: int, mode: str = "auto", pyramid: dict[int, np.ndarray] | None = None
                 ) -> tuple[list[tuple[int, int, float]], float, tuple[int, int] | None, str]:
    """Find up to max_n matches of tpl in img. Returns (matches, best score, best loc, method).

    mode: "auto" (coarse-to-fine when applicable), "full" or "coarse" (forced, for tests).
    """
    ih, iw = img.shape[:2]
    th, tw = tpl.shape[:2]
    if th > ih or tw > iw:
        return [], -1.0, None, "none"
    f = coarse_factor(tw, th, iw, ih) if mode != "full" else 1
    if mode == "coarse" and f == 1:
        f = 2 if min(tw, th) >= 4 else 1
    if f > 1 and (mask is None or cv2.countNonZero(mask) >= 0.3 * tw * th):
        got = _coarse_to_fine(img, tpl, mask, threshold, max_n, f, pyramid)
        if got is not None:
            return (*got, f"coarse{f}")
    res = _match(img, tpl, mask)
    _, best, _, loc = cv2.minMaxLoc(res)
    return peaks(res, threshold, tw, th, max_n), float(best), loc, "full"


def _coarse_to_fine(img: np.ndarray, tpl: np.ndarray, mask: np.ndarray | None, threshold: float,
                    max_n: int, f: int, pyramid: dict[int, np.ndarray] | None
                    ) -> tuple[list[tuple[int, int, float]], float, tuple[int, int] | None] | None:
    ih, iw = img.shape[:2]
    th, tw = tpl.shape[:2]
    small = pyramid.get(f) if pyramid else None
    if small is None:
        small = cv2.resize(img, (iw // f, ih // f), interpolation=cv2.INTER_AREA)
    tpl_s = cv2.resize(tpl, (tw // f, th // f), interpolation=cv2.INTER_AREA)
    mask_s = None
    if mask is not None:
        mask_s = np.where(cv2.resize(mask, (tw // f, th // f), interpolation=cv2.INTER_AREA) > 127, 255, 0).astype(np.uint8)
        if cv2.countNonZero(mask_s) < 4:
            return None
    res_s = _match(small, tpl_s, mask_s)
    cands = peaks(res_s, threshold - COARSE_MARGIN, tpl_s.shape[1], tpl_s.shape[0], COARSE_MAX_CANDIDATES + 1)
    if len(cands) > COARSE_MAX_CANDIDATES:
        return None  # ambiguous screen: the exact full search is safer and not slower
    if len(cands) < ALWAYS_REFINE:
        extra = peaks(res_s, -1.0, tpl_s.shape[1], tpl_s.shape[0], ALWAYS_REFINE)
        cands += [c for c in extra if c[:2] not in {d[:2] for d in cands}]
    pad = f + 1
    found: list[tuple[int, int, float]] = []
    best, best_loc = -1.0, None
    for cx, cy, _ in cands:
        x0, y0 = max(0, cx * f - pad), max(0, cy * f - pad)
        x1, y1 = min(iw, cx * f + pad + tw), min(ih, cy * f + pad + th)
        if x1 - x0 < tw or y1 - y0 < th:
            continue
        res = _match(img[y0:y1, x0:x1], tpl, mask)
        _, mx, _, (lx, ly) = cv2.minMaxLoc(res)
        if mx > best:
            best, best_loc = float(mx), (x0 + lx, y0 + ly)
        if mx >= threshold:
            found.append((x0 + lx, y0 + ly, float(mx)))
    # Refinement windows can overlap: suppress duplicates, keep best first.
    found.sort(key=lambda m: -m[2])
    kept: list[tuple[int, int, float]] = []
    for m in found:
        if all(abs(m[0] - k[0]) > tw // 2 or abs(m[1] - k[1]) > th // 2 for k in kept):
            kept.append(m)
    return kept[:max_n], best, best_loc


def _scales(options: dict[str, Any]) -> list[float]:
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


def find(screen: Screen, specs: list[SearchSpec], strategy: str = "FIRST",
         options: dict[str, Any] | None = None, mode: str = "auto") -> FindResult:
    """Search every spec on the screen according to the Brobot find strategy."""
    t0 = time.perf_counter()
    options = options or {}
    strategy = (strategy or "FIRST").upper()
    pat_opts = options.get("pattern") or {}
    gray = bool(pat_opts.get("useGrayscale", options.get("useGrayscale", True)))
    max_n = int(options.get("maxMatches") or options.get("maxMatchesToActOn") or 100)
    per_spec = 1 if strategy in ("FIRST", "BEST", "EACH") else max_n
    img_full = screen.get(gray)
    sw, sh = screen.size
    matches: list[Match] = []
    best_score, best_loc, best_thr, best_id, method = -1.0, None, specs[0].threshold if specs else 0.0, \
        specs[0].image_id if specs else "", "none"
    best_size: tuple[int, int] | None = None
    for spec in specs:
        base_tpl = _prep_template(spec.template, gray)
        regions = spec.regions or [Region(0, 0, sw, sh)]
        for scale in _scales(options):
            tpl = base_tpl if scale == 1.0 else cv2.resize(
                base_tpl, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
            mask = _prep_mask(spec.mask, tpl.shape)
            th, tw = tpl.shape[:2]
            for reg in regions:
                x0, y0 = max(0, reg.x), max(0, reg.y)
                x1, y1 = min(sw, reg.x + reg.width), min(sh, reg.y + reg.height)
                if x1 - x0 < tw or y1 - y0 < th:
                    continue
                whole = (x0, y0, x1, y1) == (0, 0, sw, sh)
                sub = img_full if whole else img_full[y0:y1, x0:x1]
                pyramid = None
                if whole:
                    fct = coarse_factor(tw, th, sw, sh)
                    if fct > 1 and mode != "full":
                        pyramid = {fct: screen.get(gray, fct)}
                got, best, loc, meth = search_array(sub, tpl, mask, spec.threshold, per_spec, mode, pyramid)
                if best > best_score:
                    best_score, best_thr, best_id, method = best, spec.threshold, spec.image_id, meth
                    best_loc = (loc[0] + x0, loc[1] + y0) if loc else None
                    best_size = (tw, th) if loc else None
                for x, y, s in got:
                    m = Match(x + x0, y + y0, tw, th, s, spec.image_id,
                              spec.pattern.id if spec.pattern else "", spec.state_id)
                    if spec.pattern is not None:
                        px, py = spec.pattern.target_percent or (0.5, 0.5)
                        m.target = (m.x + int(tw * px) + spec.pattern.offset[0],
                                    m.y + int(th * py) + spec.pattern.offset[1])
                    matches.append(m)
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
    return FindResult(matches, best_score, best_loc, best_thr, (time.perf_counter() - t0) * 1000,
                      matches[0].image_id if matches else best_id, method, best_size, screen.bgr)


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
