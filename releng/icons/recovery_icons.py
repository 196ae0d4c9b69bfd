# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Draws the failure recovery commands' icons (Debug view toolbar and context menu: Retry, Retry with
Threshold, Skip, Recapture Template, Abort) and the replay's Step Back into the ui bundle's icons/, at 16x16 and 32x32 (@2x),
the way diagram_toolbar_icons.py draws the diagram's: 8x larger, scaled down, in the palette of the
bundle's other icons (run green, failure red, the platform's blue-grey). Run:
/usr/bin/python3 releng/icons/recovery_icons.py"""

from __future__ import annotations

import math
import os

from PIL import ImageDraw

from diagram_toolbar_icons import draw

HERE = os.path.dirname(os.path.abspath(__file__))
ICONS = os.path.join(HERE, "..", "..", "bundles", "org.qontinui.runner.ui", "icons")
GREEN = (46, 160, 67, 255)       # run.png
RED = (200, 40, 40, 255)         # error.png, failure_breakpoint.png
FRAME = (74, 107, 138, 255)      # the platform's blue-grey outline (diagram_toolbar_icons.py)
GLASS = (225, 238, 250, 255)
ARROW = (46, 120, 190, 255)
GREY = (90, 90, 90, 255)         # transition.png, monitor.png
WHITE = (255, 255, 255, 255)


def circular_arrow(d: ImageDraw.ImageDraw, u: float, cx: float, cy: float, r: float, width: float,
                   colour) -> None:
    """A circle open at the top right, its head at the top pointing clockwise (like reload.png)."""
    w = round(width * u)
    d.arc(((cx - r) * u, (cy - r) * u, (cx + r) * u, (cy + r) * u), start=-20, end=270, fill=colour, width=w)
    head = 1.9 * width
    top = cy - r
    d.polygon([((cx - 0.3) * u, (top - head) * u), ((cx + head * 1.05) * u, top * u),
               ((cx - 0.3) * u, (top + head) * u)], fill=colour)


def retry(d: ImageDraw.ImageDraw, u: float) -> None:
    # run the action again: the circular arrow in the run colour, around a small play triangle
    circular_arrow(d, u, 8.0, 9.0, 5.4, 1.6, GREEN)
    d.polygon([(6.9 * u, 6.9 * u), (10.2 * u, 9.0 * u), (6.9 * u, 11.1 * u)], fill=GREEN)


def retry_threshold(d: ImageDraw.ImageDraw, u: float) -> None:
    # the retry arrow, smaller, above a slider: the similarity threshold is lowered
    circular_arrow(d, u, 7.5, 7.0, 4.3, 1.5, GREEN)
    d.line((1.5 * u, 14.0 * u, 14.5 * u, 14.0 * u), fill=FRAME, width=round(1.4 * u))
    d.rectangle((8.6 * u, 11.6 * u, 11.2 * u, 15.8 * u), fill=GLASS, outline=FRAME, width=round(1.0 * u))


def skip(d: ImageDraw.ImageDraw, u: float) -> None:
    # an arrow jumping over the failed action (a red-edged box) to the next one
    d.rectangle((5.2 * u, 9.6 * u, 10.8 * u, 15.2 * u), fill=GLASS, outline=RED, width=round(1.3 * u))
    w = round(1.6 * u)
    d.arc((2.0 * u, 2.6 * u, 14.0 * u, 17.0 * u), start=195, end=325, fill=ARROW, width=w)
    # head at the arc's end (325 degrees), pointing down and to the right
    a = math.radians(325)
    cx, cy, rx, ry = 8.0, 9.8, 6.0, 7.2
    x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
    d.polygon([((x - 2.6) * u, (y - 0.6) * u), ((x + 2.2) * u, (y - 1.8) * u), ((x + 1.0) * u, (y + 3.0) * u)],
              fill=ARROW)


def recapture(d: ImageDraw.ImageDraw, u: float) -> None:
    # a picture with crop marks: a new template is cut from the screen
    d.rectangle((3.5 * u, 3.5 * u, 12.5 * u, 12.5 * u), fill=GLASS)
    d.polygon([(4.0 * u, 12.0 * u), (7.2 * u, 7.6 * u), (9.4 * u, 10.2 * u), (10.6 * u, 8.8 * u),
               (12.0 * u, 12.0 * u)], fill=GREEN)
    w = round(1.4 * u)
    for sx, sy in ((-1, -1), (1, -1), (-1, 1), (1, 1)):
        x, y = 8 + sx * 6.3, 8 + sy * 6.3
        d.line((x * u, y * u, (x - sx * 3.6) * u, y * u), fill=FRAME, width=w)
        d.line((x * u, y * u, x * u, (y - sy * 3.6) * u), fill=FRAME, width=w)


def abort(d: ImageDraw.ImageDraw, u: float) -> None:
    # end the run: the platform's terminate square, in the failure red
    d.rounded_rectangle((3.0 * u, 3.0 * u, 13.0 * u, 13.0 * u), radius=1.6 * u, fill=RED)
    d.rounded_rectangle((3.0 * u, 3.0 * u, 13.0 * u, 13.0 * u), radius=1.6 * u, outline=(150, 25, 25, 255),
                        width=round(0.8 * u))


def step_back(d: ImageDraw.ImageDraw, u: float) -> None:
    # the platform's step arrows mirrored: a bar (the action stopped at) and an arrow going back from it
    d.rectangle((11.6 * u, 3.0 * u, 13.4 * u, 13.0 * u), fill=FRAME)
    w = round(1.8 * u)
    d.line((4.8 * u, 8.0 * u, 10.2 * u, 8.0 * u), fill=ARROW, width=w)
    d.polygon([(1.6 * u, 8.0 * u), (6.4 * u, 3.6 * u), (6.4 * u, 12.4 * u)], fill=ARROW)


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 1:
        ICONS = sys.argv[1]
    draw("retry", retry, ICONS)
    draw("retry_threshold", retry_threshold, ICONS)
    draw("skip", skip, ICONS)
    draw("recapture", recapture, ICONS)
    draw("abort", abort, ICONS)
    draw("step_back", step_back, ICONS)
