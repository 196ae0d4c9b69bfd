# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Debug Adapter Protocol framing (Content-Length headers), error ids and the message writer.

The reader never trusts the peer: header blocks and bodies are capped, and after a bad frame it
resynchronises on the next ``Content-Length:`` header instead of reading the stream out of step.
"""

from __future__ import annotations

import enum
import json
import re
import threading
from typing import Any, BinaryIO

MAX_CONTENT_LENGTH = 16 * 1024 * 1024
"""Largest body accepted (a launch may carry a big configuration inline one day); larger frames are skipped."""
MAX_HEADER_BYTES = 8 * 1024
_CHUNK = 64 * 1024

# A header that starts a frame. JSON cannot contain it (raw CR/LF never occur inside a JSON string, and
# the name is not a JSON token), so finding it inside a body proves the declared length was wrong.
_FRAME_HEADER = re.compile(rb"Content-Length[ \t]*:[ \t]*[0-9]+[ \t]*\r?\n", re.IGNORECASE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_TOKEN = re.compile(rb"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_WHITESPACE = b" \t\r\n"


class ErrorId(enum.IntEnum):
    """``body.error.id`` of failed responses; the Java twin is ``org.qontinui.runner.bridge.ProtocolErrors``."""
    GENERAL = 1
    INVALID_CONFIG = 2
    INVALID_ARGUMENTS = 3
    UNKNOWN_REQUEST = 4
    MALFORMED_FRAME = 5
    PLUGIN_FAILED = 6
    BACKEND_FAILED = 7
    NOT_FOUND = 8
    WRONG_STATE = 9


class FramingError(Exception):
    """A frame could not be parsed. The reader has skipped it; the next read starts at the next frame."""


class FrameReader:
    """Reads framed messages from a byte stream with bounded memory, resynchronising after bad frames."""

    def __init__(self, stream: BinaryIO, max_content_length: int = MAX_CONTENT_LENGTH) -> None:
        self._stream = stream
        self._max = max_content_length
        self._buf = bytearray()
        self._eof = False
        self._resync = False  # skip to the next "Content-Length:" before parsing (after a bad frame)

    # ------------------------------------------------------------------ input
    def _fill(self, wanted: int = _CHUNK) -> bool:
        """Reads what is available (at least one byte unless EOF); False at EOF."""
        if self._eof:
            return False
        read1 = getattr(self._stream, "read1", None)
        chunk = read1(max(_CHUNK, min(wanted, 1 << 20))) if read1 is not None else self._stream.read(1)
        if not chunk:
            self._eof = True
            return False
        self._buf += chunk
        return True

    def _fail(self, message: str, skip: int) -> FramingError:
        """Drops ``skip`` bytes and arranges a resync; returns the error to raise."""
        del self._buf[:skip]
        self._resync = True
        return FramingError(message)

    # ------------------------------------------------------------------ frames
    def read(self) -> dict[str, Any] | None:
        """The next message; None at EOF. Raises FramingError for a bad frame (call again to go on)."""
        while True:
            if self._resync and not self._skip_to_frame_start():
                return None
            # Stray blank lines between frames are harmless.
            start = 0
            while start < len(self._buf) and self._buf[start] in _WHITESPACE:
                start += 1
            del self._buf[:start]
            if not self._buf:
                if not self._fill():
                    return None
                continue
            end = _HEADER_END.search(self._buf, 0, MAX_HEADER_BYTES + 4)
            if end is None:
                if len(self._buf) > MAX_HEADER_BYTES:
                    raise self._fail(f"header block longer than {MAX_HEADER_BYTES} bytes", 1)
                if not self._fill():
                    raise self._fail("input ended inside a frame header", len(self._buf))
                continue
            length = self._content_length(bytes(self._buf[:end.start()]), end.end())
            return self._read_body(end.end(), length)

    def _content_length(self, header: bytes, header_end: int) -> int:
        """The declared body length; a bad header block is dropped whole and its body skipped by the resync."""
        length: int | None = None
        for line in header.split(b"\n"):
            line = line.rstrip(b"\r")
            name, colon, value = line.partition(b":")
            if not colon or not _TOKEN.fullmatch(name.strip(b" \t")):
                raise self._fail(f"malformed header line {_show(line)} (expected 'Name: value')", header_end)
            if name.strip(b" \t").lower() != b"content-length":
                continue  # Content-Type and friends: allowed, ignored
            value = value.strip(b" \t")
            if not value.isdigit():
                raise self._fail(f"Content-Length is not a decimal number: {_show(value)}", header_end)
            # Huge digit strings would hit int()'s digit limit; any of them is over the cap anyway.
            value_int = int(value) if len(value) <= 18 else 10 ** 18
            if length is not None and value_int != length:
                raise self._fail("conflicting Content-Length headers", header_end)
            length = value_int
        if length is None:
            raise self._fail("frame without a Content-Length header", header_end)
        return length

    def _read_body(self, body_start: int, length: int) -> dict[str, Any]:
        if length > self._max:
            # Its bytes are skipped (not stored) by the resync, whatever they are.
            raise self._fail(f"Content-Length {length} exceeds the limit of {self._max} bytes; "
                             f"frame skipped", body_start)
        scanned = body_start  # each byte is searched once (plus an overlap for a header split across reads)
        while True:
            available = min(len(self._buf) - body_start, length)
            cut = _FRAME_HEADER.search(self._buf, max(body_start, scanned - 64), body_start + available)
            scanned = body_start + available
            if cut is not None:
                # The next frame's header sits inside this body: the declared length was too large.
                raise self._fail(f"frame body cut short after {cut.start() - body_start} of {length} bytes "
                                 f"by the next frame's header (wrong Content-Length)", cut.start())
            if available == length:
                break
            if not self._fill(length - available):
                raise self._fail(f"input ended inside a frame body ({available} of {length} bytes)",
                                 len(self._buf))
        body = bytes(self._buf[body_start:body_start + length])
        del self._buf[:body_start + length]
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            self._resync = True
            raise FramingError(f"frame body is not valid UTF-8 (byte {exc.start})") from None
        try:
            msg = json.loads(text)
        except json.JSONDecodeError as exc:
            # A Content-Length that was too small leaves the rest of the body before the next header.
            self._resync = True
            raise FramingError(f"frame body is not valid JSON: {exc.msg} at {exc.lineno}:{exc.colno}") from None
        if not isinstance(msg, dict):
            raise FramingError(f"frame body is a JSON {type(msg).__name__}, not an object")
        return msg

    def _skip_to_frame_start(self) -> bool:
        """Drops bytes up to the next frame header, keeping memory bounded; False at EOF."""
        while True:
            # The whole header line, not just its name: the text "Content-Length:" may sit in a broken body.
            m = _FRAME_HEADER.search(self._buf)
            if m is not None:
                del self._buf[:m.start()]
                break
            keep = min(len(self._buf), 64)  # a header line split across reads
            del self._buf[:len(self._buf) - keep]
            if not self._fill():
                return False
        self._resync = False
        return True


def _show(raw: bytes, limit: int = 60) -> str:
    text = raw[:limit].decode("utf-8", "backslashreplace")
    return repr(text + ("…" if len(raw) > limit else ""))


def encode_message(msg: dict[str, Any]) -> bytes:
    body = json.dumps(msg, separators=(",", ":"), default=str, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def without_nulls(value: Any) -> Any:
    """DAP bodies omit optional properties instead of sending null."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


class MessageWriter:
    """Serialises outgoing messages and owns the outgoing `seq` counter (thread safe)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self._seq = 0
        self.answered: set[int] = set()  # request seqs answered; the dispatcher checks and clears them

    def _send(self, msg: dict[str, Any]) -> None:
        with self._lock:
            self._seq += 1
            msg["seq"] = self._seq
            try:
                self._stream.write(encode_message(msg))
                self._stream.flush()
            except (BrokenPipeError, ValueError, OSError):
                pass  # client went away; nothing useful left to do

    def event(self, event: str, body: dict[str, Any] | None = None) -> None:
        msg: dict[str, Any] = {"type": "event", "event": event}
        if body is not None:
            # Custom events keep their documented nulls; standard ones follow the spec.
            msg["body"] = body if event.startswith("qontinui/") else without_nulls(body)
        self._send(msg)

    def response(self, request: dict[str, Any], body: dict[str, Any] | None = None) -> None:
        seq = _request_seq(request)
        msg: dict[str, Any] = {
            "type": "response",
            "request_seq": seq,
            "success": True,
            "command": str(request.get("command", "")),
        }
        if body is not None:
            msg["body"] = without_nulls(body)
        self.answered.add(seq)
        self._send(msg)

    def error(self, request: dict[str, Any] | None, message: str, error_id: int = ErrorId.GENERAL) -> None:
        req = request or {}
        seq = _request_seq(req)
        command = req.get("command")
        self.answered.add(seq)
        self._send({
            "type": "response",
            "request_seq": seq,
            "success": False,
            "command": command if isinstance(command, str) else "",
            "message": message,
            "body": {"error": {"id": int(error_id), "format": message,
                               "showUser": True}},
        })


def _request_seq(request: dict[str, Any]) -> int:
    seq = request.get("seq", 0)
    return seq if isinstance(seq, int) and not isinstance(seq, bool) else 0
