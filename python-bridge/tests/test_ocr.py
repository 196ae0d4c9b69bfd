# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Text (OCR) on a real Xvfb screen: Tk labels at three font sizes are read, text targets are
found, clicked and waited for, and a missing text fails with the words that were read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest
from conftest import completed, make_config, run, start_xvfb

from qontinui_bridge.backends import create_backend
from qontinui_bridge.ocr import TextSettings, Word, find_text, match_words, reader_for

try:
    import tesserocr  # noqa: F401
    HAVE_OCR = True
except ImportError:
    HAVE_OCR = False

needs_x_and_ocr = pytest.mark.skipif(shutil.which("Xvfb") is None or not HAVE_OCR,
                                     reason="Xvfb or tesserocr not installed")
APP = os.path.join(os.path.dirname(__file__), "tk_text_app.py")


@pytest.fixture(scope="module")
def xdisplay():
    disp, proc = start_xvfb(200, "1024x768x24")
    yield disp
    proc.terminate()
    proc.wait(timeout=5)


@pytest.fixture
def app(xdisplay, tmp_path):
    log = str(tmp_path / "app.jsonl")
    p = subprocess.Popen([sys.executable, APP, log, "40", "30"], env={**os.environ, "DISPLAY": xdisplay})
    ready = None
    for _ in range(200):
        if os.path.exists(log):
            lines = [json.loads(line) for line in open(log)]
            ready = next((x for x in lines if x["event"] == "ready"), None)
            if ready:
                break
        time.sleep(0.05)
    assert ready, "Tk app did not start"
    yield xdisplay, log, ready
    p.kill()
    p.wait(timeout=5)


def events(log: str, kind: str) -> list[dict]:
    return [x for x in (json.loads(line) for line in open(log)) if x["event"] == kind]


@needs_x_and_ocr
def test_labels_at_three_font_sizes_are_read(app) -> None:
    disp, _, ready = app
    screen = create_backend("x11", display=disp).screen()
    words = reader_for("eng").read(screen.bgr)  # the whole 1024x768 screen, read once

    def inside(w: Word, box: list[int]) -> bool:  # the word's centre is on the label
        x, y, bw, bh = box
        return x <= w.x + w.width / 2 <= x + bw and y <= w.y + w.height / 2 <= y + bh

    total, found, missed = 0, 0, []
    for lab in ready["labels"]:
        here = [w for w in words if inside(w, lab["box"])]
        for word in lab["text"].split():
            total += 1
            if any(w.text.strip(".,:;") == word for w in here):
                found += 1
            else:
                missed.append((lab["size"], word, [w.text for w in here]))
        # The whole label as a phrase: one of its occurrences (the three sizes) is this label.
        runs, _, _ = match_words(words, lab["text"])
        assert any(all(inside(w, lab["box"]) for w in run) for run in runs), (lab, here)
    print(f"words read {found}/{total}; missed: {missed}")
    assert found / total >= 0.98, missed
    assert {lab["size"] for lab in ready["labels"]} == {12, 16, 24}
    # The public API on the same frame: every occurrence with ALL, the best one with FIRST.
    r = find_text(screen, "Recent files and folders", options={"searchStrategy": "ALL"})
    assert len(r.matches) == 3 and r.method == "ocr"
    assert sorted(m.height for m in r.matches) == sorted(m.height for m in r.matches)  # three sizes
    assert len({m.height for m in r.matches}) == 3


@needs_x_and_ocr
def test_text_targets_wait_click_and_wait(app, monkeypatch) -> None:
    disp, log, ready = app
    monkeypatch.setenv("DISPLAY", disp)
    raw = make_config([
        {"id": "w1", "type": "WAIT", "config": {"target": {"type": "text", "text": "Ready to apply"},
                                                "maxWaitTime": 10000, "checkInterval": 200}},
        {"id": "c1", "type": "CLICK", "config": {"target": {"type": "text", "text": "Apply changes"}}},
        {"id": "w2", "type": "WAIT", "config": {"target": {"type": "text", "text": "changes SAVED"},
                                                "maxWaitTime": 10000, "checkInterval": 200}},
        {"id": "f1", "type": "FIND", "config": {"target": {"type": "text", "regex": r"Print\s+preview"}}},
    ], settings={"recognition": {"ocrEnabled": True, "ocrLanguage": "en"}})
    body, evs, _ = run(raw, backend="x11")
    done = completed(evs)
    assert body["success"], {k: v.get("message") for k, v in done.items()}
    clicks = events(log, "click")
    assert len(clicks) == 1
    bx, by, bw, bh = ready["button"]
    assert bx <= clicks[0]["x"] < bx + bw and by <= clicks[0]["y"] < by + bh, (clicks, ready["button"])
    matches = [b for e, b in evs if e == "qontinui/match"]
    assert any(m.get("method") == "ocr" and m["found"] for m in matches)


@needs_x_and_ocr
def test_missing_text_fails_with_the_words_read(app, monkeypatch) -> None:
    disp, _, _ = app
    monkeypatch.setenv("DISPLAY", disp)
    raw = make_config([{"id": "f1", "type": "FIND", "config": {"target": {
        "type": "text", "text": "Export selected columns"}}}])
    body, evs, _ = run(raw, backend="x11")
    assert not body["success"]
    msg = completed(evs)["f1"]["message"]
    # The closest line was "Export selected rows to spreadsheet": its words are reported with confidence.
    assert "not found" in msg and "words read near there" in msg, msg
    assert "'Export'" in msg and "'selected'" in msg and "%" in msg, msg
    diag = [b for e, b in evs if e == "qontinui/match"][-1]
    assert diag["found"] is False and diag["words"] and all("confidence" in w for w in diag["words"])


@needs_x_and_ocr
def test_ocr_settings_are_honoured(app, monkeypatch) -> None:
    disp, _, _ = app
    monkeypatch.setenv("DISPLAY", disp)
    target = {"type": "text", "text": "Apply changes"}
    off = make_config([{"id": "f1", "type": "FIND", "config": {"target": target}}],
                      settings={"recognition": {"ocrEnabled": False}})
    body, evs, _ = run(off, backend="x11")
    assert not body["success"] and "ocrEnabled is false" in completed(evs)["f1"]["message"]
    klingon = make_config([{"id": "f1", "type": "FIND", "config": {"target": target}}],
                          settings={"recognition": {"ocrLanguage": "tlh"}})
    body, evs, _ = run(klingon, backend="x11")
    msg = completed(evs)["f1"]["message"]
    assert not body["success"] and "OCR language tlh is not installed" in msg and "eng" in msg, msg


def test_phrase_matching_rules() -> None:
    line = [Word(t, 90.0, 10 + 60 * i, 5, 50, 12, (1, 1, 1)) for i, t in enumerate(["Save", "as:", "Draft", "copy"])]
    other = [Word("Saved", 80.0, 10, 40, 50, 12, (1, 1, 2))]
    runs, _, _ = match_words(line + other, "save AS")
    assert [[w.text for w in r] for r in runs] == [["Save", "as:"]]
    assert match_words(line + other, "save as", case_sensitive=True)[0] == []
    assert len(match_words(line + other, "Save as", case_sensitive=True)[0]) == 1  # "as:" counts as "as"
    runs, sim, closest = match_words(line + other, "Draft paper")
    assert runs == [] and 0 < sim < 1 and [w.text for w in closest][0] == "Draft"
    runs, _, _ = match_words(line + other, "aft co", match_type="contains")
    assert [[w.text for w in r] for r in runs] == [["Draft", "copy"]]
    runs, _, _ = match_words(line + other, regex=r"^Saved$")
    assert [[w.text for w in r] for r in runs] == [["Saved"]]
    with pytest.raises(ValueError, match="regex"):
        match_words(line, regex="(")
    assert TextSettings.from_settings({"ocrEnabled": "false", "ocrLanguage": "de"}) == TextSettings(False, "deu")
