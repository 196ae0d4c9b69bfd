# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Image sizes from the file header, read before anything is decoded.

A configuration can hold a small file that claims to be 30000x30000 pixels; decoding it would
take gigabytes. The executor (config.py) and the workbench's thumbnails check the size from the
header first (the same rules as org.qontinui.runner.core.validation.ImageHeader).
"""

from __future__ import annotations

import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic...): they carry the size.
_JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


class ImageHeaderError(ValueError):
    """The bytes are not a PNG or JPEG image with a readable size."""


def image_size(data: bytes) -> tuple[str, int, int]:
    """("png" | "jpeg", width, height) from the header; ImageHeaderError if there is none."""
    if data.startswith(PNG_SIGNATURE):
        if len(data) < 24 or data[12:16] != b"IHDR" or struct.unpack(">I", data[8:12])[0] != 13:
            raise ImageHeaderError("a PNG image without a valid IHDR header")
        w, h = struct.unpack(">II", data[16:24])
        if w == 0 or h == 0:
            raise ImageHeaderError("a PNG image of size 0")
        return "png", w, h
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 4 <= len(data):
            if data[i] != 0xFF:
                raise ImageHeaderError("a JPEG image with a broken header")
            marker = data[i + 1]
            if marker == 0xFF:  # fill byte
                i += 1
                continue
            if marker in (0x01,) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            if marker in _JPEG_SOF:
                if i + 9 > len(data):
                    break
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                if w == 0 or h == 0:
                    raise ImageHeaderError("a JPEG image of size 0")
                return "jpeg", w, h
            if marker == 0xDA or length < 2:
                break
            i += 2 + length
        raise ImageHeaderError("a JPEG image without a frame header")
    raise ImageHeaderError("not a PNG or JPEG image")
