# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Contributed action types.

A plugin is a Python module exposing

    ACTION_TYPES: dict[str, Callable[[ActionContext, dict], ActionResult]]

Each callable receives the ActionContext (see actions.ActionContext: `action`, `config`,
`backend` (capture()/move()/button()/key()/type_char()), `variables` (get/set/has),
`engine`, plus log(), sleep(), find(), point(), emit()) and the action's camelCased
`config` dict, and returns an ActionResult(success, message, data).

Modules listed in the launch argument `pluginModules` are imported at launch, after the
directories in `pluginPaths` are put on sys.path.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Callable

from .actions import ActionContext, Handler, builtin_action_types
from .engine import ActionResult

__all__ = ["ActionContext", "ActionResult", "PluginError", "load_plugins"]


class PluginError(Exception):
    pass


def load_plugins(modules: list[str] | None, paths: list[str] | None = None) -> dict[str, Handler]:
    """Import plugin modules and merge their ACTION_TYPES (later modules win)."""
    for p in paths or []:
        if p not in sys.path:
            sys.path.insert(0, p)
    handlers: dict[str, Handler] = {}
    for name in modules or []:
        try:
            mod = importlib.import_module(name)
        except Exception as exc:
            raise PluginError(f"cannot import plugin module '{name}': {type(exc).__name__}: {exc}") from None
        types: Any = getattr(mod, "ACTION_TYPES", None)
        if not isinstance(types, dict):
            raise PluginError(f"plugin module '{name}' has no ACTION_TYPES dict")
        for t, fn in types.items():
            if not callable(fn):
                raise PluginError(f"plugin module '{name}': ACTION_TYPES['{t}'] is not callable")
            handlers[str(t).upper()] = fn
    return handlers


def available_types(plugin_handlers: dict[str, Callable[..., Any]]) -> set[str]:
    return builtin_action_types() | set(plugin_handlers)
