# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""ActionContext: the API built-in actions and plugins use (see plugins.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..config import Action, Config, normalize_search_options
from ..runtime import Variables
from ..vision import FindResult
from .find import find_once, find_target, target_points

if TYPE_CHECKING:
    from ..backends.base import Backend
    from ..engine import Engine


class ActionContext:
    """What an action (built-in or plugin) may use.

    Public attributes:
      action     -- the Action being run (id, type, config, retry_count...)
      config     -- the loaded Config (states, images, workflows, settings)
      backend    -- the screen/input backend (capture(), move(), button(), key(), type_char(), inputs)
      variables  -- Variables: get(name), set(name, value, scope), has(name), merged()
      engine     -- the Engine (active states, find, go_to_states...) for advanced plugins
    Methods: log(msg), sleep(seconds) (pause/stop aware), find(target, options) -> FindResult,
             point(target) -> (x, y), emit(event, body).
    """

    def __init__(self, engine: Engine, action: Action) -> None:
        self.engine = engine
        self.action = action
        self.config: Config = engine.config
        self.backend: Backend = engine.backend
        self.variables: Variables = engine.vars

    def log(self, message: str) -> None:
        self.engine.log(f"[{self.action.id}] {message}")

    def sleep(self, seconds: float) -> None:
        self.engine.sleep(seconds)

    def emit(self, event: str, body: dict[str, Any]) -> None:
        self.engine.emit(event, body)

    @property
    def active_states(self) -> list[str]:
        return list(self.engine.active)

    # --- finding --------------------------------------------------------------
    def search_options(self, target: dict[str, Any] | None, config: dict[str, Any] | None = None) -> dict[str, Any]:
        so: dict[str, Any] = {}
        if config and isinstance(config.get("searchOptions"), dict):
            so.update(config["searchOptions"])
        if target and isinstance(target.get("searchOptions"), dict):
            so.update(target["searchOptions"])
        so = normalize_search_options(so)
        if self.engine.similarity_override is not None:  # qontinui/retry {threshold}
            so["similarity"] = self.engine.similarity_override
        return so

    def find_once(self, target: dict[str, Any], options: dict[str, Any]) -> FindResult:
        """One search of an image target on one capture."""
        return find_once(self, target, options)

    def find(self, target: dict[str, Any], options: dict[str, Any] | None = None,
             timeout_ms: float | None = None, record: bool = True) -> FindResult:
        """Find an image target, polling until found or the timeout (searchOptions.timeout) ends."""
        return find_target(self, target, options, timeout_ms, record)

    def points(self, target: Any, config: dict[str, Any] | None = None) -> list[tuple[int, int]]:
        """Screen points a mouse action should use for a target (several for allResults)."""
        return target_points(self, target, config)

    def point(self, target: Any, config: dict[str, Any] | None = None) -> tuple[int, int]:
        return self.points(target, config)[0]

