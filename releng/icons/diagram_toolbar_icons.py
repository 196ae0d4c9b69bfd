# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Draws the State Diagram's toolbar icons (zoom in, zoom out, fit) and the Config Explorer's
reload icon into the ui bundle's icons/,
at 16x16 and 32x32 (@2x, which SWT picks on HiDPI screens). Drawn 8x larger and scaled down, so
the edges are smooth. Run: /usr/bin/python3 releng/icons/diagram_toolbar_icons.py"""

from __future__ import annotations

import os

from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
ICONS = os.path.join(HERE, "..", "..", "bundles", "org.qontinui.runner.ui", "icons")
SUPER = 8
LENS = (74, 107, 138, 255)      # the platform's blue-grey outline
GLASS = (225, 238, 250, 255)
SIGN = (35, 70, 110, 255)
FRAME = (74, 107, 138, 255)
ARROW = (46, 120, 190, 255)


def magnifier(d: ImageDraw.ImageDraw, u: float, sign: str) -> None:
    cx, cy, r = 6.5 * u, 6.5 * u, 5.0 * u
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=GLASS, outline=LENS, width=round(1.4 * u))
    d.line((10.2 * u, 10.2 * u, 14.6 * u, 14.6 * u), fill=LENS, width=round(2.4 * u))
    w = round(1.4 * u)
    d.line((cx - 2.8 * u, cy, cx + 2.8 * u, cy), fill=SIGN, width=w)
    if sign == "+":
        d.line((cx, cy - 2.8 * u, cx, cy + 2.8 * u), fill=SIGN, width=w)


def fit(d: ImageDraw.ImageDraw, u: float) -> None:
    d.rectangle((4.5 * u, 4.5 * u, 11.5 * u, 11.5 * u), fill=GLASS, outline=FRAME, width=round(1.2 * u))
    w = round(1.3 * u)
    for sx, sy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
        # an arrow from near the frame's corner out to the icon's corner
        x0, y0 = 8 * u + sx * 3.0 * u, 8 * u + sy * 3.0 * u
        x1, y1 = 8 * u + sx * 7.0 * u, 8 * u + sy * 7.0 * u
        d.line((x0, y0, x1, y1), fill=ARROW, width=w)
        d.polygon([(x1, y1), (x1 - sx * 3.2 * u, y1), (x1, y1 - sy * 3.2 * u)], fill=ARROW)


def reload(d: ImageDraw.ImageDraw, u: float) -> None:
    # a circular arrow, open at the top right, its head pointing clockwise
    w = round(1.6 * u)
    d.arc((2.5 * u, 2.5 * u, 13.5 * u, 13.5 * u), start=-20, end=270, fill=ARROW, width=w)
    d.polygon([(8.0 * u, 0.6 * u), (12.2 * u, 3.0 * u), (8.0 * u, 5.4 * u)], fill=ARROW)


def draw(name: str, paint, folder: str = ICONS) -> None:
    """Paints NAME.png (16x16) and NAME@2x.png (32x32) into FOLDER; PAINT gets the unit of a 16 px grid."""
    for size, suffix in ((16, ""), (32, "@2x")):
        big = Image.new("RGBA", (size * SUPER, size * SUPER), (0, 0, 0, 0))
        paint(ImageDraw.Draw(big), size * SUPER / 16)
        big.resize((size, size), Image.LANCZOS).save(os.path.join(folder, f"{name}{suffix}.png"))


if __name__ == "__main__":
    draw("zoom_in", lambda d, u: magnifier(d, u, "+"))
    draw("zoom_out", lambda d, u: magnifier(d, u, "-"))
    draw("zoom_fit", fit)
    draw("reload", reload)
