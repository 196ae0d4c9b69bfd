"""Debug Adapter Protocol framing (Content-Length headers) and message builders."""

from __future__ import annotations

import json
import threading
from typing import Any, BinaryIO


class FramingError(Exception):
    """A frame could not be parsed; the stream is still usable after it."""


def read_message(stream: BinaryIO) -> dict[str, Any] | None:
    """Read one framed message; None on EOF. Raises FramingError on a bad frame."""
    length: int | None = None
    saw_header = False
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.rstrip(b"\r\n")
        if not line:
            if not saw_header:
                continue  # tolerate stray blank lines between frames
            break
        saw_header = True
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                length = int(value.strip())
            except ValueError:
                raise FramingError(f"bad Content-Length header: {line!r}") from None
    if length is None or length < 0:
        raise FramingError("missing Content-Length header")
    body = stream.read(length)
    if len(body) < length:
        return None
    try:
        msg = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FramingError(f"invalid JSON body: {exc}") from None
    if not isinstance(msg, dict):
        raise FramingError("message body is not a JSON object")
    return msg


def encode_message(msg: dict[str, Any]) -> bytes:
    body = json.dumps(msg, separators=(",", ":"), default=str).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class MessageWriter:
    """Serialises outgoing messages and owns the outgoing `seq` counter (thread safe)."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self._seq = 0

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
            msg["body"] = body
        self._send(msg)

    def response(self, request: dict[str, Any], body: dict[str, Any] | None = None) -> None:
        msg: dict[str, Any] = {
            "type": "response",
            "request_seq": request.get("seq", 0),
            "success": True,
            "command": request.get("command", ""),
        }
        if body is not None:
            msg["body"] = body
        self._send(msg)

    def error(self, request: dict[str, Any] | None, message: str, error_id: int = 1) -> None:
        req = request or {}
        self._send({
            "type": "response",
            "request_seq": req.get("seq", 0) if isinstance(req.get("seq", 0), int) else 0,
            "success": False,
            "command": str(req.get("command", "")),
            "message": message,
            "body": {"error": {"id": error_id, "format": message, "showUser": True}},
        })
