# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""FOCUS_WINDOW: find a top-level window by title, raise it and give it the input focus.

Windows are found by walking the tree from the root (children are in stacking order), not
only through _NET_CLIENT_LIST: under Xvfb there is no window manager. For each child of the
root, the "client" is the child itself when it has a title or WM_STATE, else the first such
descendant (a window manager's frame wraps the client a level or two down). Titles come from
_NET_WM_NAME (UTF-8), else WM_NAME. Override-redirect windows (menus, tooltips) are skipped.

Focusing: with a window manager (_NET_SUPPORTING_WM_CHECK) a _NET_ACTIVE_WINDOW client message
asks it to activate (and de-iconify) the client; in all cases the frame is raised
(XRaiseWindow = ConfigureWindow stack_mode Above) and XSetInputFocus is called on the client.
The action then waits (up to 1 s) until the focus is inside that window.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from qontinui_bridge.engine import ActionResult

from ._x11 import NeedsX11, checkpoint, display_name, fail, open_display


@dataclass
class TopLevel:
    client: Any       # window carrying the title
    frame: Any        # its ancestor that is a child of the root (== client without a WM)
    title: str
    viewable: bool
    stack: int        # position in the root's stacking order (higher = on top)

    def describe(self) -> str:
        return f"'{self.title}' (0x{self.client.id:x}{'' if self.viewable else ', not mapped'})"


def window_title(dpy: Any, w: Any) -> str | None:
    from Xlib import X, Xatom
    try:
        p = w.get_full_property(dpy.intern_atom("_NET_WM_NAME"), dpy.intern_atom("UTF8_STRING"))
        if p is not None and p.value:
            return _text(p.value, "utf-8")
        p = w.get_full_property(Xatom.WM_NAME, X.AnyPropertyType)
        if p is not None and p.value:
            enc = "latin-1" if p.property_type == Xatom.STRING else "utf-8"
            return _text(p.value, enc)
    except Exception:  # window vanished meanwhile
        return None
    return None


def _text(value: Any, encoding: str) -> str:
    raw = value if isinstance(value, (bytes, bytearray)) else str(value).encode("latin-1", "replace")
    return bytes(raw).decode(encoding, errors="replace")


def _has_wm_state(dpy: Any, w: Any) -> bool:
    try:
        return w.get_full_property(dpy.intern_atom("WM_STATE"), 0) is not None
    except Exception:
        return False


def _client_of(dpy: Any, w: Any, depth: int = 3) -> tuple[Any, str] | None:
    title = window_title(dpy, w)
    if title is not None or _has_wm_state(dpy, w):
        return w, title or ""
    if depth <= 0:
        return None
    try:
        children = w.query_tree().children
    except Exception:
        return None
    for c in reversed(children):
        found = _client_of(dpy, c, depth - 1)
        if found is not None:
            return found
    return None


def list_toplevels(dpy: Any) -> list[TopLevel]:
    """Top-level client windows, bottom to top."""
    from Xlib import X
    out: list[TopLevel] = []
    root = dpy.screen().root
    for i, child in enumerate(root.query_tree().children):
        try:
            attrs = child.get_attributes()
        except Exception:
            continue
        if attrs.override_redirect or attrs.win_class == X.InputOnly:
            continue
        found = _client_of(dpy, child)
        if found is None:
            continue
        client, title = found
        out.append(TopLevel(client, child, title, attrs.map_state == X.IsViewable, i))
    return out


def window_manager(dpy: Any) -> Any | None:
    """The WM's check window if a (EWMH) window manager runs, else None."""
    from Xlib import X, Xatom
    root = dpy.screen().root
    try:
        p = root.get_full_property(dpy.intern_atom("_NET_SUPPORTING_WM_CHECK"), Xatom.WINDOW)
        if p is None or not len(p.value):
            return None
        check = dpy.create_resource_object("window", int(p.value[0]))
        q = check.get_full_property(dpy.intern_atom("_NET_SUPPORTING_WM_CHECK"), Xatom.WINDOW)
        return check if q is not None and len(q.value) and int(q.value[0]) == check.id else None
    except Exception:
        return None


def _matcher(cfg: dict[str, Any]):
    if cfg.get("titleRegex"):
        rx = re.compile(str(cfg["titleRegex"]))
        return (lambda t: rx.search(t) is not None), f"titleRegex /{rx.pattern}/"
    if cfg.get("title"):
        needle = str(cfg["title"])
        return (lambda t: needle in t), f"title containing '{needle}'"
    raise ValueError("FOCUS_WINDOW needs 'title' (a substring) or 'titleRegex'")


def _focus_inside(dpy: Any, top: TopLevel) -> bool:
    focus = dpy.get_input_focus().focus
    root = dpy.screen().root
    for _ in range(20):
        if not hasattr(focus, "id") or focus == root:
            return False
        if focus.id in (top.client.id, top.frame.id):
            return True
        try:
            focus = focus.query_tree().parent
        except Exception:
            return False
    return False


def act_focus_window(ctx: Any, cfg: dict[str, Any]) -> ActionResult:
    try:
        name = display_name(ctx)
        match, what = _matcher(cfg)
    except (NeedsX11, ValueError, re.error) as exc:
        return fail(ctx, str(exc) if not isinstance(exc, re.error) else f"FOCUS_WINDOW: bad titleRegex: {exc}")
    try:
        dpy = open_display(name)
    except NeedsX11 as exc:
        return fail(ctx, str(exc))
    from Xlib import X
    from Xlib.protocol import event
    try:
        timeout_s = float(cfg.get("timeout") or 0) / 1000
        deadline = time.perf_counter() + timeout_s
        wm = window_manager(dpy)
        while True:
            checkpoint(ctx)
            wins = list_toplevels(dpy)
            hits = [w for w in wins if match(w.title)]
            usable = [w for w in hits if w.viewable or wm is not None]
            if usable:
                break
            if time.perf_counter() >= deadline:
                titles = [w.describe() for w in reversed(wins) if w.viewable and w.title]
                hidden = [w.describe() for w in hits]
                msg = f"no window with {what} on {name}"
                if hidden:
                    msg += f"; matching but not mapped: {', '.join(hidden)}"
                msg += f"; visible windows: {', '.join(titles) if titles else '(none)'}"
                if timeout_s:
                    msg += f" (waited {timeout_s:.1f}s)"
                return fail(ctx, msg, titles=[w.title for w in wins if w.viewable and w.title])
            ctx.sleep(min(0.1, max(0.0, deadline - time.perf_counter())))
        # Prefer mapped windows, then the topmost one.
        top = max(usable, key=lambda w: (w.viewable, w.stack))
        if wm is not None:
            root = dpy.screen().root
            msg = event.ClientMessage(window=top.client, client_type=dpy.intern_atom("_NET_ACTIVE_WINDOW"),
                                      data=(32, [2, X.CurrentTime, 0, 0, 0]))
            root.send_event(msg, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
            dpy.flush()
        if not top.viewable:  # the WM is de-iconifying it: wait until it is mapped
            end = time.perf_counter() + 1.0
            while time.perf_counter() < end:
                ctx.sleep(0.02)
                if top.client.get_attributes().map_state == X.IsViewable:
                    top.viewable = True
                    break
            if not top.viewable:
                return fail(ctx, f"window {top.describe()} did not get mapped by the window manager")
        top.frame.configure(stack_mode=X.Above)  # XRaiseWindow
        dpy.sync()
        focused = False
        end = time.perf_counter() + 1.0
        while True:
            del dpy.qontinui_errors[:]
            top.client.set_input_focus(X.RevertToParent, X.CurrentTime)
            dpy.sync()
            ctx.sleep(0.02)
            if _focus_inside(dpy, top):
                focused = True
                break
            if time.perf_counter() >= end:
                break
        if not focused:
            errs = f" (X error: {dpy.qontinui_errors[0]})" if dpy.qontinui_errors else ""
            return fail(ctx, f"raised {top.describe()} but the input focus did not move to it{errs}")
        others = len(hits) - 1
        note = f" ({others} other matching window(s) ignored)" if others else ""
        ctx.log(f"focused {top.describe()}{note}{' via the window manager' if wm is not None else ''}")
        return ActionResult(True, f"focused {top.describe()}{note}",
                            {"window": top.client.id, "title": top.title})
    finally:
        dpy.close()
