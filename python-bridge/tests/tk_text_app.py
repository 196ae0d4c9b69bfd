# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Tk app for the OCR tests: labels at three font sizes, a button, texts that appear later.

Usage: tk_text_app.py LOGFILE X Y  -- writes JSON lines: ready (label texts and boxes), click.
"Ready to apply" appears 1.5 s after start; "Changes saved" appears after the button is clicked.
"""

import json
import sys
import tkinter as tk

log_path, wx, wy = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
SIZES = (12, 16, 24)  # px (negative Tk sizes are pixels)
LINES = (
    "Open the project settings",
    "Recent files and folders",
    "Search results for invoices",
    "Print preview of page two",
    "Export selected rows to spreadsheet",
)


def log(**kw) -> None:
    with open(log_path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(kw) + "\n")


root = tk.Tk()
root.title("text")
root.geometry(f"900x640+{wx}+{wy}")
root.configure(bg="#f4f4f4")
labels = []
for size in SIZES:
    for text in LINES:
        lab = tk.Label(root, text=text, font=("DejaVu Sans", -size), bg="#f4f4f4", fg="#202020")
        lab.pack(anchor="w", padx=16)
        labels.append((size, text, lab))
row = tk.Frame(root, bg="#f4f4f4")
row.pack(anchor="w", padx=16, pady=10)
button = tk.Button(row, text="Apply changes", font=("DejaVu Sans", -16), bg="#2d6cdf", fg="white",
                   activebackground="#2d6cdf", activeforeground="white",
                   command=lambda: (log(event="click", x=root.winfo_pointerx(), y=root.winfo_pointery()),
                                    saved.configure(text="Changes saved")))
button.pack(side="left")
status = tk.Label(row, text="", font=("DejaVu Sans", -16), bg="#f4f4f4")
status.pack(side="left", padx=20)
saved = tk.Label(row, text="", font=("DejaVu Sans", -16), bg="#f4f4f4")
saved.pack(side="left", padx=20)


def box(w: tk.Widget) -> list[int]:
    return [w.winfo_rootx(), w.winfo_rooty(), w.winfo_width(), w.winfo_height()]


def ready() -> None:
    log(event="ready", labels=[{"size": s, "text": t, "box": box(lab)} for s, t, lab in labels],
        button=box(button))


root.after(600, ready)
root.after(1500, lambda: status.configure(text="Ready to apply"))
root.mainloop()
