# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""SET_CLIPBOARD / GET_CLIPBOARD on the X selection protocol (ICCCM), with python-xlib.

X has no clipboard *storage*: the client that owns the CLIPBOARD selection answers every
paste (a SelectionRequest) itself. SET_CLIPBOARD therefore hands the text to a
ClipboardOwner: one daemon thread per X display, with its own connection and an unmapped
window, that owns the selection and serves UTF8_STRING / STRING / TEXT /
text/plain;charset=utf-8 / TARGETS / TIMESTAMP requests for as long as the executor process
lives (or until another application copies something: SelectionClear).

GET_CLIPBOARD asks the owner to convert the selection to UTF8_STRING (then STRING) onto a
property of a private window, waits for SelectionNotify (pause/terminate aware), reads the
property (INCR transfers included) and stores the text in a variable.
"""

from __future__ import annotations

import json
import os
import queue
import select
import threading
import time
from typing import Any

from qontinui_bridge.engine import ActionResult
from qontinui_bridge.expressions import interpolate

from ._x11 import NeedsX11, decode_text, display_name, fail, open_display, wait_readable

SELECTIONS = ("CLIPBOARD", "PRIMARY", "SECONDARY")
TEXT_TARGETS = ("UTF8_STRING", "text/plain;charset=utf-8", "TEXT", "STRING")


class ClipboardOwner:
    """Owns X selections on one display and serves paste requests from a daemon thread."""

    _owners: dict[str, "ClipboardOwner"] = {}
    _owners_lock = threading.Lock()

    @classmethod
    def for_display(cls, name: str) -> "ClipboardOwner":
        with cls._owners_lock:
            owner = cls._owners.get(name)
            if owner is None or not owner.thread.is_alive():
                owner = cls._owners[name] = cls(name)
            return owner

    def __init__(self, name: str) -> None:
        self.dpy = open_display(name)  # NeedsX11 if python-xlib is missing or the display is gone
        from Xlib import X
        self.X = X
        self.name = name
        root = self.dpy.screen().root
        self.window = root.create_window(-10, -10, 1, 1, 0, X.CopyFromParent,
                                         event_mask=X.PropertyChangeMask)
        self.window.set_wm_name("qontinui-desktop clipboard owner")
        a = self.dpy.intern_atom
        self.atoms = {n: a(n) for n in ("TARGETS", "TIMESTAMP", "MULTIPLE", "ATOM", "INTEGER",
                                        "_QONTINUI_TIMESTAMP", *SELECTIONS, *TEXT_TARGETS)}
        # Largest property one ChangeProperty request can carry (no INCR when serving).
        self.max_bytes = self.dpy.display.info.max_request_length * 4 - 64
        self.texts: dict[int, bytes] = {}      # selection atom -> UTF-8 text we serve
        self.since: dict[int, int] = {}        # selection atom -> server time we took it
        self.served = 0
        self.lost: list[str] = []
        self.error: str | None = None
        self._commands: "queue.Queue[tuple[int, bytes, threading.Event, dict[str, Any]]]" = queue.Queue()
        self._pending: list[tuple[int, bytes, threading.Event, dict[str, Any]]] = []
        self._wake_r, self._wake_w = os.pipe()
        self.dpy.flush()
        self.thread = threading.Thread(target=self._loop, name=f"qontinui-clipboard-{name}", daemon=True)
        self.thread.start()

    # ------------------------------------------------------------------ API (any thread)
    def set_text(self, selection: str, text: str, timeout_s: float = 2.0) -> tuple[bool, str]:
        data = text.encode("utf-8")
        if len(data) > self.max_bytes:
            return False, (f"text is {len(data)} bytes; at most {self.max_bytes} can be served "
                           "(incremental INCR transfers are not supported when owning the selection)")
        if not self.thread.is_alive():
            return False, f"the clipboard thread for display {self.name} has stopped ({self.error})"
        done, box = threading.Event(), {}
        self._commands.put((self.atoms[selection], data, done, box))
        os.write(self._wake_w, b"!")
        if not done.wait(timeout_s):
            return False, f"the X server did not confirm the {selection} ownership within {timeout_s:.1f}s"
        return bool(box.get("ok")), str(box.get("message", ""))

    def owns(self, selection: str) -> bool:
        return self.atoms[selection] in self.texts

    # ------------------------------------------------------------------ owner thread
    def _loop(self) -> None:
        from Xlib.error import XError
        try:
            while True:
                while self.dpy.pending_events():
                    ev = self.dpy.next_event()
                    try:
                        self._handle(ev)
                    except XError as exc:  # e.g. a requestor window vanished: keep serving
                        self.error = f"{type(exc).__name__}: {exc}"
                self._take_commands()
                self.dpy.flush()
                r, _, _ = select.select([self.dpy.fileno(), self._wake_r], [], [], 1.0)
                if self._wake_r in r:
                    os.read(self._wake_r, 4096)
        except Exception as exc:  # display closed (Xvfb gone): end the thread, answer waiters
            self.error = f"{type(exc).__name__}: {exc}"
            for _, _, done, box in self._pending:
                box.update(ok=False, message=f"X connection lost: {exc}")
                done.set()
            self._pending.clear()

    def _take_commands(self) -> None:
        started = False
        while True:
            try:
                cmd = self._commands.get_nowait()
            except queue.Empty:
                break
            self._pending.append(cmd)
            started = True
        if started:
            # ICCCM: take ownership with a real timestamp. A zero-length property change makes
            # the server send a PropertyNotify carrying the current server time.
            self.window.change_property(self.atoms["_QONTINUI_TIMESTAMP"], self.atoms["STRING"], 8, b"")

    def _handle(self, ev: Any) -> None:
        X = self.X
        if ev.type == X.PropertyNotify and ev.window == self.window \
                and ev.atom == self.atoms["_QONTINUI_TIMESTAMP"] and self._pending:
            pending, self._pending = self._pending, []
            for sel, data, done, box in pending:
                self.texts[sel] = data
                self.since[sel] = ev.time
                self.window.set_selection_owner(sel, ev.time)
                owner = self.dpy.get_selection_owner(sel)
                ok = owner == self.window
                if not ok:
                    self.texts.pop(sel, None)
                box.update(ok=ok, message="" if ok else "another client kept the selection")
                done.set()
        elif ev.type == X.SelectionRequest:
            self._serve(ev)
        elif ev.type == X.SelectionClear and ev.window == self.window:
            if ev.atom in self.texts:  # field 'atom' is the selection
                self.lost.append(self.dpy.get_atom_name(ev.atom))  # before owns() turns False
                self.texts.pop(ev.atom, None)

    def _serve(self, req: Any) -> None:
        X, at = self.X, self.atoms
        from Xlib.protocol import event
        prop = req.property or req.target  # obsolete clients send property None
        data = self.texts.get(req.selection)
        ok = data is not None and (req.time == X.CurrentTime or req.time >= self.since.get(req.selection, 0))
        if ok:
            try:
                if req.target == at["TARGETS"]:
                    targets = [at["TARGETS"], at["TIMESTAMP"]] + [at[t] for t in TEXT_TARGETS]
                    req.requestor.change_property(prop, at["ATOM"], 32, targets)
                elif req.target == at["TIMESTAMP"]:
                    req.requestor.change_property(prop, at["INTEGER"], 32, [self.since[req.selection]])
                elif req.target == at["STRING"]:
                    req.requestor.change_property(prop, at["STRING"], 8,
                                                  data.decode("utf-8").encode("latin-1", "replace"))
                elif req.target in (at["UTF8_STRING"], at["TEXT"], at["text/plain;charset=utf-8"]):
                    ptype = at["UTF8_STRING"] if req.target == at["TEXT"] else req.target
                    req.requestor.change_property(prop, ptype, 8, data)
                else:
                    ok = False  # MULTIPLE, images...: refuse
            except Exception:
                ok = False
        notify = event.SelectionNotify(time=req.time, requestor=req.requestor, selection=req.selection,
                                       target=req.target, property=prop if ok else X.NONE)
        try:
            req.requestor.send_event(notify, event_mask=0)
            self.served += 1
        except Exception:
            pass  # requestor vanished


# ============================================================================ reading
class SelectionTimeout(Exception):
    pass


def convert_selection(ctx: Any, dpy: Any, selection: str, target: str, timeout_s: float) -> tuple[str, bytes] | None:
    """ConvertSelection round trip. Returns (type name, bytes) -- a list of ints for 16/32-bit
    properties such as TARGETS -- or None if the owner refused the target.

    Raises SelectionTimeout when no SelectionNotify arrives in time.
    """
    from Xlib import X
    root = dpy.screen().root
    win = root.create_window(-10, -10, 1, 1, 0, X.CopyFromParent, event_mask=X.PropertyChangeMask)
    try:
        sel, tgt, prop = dpy.intern_atom(selection), dpy.intern_atom(target), dpy.intern_atom("_QONTINUI_SEL")
        incr = dpy.intern_atom("INCR")
        win.convert_selection(sel, tgt, prop, X.CurrentTime)
        dpy.flush()
        deadline = time.perf_counter() + timeout_s
        notify = None
        while notify is None:
            while dpy.pending_events():
                ev = dpy.next_event()
                if ev.type == X.SelectionNotify and ev.requestor == win:
                    notify = ev
                    break
            if notify is not None:
                break
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SelectionTimeout(f"the {selection} owner did not answer a {target} request within {timeout_s:.1f}s")
            wait_readable(ctx, dpy, left)
        if notify.property == X.NONE:
            return None
        p = win.get_full_property(prop, X.AnyPropertyType)
        win.delete_property(prop)
        dpy.flush()
        if p is None:
            return None
        if p.property_type != incr:
            if p.format != 8:  # TARGETS, TIMESTAMP...: a list of 32-bit values
                return dpy.get_atom_name(p.property_type), list(p.value)  # type: ignore[return-value]
            return dpy.get_atom_name(p.property_type), _bytes(p.value)
        # INCR: the owner sends chunks, each after we delete the previous one; empty chunk ends it.
        chunks: list[bytes] = []
        ptype = 0
        while True:
            got = False
            while dpy.pending_events():
                ev = dpy.next_event()
                if ev.type == X.PropertyNotify and ev.window == win and ev.atom == prop \
                        and ev.state == X.PropertyNewValue:
                    p = win.get_full_property(prop, X.AnyPropertyType)
                    win.delete_property(prop)
                    dpy.flush()
                    if p is None:
                        continue
                    got = True
                    chunk = _bytes(p.value)
                    if not chunk:
                        return dpy.get_atom_name(ptype or p.property_type), b"".join(chunks)
                    ptype = p.property_type
                    chunks.append(chunk)
            if got:
                deadline = time.perf_counter() + timeout_s
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SelectionTimeout(f"the {selection} owner stopped sending an incremental transfer "
                                       f"after {sum(map(len, chunks))} bytes")
            wait_readable(ctx, dpy, left)
    finally:
        win.destroy()
        dpy.flush()


def _bytes(value: Any) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("latin-1")
    return bytes(value)


# ============================================================================ handlers
def _selection(cfg: dict[str, Any]) -> str:
    sel = str(cfg.get("selection") or "CLIPBOARD").upper()
    if sel not in SELECTIONS:
        raise ValueError(f"selection must be one of {', '.join(SELECTIONS)}, not '{sel}'")
    return sel


def _shown(text: str, sensitive: bool) -> str:
    if sensitive:
        return "*" * len(text)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def act_set_clipboard(ctx: Any, cfg: dict[str, Any]) -> ActionResult:
    try:
        name = display_name(ctx)
        selection = _selection(cfg)
    except (NeedsX11, ValueError) as exc:
        return fail(ctx, str(exc))
    var = cfg.get("variable") or cfg.get("variableName")
    if var:
        if not ctx.variables.has(var):
            return fail(ctx, f"SET_CLIPBOARD: variable '{var}' is not set")
        value = ctx.variables.get(var)
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False) \
            if isinstance(value, (list, dict)) else str(value)
    elif "text" in cfg and cfg["text"] is not None:
        text = interpolate(str(cfg["text"]), ctx.variables.merged())
    else:
        return fail(ctx, "SET_CLIPBOARD needs 'text' or 'variable'")
    try:
        owner = ClipboardOwner.for_display(name)
    except NeedsX11 as exc:
        return fail(ctx, str(exc))
    ok, why = owner.set_text(selection, text, float(cfg.get("timeout") or 2000) / 1000)
    shown = _shown(text, bool(cfg.get("sensitive")))
    if not ok:
        return fail(ctx, f"could not own the {selection} selection on {name}: {why}")
    ctx.log(f"{selection} on {name} now holds {shown} (served by the clipboard thread until the executor exits)")
    return ActionResult(True, f"{selection} set to {shown} ({len(text)} chars)",
                        {"length": len(text), "selection": selection})


def act_get_clipboard(ctx: Any, cfg: dict[str, Any]) -> ActionResult:
    try:
        name = display_name(ctx)
        selection = _selection(cfg)
        dpy = open_display(name)
    except (NeedsX11, ValueError) as exc:
        return fail(ctx, str(exc))
    from Xlib import X
    timeout_s = float(cfg.get("timeout") or 2000) / 1000
    try:
        owner = dpy.get_selection_owner(dpy.intern_atom(selection))
        if owner == X.NONE or not owner:
            return fail(ctx, f"GET_CLIPBOARD: no application owns the {selection} selection on {name} "
                             "(nothing has been copied, or its owner exited)")
        got = None
        refused = []
        for target in ("UTF8_STRING", "STRING"):
            got = convert_selection(ctx, dpy, selection, target, timeout_s)
            if got is not None:
                break
            refused.append(target)
        if got is None:
            return fail(ctx, f"GET_CLIPBOARD: the {selection} owner (window 0x{owner.id:x}) has no text "
                             f"(refused {' and '.join(refused)})")
        ptype, raw = got
        text = decode_text(dpy, dpy.intern_atom(ptype), raw)
    except SelectionTimeout as exc:
        return fail(ctx, f"GET_CLIPBOARD: {exc}")
    finally:
        dpy.close()
    out = cfg.get("outputVariable") or cfg.get("variable") or cfg.get("variableName")
    if out:
        ctx.variables.set(str(out), text, str(cfg.get("scope") or "local"))
    shown = _shown(text, bool(cfg.get("sensitive")))
    return ActionResult(True, f"{selection} holds {shown} ({len(text)} chars, {ptype})" + (f" -> {out}" if out else ""),
                        {"length": len(text), "type": ptype, "text": "" if cfg.get("sensitive") else text})
