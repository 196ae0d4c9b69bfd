# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""A Tk application that behaves like real ones, for the executor's scenario suite.

"Acme Inventory": a splash screen, a sign-in page, a dashboard, a "new item" form. Nuisances, all
drawn from --seed so a failing run can be replayed:
  * a splash of random length (0.3 to 2.5 s);
  * "What's new" popups that grab the input (pointer grab and keyboard focus) at random moments,
    over whatever page is shown, at a random place over the window;
  * a random window position;
  * slow pages (a "Please wait" page for 0.3 to 2.5 s after sign-in, add and save);
  * the application already on a later page at start (a remembered session: dashboard or form).
Wrong credentials show an error and clear the fields, as real sign-in pages do.

Usage: scenario_app.py --log FILE [--seed N] [--calm] [--page login|dashboard|form|saved|popup] [--x X --y Y]
--calm: no nuisance at all (used to cut the templates). The log gets JSON lines: ready (widget
boxes), page, popup, popupClosed, login, saved.
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tkinter as tk

W, H = 520, 360
BG = "#eef2f7"
FONT = "DejaVu Sans"

p = argparse.ArgumentParser()
p.add_argument("--log", required=True)
p.add_argument("--seed", type=int, default=0)
p.add_argument("--calm", action="store_true")
p.add_argument("--page", default=None)
p.add_argument("--x", type=int, default=None)
p.add_argument("--y", type=int, default=None)
p.add_argument("--screen", default="1024x768")
args = p.parse_args()
rng = random.Random(args.seed)
sw, sh = (int(v) for v in args.screen.split("x"))

calm = args.calm
splash_s = 0.0 if calm else rng.uniform(0.3, 2.5)
start_page = args.page or ("login" if calm else rng.choices(["login", "dashboard", "form"], [0.65, 0.25, 0.10])[0])
x = args.x if args.x is not None else rng.randint(0, sw - W - 10)
y = args.y if args.y is not None else rng.randint(0, sh - H - 10)
n_popups = 0 if calm else rng.choices([0, 1, 2], [0.4, 0.45, 0.15])[0]
popup_times = sorted(rng.uniform(0.2, 8.0) for _ in range(n_popups))
t0 = time.time()


def log(**kw: object) -> None:
    with open(args.log, "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"t": round(time.time() - t0, 3), **kw}) + "\n")


log(event="start", seed=args.seed, splash=round(splash_s, 3), startPage=start_page, x=x, y=y,
    popups=[round(t, 3) for t in popup_times], wall=round(t0, 3))

root = tk.Tk()
root.title("Acme Inventory")
root.geometry(f"{W}x{H}+{x}+{y}")
root.configure(bg=BG)
root.resizable(False, False)


def label(parent: tk.Misc, text: str, size: int = 14, bold: bool = False, fg: str = "#1d2733") -> tk.Label:
    return tk.Label(parent, text=text, font=(FONT, size, "bold" if bold else "normal"), bg=BG, fg=fg)


def button(parent: tk.Misc, text: str, color: str, command) -> tk.Button:
    return tk.Button(parent, text=text, font=(FONT, 13, "bold"), bg=color, fg="white", activebackground=color,
                     activeforeground="white", relief="flat", padx=14, pady=4, command=command)


pages: dict[str, tk.Frame] = {}
widgets: dict[str, tk.Widget] = {}

# --- splash --------------------------------------------------------------------------------
splash = tk.Frame(root, bg="#24344d")
tk.Label(splash, text="Acme Inventory", font=(FONT, 24, "bold"), bg="#24344d", fg="white").pack(pady=(110, 10))
tk.Label(splash, text="Loading...", font=(FONT, 13), bg="#24344d", fg="#c9d6ea").pack()
pages["splash"] = splash

# --- sign in -------------------------------------------------------------------------------
login = tk.Frame(root, bg=BG)
widgets["login-title"] = label(login, "Sign in to Acme", 20, True)
widgets["login-title"].grid(row=0, column=0, columnspan=2, pady=(30, 20), padx=30, sticky="w")
widgets["login-user-label"] = label(login, "Username")
widgets["login-user-label"].grid(row=1, column=0, sticky="w", padx=(30, 10), pady=6)
user = tk.Entry(login, font=(FONT, 14), width=16)
user.grid(row=1, column=1, pady=6)
widgets["login-user"] = user
widgets["login-pass-label"] = label(login, "Password")
widgets["login-pass-label"].grid(row=2, column=0, sticky="w", padx=(30, 10), pady=6)
password = tk.Entry(login, font=(FONT, 14), width=16, show="*")
password.grid(row=2, column=1, pady=6)
widgets["login-pass"] = password
error = label(login, "", 11, fg="#b3261e")
error.grid(row=3, column=0, columnspan=2, pady=(4, 0))


def do_login() -> None:
    ok = user.get() == "alice" and password.get() == "secret"
    log(event="login", ok=ok, user=user.get(), password="*" * len(password.get()))
    if ok:
        error.configure(text="")
        slow_then("dashboard")
    else:
        error.configure(text="Wrong user name or password")
        user.delete(0, "end")
        password.delete(0, "end")


widgets["login-button"] = button(login, "Log in", "#2f6fd0", do_login)
widgets["login-button"].grid(row=4, column=1, sticky="e", pady=14)
pages["login"] = login

# --- dashboard -----------------------------------------------------------------------------
dash = tk.Frame(root, bg=BG)
widgets["dash-title"] = label(dash, "Dashboard", 20, True)
widgets["dash-title"].pack(anchor="w", padx=30, pady=(30, 16))
label(dash, "Items in stock: 42", 13).pack(anchor="w", padx=30)
widgets["dash-add"] = button(dash, "Add item", "#1f8a4c", lambda: slow_then("form"))
widgets["dash-add"].pack(anchor="w", padx=30, pady=20)
banner = tk.Label(dash, text="", font=(FONT, 14, "bold"), bg=BG, fg="#1f8a4c")
banner.pack(anchor="w", padx=30, pady=6)
widgets["saved-banner"] = banner
pages["dashboard"] = dash

# --- new item form -------------------------------------------------------------------------
form = tk.Frame(root, bg=BG)
widgets["form-title"] = label(form, "New item", 20, True)
widgets["form-title"].grid(row=0, column=0, columnspan=2, pady=(30, 20), padx=30, sticky="w")
widgets["form-name-label"] = label(form, "Item name")
widgets["form-name-label"].grid(row=1, column=0, sticky="w", padx=(30, 10), pady=6)
name = tk.Entry(form, font=(FONT, 14), width=16)
name.grid(row=1, column=1, pady=6)
widgets["form-name"] = name


def do_save() -> None:
    saved = name.get()
    log(event="saved", name=saved)
    banner.configure(text=f"Saved: {saved}")
    slow_then("dashboard")


widgets["form-save"] = button(form, "Save", "#7a3fc0", do_save)
widgets["form-save"].grid(row=2, column=1, sticky="e", pady=20)
pages["form"] = form

# --- please wait -----------------------------------------------------------------------------
wait = tk.Frame(root, bg=BG)
label(wait, "Please wait...", 16).pack(pady=150)
pages["wait"] = wait

current = {"page": ""}


def show(page: str) -> None:
    for f in pages.values():
        f.place_forget()
    pages[page].place(x=0, y=0, width=W, height=H)
    if page == "form":
        name.delete(0, "end")
    current["page"] = page
    log(event="page", page=page)


def slow_then(page: str) -> None:
    if calm:
        show(page)
        return
    show("wait")
    root.after(int(rng.uniform(0.3, 2.5) * 1000), lambda: show(page))


# --- popups ----------------------------------------------------------------------------------
popup_state: dict[str, tk.Toplevel | None] = {"win": None}


def open_popup(px: int | None = None, py: int | None = None) -> None:
    if popup_state["win"] is not None:
        root.after(700, open_popup)  # one at a time: the next one waits
        return
    pw, ph = 260, 150
    px = px if px is not None else x + rng.randint(0, W - pw)
    py = py if py is not None else y + rng.randint(0, H - ph)
    win = tk.Toplevel(root, bg="#fff8e6")
    win.geometry(f"{pw}x{ph}+{px}+{py}")
    win.transient(root)
    widgets["popup-title"] = tk.Label(win, text="What's new", font=(FONT, 16, "bold"), bg="#fff8e6", fg="#6b4a00")
    widgets["popup-title"].pack(pady=(14, 4))
    tk.Label(win, text="Faster reports, dark mode.", font=(FONT, 11), bg="#fff8e6").pack()

    def close() -> None:
        log(event="popupClosed", page=current["page"])
        win.grab_release()
        win.destroy()
        popup_state["win"] = None
        # What a window manager does when a dialog closes (Xvfb has none): the main window gets the
        # keyboard back, else X would leave the focus on the root window and typing would go nowhere.
        root.focus_force()

    widgets["popup-ok"] = button(win, "Got it", "#d9822b", close)
    widgets["popup-ok"].pack(pady=14)
    popup_state["win"] = win
    win.update_idletasks()
    win.grab_set()  # input goes nowhere else until it is closed
    win.focus_force()
    log(event="popup", page=current["page"], x=px, y=py)


def box(w: tk.Widget) -> list[int]:
    return [w.winfo_rootx(), w.winfo_rooty(), w.winfo_width(), w.winfo_height()]


def ready() -> None:
    log(event="ready", boxes={k: box(w) for k, w in widgets.items() if w.winfo_ismapped()})


def after_splash() -> None:
    page = start_page
    if page == "saved":  # template cutting: the dashboard with its banner
        banner.configure(text="Saved: Widget")
        page = "dashboard"
    if page == "popup":
        show("login")
        open_popup(x + 130, y + 100)
    else:
        show(page)
    for t in popup_times:
        root.after(int(t * 1000), open_popup)
    root.after(300, ready)


show("splash")
root.after(int(splash_s * 1000), after_splash)
root.mainloop()
