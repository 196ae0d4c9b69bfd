# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""A Tk/ttk application window full of ordinary widgets, for the find benchmark's screenshots.

    /usr/bin/python3 tk_gallery.py X Y WIDTH HEIGHT
"""

import os
import sys
import tkinter as tk
from tkinter import ttk

x, y, w, h = (int(a) for a in sys.argv[1:5])
root = tk.Tk()
root.title("Project browser")
root.geometry(f"{w}x{h}+{x}+{y}")
style = ttk.Style(root)
style.theme_use("clam")
menu = tk.Menu(root)
for name in ("File", "Edit", "View", "Project", "Tools", "Window", "Help"):
    menu.add_cascade(label=name, menu=tk.Menu(menu, tearoff=False))
root.config(menu=menu)
bar = ttk.Frame(root, padding=4)
bar.pack(fill="x")
for label in ("New", "Open", "Save", "Run", "Stop", "Refresh"):
    ttk.Button(bar, text=label).pack(side="left", padx=2)
ttk.Label(bar, text="Filter:").pack(side="left", padx=(20, 4))
entry = ttk.Entry(bar, width=30)
entry.insert(0, "*.png, *.json")
entry.pack(side="left")
ttk.Checkbutton(bar, text="Case sensitive").pack(side="left", padx=8)
ttk.Combobox(bar, values=["All files", "Images"], width=12).pack(side="left")
panes = ttk.PanedWindow(root, orient="horizontal")
panes.pack(fill="both", expand=True)
tree = ttk.Treeview(panes, columns=("size", "kind"), height=30)
tree.heading("#0", text="Name")
tree.heading("size", text="Size")
tree.heading("kind", text="Kind")
docs = sorted(os.listdir("/usr/share/doc"))[:80]
for i, d in enumerate(docs):
    node = tree.insert("", "end", text=d, values=(f"{(i * 7919) % 100000} B", "folder" if i % 3 else "package"))
    if i % 9 == 0:
        for f in ("changelog.gz", "copyright", "README"):
            tree.insert(node, "end", text=f, values=(f"{(i * 131) % 5000} B", "file"))
        tree.item(node, open=True)
panes.add(tree, weight=1)
book = ttk.Notebook(panes)
for tab in ("Details", "Preview", "History"):
    frame = ttk.Frame(book, padding=8)
    book.add(frame, text=tab)
    if tab == "Details":
        form = ttk.LabelFrame(frame, text="Properties", padding=8)
        form.pack(fill="x")
        for r, (k, v) in enumerate((("Name", "login_button.png"), ("Owner", "qontinui"), ("Modified", "2026-12-01 13:45"),
                                    ("Threshold", "0.90"), ("State", "Login Screen"))):
            ttk.Label(form, text=k + ":").grid(row=r, column=0, sticky="w", pady=2)
            e = ttk.Entry(form, width=40)
            e.insert(0, v)
            e.grid(row=r, column=1, sticky="w", pady=2)
        opts = ttk.LabelFrame(frame, text="Options", padding=8)
        opts.pack(fill="x", pady=8)
        for t in ("Search whole screen", "Use grayscale", "Scale invariant", "Remember last seen"):
            ttk.Checkbutton(opts, text=t).pack(anchor="w")
        for t in ("First match", "Best match", "All matches"):
            ttk.Radiobutton(opts, text=t, value=t).pack(anchor="w")
        ttk.Scale(frame, from_=0, to=100, value=65).pack(fill="x", pady=4)
        ttk.Progressbar(frame, value=42).pack(fill="x", pady=4)
        canvas = tk.Canvas(frame, height=260, background="white")
        canvas.pack(fill="both", expand=True, pady=6)
        for i in range(24):
            hgt = 30 + (i * 37) % 200
            canvas.create_rectangle(20 + i * 28, 250 - hgt, 40 + i * 28, 250, fill=("#3b73c4", "#e07b39", "#5aa05a")[i % 3])
            canvas.create_text(30 + i * 28, 258, text=str(i + 1), font=("DejaVu Sans", 7))
        canvas.create_text(360, 14, text="Finds per minute", font=("DejaVu Sans", 11, "bold"))
panes.add(book, weight=2)
log = tk.Text(root, height=8, font=("DejaVu Sans Mono", 9))
for i in range(12):
    log.insert("end", f"13:4{i % 10}:0{i % 6}  action a{i} FIND login_button.png score 0.9{i % 10} at ({100 + i * 13},{200 + i})\n")
log.pack(fill="x")
status = ttk.Label(root, text="Ready   |   80 items   |   UTF-8", relief="sunken", anchor="w")
status.pack(fill="x")
root.mainloop()
