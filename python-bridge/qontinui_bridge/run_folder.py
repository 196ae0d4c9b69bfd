# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Files an action may write: inside the run folder only.

A configuration comes from the web builder or a shared file; its SCREENSHOT ``saveToFile`` names
must not write anywhere else on the machine. Relative folders below the run folder are allowed;
absolute paths, drive letters, ``..`` and symbolic links that lead out are refused with a message
that names the offending value.
"""

from __future__ import annotations

import os
import re

_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg")
_DRIVE = re.compile(r"^[A-Za-z]:")


class OutsideRunFolder(ValueError):
    """A file name or folder would leave the run folder."""


def _parts(value: str, what: str) -> list[str]:
    if "\x00" in value:
        raise OutsideRunFolder(f"{what} '{value!r}' contains a NUL character")
    if value.startswith(("/", "\\", "~")) or _DRIVE.match(value):
        raise OutsideRunFolder(f"{what} '{value}' is an absolute path; use a folder inside the run folder")
    parts = [p for p in re.split(r"[\\/]+", value) if p not in ("", ".")]
    if ".." in parts:
        raise OutsideRunFolder(f"{what} '{value}' contains '..'; files stay inside the run folder")
    return parts


def image_path(root: str, directory: str | None, filename: str) -> str:
    """``root/directory/filename`` (``.png`` added when the name has no image suffix), checked to stay
    inside ``root``; creates ``directory`` below ``root``.

    Raises OutsideRunFolder."""
    folder_parts = _parts(directory or "", "saveToFile.directory")
    name_parts = _parts(filename, "saveToFile.filename")
    if len(name_parts) != 1:
        raise OutsideRunFolder(f"saveToFile.filename '{filename}' must be a file name, not a path; "
                               "use saveToFile.directory for the folder")
    name = name_parts[0]
    if not name.lower().endswith(_IMAGE_SUFFIXES):
        name += ".png"
    real_root = os.path.realpath(root)
    folder = os.path.join(real_root, *folder_parts)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    # A symbolic link inside the run folder must not lead out of it either.
    real = os.path.realpath(path)
    if os.path.commonpath([real, real_root]) != real_root:
        raise OutsideRunFolder(f"saveToFile '{os.path.join(directory or '', filename)}' leads out of the run "
                               "folder through a symbolic link")
    return path
