# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""FOCUS_WINDOW under Xvfb (no window manager): find by title, raise, set the input focus."""

from __future__ import annotations

import threading
import time

from desktop_testlib import needs_xvfb, run_actions

pytestmark = needs_xvfb


def _stacking_titles(disp: str) -> list[str]:
    from Xlib import display
    from qontinui_desktop.windows import list_toplevels
    d = display.Display(disp)
    try:
        return [w.title for w in list_toplevels(d) if w.viewable and w.title]
    finally:
        d.close()


def test_focus_by_title_raises_and_routes_keys(xdisplay, apps) -> None:
    alpha = apps("Alpha window", "400x240+40+40")
    beta = apps("Beta window", "400x240+60+60")  # mapped later: on top of Alpha
    assert _stacking_titles(xdisplay)[-1] == "Beta window"
    r = run_actions([{"id": "f", "type": "FOCUS_WINDOW", "config": {"title": "Alpha"}},
                     {"id": "t", "type": "TYPE", "config": {"text": "typed into alpha"}}], display=xdisplay)
    assert r.body["success"], r.body
    assert r.result("f")["message"].startswith("focused 'Alpha window' (0x")
    assert r.result("f")["data"]["title"] == "Alpha window"
    assert _stacking_titles(xdisplay)[-1] == "Alpha window"  # raised
    time.sleep(0.2)
    assert alpha.entry_text() == "typed into alpha"  # the keyboard followed the focus
    assert beta.entry_text() is None


def test_focus_by_regex(xdisplay, apps) -> None:
    apps("Alpha window", "400x240+40+40")
    beta = apps("Beta window", "400x240+60+60")
    alpha2 = apps("Alpha two", "300x200+500+40")
    r = run_actions([{"id": "f", "type": "FOCUS_WINDOW", "config": {"titleRegex": r"^Beta\b"}},
                     {"id": "t", "type": "TYPE", "config": {"text": "b"}},
                     {"id": "f2", "type": "FOCUS_WINDOW", "config": {"title": "Alpha"}}], display=xdisplay)
    assert r.body["success"], r.body
    time.sleep(0.2)
    assert beta.entry_text() == "b"
    # Two windows contain "Alpha": the topmost (Alpha two, mapped last) wins and the others are counted.
    assert r.result("f2")["message"].startswith("focused 'Alpha two'")
    assert "(1 other matching window(s) ignored)" in r.result("f2")["message"]
    _ = alpha2


def test_not_found_lists_visible_titles(xdisplay, apps) -> None:
    apps("Alpha window", "400x240+40+40")
    apps("Beta window", "400x240+60+60")
    t0 = time.perf_counter()
    r = run_actions([{"id": "f", "type": "FOCUS_WINDOW", "config": {"title": "Gamma", "timeout": 300}}],
                    display=xdisplay)
    took = time.perf_counter() - t0
    assert not r.body["success"]
    msg = r.result("f")["message"]
    assert msg.startswith(f"no window with title containing 'Gamma' on {xdisplay}; visible windows: "), msg
    assert "'Beta window' (0x" in msg and "'Alpha window' (0x" in msg and msg.endswith("(waited 0.3s)")
    assert msg.index("Beta window") < msg.index("Alpha window")  # topmost first
    assert set(r.result("f")["data"]["titles"]) == {"Alpha window", "Beta window"}
    assert 0.25 < took < 3


def test_waits_for_the_window_to_appear(xdisplay, apps) -> None:
    late: list = []
    timer = threading.Timer(0.6, lambda: late.append(apps("Late window", "300x200+100+100")))
    timer.start()
    t0 = time.perf_counter()
    try:
        r = run_actions([{"id": "f", "type": "FOCUS_WINDOW", "config": {"title": "Late window", "timeout": 8000}}],
                        display=xdisplay)
    finally:
        timer.join()
    assert r.body["success"], r.body
    assert time.perf_counter() - t0 >= 0.6


def test_config_errors(xdisplay) -> None:
    r = run_actions([{"id": "f", "type": "FOCUS_WINDOW", "config": {}}], display=xdisplay)
    assert r.result("f")["message"] == "FOCUS_WINDOW needs 'title' (a substring) or 'titleRegex'"
    r = run_actions([{"id": "f", "type": "FOCUS_WINDOW", "config": {"titleRegex": "(["}}], display=xdisplay)
    assert r.result("f")["message"].startswith("FOCUS_WINDOW: bad titleRegex: ")


def test_finds_clients_inside_frames(xdisplay, apps) -> None:
    """A reparenting window manager puts the titled client inside an untitled frame."""
    from Xlib import X, display
    from qontinui_desktop.windows import list_toplevels
    d = display.Display(xdisplay)
    try:
        root = d.screen().root
        frame = root.create_window(600, 400, 200, 150, 0, X.CopyFromParent)
        inner = frame.create_window(0, 20, 200, 130, 0, X.CopyFromParent)
        client = inner.create_window(0, 0, 200, 130, 0, X.CopyFromParent)
        client.set_wm_name("Framed client")
        client.map()
        inner.map()
        frame.map()
        d.sync()
        tops = {w.title: w for w in list_toplevels(d)}
        assert tops["Framed client"].client.id == client.id and tops["Framed client"].frame.id == frame.id
        r = run_actions([{"id": "f", "type": "FOCUS_WINDOW", "config": {"title": "Framed"}}], display=xdisplay)
        assert r.body["success"], r.body
        assert d.get_input_focus().focus.id == client.id
    finally:
        d.close()


class FakeWM(threading.Thread):
    """A minimal EWMH window manager: advertises itself, records client messages, honours
    redirected ConfigureRequest/MapRequest (it holds SubstructureRedirect on the root)."""

    def __init__(self, disp: str) -> None:
        super().__init__(daemon=True)
        from Xlib import X, Xatom, display
        self.X = X
        self.d = display.Display(disp)
        self.root = self.d.screen().root
        self.check = self.root.create_window(-1, -1, 1, 1, 0, X.CopyFromParent)
        self.prop = self.d.intern_atom("_NET_SUPPORTING_WM_CHECK")
        for w in (self.root, self.check):
            w.change_property(self.prop, Xatom.WINDOW, 32, [self.check.id])
        self.root.change_attributes(event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
        self.d.sync()
        self.messages: list[tuple[str, int, list[int]]] = []
        self.stop = False

    def run(self) -> None:
        X = self.X
        while not self.stop:
            while self.d.pending_events():
                ev = self.d.next_event()
                if ev.type == X.ClientMessage:
                    self.messages.append((self.d.get_atom_name(ev.client_type), ev.window.id, list(ev.data[1])))
                elif ev.type == X.ConfigureRequest:
                    ev.window.configure(stack_mode=ev.stack_mode)
                elif ev.type == X.MapRequest:
                    ev.window.map()
            self.d.flush()
            time.sleep(0.01)

    def close(self) -> None:
        self.stop = True
        self.join(2)
        self.root.delete_property(self.prop)
        self.d.close()


def test_with_a_window_manager_asks_it_to_activate(xdisplay, apps) -> None:
    alpha = apps("Alpha window", "400x240+40+40")
    apps("Beta window", "400x240+60+60")
    wm = FakeWM(xdisplay)
    wm.start()
    try:
        r = run_actions([{"id": "f", "type": "FOCUS_WINDOW", "config": {"title": "Alpha"}},
                         {"id": "t", "type": "TYPE", "config": {"text": "wm"}}], display=xdisplay)
    finally:
        wm.close()
    assert r.body["success"], r.body
    assert "via the window manager" in r.logs
    wid = r.result("f")["data"]["window"]
    assert ("_NET_ACTIVE_WINDOW", wid, [2, 0, 0, 0, 0]) in wm.messages  # source 2 = pager/tool
    assert _stacking_titles(xdisplay)[-1] == "Alpha window"
    time.sleep(0.2)
    assert alpha.entry_text() == "wm"
