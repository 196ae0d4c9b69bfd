# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Qontinui Runner plugin "Desktop actions": clipboard, window focus and pixel colour on X11.

Load it into the executor with

    python3 -m qontinui_bridge run CONFIG --plugin-path <bundle>/python --plugin-module qontinui_desktop

(or the DAP launch arguments ``pluginPaths`` / ``pluginModules``). Action types:

  SET_CLIPBOARD   {text | variable, selection?, sensitive?}         -> owns the X CLIPBOARD selection
  GET_CLIPBOARD   {outputVariable?, selection?, timeout?, scope?}   -> reads it via ConvertSelection
  FOCUS_WINDOW    {title | titleRegex, timeout?}                    -> raises + focuses a top-level window
  WAIT_FOR_COLOR  {x, y, color, tolerance?, timeout?, pollInterval?, outputVariable?}

See docs/extending.md for how this plugin is built and packaged.
"""

from __future__ import annotations

from .clipboard import act_get_clipboard, act_set_clipboard
from .color import act_wait_for_color
from .windows import act_focus_window

PLUGIN_NAME = "Desktop actions"
__version__ = "0.1.0"

ACTION_TYPES = {
    "SET_CLIPBOARD": act_set_clipboard,
    "GET_CLIPBOARD": act_get_clipboard,
    "FOCUS_WINDOW": act_focus_window,
    "WAIT_FOR_COLOR": act_wait_for_color,
}

__all__ = ["ACTION_TYPES", "PLUGIN_NAME", "__version__"]
