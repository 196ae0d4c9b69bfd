# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Text on the screen (OCR with Tesseract, in process through tesserocr).

* read_words(): the words in an area of a frame, with their boxes (frame coordinates) and
  Tesseract's confidence (0-100). Before recognition the area is turned into dark text on a
  light background whatever the UI's colours (|pixel - local median|, inverted), so white text on
  a blue button reads like black text on paper; small areas are enlarged 2x for small fonts.
* find_text(): a phrase (whole words, in order, on one line; case-insensitive by default),
  a substring ("contains") or a regular expression, as a vision.FindResult. Its matches are the
  phrase's boxes (the click point is the box centre); when the text is not there, its `words`
  are the words read near the most similar place, with their confidence, for the diagnostics.
* TextSettings: settings.recognition.ocrEnabled / ocrLanguage.

Debian packages: tesseract-ocr, tesseract-ocr-eng (other languages: tesseract-ocr-<lang>),
python3-tesserocr.
"""

from __future__ import annotations

import difflib
import re
import threading
import time
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import cv2
import numpy as np

from .config import Region
from .vision import FindResult, Match, Screen

SMALL_AREA = 700_000     # px; areas up to this size are enlarged 2x before recognition
NEAR_WORDS = 12          # words reported around the best location when a text is not found
MATCH_TYPES = ("exact", "contains", "regex")


class OcrUnavailable(RuntimeError):
    """Tesseract, tesserocr or the language data is missing, or OCR is switched off."""


@dataclass
class Word:
    text: str
    conf: float  # 0..100
    x: int
    y: int
    width: int
    height: int
    line: tuple[int, int, int]  # (block, paragraph, line) it belongs to

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "confidence": round(self.conf, 1), "x": self.x, "y": self.y,
                "width": self.width, "height": self.height}


@dataclass
class TextSettings:
    """settings.recognition.ocrEnabled (default true) and ocrLanguage (default "eng")."""
    enabled: bool = True
    language: str = "eng"

    @classmethod
    def from_settings(cls, recognition: Mapping[str, Any] | None) -> TextSettings:
        rec = recognition or {}
        enabled = rec.get("ocrEnabled", True)
        if isinstance(enabled, str):
            enabled = enabled.strip().lower() not in ("false", "0", "no", "off")
        lang = str(rec.get("ocrLanguage") or "eng").strip() or "eng"
        return cls(bool(enabled), _tesseract_language(lang))


_ISO1 = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
         "ja": "jpn", "zh": "chi_sim", "ru": "rus", "pl": "pol", "sv": "swe", "da": "dan", "fi": "fin"}


def _tesseract_language(lang: str) -> str:
    """'en' / 'en-US' / 'eng' / 'eng+deu' -> Tesseract's code(s)."""
    parts = []
    for p in re.split(r"[+,]", lang):
        p = p.strip()
        base = p.split("-")[0].split("_")[0].lower() if len(p) <= 5 and p[:2].isalpha() else p
        parts.append(_ISO1.get(base, p))
    return "+".join(parts)


# ============================================================================ the engine
class TextReader:
    """One Tesseract instance (per thread and language; creating one takes ~0.1 s)."""

    def __init__(self, language: str = "eng") -> None:
        try:
            import tesserocr
        except ImportError as exc:
            raise OcrUnavailable("OCR needs python3-tesserocr and tesseract-ocr (apt-get install "
                                 "tesseract-ocr tesseract-ocr-eng python3-tesserocr)") from exc
        self._t = tesserocr
        path, installed = tesserocr.get_languages()
        missing = [p for p in language.split("+") if p not in installed]
        if missing:
            raise OcrUnavailable(f"OCR language {'+'.join(missing)} is not installed (installed: "
                                 f"{', '.join(sorted(installed)) or 'none'}; Debian package "
                                 f"tesseract-ocr-{missing[0].replace('_', '-').lower()})")
        self.language = language
        self.api = tesserocr.PyTessBaseAPI(lang=language, psm=tesserocr.PSM.SPARSE_TEXT)

    def read(self, bgr: np.ndarray, area: Region | None = None, scale: float | None = None) -> list[Word]:
        """Words in `area` of the frame (whole frame for None), boxes in frame coordinates."""
        from PIL import Image
        h, w = bgr.shape[:2]
        a = area or Region(0, 0, w, h)
        x0, y0 = max(0, a.x), max(0, a.y)
        x1, y1 = min(w, a.x + a.width), min(h, a.y + a.height)
        if x1 - x0 < 4 or y1 - y0 < 4:
            return []
        img = prepare(bgr[y0:y1, x0:x1])
        if scale is None:
            scale = 2.0 if (x1 - x0) * (y1 - y0) <= SMALL_AREA else 1.0
        if scale != 1.0:
            img = cv2.resize(img, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        t = self._t
        self.api.SetImage(Image.fromarray(img))
        self.api.Recognize()
        words: list[Word] = []
        level = t.RIL.WORD
        block = par = line = 0
        for r in t.iterate_level(self.api.GetIterator(), level):
            if r.IsAtBeginningOf(t.RIL.BLOCK):
                block += 1
            if r.IsAtBeginningOf(t.RIL.PARA):
                par += 1
            if r.IsAtBeginningOf(t.RIL.TEXTLINE):
                line += 1
            text = (r.GetUTF8Text(level) or "").strip()
            box = r.BoundingBox(level)
            if not text or box is None:
                continue
            bx0, by0, bx1, by1 = box
            words.append(Word(text, float(r.Confidence(level)), x0 + int(bx0 / scale), y0 + int(by0 / scale),
                              max(1, int((bx1 - bx0) / scale)), max(1, int((by1 - by0) / scale)),
                              (block, par, line)))
        return words


def prepare(bgr: np.ndarray) -> np.ndarray:
    """Dark text on a light background whatever the colours: |gray - local median|, inverted."""
    g = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY) if bgr.ndim == 3 else bgr
    k = 31 if min(g.shape[:2]) > 31 else max(3, (min(g.shape[:2]) // 2) * 2 - 1)
    diff = cv2.absdiff(g, cv2.medianBlur(g, k))
    return 255 - cv2.normalize(diff, None, 0, 255, cv2.NORM_MINMAX)


_local = threading.local()


def reader_for(language: str = "eng") -> TextReader:
    """The calling thread's TextReader for a language (created on first use)."""
    cache = getattr(_local, "readers", None)
    if cache is None:
        cache = _local.readers = {}
    if language not in cache:
        cache[language] = TextReader(language)
    return cache[language]


# ============================================================================ finding text
def _norm(s: str, case_sensitive: bool) -> str:
    s = s.strip().strip(".,:;!?\"'()[]{}<>|")
    return s if case_sensitive else s.casefold()


def _lines(words: list[Word]) -> list[list[Word]]:
    out: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        out.setdefault(w.line, []).append(w)
    return [sorted(v, key=lambda w: w.x) for v in out.values()]


def _union(ws: list[Word]) -> tuple[int, int, int, int]:
    x0, y0 = min(w.x for w in ws), min(w.y for w in ws)
    x1, y1 = max(w.x + w.width for w in ws), max(w.y + w.height for w in ws)
    return x0, y0, x1 - x0, y1 - y0


def match_words(words: list[Word], text: str | None = None, regex: str | None = None,
                match_type: str = "exact", case_sensitive: bool = False
                ) -> tuple[list[list[Word]], float, list[Word] | None]:
    """Runs of words that show `text` (or match `regex`), best first; plus the similarity of the
    closest run and that run (for diagnostics when nothing matched)."""
    if regex is not None:
        match_type = "regex"
    if match_type not in MATCH_TYPES:
        raise ValueError(f"textOptions.matchType '{match_type}': expected exact, contains or regex")
    found: list[list[Word]] = []
    best_sim, best_run = 0.0, None
    pattern = None
    if match_type == "regex":
        try:
            pattern = re.compile(regex if regex is not None else str(text), 0 if case_sensitive else re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"regex '{regex or text}': {exc}") from None
    target = [_norm(t, case_sensitive) for t in str(text or "").split()]
    target = [t for t in target if t]
    for line in _lines(words):
        if pattern is not None:
            joined, spans = "", []
            for w in line:
                if joined:
                    joined += " "
                start = len(joined)
                joined += w.text
                spans.append((start, len(joined), w))
            for m in pattern.finditer(joined):
                if m.end() <= m.start():
                    continue
                run = [w for s, e, w in spans if s < m.end() and e > m.start()]
                if run:
                    found.append(run)
            sim = difflib.SequenceMatcher(None, joined.casefold(), (regex or text or "").casefold()).ratio()
            if sim > best_sim:
                best_sim, best_run = sim, line
            continue
        toks = [_norm(w.text, case_sensitive) for w in line]
        phrase = " ".join(target)
        if match_type == "contains":
            span = _smallest_run(toks, phrase)
            if span is not None:
                found.append(line[span[0]:span[1]])
            sim = difflib.SequenceMatcher(None, " ".join(toks), phrase).ratio()
            if sim > best_sim:
                best_sim, best_run = sim, line
            continue
        n = max(1, len(target))
        for i in range(len(line)):
            if toks[i:i + n] == target:
                found.append(line[i:i + n])
            sim = difflib.SequenceMatcher(None, " ".join(toks[i:i + n]), phrase).ratio()
            if sim > best_sim:
                best_sim, best_run = sim, line[i:i + n]
    found.sort(key=lambda run: -sum(w.conf for w in run) / len(run))
    return found, best_sim, best_run


def _smallest_run(toks: list[str], phrase: str) -> tuple[int, int] | None:
    """(start, end) of the fewest consecutive tokens whose text contains phrase."""
    if not phrase or phrase not in " ".join(toks):
        return None
    for k in range(1, len(toks) + 1):
        for i in range(len(toks) - k + 1):
            if phrase in " ".join(toks[i:i + k]):
                return i, i + k
    return None


def find_text(screen: Screen, text: str | None = None, regex: str | None = None,
              regions: Iterable[Region] | None = None, options: Mapping[str, Any] | None = None,
              settings: TextSettings | None = None, label: str | None = None,
              reader: TextReader | None = None) -> FindResult:
    """Look for a text on one frame. options: textOptions (matchType exact|contains|regex,
    caseSensitive, minConfidence 0..100, language, scale) merged over search options (monitor,
    searchStrategy ALL for every occurrence). Raises OcrUnavailable when OCR is off or missing."""
    t0 = time.perf_counter()
    options = dict(options or {})
    settings = settings or TextSettings()
    if not settings.enabled:
        raise OcrUnavailable("text targets need OCR, and settings.recognition.ocrEnabled is false")
    if not text and not regex:
        raise ValueError("a text target needs 'text' (or a 'regex')")
    lang = _tesseract_language(str(options.get("language") or settings.language))
    reader = reader or reader_for(lang)
    mon = options.get("monitor", screen.monitor)
    area = screen.monitor_area(None if mon is None else int(mon))
    areas = [_clip(r, area) for r in regions or []] or [area]
    words: list[Word] = []
    scale = options.get("scale")
    for a in areas:
        if a is not None:
            words.extend(reader.read(screen.bgr, a, float(scale) if scale else None))
    min_conf = float(options.get("minConfidence", 0) or 0)
    usable = [w for w in words if w.conf >= min_conf]
    runs, sim, closest = match_words(usable, text, regex, str(options.get("matchType") or "exact"),
                                     bool(options.get("caseSensitive", False)))
    name = label or (f"text '{text}'" if text else f"text /{regex}/")
    matches = []
    for run in runs:
        x, y, w, h = _union(run)
        conf = sum(wd.conf for wd in run) / len(run) / 100.0
        matches.append(Match(x, y, w, h, conf, name, text=" ".join(wd.text for wd in run)))
    strategy = str(options.get("searchStrategy") or "FIRST").upper()
    if strategy in ("FIRST", "BEST", "EACH"):
        matches = matches[:1]
    near: list[dict[str, Any]] | None = None
    if matches:
        best_loc = (matches[0].x, matches[0].y)
        best_size = (matches[0].width, matches[0].height)
        score = matches[0].score
    else:
        ref = closest or []
        if ref:
            bx, by, bw, bh = _union(ref)
            best_loc, best_size = (bx, by), (bw, bh)
            cx, cy = bx + bw / 2, by + bh / 2
            ordered = sorted(words, key=lambda w: (w.x + w.width / 2 - cx) ** 2 + (w.y + w.height / 2 - cy) ** 2)
        else:
            best_loc, best_size, ordered = None, None, words
        near = [w.to_dict() for w in ordered[:NEAR_WORDS]]
        score = sim
    thr = float(options.get("similarity") or 1.0)
    return FindResult(matches, score, best_loc, thr, (time.perf_counter() - t0) * 1000, name, "ocr",
                      best_size, screen.bgr, words=near)


def _clip(r: Region, area: Region) -> Region | None:
    x0, y0 = max(r.x, area.x), max(r.y, area.y)
    x1, y1 = min(r.x + r.width, area.x + area.width), min(r.y + r.height, area.y + area.height)
    return Region(x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None


def describe_words(words: list[dict[str, Any]] | None, limit: int = 8) -> str:
    """'Username' 96%, 'Password' 97% ... for failure messages."""
    if not words:
        return "no words read"
    return ", ".join(f"'{w['text']}' {w['confidence']:.0f}%" for w in words[:limit])
