# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""A mutation fuzzer for the configuration loader, seeded with the conformance corpus.

Used by tests/test_loader_fuzz.py (bounded, in the test command) and benchmarks/bench_fuzz.py
(longer, prints figures). Every mutant must end as diagnostics: no exception other than
ConfigError, no internal-error code, no hang. The workbench has the same fuzzer in Java
(ReaderFuzzTest).
"""

from __future__ import annotations

import os
import random
import signal
import time
from dataclasses import dataclass, field
from typing import Callable

from .config import ConfigError, parse_bytes

_REPLACEMENTS = [b"null", b"true", b"0", b"-1", b"1e999", b"NaN", b'""', b'"x"', b"[]", b"{}",
                 b"[[[[[[[[[[[[]]]]]]]]]]]]", b"99999999999999999999999", b"1.5", b'"\\u0000"', b"[null]",
                 b'{"id":7}', b'"\\ud800"', b"-Infinity"]


@dataclass
class FuzzReport:
    mutants: int = 0
    rejected: int = 0
    seconds: float = 0.0
    slowest_ms: float = 0.0
    crashes: list[tuple[bytes, str]] = field(default_factory=list)


def mutate(data: bytes, rnd: random.Random, seeds: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(1 + rnd.randrange(4)):
        if not buf:
            break
        kind = rnd.randrange(6)
        if kind == 0:
            buf[rnd.randrange(len(buf))] = rnd.randrange(256)
        elif kind == 1:  # cut
            at = rnd.randrange(len(buf))
            del buf[at:at + rnd.randrange(64)]
        elif kind == 2:  # splice a piece of another seed
            other = rnd.choice(seeds)
            if other:
                at = rnd.randrange(len(other))
                piece = other[at:at + rnd.randrange(200)]
                pos = rnd.randrange(len(buf))
                buf[pos:pos] = piece
        else:
            buf = bytearray(_replace_value(bytes(buf), rnd))
    return bytes(buf)


def _replace_value(data: bytes, rnd: random.Random) -> bytes:
    """The value after a random ':' '[' or ',' becomes another JSON value, or is duplicated."""
    at = rnd.randrange(max(1, len(data)))
    marks = [data.find(c, at) for c in (b":", b"[", b",")]
    marks = [m for m in marks if m >= 0]
    if not marks:
        return data
    start = min(marks) + 1
    while start < len(data) and data[start:start + 1].isspace():
        start += 1
    end = _end_of_value(data, start)
    if end <= start:
        return data
    repl = rnd.choice(_REPLACEMENTS)
    if rnd.randrange(8) == 0:
        repl = data[start:end] + b"," + data[start:end]
    return data[:start] + repl + data[end:]


def _end_of_value(data: bytes, start: int) -> int:
    depth = 0
    i = start
    while i < len(data):
        c = data[i:i + 1]
        if c == b'"':
            i += 1
            while i < len(data) and data[i:i + 1] != b'"':
                i += 2 if data[i:i + 1] == b"\\" else 1
            if depth == 0:
                return min(len(data), i + 1)
        elif c in (b"{", b"["):
            depth += 1
        elif c in (b"}", b"]"):
            if depth == 0:
                return i
            depth -= 1
            if depth == 0:
                return i + 1
        elif depth == 0 and (c == b"," or c.isspace()):
            return i
        i += 1
    return len(data)


def corpus_seeds(corpus: str) -> list[bytes]:
    seeds = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".json"):
            with open(os.path.join(corpus, name), "rb") as fh:
                seeds.append(fh.read())
    return seeds


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hang()


def fuzz(seeds: list[bytes], seconds: float, seed: int, hang_s: int = 10,
         on_crash: Callable[[bytes, str], None] | None = None) -> FuzzReport:
    """Loads mutants for `seconds`; a crash is an exception, an internal-error diagnostic or a hang."""
    rnd = random.Random(seed)
    report = FuzzReport()
    t0 = time.perf_counter()
    old = signal.signal(signal.SIGALRM, _alarm)
    try:
        while time.perf_counter() - t0 < seconds:
            mutant = mutate(rnd.choice(seeds), rnd, seeds)
            problem = None
            t1 = time.perf_counter()
            signal.alarm(hang_s)
            try:
                parse_bytes(mutant, "mutant.json")
            except ConfigError as exc:
                report.rejected += 1
                bad = [d for d in exc.diagnostics if d.code == "internal-error" or not d.code or not d.line]
                if bad:
                    problem = f"{bad[0].code}: {bad[0].message}"
            except _Hang:
                problem = f"no answer within {hang_s} s"
            except Exception as exc:  # the finding: anything but a ConfigError
                problem = f"{type(exc).__name__}: {exc}"
            finally:
                signal.alarm(0)
            report.slowest_ms = max(report.slowest_ms, (time.perf_counter() - t1) * 1000)
            report.mutants += 1
            if problem:
                report.crashes.append((mutant, problem))
                if on_crash:
                    on_crash(mutant, problem)
    finally:
        signal.signal(signal.SIGALRM, old)
    report.seconds = time.perf_counter() - t0
    return report
