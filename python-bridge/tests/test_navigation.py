# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Navigation without a display: detection, interruptions, hidden states, landing elsewhere.

The screen is a scripted GUI (`ScriptedGui`, a test fake of an application): real frames built from
textures and searched by the real OpenCV matcher, pages that change when a button is clicked, and a
popup that grabs input when the script says so.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
from conftest import make_config, screen_with, texture

from qontinui_bridge.backends.base import Backend
from qontinui_bridge.config import parse_config
from qontinui_bridge.engine import Engine

W, H = 800, 600
IMG = {name: texture(60, 40, seed) for seed, name in enumerate(
    ["login-title", "login-button", "dash-title", "dash-add", "form-title", "form-save", "popup-title",
     "popup-ok", "list-title"], start=11)}
# page -> [(image, x, y)]; buttons are (image, target page)
PAGES = {
    "login": [("login-title", 40, 40), ("login-button", 300, 300)],
    "dash": [("dash-title", 40, 40), ("dash-add", 500, 300)],
    "form": [("form-title", 40, 40), ("form-save", 200, 400)],
    "list": [("list-title", 40, 40)],
}
BUTTONS = {"login-button": "dash", "dash-add": "form", "form-save": "dash"}
POPUP = [("popup-title", 300, 200), ("popup-ok", 330, 260)]


class ScriptedGui(Backend):
    """A test fake of an application window: frames from textures, clicks that change pages.

    popup_after_clicks: the popup opens right after that many clicks (and eats the next clicks
    that are not on its OK button); popup_on_click: that click opens the popup instead of doing its
    job; redirect: a button that leads to another page than usual (once)."""

    name = "scripted"
    live = True
    virtual = False

    def __init__(self, page: str, popup_after_clicks: int | None = None, popup_on_click: int | None = None,
                 redirect: dict[str, str] | None = None, popup_offset: tuple[int, int] = (0, 0)) -> None:
        super().__init__()
        self.page = page
        self.popup = False
        self.clicks = 0
        self.popup_after_clicks = popup_after_clicks
        self.popup_on_click = popup_on_click
        self.popup_items = [(n, x + popup_offset[0], y + popup_offset[1]) for n, x, y in POPUP]
        self.redirect = redirect or {}
        self.history: list[str] = [page]

    def capture(self) -> np.ndarray:
        items = [(IMG[n], x, y) for n, x, y in PAGES[self.page]]
        if self.popup:
            items += [(IMG[n], x, y) for n, x, y in self.popup_items]
        return screen_with(items, W, H)

    def key(self, key: str, down: bool) -> None:
        super().key(key, down)
        if not down and key == "escape" and self.page == "list" and not self.popup:
            self.page = "dash"
            self.history.append(self.page)

    def button(self, button: str, down: bool) -> None:
        super().button(button, down)
        if down:
            return
        x, y = self.position
        if self.popup:
            if _inside(self.popup_items[1], x, y):
                self.popup = False
            return  # input grabbed by the popup
        if self.popup_on_click is not None and self.clicks + 1 == self.popup_on_click:
            self.clicks += 1
            self.popup = True  # the popup came first and took this click
            return
        for name, bx, by in PAGES[self.page]:
            if name in BUTTONS and _inside((name, bx, by), x, y):
                self.page = self.redirect.pop(name, BUTTONS[name])  # a redirect happens once
                self.history.append(self.page)
        self.clicks += 1
        if self.popup_after_clicks is not None and self.clicks == self.popup_after_clicks:
            self.popup = True


def _inside(item: tuple[str, int, int], x: int, y: int) -> bool:
    _, bx, by = item
    return bx <= x < bx + 60 and by <= y < by + 40


def st(sid: str, images: list[str], **kw: Any) -> dict[str, Any]:
    return {"id": sid, "name": sid.title(), **kw,
            "stateImages": [{"id": f"si-{i}", "name": i, "patterns": [{"id": f"p-{i}", "imageId": i}]}
                            for i in images]}


def click_wf(wid: str, image: str) -> dict[str, Any]:
    return {"id": wid, "name": wid, "actions": [
        {"id": f"{wid}-c", "type": "CLICK", "config": {"target": {"type": "image", "imageIds": [image],
                                                                  "searchOptions": {"timeout": 1500}}}}]}


def app_config(actions: list[dict[str, Any]], settings: dict[str, Any] | None = None) -> dict[str, Any]:
    states = [st("login", ["login-title"], isInitial=True), st("dash", ["dash-title"]),
              st("form", ["form-title"]), st("list", ["list-title"]), st("popup", ["popup-title"])]
    transitions = [
        {"id": "t-login", "type": "OutgoingTransition", "fromState": "login", "toState": "dash",
         "workflows": ["wf-login"], "timeout": 1000},
        {"id": "t-add", "type": "OutgoingTransition", "fromState": "dash", "toState": "form",
         "workflows": ["wf-add"], "timeout": 1000},
        {"id": "t-save", "type": "OutgoingTransition", "fromState": "form", "toState": "dash",
         "workflows": ["wf-save"], "timeout": 1000},
        {"id": "t-list-back", "type": "OutgoingTransition", "fromState": "list", "toState": "dash",
         "workflows": ["wf-list-back"], "timeout": 1000},
        {"id": "t-open-list", "type": "OutgoingTransition", "fromState": "dash", "toState": "list",
         "workflows": ["wf-list-back"], "timeout": 1000, "cost": 50},
        # The popup opens by itself; closing it returns to whatever it covered (Brobot's PREVIOUS).
        {"id": "t-popup-ok", "type": "OutgoingTransition", "fromState": "popup", "toState": "PREVIOUS",
         "workflows": ["wf-popup-ok"], "timeout": 1000},
    ]
    workflows = [click_wf("wf-login", "login-button"), click_wf("wf-add", "dash-add"),
                 click_wf("wf-save", "form-save"), click_wf("wf-popup-ok", "popup-ok"),
                 {"id": "wf-list-back", "name": "back", "actions": [
                     {"id": "lb", "type": "KEY_PRESS", "config": {"keys": ["escape"]}}]}]
    raw = make_config(actions, states, transitions, IMG, workflows, settings)
    return raw


def run_gui(raw: dict[str, Any], gui: ScriptedGui, **kw: Any) -> tuple[dict[str, Any], list, Engine]:
    cfg = parse_config(copy.deepcopy(raw))
    events: list[tuple[str, dict[str, Any]]] = []
    eng = Engine(cfg, gui, lambda e, b: events.append((e, b)), **kw)
    eng.control.debug = False
    body = eng.run(cfg.workflows["wf-main"])
    return body, events, eng


def of(events: list, name: str) -> list[dict[str, Any]]:
    return [b for e, b in events if e == name]


GO_FORM = [{"id": "g", "type": "GO_TO_STATE", "config": {"stateIds": ["form"]}}]


def test_app_already_on_a_later_page_is_detected_at_start() -> None:
    gui = ScriptedGui("dash")
    body, events, eng = run_gui(app_config(GO_FORM), gui)
    assert body["success"], body
    start = of(events, "qontinui/detection")[0]
    assert start["reason"] == "runStart" and start["assumed"] == ["login"] and start["seen"] == ["dash"]
    assert start["scores"]["dash"] > 0.95 > start["scores"]["login"]
    assert [b["transitionId"] for b in of(events, "qontinui/transitionStarted")] == ["t-add"]  # no t-login
    assert gui.history == ["dash", "form"]
    assert body["seenStates"] == ["form"] and body["detection"]["count"] >= 1


def test_assumed_initial_state_that_is_visible_becomes_seen() -> None:
    body, events, eng = run_gui(app_config(GO_FORM), ScriptedGui("login"))
    assert body["success"], body
    first = of(events, "qontinui/stateChanged")
    assert first[0]["stateId"] == "login" and first[0]["seen"] is False  # assumed
    assert any(b["stateId"] == "login" and b["seen"] and b["reason"] == "seen" for b in first)
    assert [b["transitionId"] for b in of(events, "qontinui/transitionStarted")] == ["t-login", "t-add"]


def test_popup_over_the_next_button_is_closed_and_the_path_resumes() -> None:
    gui = ScriptedGui("login", popup_after_clicks=1)  # the popup opens right after the login click
    body, events, eng = run_gui(app_config(GO_FORM), gui)
    assert body["success"], body
    (intr,) = of(events, "qontinui/interruption")
    assert intr["stateId"] == "popup" and intr["transitionId"] == "t-popup-ok" and intr["score"] > 0.95
    reasons = [(b["stateId"], b["reason"]) for b in of(events, "qontinui/stateChanged")]
    assert ("popup", "interruption") in reasons
    assert any(r == "hidden" for _, r in reasons) and any(r == "revealed" for _, r in reasons)
    assert gui.history == ["login", "dash", "form"] and body["interruptions"] == 1
    assert eng.active == ["form"] and not eng.book.hidden


def test_transition_landing_on_another_known_state_re_detects_and_re_plans() -> None:
    gui = ScriptedGui("dash", redirect={"dash-add": "list"})  # the first "add" lands on the list page
    body, events, eng = run_gui(app_config(GO_FORM), gui)
    assert body["success"], body
    nav = of(events, "qontinui/navigation")
    landed = [b for b in nav if b["decision"] == "landedElsewhere"]
    assert landed and "list" in landed[0]["message"] and landed[0]["scores"]["list"] > 0.95
    retry = [b for b in nav if b["decision"] == "retryTransition"]
    assert retry and retry[0]["transitionId"] == "t-add" and retry[0]["scores"]["list"] > 0.95
    replan = [b for b in nav if b["decision"] == "replan"]
    assert replan and replan[0]["message"] == "path to form: t-list-back -> t-add"
    assert gui.history == ["dash", "list", "dash", "form"] and eng.active == ["form"]
    assert not of(events, "qontinui/interruption")  # a page is not a popup


def test_failed_transition_is_retried_once_the_seen_states_change() -> None:
    # The popup opens right after the "add" click and eats it: t-add fails (form never appears);
    # detection then sees the popup (the screen changed), closes it, and t-add is tried again.
    gui = ScriptedGui("dash", popup_on_click=1)
    body, events, eng = run_gui(app_config(GO_FORM), gui)
    assert body["success"], body
    (intr,) = of(events, "qontinui/interruption")
    assert intr["stateId"] == "popup" and intr["duringActionId"] == "g"
    nav = of(events, "qontinui/navigation")
    assert [b["decision"] for b in nav] == ["plan", "retryTransition", "replan"]
    assert "interruptions: 1" in nav[1]["message"] and nav[1]["scores"]["dash"] > 0.95
    started = [b["transitionId"] for b in of(events, "qontinui/transitionStarted")]
    assert started == ["t-add", "t-popup-ok", "t-add"] and gui.history == ["dash", "form"]


def test_detection_budget_is_reported_and_bounds_the_search() -> None:
    raw = app_config(GO_FORM, {"execution": {"detectionBudgetMs": 0.001}})
    body, events, eng = run_gui(raw, ScriptedGui("login"))
    assert body["success"], body  # the assumed state is always scored, so a tiny budget still works here
    det = of(events, "qontinui/detection")
    assert det and all(d["budgetMs"] == 0.001 for d in det)
    assert any(not d["complete"] and len(d["scores"]) < len(d["candidates"]) for d in det)
    assert body["detection"]["overBudget"] >= 1


def test_active_state_rows_say_seen_assumed_hidden() -> None:
    cfg = parse_config(copy.deepcopy(app_config(GO_FORM)))
    eng = Engine(cfg, ScriptedGui("dash"))
    eng.set_active("login", True, "initial")
    eng.set_active("dash", True, "detected", 0.99)
    assert [(r["id"], r["kind"]) for r in eng.state_rows()] == [("login", "assumed"), ("dash", "seen")]
    eng.cover("popup", 0.97)
    rows = {(r["id"], r["kind"]) for r in eng.state_rows()}
    assert ("popup", "seen") in rows and ("dash", "hidden") in rows and ("login", "hidden") in rows
    assert any(r["label"] == "Dash (hidden by Popup)" for r in eng.state_rows())


def test_frame_observers_get_the_frames_actions_and_detections_searched() -> None:
    cfg = parse_config(copy.deepcopy(app_config(GO_FORM)))
    seen: list[tuple[str | None, str, tuple[int, ...]]] = []
    eng = Engine(cfg, ScriptedGui("login"))
    eng.control.debug = False
    eng.add_frame_observer(lambda f: seen.append((f.action_id, f.purpose, f.image.shape)))
    assert eng.run(cfg.workflows["wf-main"])["success"]
    purposes = {p for _, p, _ in seen}
    assert {"detection", "find", "verify"} <= purposes
    assert ("wf-login-c", "find", (H, W, 3)) in seen


def test_popup_in_the_middle_of_a_transition_starts_it_again() -> None:
    # wf-add: a first click (it opens the popup, which takes it), then "add", now under the popup.
    raw = app_config(GO_FORM)
    wf_add = next(w for w in raw["workflows"] if w["id"] == "wf-add")
    wf_add["actions"].insert(0, {"id": "focus", "type": "CLICK", "config": {
        "target": {"type": "image", "imageIds": ["dash-title"]}}})
    gui = ScriptedGui("dash", popup_on_click=1, popup_offset=(180, 90))  # the popup covers "add"
    body, events, eng = run_gui(raw, gui)
    assert body["success"], body
    done = of(events, "qontinui/transitionCompleted")
    assert [(b["transitionId"], b["success"]) for b in done] == [("t-popup-ok", True), ("t-add", False),
                                                                 ("t-add", True)]
    assert done[1]["error"] == "interrupted by popup: to be started again"
    (intr,) = of(events, "qontinui/interruption")
    assert intr["duringActionId"] == "wf-add-c"  # noticed by the failing find of "add"
    assert [b["decision"] for b in of(events, "qontinui/navigation")] == ["plan", "retryTransition", "replan"]
    assert gui.history == ["dash", "form"]


class TextPageGui(ScriptedGui):
    """The scripted application with the page's name written large on it (for OCR)."""

    def capture(self) -> np.ndarray:
        import cv2
        frame = super().capture()
        title = {"dash": "Dashboard", "list": "Orders list"}.get(self.page)
        if title:
            cv2.putText(frame, title, (300, 130), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (20, 20, 20), 3, cv2.LINE_AA)
        return frame


def text_config(ocr: bool) -> dict[str, Any]:
    """'dash' has no image of its own: only its title text (a StateString's expectedText) tells it."""
    raw = app_config([{"id": "g", "type": "GO_TO_STATE", "config": {"stateIds": ["dash"]}}],
                     settings={"recognition": {"ocrEnabled": ocr}})
    dash = next(s for s in raw["states"] if s["id"] == "dash")
    dash["stateImages"] = []
    dash["stateStrings"] = [{"id": "dash-title-text", "name": "title", "expectedText": "Dashboard"}]
    raw["transitions"] = [t for t in raw["transitions"] if t["id"] == "t-login"]
    return raw


def test_state_strings_expected_text_recognise_a_state() -> None:
    from qontinui_bridge import ocr
    try:
        ocr.reader_for("eng")
    except ocr.OcrUnavailable as exc:  # the test command installs Tesseract; say so where it does not
        raise AssertionError(f"OCR is not installed: {exc}")
    # Already on the dashboard: detection at start reads its title and no transition runs.
    body, events, _ = run_gui(text_config(True), TextPageGui("dash"))
    assert body["success"], body
    start = of(events, "qontinui/detection")[0]
    assert "dash" in start["seen"] and start["scores"]["dash"] > 0.5, start
    assert of(events, "qontinui/transitionStarted") == []
    # On the login page the text is absent: dash is not seen there, t-login takes the run to it.
    gui = TextPageGui("login")
    body, events, _ = run_gui(text_config(True), gui)
    assert body["success"], body
    assert "dash" not in of(events, "qontinui/detection")[0]["seen"]
    assert [b["transitionId"] for b in of(events, "qontinui/transitionStarted")] == ["t-login"]
    # With OCR off a text-only state cannot be recognised, so it is never a detection candidate.
    body, events, _ = run_gui(text_config(False), TextPageGui("dash"))
    assert all("dash" not in d["candidates"] for d in of(events, "qontinui/detection"))
