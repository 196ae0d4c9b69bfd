# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Real X11 backend: capture with PIL ImageGrab, input through the XTEST extension."""

from __future__ import annotations

import os
import time

import cv2
import numpy as np

from ..config import Region
from .base import Backend, key_name

_BUTTONS = {"LEFT": 1, "MIDDLE": 2, "RIGHT": 3}
_SCROLL = {"up": 4, "down": 5, "left": 6, "right": 7}
_CHAR_KEYSYMS = {"\n": "Return", "\r": "Return", "\t": "Tab", " ": "space"}


class X11Backend(Backend):
    name = "x11"

    def __init__(self, display: str | None = None, monitor: int | None = None) -> None:
        super().__init__()
        from Xlib import X, XK, display as xdisplay
        from Xlib.ext import xtest
        self.X, self.XK, self.xtest = X, XK, xtest
        self.display_name = display or os.environ.get("DISPLAY", ":0")
        self.dpy = xdisplay.Display(self.display_name)
        if not self.dpy.has_extension("XTEST"):
            raise RuntimeError(f"X display {self.display_name} has no XTEST extension")
        p = self.dpy.screen().root.query_pointer()
        self.position = (p.root_x, p.root_y)
        self._monitors = self._query_monitors()
        if monitor is not None and monitor != 0 and not 0 <= monitor < len(self._monitors):
            raise ValueError(f"monitor {monitor} does not exist: display {self.display_name} has "
                             f"{max(1, len(self._monitors))} screen(s)")
        self.monitor = monitor

    def _query_monitors(self) -> list[Region]:
        """Xinerama screens of the display (the monitors of one big root window), in order."""
        try:
            if self.dpy.has_extension("XINERAMA") and self.dpy.xinerama_is_active():
                return [Region(int(s.x), int(s.y), int(s.width), int(s.height))
                        for s in self.dpy.xinerama_query_screens().screens]
        except Exception:  # an X server without a working XINERAMA: one screen
            pass
        return []

    def monitor_areas(self) -> list[Region]:
        return list(self._monitors)

    def capture(self) -> np.ndarray:
        from PIL import ImageGrab
        img = ImageGrab.grab(xdisplay=self.display_name)
        return cv2.cvtColor(np.asarray(img.convert("RGB")), cv2.COLOR_RGB2BGR)

    def screen_size(self) -> tuple[int, int]:
        s = self.dpy.screen()
        return s.width_in_pixels, s.height_in_pixels

    def _fake(self, event: int, detail: int = 0, **kw: int) -> None:
        self.xtest.fake_input(self.dpy, event, detail, **kw)
        self.dpy.sync()

    def move(self, x: int, y: int) -> None:
        super().move(x, y)
        self._fake(self.X.MotionNotify, x=int(x), y=int(y))

    def button(self, button: str, down: bool) -> None:
        super().button(button, down)
        self._fake(self.X.ButtonPress if down else self.X.ButtonRelease, _BUTTONS.get(button.upper(), 1))

    def scroll(self, direction: str, clicks: int) -> None:
        super().scroll(direction, clicks)
        b = _SCROLL.get(direction.lower(), 5)
        for _ in range(max(1, clicks)):
            self._fake(self.X.ButtonPress, b)
            self._fake(self.X.ButtonRelease, b)

    def _keycode(self, keysym: int) -> int:
        return self.dpy.keysym_to_keycode(keysym)

    def key(self, key: str, down: bool) -> None:
        super().key(key, down)
        name = key_name(key)
        keysym = self.XK.string_to_keysym(name)
        if not keysym and len(name) == 1:
            keysym = _char_keysym(name)
        code = self._keycode(keysym)
        if not code:
            raise ValueError(f"key '{key}' is not on the keyboard map")
        self._fake(self.X.KeyPress if down else self.X.KeyRelease, code)

    def type_char(self, ch: str) -> None:
        self.record("char", char=ch)
        keysym = self.XK.string_to_keysym(_CHAR_KEYSYMS[ch]) if ch in _CHAR_KEYSYMS else _char_keysym(ch)
        code = self._keycode(keysym)
        if code:
            shift = self.dpy.keycode_to_keysym(code, 0) != keysym and self.dpy.keycode_to_keysym(code, 1) == keysym
            self._press(code, shift)
            return
        # Not in the keymap: borrow a spare keycode for the duration of one key press.
        spare = self._spare_keycode()
        self.dpy.change_keyboard_mapping(spare, [(keysym, keysym)])
        self.dpy.sync()
        time.sleep(0.02)  # let clients process MappingNotify before the key arrives
        self._press(spare, False)
        time.sleep(0.02)
        self.dpy.change_keyboard_mapping(spare, [(0, 0)])
        self.dpy.sync()

    def _press(self, code: int, shift: bool) -> None:
        shift_code = self._keycode(self.XK.string_to_keysym("Shift_L"))
        if shift:
            self._fake(self.X.KeyPress, shift_code)
        self._fake(self.X.KeyPress, code)
        self._fake(self.X.KeyRelease, code)
        if shift:
            self._fake(self.X.KeyRelease, shift_code)

    def _spare_keycode(self) -> int:
        first = self.dpy.display.info.min_keycode
        count = self.dpy.display.info.max_keycode - first + 1
        mapping = self.dpy.get_keyboard_mapping(first, count)
        for i in range(count - 1, -1, -1):  # from the top: low codes are real keys
            if not any(mapping[i]):
                return first + i
        raise RuntimeError("no spare keycode available to type a character outside the keymap")

    # --- highlight: four override-redirect windows filled with the colour ---------------
    def show_highlight(self, region: dict[str, int], color: tuple[int, int, int], thickness: int,
                       duration_ms: float) -> list:
        super().show_highlight(region, color, thickness, duration_ms)
        X = self.X
        scr = self.dpy.screen()
        sw, sh = scr.width_in_pixels, scr.height_in_pixels
        t = max(1, int(thickness))
        # The outline surrounds the region (its pixels stay visible); clamped to the screen, so a
        # region touching the screen edge is outlined on its own edge pixels there.
        x0, y0 = max(0, int(region["x"]) - t), max(0, int(region["y"]) - t)
        x1 = min(sw, int(region["x"]) + int(region["width"]) + t)
        y1 = min(sh, int(region["y"]) + int(region["height"]) + t)
        if x1 <= x0 or y1 <= y0:
            return []
        w, h = x1 - x0, y1 - y0
        tx, ty = min(t, w), min(t, h)
        bars = [(x0, y0, w, ty), (x0, y1 - ty, w, ty)]           # top, bottom
        if h > 2 * ty:
            bars += [(x0, y0 + ty, tx, h - 2 * ty), (x1 - tx, y0 + ty, tx, h - 2 * ty)]  # left, right
        r, g, b = color
        pixel = scr.default_colormap.alloc_color(r * 257, g * 257, b * 257).pixel
        windows = []
        try:
            for bx, by, bw, bh in bars:
                win = scr.root.create_window(bx, by, bw, bh, 0, scr.root_depth, X.InputOutput,
                                             X.CopyFromParent, background_pixel=pixel, override_redirect=True,
                                             save_under=True, event_mask=0)
                windows.append(win)
                win.set_wm_name("qontinui-highlight")
                win.set_wm_class("qontinui-highlight", "Qontinui")
                self._click_through(win)
                win.map()  # override-redirect: no window manager involvement, no focus change
            self.dpy.sync()
        except Exception:
            self.hide_highlight(windows)
            raise
        return windows

    def _click_through(self, win) -> None:
        """Empty input shape: clicks go to the windows below the outline (SHAPE 1.1)."""
        try:
            if self.dpy.has_extension("SHAPE"):
                from Xlib.ext import shape
                win.shape_rectangles(shape.SO.Set, shape.SK.Input, self.X.Unsorted, 0, 0, [])
        except Exception:
            pass

    def hide_highlight(self, handle) -> None:
        for win in handle or []:
            try:
                win.destroy()
            except Exception:
                pass
        try:
            self.dpy.sync()
        except Exception:
            pass

    def close(self) -> None:
        try:
            self.dpy.close()
        except Exception:
            pass


def _char_keysym(ch: str) -> int:
    o = ord(ch)
    # Latin-1 keysyms equal the code point; everything else uses the Unicode keysym range.
    return o if 0x20 <= o <= 0x7E or 0xA0 <= o <= 0xFF else 0x01000000 | o
