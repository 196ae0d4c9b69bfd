# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Vision on real screenshots (benchmarks/screens): coarse-to-fine == full search, the exact best
score when nothing matches, last seen, one frame for many templates, colour, monitors."""

from __future__ import annotations

import os

import cv2
import numpy as np
import pytest
from conftest import completed, make_config, run

from qontinui_bridge.config import Region
from qontinui_bridge.vision import (COARSE_MARGIN, LastSeen, Screen, SearchSpec, _phase_margin, find, find_many,
                                    search_array)

SCREENS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks", "screens")
FILES = sorted(f for f in os.listdir(SCREENS) if f.endswith(".png")) if os.path.isdir(SCREENS) else []


def unique_templates(gray: np.ndarray, n: int, seed: int) -> list[tuple[int, int, int, int]]:
    rng = np.random.default_rng(seed)
    out = []
    while len(out) < n:
        w, h = int(rng.integers(16, 151)), int(rng.integers(16, 151))
        x, y = int(rng.integers(0, gray.shape[1] - w)), int(rng.integers(0, gray.shape[0] - h))
        t = gray[y:y + h, x:x + w]
        if t.std() < 15:
            continue
        res = cv2.matchTemplate(gray, t, cv2.TM_CCOEFF_NORMED)
        res[max(0, y - h // 2):y + h // 2 + 1, max(0, x - w // 2):x + w // 2 + 1] = -1
        if res.max() < 0.8:
            out.append((x, y, w, h))
    return out


@pytest.mark.skipif(not FILES, reason="no benchmark screens")
@pytest.mark.parametrize("name", FILES)
def test_default_mode_equals_full_search_on_real_screens(name: str) -> None:
    img = cv2.imread(os.path.join(SCREENS, name))
    gray = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    for x, y, w, h in unique_templates(gray, 6, len(name)):
        tpl = img[y:y + h, x:x + w]
        for strategy in ("FIRST", "BEST", "ALL"):
            fast = find(Screen(img), [SearchSpec("t", tpl, 0.9)], strategy)
            full = find(Screen(img), [SearchSpec("t", tpl, 0.9)], strategy, mode="full")
            # Coarse path, except BEST/ALL for templates of thin lines whose 1/4-scale score can fall
            # far below the full one (every candidate then needs verifying: the full search is cheaper).
            gray_tpl = cv2.cvtColor(tpl, cv2.COLOR_BGR2GRAY)
            assert fast.method.startswith("coarse") or (strategy != "FIRST" and _phase_margin(gray_tpl, 4) > COARSE_MARGIN), \
                (fast.method, strategy)
            assert [(m.x, m.y) for m in fast.matches] == [(m.x, m.y) for m in full.matches] == [(x, y)]
            assert abs(fast.matches[0].score - full.matches[0].score) < 1e-4
            assert abs(fast.best_score - full.best_score) < 1e-4


@pytest.mark.skipif(len(FILES) < 2, reason="needs two benchmark screens")
def test_best_score_and_location_are_exact_when_nothing_matches() -> None:
    a = cv2.imread(os.path.join(SCREENS, FILES[0]))
    b = cv2.imread(os.path.join(SCREENS, FILES[1]))
    for x, y, w, h in unique_templates(cv2.cvtColor(a, cv2.COLOR_BGR2GRAY), 4, 3):
        tpl = a[y:y + h, x:x + w]
        other = b.copy()
        other[y:y + h, x:x + w] = 0  # make sure it is not on the other screen by chance
        fast = find(Screen(other), [SearchSpec("t", tpl, 0.99)], "FIRST")
        if fast.found:
            continue
        gray_tpl = cv2.cvtColor(tpl, cv2.COLOR_BGR2GRAY)
        res = cv2.matchTemplate(cv2.cvtColor(other, cv2.COLOR_BGR2GRAY), gray_tpl, cv2.TM_CCOEFF_NORMED)
        _, best, _, loc = cv2.minMaxLoc(res)
        assert abs(fast.best_score - best) < 1e-4 and fast.best_location == loc
        assert fast.diagnostics()["location"] == {"x": loc[0], "y": loc[1]}
        assert fast.best_region == {"x": loc[0], "y": loc[1], "width": w, "height": h}


def test_search_array_reports_exact_best_without_a_match() -> None:
    rng = np.random.default_rng(5)
    img = cv2.GaussianBlur(rng.integers(0, 255, (600, 900), dtype=np.uint8), (0, 0), 4)
    tpl = cv2.GaussianBlur(rng.integers(0, 255, (40, 60), dtype=np.uint8), (0, 0), 4)
    fast = search_array(img, tpl, None, 0.95, 1)
    full = search_array(img, tpl, None, 0.95, 1, mode="full")
    assert fast[0] == full[0] == [] and fast[3].startswith("coarse")
    assert abs(fast[1] - full[1]) < 1e-5 and fast[2] == full[2]


def _button(bgr: tuple[int, int, int], text: str = "OK") -> np.ndarray:
    b = np.full((36, 96, 3), 240, np.uint8)
    cv2.rectangle(b, (2, 2), (93, 33), bgr, -1)
    cv2.rectangle(b, (2, 2), (93, 33), (60, 60, 60), 1)
    cv2.putText(b, text, (30, 25), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (255, 255, 255), 2)
    return b


def _ui(placements: list[tuple[np.ndarray, int, int]], w: int = 1280, h: int = 800) -> np.ndarray:
    scr = np.full((h, w, 3), 228, np.uint8)
    for i in range(12):
        cv2.putText(scr, f"Menu entry {i}", (40 + 90 * (i % 6), 60 + 40 * (i // 6)), cv2.FONT_HERSHEY_SIMPLEX, 0.5,
                    (30, 30, 30), 1)
    for img, x, y in placements:
        scr[y:y + img.shape[0], x:x + img.shape[1]] = img
    return scr


def test_last_seen_is_checked_first_and_verified() -> None:
    tpl = _button((40, 120, 200), "Go")
    seen = LastSeen()
    r = find(Screen(_ui([(tpl, 700, 400)])), [SearchSpec("go", tpl, 0.9)], "FIRST", last_seen=seen)
    assert r.found and r.method.startswith("coarse") and seen.get(("go", "")) == (700, 400, 96, 36)
    r = find(Screen(_ui([(tpl, 701, 401)])), [SearchSpec("go", tpl, 0.9)], "FIRST", last_seen=seen)
    assert r.method == "lastSeen" and (r.matches[0].x, r.matches[0].y) == (701, 401) and r.matches[0].score > 0.99
    # Moved away: the last-seen place no longer scores, the normal search finds the new place.
    r = find(Screen(_ui([(tpl, 100, 600)])), [SearchSpec("go", tpl, 0.9)], "FIRST", last_seen=seen)
    assert r.method != "lastSeen" and (r.matches[0].x, r.matches[0].y) == (100, 600)
    assert seen.get(("go", ""))[:2] == (100, 600)
    # Gone: no match, and the exact best score is reported.
    r = find(Screen(_ui([])), [SearchSpec("go", tpl, 0.9)], "FIRST", last_seen=seen)
    assert not r.found and r.best_score < 0.9


def test_one_frame_many_templates() -> None:
    a, b, c = _button((40, 120, 200), "A"), _button((200, 80, 40), "B"), _button((90, 160, 60), "C")
    screen = Screen(_ui([(a, 100, 500), (b, 400, 500), (c, 700, 500)]))
    got = find_many(screen, {"a": [SearchSpec("a", a, 0.9)], "b": [SearchSpec("b", b, 0.9)],
                             "c": [SearchSpec("c", c, 0.9)], "none": [SearchSpec("x", _button((0, 0, 0), "X"), 0.97)]})
    assert [(k, r.found) for k, r in got.items()] == [("a", True), ("b", True), ("c", True), ("none", False)]
    assert got["b"].matches[0].x == 400
    # One grayscale conversion and one pyramid for every template of this frame.
    assert {k[0] for k in screen._cache} == {"grayscale"}
    assert all(r.screen is screen.bgr for r in got.values())


def test_red_and_green_buttons_told_apart_in_grayscale_mode() -> None:
    red, green = _button((30, 30, 210)), _button((40, 170, 40))
    gray_red = cv2.cvtColor(red, cv2.COLOR_BGR2GRAY)
    gray_green = cv2.cvtColor(green, cv2.COLOR_BGR2GRAY)
    # Same shape: in grayscale the two are a perfect match for each other.
    assert cv2.matchTemplate(gray_green, gray_red, cv2.TM_CCOEFF_NORMED)[0, 0] > 0.97
    screen = _ui([(green, 200, 300), (red, 800, 500)])
    for space in ("grayscale", "rgb", "hsv"):
        r = find(Screen(screen), [SearchSpec("red", red, 0.9)], "FIRST", {"colorSpace": space})
        assert (r.matches[0].x, r.matches[0].y) == (800, 500), space
        g = find(Screen(screen), [SearchSpec("green", green, 0.9)], "FIRST", {"colorSpace": space})
        assert (g.matches[0].x, g.matches[0].y) == (200, 300), space
    only_green = _ui([(green, 200, 300)])
    r = find(Screen(only_green), [SearchSpec("red", red, 0.9)], "ALL", {"colorSpace": "grayscale"})
    assert not r.found and "colours differ" in r.diagnostics()["notes"][0]


def test_color_space_setting_reaches_the_engine(tmp_path) -> None:
    red, green = _button((30, 30, 210)), _button((40, 170, 40))
    shot = str(tmp_path / "screen.png")
    cv2.imwrite(shot, _ui([(green, 200, 300), (red, 800, 500)]))
    only_green = str(tmp_path / "green.png")
    cv2.imwrite(only_green, _ui([(green, 200, 300)]))
    messages = {}
    for space in ("grayscale", "rgb", "hsv"):
        target = {"type": "image", "imageIds": ["red"], "searchOptions": {"similarity": 0.9}}
        raw = make_config([{"id": "f", "type": "FIND", "config": {"target": target}}],
                          images={"red": red}, settings={"recognition": {"colorSpace": space}})
        body, evs, _ = run(raw, backend="screenshots", screenshots=[shot])
        match = [b for e, b in evs if e == "qontinui/match"][-1]
        assert body["success"] and (match["matches"][0]["x"], match["matches"][0]["y"]) == (800, 500), space
        body, evs, _ = run(raw, backend="screenshots", screenshots=[only_green])
        assert not body["success"], (space, completed(evs)["f"]["message"])
        messages[space] = completed(evs)["f"]["message"]
    # Grayscale: the green button scores like the red one, the colour check rejects it (and says so).
    assert "colours differ" in messages["grayscale"] and "grayscale search" in messages["grayscale"], messages
    assert "hsv search" in messages["hsv"] or "colours differ" not in messages["hsv"], messages
    raw = make_config([{"id": "f", "type": "FIND", "config": {"target": {"type": "image", "imageIds": ["red"]}}}],
                      images={"red": red}, settings={"recognition": {"colorSpace": "cmyk"}})
    # An unknown colour space is refused by the loader, before anything runs (fail closed).
    from qontinui_bridge.config import ConfigError
    with pytest.raises(ConfigError, match="/settings/recognition/colorSpace"):
        run(raw, backend="screenshots", screenshots=[shot])


def test_monitor_confines_the_search_and_keeps_global_coordinates() -> None:
    tpl = _button((40, 120, 200), "M")
    img = _ui([(tpl, 1000, 300)], w=1600, h=600)
    mons = [Region(0, 0, 800, 600), Region(800, 0, 800, 600)]
    r1 = find(Screen(img, mons, monitor=1), [SearchSpec("m", tpl, 0.9)], "FIRST")
    assert (r1.matches[0].x, r1.matches[0].y) == (1000, 300) and r1.matches[0].center == (1048, 318)
    r0 = find(Screen(img, mons, monitor=0), [SearchSpec("m", tpl, 0.9)], "FIRST")
    assert not r0.found
    spec = SearchSpec("m", tpl, 0.9, monitor=1)  # a state image's monitors[0] wins over the default
    assert find(Screen(img, mons, monitor=0), [spec], "FIRST").found
    assert find(Screen(img, mons), [SearchSpec("m", tpl, 0.9)], "FIRST", {"monitor": 1}).found
    with pytest.raises(ValueError, match="monitor 2 does not exist"):
        find(Screen(img, mons), [SearchSpec("m", tpl, 0.9)], "FIRST", {"monitor": 2})
