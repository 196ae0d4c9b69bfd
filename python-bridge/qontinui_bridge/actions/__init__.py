# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Built-in actions, one module per concern. Each handler is `(ctx: ActionContext, config: dict) -> ActionResult`.

Plugins use the same signature (see plugins.py); ActionContext is their public API.
"""

from __future__ import annotations

from ..runtime import ActionResult, LoopBreak, LoopContinue
from ..vision import Match
from .base import Handler, TargetError, find_message, parse_regions
from .context import ActionContext
from .data import act_get_variable, act_math_operation, act_set_variable, act_string_operation
from .find import act_exists, act_find, act_find_state, act_find_state_image, act_vanish
from .flow import act_go_to_state, act_if, act_loop, act_run_workflow, act_try_catch, act_wait, flow_signal
from .keyboard import act_hotkey, act_key_down, act_key_press, act_key_up, act_type
from .mouse import act_click, act_drag, act_mouse_move, act_scroll, mouse_button
from .screen import act_highlight, act_screenshot

BUILTIN_ACTIONS: dict[str, Handler] = {
    "FIND": act_find, "EXISTS": act_exists, "VANISH": act_vanish, "WAIT": act_wait,
    "FIND_STATE": act_find_state, "FIND_STATE_IMAGE": act_find_state_image,
    "CLICK": act_click, "MOUSE_MOVE": act_mouse_move, "MOUSE_DOWN": mouse_button(True),
    "MOUSE_UP": mouse_button(False), "DRAG": act_drag, "SCROLL": act_scroll, "HIGHLIGHT": act_highlight,
    "TYPE": act_type, "KEY_PRESS": act_key_press, "KEY_DOWN": act_key_down, "KEY_UP": act_key_up,
    "HOTKEY": act_hotkey, "SCREENSHOT": act_screenshot, "GO_TO_STATE": act_go_to_state,
    "RUN_WORKFLOW": act_run_workflow, "IF": act_if, "LOOP": act_loop,
    "BREAK": flow_signal(LoopBreak, "BREAK"), "CONTINUE": flow_signal(LoopContinue, "CONTINUE"),
    "TRY_CATCH": act_try_catch, "SET_VARIABLE": act_set_variable, "GET_VARIABLE": act_get_variable,
    "STRING_OPERATION": act_string_operation, "MATH_OPERATION": act_math_operation,
}


def builtin_action_types() -> set[str]:
    return set(BUILTIN_ACTIONS)


__all__ = ["ActionContext", "ActionResult", "BUILTIN_ACTIONS", "Handler", "Match", "TargetError",
           "builtin_action_types", "find_message", "parse_regions"]
