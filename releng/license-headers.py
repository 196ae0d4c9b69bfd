#!/usr/bin/python3
# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Adds or checks the EPL-2.0 header of the project's Java and Python sources.

    releng/license-headers.py --check   lists the sources without the header; exit 1 if any
    releng/license-headers.py --add     puts the header at the top of those sources

A source has the header when "SPDX-License-Identifier: EPL-2.0" is in its first lines. Python
files keep a shebang line first. The sources are the files git knows or would add (tracked and
untracked, not ignored), so build output and the executor copied into the bridge bundle are left
alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPDX = "SPDX-License-Identifier: EPL-2.0"
LOOK_AT_LINES = 15

JAVA_HEADER = """\
/*******************************************************************************
 * Copyright (c) 2026 Qontinui and others.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0/
 *
 * SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
"""

PYTHON_HEADER = """\
# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""


def sources() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\0")
    return sorted(ROOT / name for name in listed
                  if name.endswith((".java", ".py")) and (ROOT / name).is_file())


def has_header(text: str) -> bool:
    return SPDX in "\n".join(text.splitlines()[:LOOK_AT_LINES])


def with_header(path: Path, text: str) -> str:
    if path.suffix == ".java":
        return JAVA_HEADER + text
    if text.startswith("#!"):
        first, _, rest = text.partition("\n")
        return first + "\n" + PYTHON_HEADER + rest
    return PYTHON_HEADER + text


def main(argv: list[str]) -> int:
    if argv not in (["--check"], ["--add"]):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    missing = []
    for path in sources():
        text = path.read_text(encoding="utf-8")
        if has_header(text):
            continue
        missing.append(path)
        if argv == ["--add"]:
            path.write_text(with_header(path, text), encoding="utf-8")
    verb = "added the EPL-2.0 header to" if argv == ["--add"] else "no EPL-2.0 header in"
    for path in missing:
        print(f"{verb} {path.relative_to(ROOT)}")
    if argv == ["--check"]:
        print(f"{len(missing)} of {len(sources())} sources without the EPL-2.0 header")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
