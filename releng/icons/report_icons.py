# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Draws the Run Log's and the Execution Monitor's toolbar icons (Export JSON Lines, Export Text, Open
HTML Report) into the ui bundle's icons/, at 16x16 and 32x32 (@2x), with diagram_toolbar_icons.py's
draw(): a page in the platform's blue-grey with what the file holds. Run:
/usr/bin/python3 releng/icons/report_icons.py"""

from __future__ import annotations

import os
import sys

from PIL import ImageDraw

from diagram_toolbar_icons import draw

HERE = os.path.dirname(os.path.abspath(__file__))
ICONS = os.path.join(HERE, "..", "..", "bundles", "org.qontinui.runner.ui", "icons")
FRAME = (74, 107, 138, 255)      # the platform's blue-grey outline
PAPER = (252, 252, 252, 255)
GREY = (120, 120, 120, 255)
BLUE = (46, 120, 190, 255)
GREEN = (46, 160, 67, 255)       # run.png
RED = (200, 40, 40, 255)         # error.png


def page(d: ImageDraw.ImageDraw, u: float) -> None:
    """A sheet with a folded top-right corner."""
    w = round(1.0 * u)
    d.polygon([(3 * u, 1.5 * u), (10 * u, 1.5 * u), (13 * u, 4.5 * u), (13 * u, 14.5 * u), (3 * u, 14.5 * u)],
              fill=PAPER, outline=FRAME, width=w)
    d.line((10 * u, 1.5 * u, 10 * u, 4.5 * u, 13 * u, 4.5 * u), fill=FRAME, width=w)


def export_text(d: ImageDraw.ImageDraw, u: float) -> None:
    # lines of text
    page(d, u)
    for y, x1 in ((6.5, 11.0), (8.8, 11.0), (11.1, 9.0)):
        d.line((5 * u, y * u, x1 * u, y * u), fill=GREY, width=round(1.2 * u))


def export_jsonl(d: ImageDraw.ImageDraw, u: float) -> None:
    # curly braces: one JSON object a line
    page(d, u)
    left = [(7.2, 5.6), (6.3, 6.2), (6.3, 8.7), (5.2, 9.5), (6.3, 10.3), (6.3, 12.8), (7.2, 13.4)]
    for brace in (left, [(16 - x, y) for x, y in left]):  # the right brace mirrors the left about x = 8
        d.line([(x * u, y * u) for x, y in brace], fill=BLUE, width=round(1.1 * u), joint="curve")


def html_report(d: ImageDraw.ImageDraw, u: float) -> None:
    # a report: passed and failed bars over a baseline
    page(d, u)
    d.rectangle((5.0 * u, 8.0 * u, 6.8 * u, 12.5 * u), fill=GREEN)
    d.rectangle((7.6 * u, 6.0 * u, 9.4 * u, 12.5 * u), fill=GREEN)
    d.rectangle((10.2 * u, 10.0 * u, 11.4 * u, 12.5 * u), fill=RED)
    d.line((4.5 * u, 13.0 * u, 11.8 * u, 13.0 * u), fill=FRAME, width=round(0.8 * u))


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else ICONS
    draw("export_text", export_text, folder)
    draw("export_jsonl", export_jsonl, folder)
    draw("html_report", html_report, folder)
