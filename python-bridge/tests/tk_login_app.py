# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Tiny Tk app for the X11 end-to-end test: login form, then a Welcome screen.

Usage: tk_login_app.py LOGFILE X Y  -- writes JSON lines: ready (with widget boxes), click, login.
"""

import json
import sys
import tkinter as tk

log_path, wx, wy = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])


def log(**kw) -> None:
    with open(log_path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(kw) + "\n")


root = tk.Tk()
root.title("login")
root.geometry(f"360x220+{wx}+{wy}")
root.configure(bg="#f0f0f0")
form = tk.Frame(root, bg="#f0f0f0")
form.pack(fill="both", expand=True, padx=20, pady=20)
user_label = tk.Label(form, text="Username", font=("DejaVu Sans", 14), bg="#f0f0f0")
user_label.grid(row=0, column=0, sticky="w", pady=8)
user = tk.Entry(form, font=("DejaVu Sans", 14), width=14)
user.grid(row=0, column=1, pady=8)
pass_label = tk.Label(form, text="Password", font=("DejaVu Sans", 14), bg="#f0f0f0")
pass_label.grid(row=1, column=0, sticky="w", pady=8)
password = tk.Entry(form, font=("DejaVu Sans", 14), width=14, show="*")
password.grid(row=1, column=1, pady=8)


def do_login() -> None:
    log(event="login", user=user.get(), password=password.get())
    form.pack_forget()
    tk.Label(root, text=f"Welcome {user.get()}", font=("DejaVu Sans", 18), bg="#f0f0f0").pack(expand=True)


button = tk.Button(form, text="Login", font=("DejaVu Sans", 14), command=do_login, bg="#3070c0", fg="white")
button.grid(row=2, column=1, sticky="e", pady=12)
root.bind_all("<Button-1>", lambda e: log(event="click", x=e.x_root, y=e.y_root), add="+")


def ready() -> None:
    def box(w):
        return [w.winfo_rootx(), w.winfo_rooty(), w.winfo_width(), w.winfo_height()]
    log(event="ready", user_label=box(user_label), pass_label=box(pass_label), button=box(button),
        user_entry=box(user), pass_entry=box(password))


root.after(400, ready)
root.mainloop()
