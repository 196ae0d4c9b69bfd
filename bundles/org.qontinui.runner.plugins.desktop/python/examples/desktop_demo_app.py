# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Tk target app for examples/desktop-demo.json (and the plugin's end-to-end test).

Usage: desktop_demo_app.py LOGFILE [--title T] [--geometry WxH+X+Y]

Writes JSON lines to LOGFILE: `ready` (screen boxes of the widgets), `entry` (the Entry's text,
after every change: a paste shows up here), `click` (button pressed) and `color` (canvas colour).
The window's Entry has the keyboard focus inside the app; the "Go" button turns the canvas green
(#00C000) 300 ms after it is clicked. Widgets are placed at fixed offsets so that, without a window
manager (Xvfb), their screen coordinates are window position + offset:
  entry  (20, 20) 360x32     button (20, 70) 100x36     canvas (20, 130) 160x80
"""

import argparse
import json
import tkinter as tk

ap = argparse.ArgumentParser()
ap.add_argument("log")
ap.add_argument("--title", default="Qontinui desktop demo")
ap.add_argument("--geometry", default="400x240+40+40")
args = ap.parse_args()


def log(**kw) -> None:
    with open(args.log, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(kw, ensure_ascii=False) + "\n")


root = tk.Tk()
root.title(args.title)
root.geometry(args.geometry)
root.configure(bg="#f0f0f0")
text = tk.StringVar(root)
entry = tk.Entry(root, textvariable=text, font=("DejaVu Sans", 12))
entry.place(x=20, y=20, width=360, height=32)
canvas = tk.Canvas(root, bg="#C00000", highlightthickness=0)
canvas.place(x=20, y=130, width=160, height=80)


def turn_green() -> None:
    canvas.configure(bg="#00C000")
    log(event="color", color="#00C000")


def go() -> None:
    log(event="click")
    root.after(300, turn_green)


button = tk.Button(root, text="Go", command=go, font=("DejaVu Sans", 12))
button.place(x=20, y=70, width=100, height=36)
text.trace_add("write", lambda *a: log(event="entry", text=text.get()))
entry.focus_set()


def ready() -> None:
    def box(w):
        return [w.winfo_rootx(), w.winfo_rooty(), w.winfo_width(), w.winfo_height()]
    log(event="ready", title=args.title, window=box(root), entry=box(entry), button=box(button), canvas=box(canvas))


root.after(300, ready)
root.mainloop()
