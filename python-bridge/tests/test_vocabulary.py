# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""vocabulary.json is the contract: the executor's handlers and limits agree with it."""

from __future__ import annotations

from qontinui_bridge import vocabulary
from qontinui_bridge.actions import builtin_action_types
from qontinui_bridge.images import ImageHeaderError, image_size


def test_executed_action_types_are_the_builtin_handlers() -> None:
    assert vocabulary.executed_action_types() == builtin_action_types()
    assert not vocabulary.executed_action_types() & vocabulary.not_executed_action_types()


def test_every_rule_has_a_severity_and_limits_are_positive() -> None:
    rules = vocabulary.vocabulary()["rules"]
    assert set(rules.values()) <= {"error", "warning", "info"}
    assert vocabulary.severity_of("no-such-code") == "error"  # fail closed
    assert all(v > 0 for v in vars(vocabulary.limits()).values())


def test_shapes_only_name_known_shapes() -> None:
    shapes = {k for k in vocabulary.vocabulary()["shapes"] if not k.startswith("$")}
    basic = {"string", "boolean", "number", "integer", "index", "object"}
    enums = vocabulary.vocabulary()["enums"]
    for name in shapes:
        for key, expected in vocabulary.shape(name).items():
            inner = expected[6:-1] if expected.startswith("array<") else expected
            for alt in inner.split("|"):
                if alt.startswith("enum<"):  # a text out of a list of values, not a spelling map
                    assert isinstance(enums.get(alt[5:-1]), list), f"{name}.{key}: {alt}"
                    continue
                assert alt in basic or alt in shapes, f"{name}.{key}: {alt}"


def test_image_headers() -> None:
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + (30000).to_bytes(4, "big") * 2 + b"\x08\x02\x00\x00\x00"
    assert image_size(png) == ("png", 30000, 30000)
    jpeg = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0x4A, 0x46, 0xFF, 0xC0, 0, 11, 8, 1, 2, 3, 4, 3, 0, 0, 0])
    assert image_size(jpeg) == ("jpeg", 0x0304, 0x0102)
    for bad in (b"GIF89a", png[:12], b"\xff\xd8"):
        try:
            image_size(bad)
        except ImageHeaderError:
            continue
        raise AssertionError(bad)
