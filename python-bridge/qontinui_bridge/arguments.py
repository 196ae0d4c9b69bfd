# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Typed request arguments: JSON objects checked against dataclasses, errors named by JSON pointer.

A request's ``arguments`` are converted once, at the door; handlers then read typed fields and never
see a ``true`` where a path belongs. Field names are the DAP (camelCase) property names.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, TypeVar, Union

T = TypeVar("T")


class ArgumentError(ValueError):
    """An argument has the wrong type or value; the message names it by JSON pointer."""


def parse_arguments(cls: type[T], value: Any, pointer: str = "/arguments") -> T:
    """``value`` (a decoded JSON object) as a ``cls`` instance; ArgumentError names the first bad field."""
    if value is None:
        value = {}
    if not isinstance(value, dict):
        raise ArgumentError(f"{pointer or '/'}: expected an object, got {_describe(value)}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for name, field in fields.items():
        if name.startswith("_"):
            continue
        where = f"{pointer}/{name}"
        if name not in value or value[name] is None:
            if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                raise ArgumentError(f"{where}: missing (required: {_type_name(hints[name])})")
            continue
        values[name] = _convert(hints[name], value[name], where)
    obj = cls(**values)
    if "_unknown" in fields:  # a definition that wants to warn about keys it does not know
        obj._unknown = sorted(k for k in value if k not in fields)  # type: ignore[attr-defined]
    return obj


def _convert(tp: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if tp is Any:
        return value
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        for option in options:
            try:
                return _convert(option, value, where)
            except ArgumentError:
                pass
        raise ArgumentError(f"{where}: expected {_type_name(tp)}, got {_describe(value)}")
    if origin is Literal:
        choices = typing.get_args(tp)
        if value in choices and type(value) is type(choices[0]):
            return value
        raise ArgumentError(f"{where}: expected one of {', '.join(repr(c) for c in choices)}, got {_describe(value)}")
    if origin is list:
        if not isinstance(value, list):
            raise ArgumentError(f"{where}: expected {_type_name(tp)}, got {_describe(value)}")
        (item,) = typing.get_args(tp)
        return [_convert(item, v, f"{where}/{i}") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ArgumentError(f"{where}: expected {_type_name(tp)}, got {_describe(value)}")
        _, item = typing.get_args(tp)
        return {k: _convert(item, v, f"{where}/{_escape(k)}") for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        return parse_arguments(tp, value, where)
    if tp is bool:
        if isinstance(value, bool):
            return value
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif tp is str:
        if isinstance(value, str):
            return value
    else:
        raise TypeError(f"unsupported argument type {tp!r} at {where}")
    raise ArgumentError(f"{where}: expected {_type_name(tp)}, got {_describe(value)}")


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(a) for a in typing.get_args(tp) if a is not type(None))
    if origin is Literal:
        return "one of " + ", ".join(repr(c) for c in typing.get_args(tp))
    if origin is list:
        return f"an array of {_plural(typing.get_args(tp)[0])}"
    if origin is dict:
        return f"an object of {_plural(typing.get_args(tp)[1])}"
    if dataclasses.is_dataclass(tp):
        return "an object"
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}.get(tp, str(tp))


def _plural(tp: Any) -> str:
    return {bool: "booleans", int: "integers", float: "numbers", str: "strings"}.get(tp, "objects")


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value[:40]!r}"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


# --------------------------------------------------------------------------- standard DAP requests
# Only the properties the executor reads; clients may send more (the DAP allows it) and they are ignored.

@dataclasses.dataclass
class InitializeArguments:
    adapterID: str = ""
    clientID: str | None = None
    clientName: str | None = None
    locale: str | None = None
    linesStartAt1: bool = True
    columnsStartAt1: bool = True
    pathFormat: str = "path"


@dataclasses.dataclass
class FunctionBreakpoint:
    name: str
    condition: str | None = None
    hitCondition: str | None = None
    logMessage: str | None = None


@dataclasses.dataclass
class SetFunctionBreakpointsArguments:
    breakpoints: list[FunctionBreakpoint]


@dataclasses.dataclass
class ExceptionFilterOptions:
    filterId: str
    condition: str | None = None
    mode: str | None = None


@dataclasses.dataclass
class SetExceptionBreakpointsArguments:
    filters: list[str]
    filterOptions: list[ExceptionFilterOptions] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ThreadArguments:
    """continue, next, stepIn, stepOut, pause."""
    threadId: int
    singleThread: bool = False
    granularity: str | None = None


@dataclasses.dataclass
class StackTraceArguments:
    threadId: int
    startFrame: int = 0
    levels: int = 0


@dataclasses.dataclass
class ScopesArguments:
    frameId: int


@dataclasses.dataclass
class VariablesArguments:
    variablesReference: int
    filter: Literal["indexed", "named"] | None = None
    start: int = 0
    count: int = 0


@dataclasses.dataclass
class SetVariableArguments:
    variablesReference: int
    name: str
    value: str


@dataclasses.dataclass
class EvaluateArguments:
    expression: str
    frameId: int | None = None
    context: str | None = None


@dataclasses.dataclass
class TerminateArguments:
    restart: bool = False


@dataclasses.dataclass
class DisconnectArguments:
    restart: bool = False
    terminateDebuggee: bool | None = None
    suspendDebuggee: bool = False


@dataclasses.dataclass
class NoArguments:
    """configurationDone, threads."""
