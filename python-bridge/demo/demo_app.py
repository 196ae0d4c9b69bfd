# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Demo target application for real x11 runs of the bundled demo.

A stand-in for "Acme", the application the demo configuration automates: it shows the demo's
screens full size at the top-left of the X screen and moves to the next screen as a user's input
arrives (a click, or the first key of a typed text), the way the real application would change.
What it received is written to --log, so a run can be checked from outside.

    /usr/bin/python3 demo_app.py [--log FILE] [--screens DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tkinter as tk

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screens", default=os.path.join(HERE, "screenshots"))
    parser.add_argument("--log", default=None, help="append received input here as JSON lines")
    parser.add_argument("--report", default=None, help="print what an earlier run received (from its --log) and exit")
    args = parser.parse_args(argv)
    if args.report:
        return report(args.report)
    files = sorted(os.path.join(args.screens, f) for f in os.listdir(args.screens) if f.endswith(".png"))
    if not files:
        print(f"no screens in {args.screens}", file=sys.stderr)
        return 2

    root = tk.Tk()
    root.title("Acme (Qontinui demo target)")
    images = [tk.PhotoImage(file=f) for f in files]
    root.overrideredirect(True)  # no decorations: the screens start at the screen's top-left
    root.geometry(f"{images[0].width()}x{images[0].height()}+0+0")
    label = tk.Label(root, image=images[0], borderwidth=0, highlightthickness=0)
    label.pack()
    state = {"index": 0, "typing": False, "text": ""}
    log = open(args.log, "a", encoding="utf-8") if args.log else None

    def record(entry: dict) -> None:
        entry["screen"] = os.path.basename(files[state["index"]])
        if log:
            log.write(json.dumps(entry) + "\n")
            log.flush()

    def advance() -> None:
        if state["index"] + 1 < len(images):
            state["index"] += 1
            label.configure(image=images[state["index"]])
            root.update_idletasks()

    def on_click(event: tk.Event) -> None:
        if state["text"]:
            record({"typed": state["text"]})
            state["text"] = ""
        record({"click": [event.x_root, event.y_root]})
        state["typing"] = False
        advance()

    def on_key(event: tk.Event) -> None:
        if event.char and event.char.isprintable():
            state["text"] += event.char
        if not state["typing"]:
            state["typing"] = True
            advance()

    label.bind("<ButtonRelease-1>", on_click)
    root.bind_all("<KeyPress>", on_key)
    root.after(100, root.focus_force)
    try:
        root.mainloop()
    finally:
        if state["text"]:
            record({"typed": state["text"]})
    return 0


def report(log_file: str) -> int:
    """Prints the input a run delivered; typed text only by length, it may be a password."""
    print("Demo application received:")
    with open(log_file, encoding="utf-8") as fh:
        for line in fh:
            entry = json.loads(line)
            what = (f"typed {len(entry['typed'])} characters" if "typed" in entry
                    else f"click at {tuple(entry['click'])}")
            print(f"  {what} on {entry['screen']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
