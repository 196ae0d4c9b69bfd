# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Frame reader: every broken frame is reported once and the next good frame is read (never a desync)."""

from __future__ import annotations

import io
import json
import os
import threading
import time

import pytest

from qontinui_bridge.protocol import MAX_CONTENT_LENGTH, FrameReader, FramingError, encode_message


def frame(msg: dict) -> bytes:
    return encode_message(msg)


def good(n: int) -> bytes:
    return frame({"seq": n, "type": "request", "command": "threads"})


def read_all(data: bytes, **kw) -> tuple[list[dict], list[str]]:
    """Every message and error until EOF, in order."""
    reader = FrameReader(io.BufferedReader(io.BytesIO(data)), **kw)
    got: list[dict] = []
    errors: list[str] = []
    for _ in range(100):
        try:
            msg = reader.read()
        except FramingError as exc:
            errors.append(str(exc))
            continue
        if msg is None:
            return got, errors
        got.append(msg)
    raise AssertionError("reader did not reach EOF")


def seqs(msgs: list[dict]) -> list[int]:
    return [m["seq"] for m in msgs]


def test_good_frames_with_extra_headers_and_blank_lines() -> None:
    body = json.dumps({"seq": 2, "type": "request", "command": "x"}).encode()
    data = good(1) + b"\r\n" + b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" \
        + b"Content-Length: %d\r\n\r\n" % len(body) + body + good(3)
    msgs, errors = read_all(data)
    assert seqs(msgs) == [1, 2, 3] and errors == []


@pytest.mark.parametrize("broken, expected", [
    (b"Content-Length: abc\r\n\r\n{\"seq\":99}", "not a decimal number"),
    (b"Content-Length: -5\r\n\r\n{\"seq\":99}", "not a decimal number"),
    (b"Content-Type: text/plain\r\n\r\n{\"seq\":99}", "without a Content-Length"),
    (b"garbage line\r\n\r\n{\"seq\":99}", "malformed header line"),
    (b"Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", "conflicting"),
    (b"Content-Length: 5\r\n\r\nhello", "not valid JSON"),
    (b"Content-Length: 4\r\n\r\n\xff\xfe{}", "not valid UTF-8"),
    (b"Content-Length: 3\r\n\r\n[1]", "JSON list, not an object"),
    (b"Content-Length: 0\r\n\r\n", "not valid JSON"),
])
def test_each_broken_frame_is_reported_and_the_next_one_read(broken: bytes, expected: str) -> None:
    msgs, errors = read_all(good(1) + broken + good(2))
    assert seqs(msgs) == [1, 2]
    assert len(errors) == 1 and expected in errors[0], errors


def test_content_length_too_small_resynchronises_on_the_next_header() -> None:
    body = json.dumps({"seq": 7, "type": "request", "command": "threads"}).encode()
    msgs, errors = read_all(good(1) + b"Content-Length: 10\r\n\r\n" + body + good(2))
    assert seqs(msgs) == [1, 2] and len(errors) == 1 and "not valid JSON" in errors[0]


def test_content_length_too_large_gives_back_the_swallowed_frame() -> None:
    body = json.dumps({"seq": 7, "type": "request", "command": "threads"}).encode()
    msgs, errors = read_all(good(1) + b"Content-Length: 500\r\n\r\n" + body + good(2) + good(3))
    assert seqs(msgs) == [1, 2, 3]
    assert len(errors) == 1 and "cut short" in errors[0]


def test_too_large_length_does_not_wait_for_bytes_that_never_come() -> None:
    """The client sends a frame with a too large length, then waits for the answer to its next request."""
    r, w = os.pipe()
    reader = FrameReader(os.fdopen(r, "rb"))
    out = os.fdopen(w, "wb")
    out.write(b"Content-Length: 900\r\n\r\n{\"seq\":1}")
    out.flush()
    result: list[object] = []

    def read_two() -> None:
        for _ in range(2):
            try:
                result.append(reader.read())
            except FramingError as exc:
                result.append(exc)

    t = threading.Thread(target=read_two, daemon=True)
    t.start()
    time.sleep(0.2)
    out.write(good(2))
    out.flush()
    t.join(5)
    out.close()
    assert isinstance(result[0], FramingError) and result[1]["seq"] == 2  # type: ignore[index]


def test_huge_content_length_is_skipped_without_allocating_it() -> None:
    msgs, errors = read_all(good(1) + b"Content-Length: 1000000000000000\r\n\r\n{}" + good(2))
    assert seqs(msgs) == [1, 2] and "exceeds the limit" in errors[0]
    msgs, errors = read_all(good(1) + b"Content-Length: " + b"9" * 5000 + b"\r\n\r\n{}" + good(2))
    assert seqs(msgs) == [1, 2] and len(errors) == 1


def test_an_oversized_body_is_streamed_past_not_stored() -> None:
    big = b"[" + b"0," * (MAX_CONTENT_LENGTH // 2) + b"0]"
    data = good(1) + b"Content-Length: %d\r\n\r\n" % len(big) + big + good(2)
    reader = FrameReader(io.BufferedReader(io.BytesIO(data)))
    assert reader.read()["seq"] == 1  # type: ignore[index]
    with pytest.raises(FramingError, match="exceeds the limit"):
        reader.read()
    assert reader.read()["seq"] == 2  # type: ignore[index]
    assert len(reader._buf) < 1024  # nothing of the skipped body is kept


def test_a_config_sized_frame_under_the_cap_is_read() -> None:
    payload = {"seq": 1, "type": "request", "command": "x", "arguments": {"blob": "a" * (4 * 1024 * 1024)}}
    msgs, errors = read_all(frame(payload))
    assert errors == [] and len(msgs[0]["arguments"]["blob"]) == 4 * 1024 * 1024


def test_endless_header_is_capped() -> None:
    msgs, errors = read_all(b"X-Long: " + b"a" * 100_000 + b"\r\n\r\n" + good(2))
    assert seqs(msgs) == [2] and "header block longer" in errors[0]


def test_truncated_frame_at_eof_is_reported_then_eof() -> None:
    msgs, errors = read_all(good(1) + b"Content-Length: 50\r\n\r\n{\"seq\":")
    assert seqs(msgs) == [1] and len(errors) == 1 and "input ended inside a frame body" in errors[0]
    msgs, errors = read_all(good(1) + b"Content-Len")
    assert seqs(msgs) == [1] and "inside a frame header" in errors[0]


def test_header_split_across_reads_is_found() -> None:
    r, w = os.pipe()
    reader = FrameReader(os.fdopen(r, "rb"))
    data = b"junk\r\n\r\n" + good(5)
    with os.fdopen(w, "wb", buffering=0) as out:
        def trickle() -> None:
            for i in range(len(data)):
                out.write(data[i:i + 1])
        t = threading.Thread(target=trickle)
        t.start()
        with pytest.raises(FramingError):
            reader.read()
        assert reader.read()["seq"] == 5  # type: ignore[index]
        t.join()


def test_header_text_inside_a_broken_body_does_not_cost_the_next_frame() -> None:
    broken = b'Content-Length: 8\r\n\r\n{"text":"Content-Length: 5 is a header"}'
    msgs, errors = read_all(good(1) + broken + good(2))
    assert seqs(msgs) == [1, 2] and len(errors) == 1 and "not valid JSON" in errors[0]
