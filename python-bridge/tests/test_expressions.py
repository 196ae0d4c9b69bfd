# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Expressions cannot make the executor spin: caps, deadline, cancel check, time-limited regexes."""

from __future__ import annotations

import random
import threading
import time

import pytest

from qontinui_bridge.expressions import (EvaluationCancelled, ExpressionError, cancel_scope, compare, evaluate,
                                         regex_search)
from qontinui_bridge.vocabulary import limits


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    try:
        fn()
    finally:
        timed.ms = (time.perf_counter() - t0) * 1000  # type: ignore[attr-defined]


def test_ordinary_expressions_still_work() -> None:
    names = {"x": 3, "items": [1, 2, 3], "name": "bob"}
    assert evaluate("x * 2 + 1 == 7 && items.length === 3", names) is True
    assert evaluate("2 ** 100", {}) == 2 ** 100
    assert evaluate("'ab' * 3", {}) == "ababab"
    assert evaluate("sorted(items)[0] if x > 1 else -1", names) == 1


@pytest.mark.parametrize("expr", [
    "9**9**9**9", "2**100000", "10**70000", "(2**60000) * (2**60000)", "'a' * 10**7", "[0] * 10**7",
    "'a' * 100000 + 'b' * 100000", "10.0 ** 400", "-" * 3000 + "1", "(" * 300 + "1" + ")" * 300,
    "1 + " * 1000 + "1",
])
def test_expressions_over_the_limits_fail_fast(expr: str) -> None:
    with pytest.raises(ExpressionError):
        timed(lambda: evaluate(expr, {}))
    assert timed.ms < 200, f"{expr[:30]} took {timed.ms:.0f} ms"  # type: ignore[attr-defined]


def test_errors_of_the_expression_are_expression_errors() -> None:
    for expr, names in (("1 / 0", {}), ("x + 'a'", {"x": 1}), ("int('9' * 5000)", {}), ("items[9]", {"items": []}),
                        ("__import__('os')", {}), ("x.__class__", {"x": 1})):
        with pytest.raises(ExpressionError):
            evaluate(expr, names)


def test_catastrophic_regex_times_out() -> None:
    timeout = limits().regex_timeout_ms
    with pytest.raises(ExpressionError, match="took longer"):
        timed(lambda: compare("a" * 40 + "!", "matches", "(a|aa)+$"))
    assert timed.ms < timeout + 500  # type: ignore[attr-defined]
    assert regex_search(r"(\d+)-(\d+)", "id 12-34").group(2) == "34"
    with pytest.raises(ExpressionError, match="invalid regular expression"):
        regex_search("(", "x")


def shuffled() -> list[int]:
    big = list(range(limits().max_result_length))
    random.Random(1).shuffle(big)
    return big


def test_a_long_evaluation_stops_within_200_ms_of_terminate() -> None:
    big = shuffled()  # each sorted() is one C call of a few ms, the whole expression takes seconds
    expr = "and ".join(["sorted(b)"] * 140)
    stop = threading.Event()
    result: dict[str, object] = {}

    def run() -> None:
        try:
            with cancel_scope(stop.is_set):
                result["value"] = evaluate(expr, {"b": big})
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            result["error"] = exc
        result["end"] = time.perf_counter()

    t = threading.Thread(target=run)
    t.start()
    time.sleep(0.05)
    asked = time.perf_counter()
    stop.set()
    t.join(5)
    assert not t.is_alive()
    if "value" in result:
        pytest.skip("this machine evaluated the whole expression within 50 ms")
    assert isinstance(result["error"], EvaluationCancelled), result
    latency_ms = (result["end"] - asked) * 1000  # type: ignore[operator]
    print(f"terminate -> evaluation stopped in {latency_ms:.1f} ms")
    assert latency_ms < 200


def test_every_evaluation_has_a_deadline() -> None:
    big = shuffled()
    expr = "and ".join(["sorted(b)"] * 140)
    t0 = time.perf_counter()
    try:
        evaluate(expr, {"b": big})
    except ExpressionError as exc:
        assert "longer than" in str(exc)
    assert time.perf_counter() - t0 < limits().evaluation_timeout_ms / 1000 + 0.2
