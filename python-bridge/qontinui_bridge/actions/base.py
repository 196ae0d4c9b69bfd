# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""What every action module shares: the handler signature, target errors, time units."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from ..config import Region
from ..runtime import ActionResult
from ..vision import FindResult

if TYPE_CHECKING:
    from .context import ActionContext

Handler = Callable[["ActionContext", dict[str, Any]], ActionResult]


class TargetError(Exception):
    def __init__(self, message: str, find: FindResult | None = None) -> None:
        super().__init__(message)
        self.find = find


def parse_regions(items: Any) -> list[Region]:
    out = []
    for r in items or []:
        if isinstance(r, dict) and all(k in r for k in ("x", "y", "width", "height")):
            out.append(Region(int(r["x"]), int(r["y"]), int(r["width"]), int(r["height"])))
    return out


def find_message(r: FindResult) -> str:
    where = f" at ({r.best_location[0]},{r.best_location[1]})" if r.best_location else ""
    verdict = "found" if r.found else "not found"
    msg = f"{r.image_id} {verdict}: best score {r.best_score:.3f}{where}, threshold {r.threshold:.2f}"
    if r.words is not None and not r.found:  # text target: what OCR read there instead
        msg += "; words read near there: " + (", ".join(
            f"'{w['text']}' {w['confidence']:.0f}%" for w in r.words[:8]) or "none")
    if r.notes and not r.found:
        msg += "; " + "; ".join(r.notes)
    return msg


def with_target(fn: Callable[[ActionContext, dict[str, Any]], ActionResult]) -> Handler:
    """Turn a TargetError (image not found, no last result) into a failed result."""
    def wrapped(ctx: ActionContext, cfg: dict[str, Any]) -> ActionResult:
        try:
            return fn(ctx, cfg)
        except TargetError as exc:
            return ActionResult(False, str(exc), find=exc.find)
    wrapped.__name__ = fn.__name__
    return wrapped


def ms(v: Any, default: float = 0) -> float:
    return float(v if v is not None else default) / 1000

