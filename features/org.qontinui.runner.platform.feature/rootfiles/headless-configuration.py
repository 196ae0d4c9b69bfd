#!/usr/bin/env python3
# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Writes the headless runner's OSGi configuration area: the product's bundles.info cut down to the
bundles the headless application needs (its requirement closure, plus bundles that contribute action
types), so `qontinui-runner run|validate|doctor` resolves and loads no UI bundle.

    headless-configuration.py PRODUCT_DIR TARGET_DIR

Rewritten when the product's bundles.info changes (plugins installed with the director). Exit 1 on any
problem: the start script then uses the full configuration. Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import zipfile

ROOTS = ["org.qontinui.runner.headless", "org.eclipse.equinox.simpleconfigurator", "org.eclipse.core.runtime",
         "org.eclipse.equinox.common", "org.apache.felix.scr", "org.eclipse.equinox.event",
         "org.eclipse.osgi.compatibility.state"]
ACTIONS_POINT = "org.qontinui.runner.core.actions"  # plug-ins that add action types must be there too
BUNDLES_INFO = os.path.join("org.eclipse.equinox.simpleconfigurator", "bundles.info")


def read(plugin: str, entry: str) -> str:
    if os.path.isdir(plugin):
        path = os.path.join(plugin, entry)
        return open(path, encoding="utf-8", errors="replace").read() if os.path.isfile(path) else ""
    try:
        with zipfile.ZipFile(plugin) as z:
            return z.read(entry).decode("utf-8", "replace") if entry in z.namelist() else ""
    except (OSError, zipfile.BadZipFile):
        return ""


def headers(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if line.startswith(" ") and key:
            out[key] += line[1:]
        elif ":" in line:
            key, _, value = line.partition(":")
            key = key.strip()
            out[key] = value.strip()
    return out


def clauses(value: str) -> list[str]:
    """Manifest header clauses: split at commas outside quotes."""
    out, quoted, current = [], False, ""
    for ch in value:
        if ch == '"':
            quoted = not quoted
        if ch == "," and not quoted:
            out.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        out.append(current.strip())
    return out


def main(product: str, target: str) -> int:
    source = os.path.join(product, "configuration", BUNDLES_INFO)
    with open(source, encoding="utf-8") as fh:
        info = fh.read()
    # The bundle list and where the product is: a copied or moved product gets a new area.
    stamp = hashlib.sha256(info.encode()).hexdigest() + "\n" + os.path.abspath(product)
    stamp_file = os.path.join(target, "bundles.info.sha256")
    if os.path.isfile(stamp_file) and open(stamp_file).read().strip() == stamp:
        return 0
    # The framework's cache and the class archive describe the old bundles: start them afresh.
    shutil.rmtree(os.path.join(target, "org.eclipse.osgi"), ignore_errors=True)
    for stale in ("classes.jsa", stamp_file):
        if os.path.exists(os.path.join(target, stale)):
            os.remove(os.path.join(target, stale))
    lines = [line for line in info.splitlines() if line and not line.startswith("#")]
    bundles: dict[str, dict[str, str]] = {}
    exports: dict[str, str] = {}
    roots = list(ROOTS)
    for line in lines:
        name, _, location = line.split(",")[:3]
        plugin = os.path.join(product, location)
        h = headers(read(plugin, "META-INF/MANIFEST.MF"))
        bundles[name] = h
        for e in clauses(h.get("Export-Package", "")):
            exports.setdefault(e.split(";")[0].strip(), name)
        if ACTIONS_POINT in read(plugin, "plugin.xml") and not name.startswith("org.qontinui.runner.core"):
            roots.append(name)
    need: set[str] = set()
    todo = roots
    while todo:
        name = todo.pop()
        if name in need or name not in bundles:
            continue
        need.add(name)
        h = bundles[name]
        for r in clauses(h.get("Require-Bundle", "")):
            if "resolution:=optional" not in r:
                todo.append(r.split(";")[0].strip())
        for i in clauses(h.get("Import-Package", "")):
            if "resolution:=optional" not in i and i.split(";")[0].strip() in exports:
                todo.append(exports[i.split(";")[0].strip()])
        if h.get("Fragment-Host"):
            todo.append(h["Fragment-Host"].split(";")[0].strip())
    missing = [r for r in ROOTS if r not in need]
    if missing:
        print(f"headless-configuration: not in the product: {', '.join(missing)}", file=sys.stderr)
        return 1
    os.makedirs(os.path.join(target, "org.eclipse.equinox.simpleconfigurator"), exist_ok=True)
    kept = [line for line in info.splitlines() if line.startswith("#") or line.split(",")[0] in need]
    # Absolute locations: the area may live outside the product (a read-only installation).
    kept = [line if line.startswith("#") else ",".join(
        p if i != 2 else os.path.join(os.path.abspath(product), p) for i, p in enumerate(line.split(",")))
        for line in kept]
    with open(os.path.join(target, BUNDLES_INFO), "w", encoding="utf-8") as fh:
        fh.write("\n".join(kept) + "\n")
    config = []
    with open(os.path.join(product, "configuration", "config.ini"), encoding="utf-8") as fh:
        for line in fh.read().splitlines():
            if line.startswith(("eclipse.application=", "eclipse.product=", "eclipse.p2.", "osgi.instance.area")):
                continue
            if line.startswith("osgi.framework=file\\:plugins/"):
                line = "osgi.framework=file\\:" + os.path.join(os.path.abspath(product), line.split("\\:", 1)[1])
            config.append(line)
    config.append("eclipse.application=org.qontinui.runner.headless")
    with open(os.path.join(target, "config.ini"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(config) + "\n")
    with open(stamp_file, "w") as fh:
        fh.write(stamp + "\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
