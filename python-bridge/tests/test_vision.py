# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Template matching: strategies, NMS, masks, regions, multi-scale, coarse-to-fine == full."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from conftest import screen_with, texture

from qontinui_bridge.config import Region
from qontinui_bridge.vision import Screen, SearchSpec, find, search_array


def big_screen(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    img = np.full((1080, 1920, 3), 235, np.uint8)
    for i in range(80):
        x, y = int(rng.integers(0, 1850)), int(rng.integers(0, 1040))
        color = tuple(int(c) for c in rng.integers(0, 255, 3))
        cv2.rectangle(img, (x, y), (x + int(rng.integers(10, 200)), y + int(rng.integers(8, 60))), color, -1)
        cv2.putText(img, f"Item {i} label", (x, y + 30), cv2.FONT_HERSHEY_SIMPLEX, 0.55, (0, 0, 0), 1)
    return img


def test_strategies_first_best_all_each() -> None:
    a, b = texture(40, 30, 1), texture(40, 30, 2)
    scr = Screen(screen_with([(a, 10, 10), (a, 200, 100), (a, 400, 300), (b, 600, 400)]))
    sa, sb = SearchSpec("a", a, 0.9), SearchSpec("b", b, 0.9)
    assert len(find(scr, [sa, sb], "FIRST").matches) == 1
    all_a = find(scr, [sa, sb], "ALL")
    assert sorted((m.x, m.y) for m in all_a.matches) == [(10, 10), (200, 100), (400, 300), (600, 400)]
    each = find(scr, [sa, sb], "EACH")
    assert sorted(m.image_id for m in each.matches) == ["a", "b"]
    best = find(scr, [sa, sb], "BEST")
    assert len(best.matches) == 1 and best.matches[0].score > 0.99
    capped = find(scr, [sa], "ALL", {"maxMatches": 2})
    assert len(capped.matches) == 2


def test_nms_keeps_one_match_per_object() -> None:
    a = texture(40, 30, 3)
    scr = Screen(screen_with([(a, 100, 100)]))
    r = find(scr, [SearchSpec("a", a, 0.5)], "ALL")
    assert [(m.x, m.y) for m in r.matches if m.score > 0.9] == [(100, 100)]
    assert all(abs(m.x - 100) > 20 or abs(m.y - 100) > 15 for m in r.matches[1:])


def test_region_restricts_search() -> None:
    a = texture(40, 30, 4)
    scr = Screen(screen_with([(a, 50, 50), (a, 500, 400)]))
    r = find(scr, [SearchSpec("a", a, 0.9, regions=[Region(400, 300, 300, 250)])], "ALL")
    assert [(m.x, m.y) for m in r.matches] == [(500, 400)]
    r = find(scr, [SearchSpec("a", a, 0.9, regions=[Region(0, 200, 300, 100)])], "ALL")
    assert not r.found and r.best_score < 0.9


def test_mask_ignores_changing_pixels() -> None:
    tpl = texture(60, 40, 5)
    on_screen = tpl.copy()
    on_screen[:, 30:] = texture(30, 40, 77)  # right half differs on screen (e.g. dynamic text)
    scr = Screen(screen_with([(on_screen, 300, 200)]))
    assert not find(scr, [SearchSpec("t", tpl, 0.9)], "BEST").found
    mask = np.zeros((40, 60), np.uint8)
    mask[:, :30] = 255
    r = find(scr, [SearchSpec("t", tpl, 0.9, mask=mask)], "BEST")
    assert r.found and (r.matches[0].x, r.matches[0].y) == (300, 200)


def test_multiscale_only_when_asked() -> None:
    tpl = texture(64, 48, 6)
    scaled = cv2.resize(tpl, None, fx=1.2, fy=1.2, interpolation=cv2.INTER_LINEAR)
    scr = Screen(screen_with([(scaled, 200, 150)]))
    assert not find(scr, [SearchSpec("t", tpl, 0.85)], "BEST").found
    r = find(scr, [SearchSpec("t", tpl, 0.85)], "BEST", {"pattern": {"scaleInvariant": True, "minScale": 0.8,
                                                                       "maxScale": 1.3, "scaleStep": 0.1}})
    assert r.found and abs(r.matches[0].x - 200) <= 3


def test_color_vs_grayscale() -> None:
    red = np.zeros((30, 40, 3), np.uint8)
    red[:, :, 2] = 200
    red[10:20, 10:30] = 255
    blue = red[:, :, ::-1].copy()
    scr = Screen(screen_with([(blue, 100, 100)]))
    # Same luminance structure: grayscale cannot tell them apart, colour can.
    gray = find(scr, [SearchSpec("r", red, 0.8)], "BEST")
    color = find(scr, [SearchSpec("r", red, 0.8)], "BEST", {"pattern": {"useGrayscale": False}})
    assert color.best_score < gray.best_score


@pytest.mark.parametrize("seed", range(6))
def test_coarse_to_fine_equals_full_search(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    scr_img = big_screen(seed)
    w, h = [(64, 32), (48, 48), (120, 40), (33, 70), (200, 100), (17, 17)][seed]
    # Odd offsets: the worst sub-sampling phase for the downscaled pass.
    x, y = int(rng.integers(1, 1900 - w)) | 1, int(rng.integers(1, 1070 - h)) | 1
    if seed % 2:
        tpl = texture(w, h, seed)
    else:  # a text button, like real UIs
        tpl = np.full((h, w, 3), 250, np.uint8)
        cv2.putText(tpl, "OK", (3, h - 8), cv2.FONT_HERSHEY_SIMPLEX, min(w, h) / 40, (30, 30, 160), 2)
        cv2.rectangle(tpl, (0, 0), (w - 1, h - 1), (90, 90, 90), 1)
    scr_img[y:y + h, x:x + w] = tpl
    scr_img[50:50 + h, 60:60 + w] = (tpl * 0.8 + 30).astype(np.uint8)  # a dimmed copy: ~still a match
    gray = cv2.cvtColor(scr_img, cv2.COLOR_BGR2GRAY)
    tg = cv2.cvtColor(tpl, cv2.COLOR_BGR2GRAY)
    for thr in (0.7, 0.8, 0.95):
        full, fb, fl, fm = search_array(gray, tg, None, thr, 50, mode="full")
        fast, cb, cl, cm = search_array(gray, tg, None, thr, 50, mode="auto")
        assert fm == "full"
        # Same matches, same full-resolution scores (order may differ between exact ties).
        assert sorted(m[:2] for m in full) == sorted(m[:2] for m in fast), (cm, full, fast)
        assert all(abs(a[2] - b[2]) < 1e-4 for a, b in zip(sorted(full), sorted(fast)))
        assert (x, y) in [(m[0], m[1]) for m in fast]
        assert abs(fb - cb) < 1e-4


def test_coarse_path_is_used_and_small_templates_fall_back() -> None:
    scr = big_screen(1)
    tpl = texture(64, 32, 5)
    scr[301:333, 401:465] = tpl
    gray = cv2.cvtColor(scr, cv2.COLOR_BGR2GRAY)
    tg = cv2.cvtColor(tpl, cv2.COLOR_BGR2GRAY)
    got = search_array(gray, tg, None, 0.9, 1)
    assert got[3] == "coarse4" and got[0][0][:2] == (401, 301)
    assert search_array(gray, tg[:10, :12], None, 0.9, 1)[3] == "full"


def test_diagnostics_when_not_found() -> None:
    scr = Screen(screen_with([(texture(40, 30, 8), 100, 100)]))
    r = find(scr, [SearchSpec("t", texture(40, 30, 9), 0.9)], "FIRST")
    d = r.diagnostics()
    assert d["found"] is False and -1 <= d["score"] < 0.9 and d["threshold"] == 0.9
    assert d["location"] is not None and d["durationMs"] >= 0 and d["imageId"] == "t"


def test_colour_rejections_are_bounded_at_a_low_similarity() -> None:
    """At similarity 0.05 nearly every place is a candidate; a colour check that rejects them all
    must give up after a bounded number of looks (it once looked at every pixel: 40 s a find)."""
    from qontinui_bridge import vision
    rng = np.random.default_rng(3)
    res = rng.random((600, 900)).astype(np.float32)
    calls = []

    def reject(x: int, y: int) -> bool:
        calls.append((x, y))
        return False

    assert vision.peaks(res, 0.05, 40, 20, 1, reject) == []
    assert 0 < len(calls) <= vision.MAX_REJECTED_PEAKS
    # Rejected places are not looked at twice.
    assert len(set(calls)) == len(calls)
