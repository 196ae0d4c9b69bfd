# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""The configuration contract shared with the workbench: vocabulary.json, next to this module.

The lookups are cached: treat what they return as read-only.

The Java side (org.qontinui.runner.core.validation.Vocabulary) reads the same file, copied into
its bundle at build time, so action types, enum values, aliases, migrations, limits and the
severity of every rule code are defined once.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

VOCABULARY_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vocabulary.json")


@dataclass(frozen=True)
class Limits:
    """Caps on what a configuration can make the executor do (vocabulary.json "limits")."""

    max_file_bytes: int
    max_nesting_depth: int
    max_image_pixels: int
    max_clicks: int
    max_loop_iterations: int
    max_expression_length: int
    max_exponent: int
    max_result_bits: int
    max_result_length: int
    regex_timeout_ms: int
    evaluation_timeout_ms: int


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    with open(VOCABULARY_PATH, encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def limits() -> Limits:
    raw = vocabulary()["limits"]
    return Limits(**{_snake(k): int(v) for k, v in raw.items()})


def severity_of(code: str) -> str:
    """"error", "warning" or "info"; unknown codes are errors (fail closed)."""
    return vocabulary()["rules"].get(code, "error")


@lru_cache(maxsize=1)
def executed_action_types() -> frozenset[str]:
    return frozenset(vocabulary()["actionTypes"]["executed"])


@lru_cache(maxsize=1)
def not_executed_action_types() -> frozenset[str]:
    return frozenset(vocabulary()["actionTypes"]["notExecuted"])


@lru_cache(maxsize=1)
def control_flow_fields() -> dict[str, list[str]]:
    """Action type -> config keys listing the ids of the actions it runs (IF then/else, LOOP body...)."""
    return dict(vocabulary()["actionTypes"]["controlFlow"])


@lru_cache(maxsize=None)
def enum_values(name: str) -> tuple[str, ...]:
    return tuple(vocabulary()["enums"][name])


def enum_key(spelling: str) -> str:
    """How targetType and transitionType spellings are looked up: lower case, no spaces or underscores."""
    return "".join(c for c in spelling if c not in " \t\n\r_").lower()


@lru_cache(maxsize=None)
def shape(name: str) -> dict[str, str]:
    return {k: v for k, v in vocabulary()["shapes"][name].items() if not k.startswith("$")}


@lru_cache(maxsize=None)
def aliases(shape_name: str) -> dict[str, str]:
    return dict(vocabulary()["aliases"].get(shape_name, {}))


def v1_migration() -> dict[str, Any]:
    return vocabulary()["migrations"]["v1"]


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


@lru_cache(maxsize=None)
def enum_values_map(name: str) -> dict[str, str]:
    """An enum given as spelling -> canonical value (targetType, transitionType)."""
    return {k: v for k, v in vocabulary()["enums"][name].items() if not k.startswith("$")}
