# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Load, migrate and validate Qontinui configuration files.

Everything is checked here, before anything touches the screen. The rules, their codes and
severities, the accepted spellings and the limits come from vocabulary.json, which the
workbench's ConfigValidator reads too: both sides report the same code, severity, JSON pointer and
line:column for the same file (tests/conformance/ holds the cases both test suites run).

Reading goes in stages, each safe on any input: bytes (size, UTF-8, BOM) -> text (nesting depth)
-> JSON tree (duplicate keys, NaN/Infinity) -> older dialects migrated in memory -> value types
checked against the vocabulary's shapes (wrong values dropped) -> rules -> model.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

import cv2
import numpy as np
from PIL import Image

from . import vocabulary as vocab
from .images import ImageHeaderError, image_size

TARGET_FIELDS = ("target", "source", "destination", "clickTarget")
CHILD_LIST_FIELDS = ("thenActions", "elseActions", "actions", "tryActions", "catchActions",
                     "finallyActions")
# Subtrees holding user data: their keys are not camel-cased.
_OPAQUE_KEYS = {"value", "variables", "expectedValue", "defaultValue", "initialValue", "collection"}
_SEMVER = re.compile(r"\d+\.\d+\.\d+")


# ----------------------------------------------------------------------------- diagnostics
@dataclass
class Diagnostic:
    severity: str  # "error" | "warning" | "info"
    message: str
    pointer: str
    line: int | None = None
    col: int | None = None
    code: str = ""

    def format(self, file: str) -> str:
        return f"{file}:{self.line or 1}:{self.col or 1}: {self.severity}: {self.message} ({self.pointer or '/'})"

    def to_dict(self) -> dict[str, Any]:
        return {"severity": self.severity, "code": self.code, "message": self.message, "pointer": self.pointer,
                "line": self.line, "column": self.col}


class ConfigError(Exception):
    def __init__(self, diagnostics: list[Diagnostic], path: str = "") -> None:
        self.diagnostics = diagnostics
        self.path = path
        errors = [d for d in diagnostics if d.severity == "error"]
        first = errors[0] if errors else (diagnostics[0] if diagnostics else None)
        summary = f"{first.message} ({first.pointer or '/'})" if first else "invalid configuration"
        super().__init__(f"{len(errors)} error(s) in {path or 'config'}: {summary}")


class _Report:
    """Collects diagnostics; the severity of each code comes from the vocabulary."""

    def __init__(self) -> None:
        self.diags: list[Diagnostic] = []

    def __call__(self, code: str, pointer: str, message: str, line: int | None = None,
                 col: int | None = None) -> None:
        self.diags.append(Diagnostic(vocab.severity_of(code), message, pointer, line, col, code))

    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diags)


# ----------------------------------------------------------------------------- model
@dataclass
class Region:
    x: int
    y: int
    width: int
    height: int

    def center(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2


@dataclass
class ImageAsset:
    id: str
    name: str
    pixels: np.ndarray | None  # BGR, decoded at load so bad data is caught early


@dataclass
class Pattern:
    id: str
    image_id: str
    similarity: float | None = None
    mask: np.ndarray | None = None
    search_regions: list[Region] = field(default_factory=list)
    offset: tuple[int, int] = (0, 0)
    target_percent: tuple[float, float] | None = None


@dataclass
class StateImage:
    id: str
    name: str
    state_id: str | None
    patterns: list[Pattern]
    threshold: float | None = None
    required: bool = True
    shared: bool = False
    search_regions: list[Region] = field(default_factory=list)
    monitors: list[int] = field(default_factory=list)  # first one searched (multi-screen X display)


@dataclass
class StateText:
    """A StateString with expectedText/regex: a text that must be on the screen for the state to be seen."""
    id: str
    text: str | None = None
    regex: str | None = None


@dataclass
class State:
    id: str
    name: str
    images: list[StateImage]
    regions: dict[str, Region] = field(default_factory=dict)
    locations: dict[str, tuple[int, int]] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)
    texts: list[StateText] = field(default_factory=list)
    is_initial: bool = False
    is_final: bool = False
    path_cost: float = 1.0
    pointer: str = ""


@dataclass
class Transition:
    id: str
    kind: str  # "outgoing" | "incoming"
    from_state: str | None
    to_state: str | None
    workflows: list[str]
    activate: list[str] = field(default_factory=list)
    deactivate: list[str] = field(default_factory=list)
    stays_visible: bool = False
    timeout_ms: int = 10000
    retry_count: int = 0
    cost: float = 1.0
    name: str = ""
    pointer: str = ""


@dataclass
class Action:
    id: str
    type: str
    name: str
    config: dict[str, Any]
    retry_count: int = 0
    pause_before_ms: int = 0
    pause_after_ms: int = 0
    timeout_ms: int | None = None
    pointer: str = ""
    workflow_id: str = ""


@dataclass
class Workflow:
    id: str
    name: str
    actions: list[Action]
    initial_state_ids: list[str] = field(default_factory=list)
    category: str | None = None
    variables: dict[str, Any] = field(default_factory=dict)
    pointer: str = ""

    def __post_init__(self) -> None:
        self.by_id = {a.id: a for a in self.actions}
        # Actions referenced by control-flow parents run only through their parent.
        self.child_ids: set[str] = set()
        flow = vocab.control_flow_fields()
        for a in self.actions:
            for f in flow.get(a.type, ()):
                ids = a.config.get(f)
                if isinstance(ids, list):
                    self.child_ids.update(i for i in ids if isinstance(i, str))

    def top_level(self) -> list[Action]:
        return [a for a in self.actions if a.id not in self.child_ids]


@dataclass
class Config:
    path: str
    version: str
    name: str
    images: dict[str, ImageAsset]
    states: dict[str, State]
    state_images: dict[str, StateImage]
    transitions: list[Transition]
    workflows: dict[str, Workflow]
    categories: list[dict[str, Any]]
    settings: dict[str, Any]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def setting(self, section: str, key: str, default: Any = None) -> Any:
        sec = self.settings.get(section) or {}
        for k in (key, _snake(key)):
            if k in sec and sec[k] is not None:
                return sec[k]
        return default

    @property
    def default_threshold(self) -> float:
        value = self.setting("recognition", "defaultThreshold", 0.7)
        return float(value) if _is_number(value) else 0.7

    def find_workflow(self, key: str) -> Workflow | None:
        if key in self.workflows:
            return self.workflows[key]
        for wf in self.workflows.values():
            if wf.name == key:
                return wf
        return None

    def default_workflow(self) -> Workflow | None:
        enabled = {c.get("name") for c in self.categories if c.get("automationEnabled")}
        for wf in self.workflows.values():
            if wf.category in enabled:
                return wf
        return next(iter(self.workflows.values()), None)

    def outgoing(self, state_id: str) -> list[Transition]:
        return [t for t in self.transitions if t.kind == "outgoing" and t.from_state == state_id]

    def incoming(self, state_id: str) -> list[Transition]:
        return [t for t in self.transitions if t.kind == "incoming" and t.to_state == state_id]

    def all_actions(self) -> Iterable[Action]:
        for wf in self.workflows.values():
            yield from wf.actions


# ----------------------------------------------------------------------------- key helpers
@lru_cache(maxsize=4096)
def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


@lru_cache(maxsize=4096)
def _camel(name: str) -> str:
    if "_" not in name:
        return name
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def camelize(obj: Any) -> Any:
    """camelCase every key of an action config except inside user-data subtrees."""
    if isinstance(obj, dict):
        return {_camel(k): (v if _camel(k) in _OPAQUE_KEYS else camelize(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [camelize(v) for v in obj]
    return obj


def _key(d: Any, *names: str) -> str | None:
    """The spelling of the first of names present in d (camelCase, then snake_case)."""
    if not isinstance(d, dict):
        return None
    for n in names:
        for k in (n, _snake(n)):
            if k in d and d[k] is not None:
                return k
    return None


def _get(d: Any, *names: str, default: Any = None) -> Any:
    k = _key(d, *names)
    return d[k] if k is not None else default


def _esc(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


# Indexes (monitors, ...) are 32-bit ints in the workbench's model: a larger one is a wrong type on both sides.
INDEX_MAX = 2**31 - 1


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _blank(v: Any) -> bool:
    return not isinstance(v, str) or not v.strip()


def _str_list(v: Any) -> list[str]:
    return [x for x in v if isinstance(x, str)] if isinstance(v, list) else []


def _list_or_empty(v: Any) -> list[Any]:
    """v when it is a JSON array, else a new empty list."""
    return v if isinstance(v, list) else []


def _object_or_empty(v: Any) -> dict[str, Any]:
    """v when it is a JSON object, else a new empty dict."""
    return v if isinstance(v, dict) else {}


def _text(v: Any) -> str | None:
    """v when it is a non-blank string (see _blank), else None."""
    return None if _blank(v) else v


# ----------------------------------------------------------------------------- line lookup
_WS = re.compile(r"[ \t\n\r]*")


def pointer_positions(text: str) -> dict[str, int]:
    """Map each JSON pointer of the document to the character offset of its value."""
    dec = json.JSONDecoder()
    scan = json.decoder.scanstring  # type: ignore[attr-defined]
    out: dict[str, int] = {}

    def value(i: int, ptr: str) -> int:
        i = _WS.match(text, i).end()  # type: ignore[union-attr]
        out[ptr] = i
        c = text[i]
        if c in "{[":
            close = "}" if c == "{" else "]"
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            if text[i] == close:
                return i + 1
            n = 0
            while True:
                if c == "{":
                    i = _WS.match(text, i).end()  # type: ignore[union-attr]
                    key, i = scan(text, i + 1)
                    i = _WS.match(text, i).end() + 1  # type: ignore[union-attr]  # skip ':'
                    i = value(i, f"{ptr}/{_esc(key)}")
                else:
                    i = value(i, f"{ptr}/{n}")
                    n += 1
                i = _WS.match(text, i).end()  # type: ignore[union-attr]
                if text[i] == ",":
                    i += 1
                    continue
                return i + 1
        _, end = dec.raw_decode(text, i)
        return end

    try:
        value(0, "")
    except (ValueError, IndexError, RecursionError):
        pass
    return out


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _attach_lines(diags: list[Diagnostic], text: str) -> None:
    todo = [d for d in diags if d.line is None]
    if not todo or not text:
        return
    positions = pointer_positions(text)
    newlines = [m.start() for m in re.finditer("\n", text)]
    for d in todo:
        ptr = d.pointer
        while ptr and ptr not in positions:
            ptr = ptr.rsplit("/", 1)[0]
        off = positions.get(ptr)
        if off is None:
            continue
        line_idx = bisect.bisect_left(newlines, off)
        d.line = line_idx + 1
        d.col = off - (newlines[line_idx - 1] + 1 if line_idx else 0) + 1


# ----------------------------------------------------------------------------- bytes -> tree
class _NonFinite(float):
    """NaN/Infinity as read from the text: kept so the tree walk can point at it."""


class _JsonObject(dict[str, Any]):
    duplicates: list[str] = []


def _object_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = _JsonObject()
    dups = []
    for k, v in pairs:
        if k in obj:
            dups.append(k)
            del obj[k]  # the last one wins, in its position (as Jackson's tree does)
        obj[k] = v
    if dups:
        obj.duplicates = dups
    return obj


def decode_text(data: bytes, rep: _Report) -> str | None:
    """UTF-8 (a BOM is dropped); the position of the first invalid byte otherwise."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[:exc.start].decode("utf-8", errors="replace")
        line, col = _line_col(prefix, len(prefix))
        rep("malformed-json", "", f"the file is not UTF-8 text (invalid byte 0x{data[exc.start]:02x})", line, col)
        return None


_STRINGS_OR_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]', re.S)


def check_depth(text: str, rep: _Report) -> bool:
    """Nesting deeper than the limit is refused before parsing (recursion in any parser)."""
    limit = vocab.limits().max_nesting_depth
    depth = 0
    for m in _STRINGS_OR_BRACKETS.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > limit:
                line, col = _line_col(text, m.start())
                rep("too-deep", "", f"nesting deeper than {limit} levels", line, col)
                return False
        elif c in "]}":
            depth -= 1
    return True


def parse_json(text: str, rep: _Report) -> Any:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not check_depth(text, rep):
        return None
    try:
        return json.loads(text, object_pairs_hook=_object_hook, parse_constant=_NonFinite)
    except json.JSONDecodeError as exc:
        rep("malformed-json", "", f"malformed JSON: {exc.msg}", exc.lineno, exc.colno)
    except (ValueError, RecursionError) as exc:
        rep("malformed-json", "", f"malformed JSON: {type(exc).__name__}")
    return None


def check_tree(node: Any, rep: _Report, ptr: str = "") -> Any:
    """Duplicate keys and NaN/Infinity anywhere in the tree (the latter replaced by 0)."""
    if isinstance(node, dict):
        for k in getattr(node, "duplicates", ()):
            rep("duplicate-key", f"{ptr}/{_esc(k)}", f"key \"{k}\" appears twice in the same object; the last value is used")
        for k, v in node.items():
            if isinstance(v, float) and not math.isfinite(v):
                rep("bad-number", f"{ptr}/{_esc(k)}", "NaN and Infinity are not JSON numbers")
                node[k] = 0
            elif isinstance(v, (dict, list)):
                check_tree(v, rep, f"{ptr}/{_esc(k)}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, float) and not math.isfinite(v):
                rep("bad-number", f"{ptr}/{i}", "NaN and Infinity are not JSON numbers")
                node[i] = 0
            elif isinstance(v, (dict, list)):
                check_tree(v, rep, f"{ptr}/{i}")
    return node


# ----------------------------------------------------------------------------- older dialects
class _Renames:
    """Pointers of the migrated tree -> pointers in the file."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []

    def add(self, new: str, old: str) -> None:
        self.pairs.append((new, old))

    def original(self, ptr: str) -> str:
        for new, old in sorted(self.pairs, key=lambda p: -len(p[0])):
            if ptr == new or ptr.startswith(new + "/"):
                ptr = old + ptr[len(new):]
        return ptr


def migrate(root: dict[str, Any], rep: _Report, renames: _Renames) -> None:
    """v1 and older dialects to v2.0.0, in place, each step with a legacy-format warning."""
    v1 = vocab.v1_migration()
    touched = False
    for old, new in v1["topLevel"].items():
        if old in root and new not in root:
            root[new] = root.pop(old)
            renames.add(f"/{new}", f"/{old}")
            rep("legacy-format", f"/{new}", f"v1 configuration: \"{old}\" read as \"{new}\" (re-export it as v2.0.0)")
            touched = True
    for ti, t in enumerate(_list_or_empty(root.get("transitions"))):
        if not isinstance(t, dict):
            continue
        for old, new in v1["transition"].items():
            if old in t and new not in t:
                value = t.pop(old)
                t[new] = [value] if isinstance(value, str) else value
                renames.add(f"/transitions/{ti}/{new}", f"/transitions/{ti}/{old}")
                rep("legacy-format", f"/transitions/{ti}/{new}", f"v1 transition: \"{old}\" read as \"{new}\"")
                touched = True
    workflows = _list_or_empty(root.get("workflows"))
    for wi, w in enumerate(workflows):
        if not isinstance(w, dict):
            continue
        for old, new in v1["workflow"].items():
            if old in w and new not in w and isinstance(w[old], list):
                wid = w["id"] if isinstance(w.get("id"), str) else str(wi)
                w[new] = [_step_to_action(s, f"{wid}-step-{j + 1}", v1) for j, s in enumerate(w.pop(old))]
                renames.add(f"/workflows/{wi}/{new}", f"/workflows/{wi}/{old}")
                rep("legacy-format", f"/workflows/{wi}/{new}", f"v1 workflow: \"{old}\" read as \"{new}\"")
                touched = True
        for ai, a in enumerate(_list_or_empty(w.get("actions"))):
            if isinstance(a, dict) and isinstance(a.get("type"), str) and a["type"] in v1["actionTypes"]:
                old_type = a["type"]
                a["type"] = v1["actionTypes"][old_type]
                defaults = v1["actionDefaults"].get(old_type)
                if defaults:
                    cfg = a.setdefault("config", {})
                    if isinstance(cfg, dict):
                        for k, v in defaults.items():
                            cfg.setdefault(k, v)
                rep("legacy-format", f"/workflows/{wi}/actions/{ai}/type",
                    f"old action type \"{old_type}\" read as {a['type']}")
                touched = True
    if touched and not (isinstance(root.get("version"), str) and root["version"].startswith("2.")):
        root["version"] = vocab.vocabulary()["formatVersion"]


def _step_to_action(step: Any, default_id: str, v1: dict[str, Any]) -> Any:
    """A v1 step ({"type": "key", "key": "Enter"}) as a v2 action; the step's own keys go into config."""
    if not isinstance(step, dict):
        return step
    action: dict[str, Any] = {"id": step.get("id", default_id), "type": step.get("type")}
    if "name" in step:
        action["name"] = step["name"]
    config = dict(step["config"]) if isinstance(step.get("config"), dict) else {}
    for key, value in step.items():
        target_key = v1["stepKeys"].get(key)
        if target_key is None or target_key in config:
            continue
        if target_key == "keys" and isinstance(value, str):
            value = [value]
        config[target_key] = value
    if "x" in config and "y" in config and "target" not in config:
        config["target"] = {"type": "coordinates", "coordinates": {"x": config.pop("x"), "y": config.pop("y")}}
    if isinstance(config.get("imageId"), str) and "target" not in config:
        config["target"] = {"type": "image", "imageIds": [config.pop("imageId")]}
    action["config"] = config
    return action


# ----------------------------------------------------------------------------- value types
def check_shapes(node: dict[str, Any], shape_name: str, ptr: str, rep: _Report) -> None:
    """Values of the wrong JSON type are reported and dropped, so no rule or runner sees them."""
    spec = vocab.shape(shape_name)
    aliases = vocab.aliases(shape_name)
    for key in list(node.keys()):
        canonical = key if key in spec else aliases.get(key) or _camel(key)
        expected = spec.get(canonical)
        if expected is None:
            continue
        value = node[key]
        if value is None:
            del node[key]
            continue
        kptr = f"{ptr}/{_esc(key)}"
        if not _check_value(value, expected, kptr, rep):
            rep("wrong-type", kptr, f"expected {_describe(expected)}, found {_json_type(value)}")
            del node[key]


def _check_value(value: Any, expected: str, ptr: str, rep: _Report) -> bool:
    """True if value has the expected type (checking inside it); items of the wrong type are replaced."""
    if expected.startswith("array<"):  # "array<T>" never takes part in a union
        if not isinstance(value, list):
            return False
        item_type = expected[6:-1]
        for i, item in enumerate(value):
            if item is None or not _check_value(item, item_type, f"{ptr}/{i}", rep):
                rep("wrong-type", f"{ptr}/{i}", f"expected {_describe(item_type)}, found {_json_type(item)}")
                value[i] = {} if any(_is_shape(a) for a in item_type.split("|")) else ""
        return True
    for alt in expected.split("|"):
        if alt == "string" and isinstance(value, str):
            return True
        elif alt == "boolean" and isinstance(value, bool):
            return True
        elif alt == "number" and _is_number(value):
            return True
        elif alt == "integer" and isinstance(value, int) and not isinstance(value, bool):
            return True
        elif alt == "index" and isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= INDEX_MAX:
            return True
        elif alt.startswith("enum<") and isinstance(value, str):
            allowed = vocab.enum_values(alt[5:-1])
            if value not in allowed:  # the right type: kept, but an error, so nothing runs with it
                rep("bad-enum-value", ptr, f"\"{value}\" is not one of {', '.join(allowed)}")
            return True
        elif alt == "object" and isinstance(value, dict):
            return True
        elif _is_shape(alt) and isinstance(value, dict):
            check_shapes(value, alt, ptr, rep)
            return True
    return False


def _is_shape(name: str) -> bool:
    return name not in ("string", "boolean", "number", "integer", "index", "object") \
        and not name.startswith(("array<", "enum<"))


def _describe(expected: str) -> str:
    words = {"string": "a text", "boolean": "true or false", "number": "a number", "integer": "a whole number",
             "index": "a whole number from 0", "object": "an object"}
    if expected.startswith("array<"):
        return "a list"
    return " or ".join(words.get(a) or (f"one of {', '.join(vocab.enum_values(a[5:-1]))}" if a.startswith("enum<")
                                        else "an object") for a in expected.split("|"))


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    return "an object"


# ----------------------------------------------------------------------------- rules
class _Rules:
    """The validation rules, on the migrated and type-checked tree (same order and pointers as Java)."""

    def __init__(self, root: dict[str, Any], rep: _Report, action_types: set[str], hints: dict[str, str]) -> None:
        self.root = root
        self.rep = rep
        self.action_types = action_types
        self.hints = hints
        self.limits = vocab.limits()
        self.image_ids: set[str] = set()
        self.state_ids: set[str] = set()
        self.state_names: set[str] = set()
        self.state_image_ids: set[str] = set()
        self.workflow_ids: set[str] = set()
        self.workflow_by_name: dict[str, str] = {}
        self.seen_patterns: dict[str, str] = {}
        self.location_ids: set[str] = set()
        self.region_ids: set[str] = set()
        self.string_ids: set[str] = set()

    def lst(self, node: Any, key: str | None) -> list[Any]:
        v = node.get(key) if isinstance(node, dict) else None
        return v if isinstance(v, list) else []

    def run(self) -> None:
        self.collect_ids()
        self.check_version()
        self.check_metadata()
        self.check_images()
        self.check_states()
        self.check_workflows()
        self.check_transitions()
        self.check_settings()
        self.check_categories()
        self.check_reachability()
        self.check_unused_workflows()

    def collect_ids(self) -> None:
        r = self.root
        self.image_ids = {i["id"] for i in self.lst(r, "images") if isinstance(i, dict) and not _blank(i.get("id"))}
        for s in self.lst(r, "states"):
            if not isinstance(s, dict):
                continue
            if not _blank(s.get("id")):
                self.state_ids.add(s["id"])
            if isinstance(s.get("name"), str):
                self.state_names.add(s["name"])
            for im in self.lst(s, _key(s, "stateImages", "identifyingImages") or "stateImages"):
                if isinstance(im, dict) and not _blank(im.get("id")):
                    self.state_image_ids.add(im["id"])
            for key, ids in (("regions", self.region_ids), ("locations", self.location_ids),
                             ("strings", self.string_ids)):
                for part in self.lst(s, _key(s, key, "stateStrings") if key == "strings" else key):
                    if isinstance(part, dict) and isinstance(part.get("id"), str):
                        ids.add(part["id"])
        self.workflow_ids = {w["id"] for w in self.lst(r, "workflows") if isinstance(w, dict) and not _blank(w.get("id"))}
        # RUN_WORKFLOW may name a workflow by id or, as older files do, by name.
        for w in self.lst(r, "workflows"):
            if isinstance(w, dict) and isinstance(w.get("name"), str) and isinstance(w.get("id"), str):
                self.workflow_by_name.setdefault(w["name"], w["id"])

    def workflow_ref(self, key: Any) -> str | None:
        """The id of the workflow a RUN_WORKFLOW names (id first, then name); None if there is none."""
        if not isinstance(key, str):
            return None
        if key in self.workflow_ids:
            return key
        return self.workflow_by_name.get(key)

    def check_id(self, node: dict[str, Any], ptr: str, what: str, seen: dict[str, str]) -> str | None:
        iid = _text(node.get("id"))
        if iid is None:
            self.rep("missing-field", f"{ptr}/id", f"{what} has no \"id\"")
            return None
        first = seen.setdefault(iid, ptr)
        if first != ptr:
            self.rep("duplicate-id", f"{ptr}/id", f"duplicate {what} id \"{iid}\" (first used at {first})")
        return iid

    def check_version(self) -> None:
        v = self.root.get("version")
        if v is None:
            self.rep("missing-field", "/version", "missing \"version\" (expected \"2.0.0\")")
        elif not _SEMVER.fullmatch(v):
            self.rep("bad-version", "/version", f"version \"{v}\" is not of the form MAJOR.MINOR.PATCH, e.g. \"2.0.0\"")
        elif not v.startswith("2."):
            self.rep("unsupported-version", "/version", f"version {v} is not 2.x; this runner reads the v2.0.0 format")

    def check_metadata(self) -> None:
        md = self.root.get("metadata")
        if md is None:
            self.rep("missing-name", "/metadata", "missing \"metadata\" with the configuration's name")
        elif _blank(md.get("name")):
            self.rep("missing-name", "/metadata/name", "missing \"name\" of the configuration")

    def check_images(self) -> None:
        seen: dict[str, str] = {}
        for i, img in enumerate(self.lst(self.root, "images")):
            ptr = f"/images/{i}"
            iid = self.check_id(img, ptr, "image", seen)
            if _blank(img.get("name")):
                self.rep("missing-name", f"{ptr}/name", "image has no \"name\"")
            fmt = img.get("format")
            if fmt is not None and fmt.lower() not in vocab.enum_values("imageFormat"):
                self.rep("bad-enum-value", f"{ptr}/format", f"\"{fmt}\" is not an image format; expected one of png, jpg, jpeg")
                fmt = None
            data = img.get("data")
            if _blank(data):
                self.rep("missing-image-data", ptr if data is None else f"{ptr}/data",
                         f"image \"{iid}\" has no data; patterns using it cannot match")
                continue
            self.check_image_data(data, f"{ptr}/data", f"image \"{iid}\"", fmt)
            h = img.get("hash")
            if h is not None and h.lower() != hashlib.sha256(data.encode("ascii", "replace")).hexdigest():
                self.rep("image-hash-mismatch", f"{ptr}/hash",
                         f"image \"{iid}\" hash does not match its data; the image may have been edited or truncated")

    def check_image_data(self, data: str, ptr: str, label: str, fmt: str | None) -> bytes | None:
        raw = image_bytes(data)
        if raw is None:
            self.rep("bad-image", ptr, f"{label} data is not valid base64")
            return None
        try:
            kind, w, h = image_size(raw)
        except ImageHeaderError as exc:
            self.rep("bad-image", ptr, f"{label} data is {exc}")
            return None
        if fmt is not None and (kind == "png") != (fmt.lower() == "png"):
            self.rep("bad-image", ptr, f"{label} data is {kind.upper()}, not {fmt}")
            return None
        if w * h > self.limits.max_image_pixels:
            self.rep("image-too-large", ptr, f"{label} is {w}x{h} pixels, more than the limit of "
                     f"{self.limits.max_image_pixels}")
            return None
        return raw

    def check_states(self) -> None:
        seen: dict[str, str] = {}
        seen_images: dict[str, str] = {}
        seen_parts: dict[str, str] = {}
        for i, s in enumerate(self.lst(self.root, "states")):
            ptr = f"/states/{i}"
            self.check_id(s, ptr, "state", seen)
            if _blank(s.get("name")):
                self.rep("missing-name", f"{ptr}/name", "state has no \"name\"")
            ikey = _key(s, "stateImages", "identifyingImages", "identifying_images") or "stateImages"
            for j, im in enumerate(self.lst(s, ikey)):
                self.check_state_image(im, f"{ptr}/{ikey}/{j}", seen_images)
            for key, what in (("regions", "region"), ("locations", "location"), ("strings", "string")):
                k = (_key(s, "strings", "stateStrings") if key == "strings" else key) or key
                for j, part in enumerate(self.lst(s, k)):
                    pptr = f"{ptr}/{k}/{j}"
                    if _blank(part.get("id")):
                        self.rep("missing-part-id", f"{pptr}/id", f"{what} has no \"id\"; actions cannot refer to it")
                    else:
                        first = seen_parts.setdefault(f"{what}:{part['id']}", pptr)
                        if first != pptr:
                            self.rep("duplicate-id", f"{pptr}/id",
                                     f"duplicate {what} id \"{part['id']}\" (first used at {first})")

    def check_state_image(self, im: Any, ptr: str, seen: dict[str, str]) -> None:
        if isinstance(im, str):  # old runner: a list of image ids
            if im not in self.image_ids:
                self.rep("dangling-reference", ptr, f"no image with id \"{im}\"")
            return
        iid = im.get("id")
        if _blank(iid):
            self.rep("missing-field", f"{ptr}/id", "state image has no \"id\"")
        else:
            first = seen.setdefault(iid, ptr)
            if first != ptr:
                self.rep("duplicate-id", f"{ptr}/id", f"duplicate state image id \"{iid}\" (first used at {first})")
        patterns = self.lst(im, "patterns")
        if not patterns:
            self.rep("no-patterns", f"{ptr}/patterns", f"state image \"{iid}\" has no patterns; it can never be found")
        for k, p in enumerate(patterns):
            if not _blank(p.get("id")):
                pptr = f"{ptr}/patterns/{k}"
                first = self.seen_patterns.setdefault(p["id"], pptr)
                if first != pptr:
                    self.rep("duplicate-id", f"{pptr}/id", f"duplicate pattern id \"{p['id']}\" (first used at {first})")
            pk = _key(p, "imageId", "image") or "imageId"
            iptr = f"{ptr}/patterns/{k}/{pk}"
            image_id = p.get(pk)
            if _blank(image_id):
                self.rep("missing-field", iptr, "pattern has no \"imageId\"")
            elif image_id not in self.image_ids:
                self.rep("dangling-reference", iptr, f"no image with id \"{image_id}\"")
            mask = p.get("mask")
            if isinstance(mask, str) and mask.strip():
                self.check_image_data(mask, f"{ptr}/patterns/{k}/mask", "pattern mask", None)

    def check_workflows(self) -> None:
        seen: dict[str, str] = {}
        seen_actions: dict[str, str] = {}
        graph: dict[str, list[tuple[str, str]]] = {}
        for i, w in enumerate(self.lst(self.root, "workflows")):
            ptr = f"/workflows/{i}"
            wid = self.check_id(w, ptr, "workflow", seen)
            if _blank(w.get("name")):
                self.rep("missing-name", f"{ptr}/name", "workflow has no \"name\"")
            ik = _key(w, "initialStateIds") or "initialStateIds"
            for k, sid in enumerate(self.lst(w, ik)):
                self.check_state_ref(sid, f"{ptr}/{ik}/{k}")
            if not isinstance(w.get("actions"), list):
                self.rep("missing-field", f"{ptr}/actions", f"workflow \"{wid}\" has no \"actions\" list")
                continue
            actions = w["actions"]
            local: dict[str, int] = {}
            for a, action in enumerate(actions):
                aptr = f"{ptr}/actions/{a}"
                aid = action.get("id")
                if _blank(aid):
                    self.rep("missing-field", f"{aptr}/id", "action has no \"id\"")
                    continue
                first = seen_actions.setdefault(aid, aptr)
                if first != aptr:
                    self.rep("duplicate-id", f"{aptr}/id", f"duplicate action id \"{aid}\" (first used at {first})")
                else:
                    local[aid] = a
            for a, action in enumerate(actions):
                self.check_action(action, f"{ptr}/actions/{a}", local)
            self.check_control_flow_cycles(actions, ptr, local)
            if wid is not None:
                graph.setdefault(wid, [])
                for a, action in enumerate(actions):
                    c = action.get("config") or {}
                    target = _get(c, "workflowId")
                    if action.get("type") == "RUN_WORKFLOW" and (ref := self.workflow_ref(target)) is not None:
                        graph[wid].append((ref, f"{ptr}/actions/{a}/config/{_key(c, 'workflowId')}"))
        self.check_recursion(graph)

    def check_action(self, a: dict[str, Any], ptr: str, local: dict[str, int]) -> None:
        atype: Any = a.get("type")  # any JSON value: checked below
        c = _object_or_empty(a.get("config"))
        p = f"{ptr}/config"
        if _blank(atype):
            self.rep("missing-field", f"{ptr}/type", "action has no \"type\"")
        elif atype not in self.action_types:
            msg = f"unknown action type {atype}"
            if atype in self.hints:
                msg += f" — install plugin {self.hints[atype]}"
            elif atype in vocab.not_executed_action_types():
                msg += " — a Qontinui action type this runner's executor does not run"
            self.rep("unknown-action-type", f"{ptr}/type", msg)
        for f in vocab.control_flow_fields().get(atype, ()):
            fk = _key(c, f) or f
            for k, cid in enumerate(self.lst(c, fk)):
                if cid not in local:
                    self.rep("dangling-reference", f"{p}/{fk}/{k}", f"no action with id \"{cid}\" in this workflow")
        for sptr, sid in self.state_refs(c, p):
            self.check_state_ref(sid, sptr)
        if atype == "GO_TO_STATE":
            nk = _key(c, "stateNames") or "stateNames"
            for k, name in enumerate(self.lst(c, nk)):
                if name not in self.state_names:
                    self.rep("dangling-reference", f"{p}/{nk}/{k}", f"no state named \"{name}\"")
            if not self.lst(c, _key(c, "stateIds") or "stateIds") and not self.lst(c, nk) \
                    and _blank(_get(c, "stateId")):
                self.rep("missing-field", f"{p}/stateIds", "GO_TO_STATE has no \"stateIds\"")
        if atype == "RUN_WORKFLOW":
            wk = _key(c, "workflowId")
            if wk is None or _blank(c[wk]):
                self.rep("missing-field", f"{p}/workflowId", "RUN_WORKFLOW has no \"workflowId\"")
            elif self.workflow_ref(c[wk]) is None:
                self.rep("dangling-reference", f"{p}/{wk}", f"no workflow with id \"{c[wk]}\"")
        for tptr, t in self.targets(c, p):
            self.check_target(t, tptr)
        for sptr, so in self.search_options(c, p):
            sk = _key(so, "searchStrategy", "strategy")
            if sk is not None:
                self.check_enum(so[sk], "searchStrategy", f"{sptr}/{sk}", "search strategy")
        mk = _key(c, "mouseButton")
        if mk is not None and isinstance(c[mk], str):
            self.check_enum(c[mk], "mouseButton", f"{p}/{mk}", "mouse button")
        if atype == "LOOP":
            lk = _key(c, "loopType")
            if lk is not None and isinstance(c[lk], str):
                self.check_enum(c[lk], "loopType", f"{p}/{lk}", "loop type")
        self.check_limits(atype, c, p)

    def check_limits(self, atype: Any, c: dict[str, Any], p: str) -> None:
        lim = self.limits
        caps = [("numberOfClicks", lim.max_clicks, "clicks"), ("clicks", lim.max_clicks, "clicks")]
        if atype == "LOOP":
            caps += [("iterations", lim.max_loop_iterations, "loop iterations"),
                     ("maxIterations", lim.max_loop_iterations, "loop iterations")]
        for name, cap, what in caps:
            k = _key(c, name)
            if k is not None and _is_number(c[k]) and not 0 <= c[k] <= cap:
                self.rep("limit-exceeded", f"{p}/{k}", f"{c[k]} {what}: the limit is 0 to {cap}")
        for eptr, expr in self.expressions(c, p):
            if len(expr) > lim.max_expression_length:
                self.rep("limit-exceeded", eptr, f"expression of {len(expr)} characters: the limit is "
                         f"{lim.max_expression_length}")

    def expressions(self, c: dict[str, Any], p: str) -> list[tuple[str, str]]:
        out = []
        ek = _key(c, "expression")
        if ek is not None and isinstance(c[ek], str):
            out.append((f"{p}/{ek}", c[ek]))
        cond = c.get("condition")
        if isinstance(cond, dict) and isinstance(cond.get("expression"), str):
            out.append((f"{p}/condition/expression", cond["expression"]))
        return out

    def state_refs(self, c: dict[str, Any], p: str) -> list[tuple[str, Any]]:
        refs: list[tuple[str, Any]] = []
        sk = _key(c, "stateIds")
        if sk is not None:
            refs += [(f"{p}/{sk}/{k}", sid) for k, sid in enumerate(self.lst(c, sk))]
        k1 = _key(c, "stateId")
        if k1 is not None and isinstance(c[k1], str):
            refs.append((f"{p}/{k1}", c[k1]))
        for key in ("textSource", "verify"):
            nested = c.get(key)
            if isinstance(nested, dict) and isinstance(nested.get("stateId"), str):
                refs.append((f"{p}/{key}/stateId", nested["stateId"]))
        for tptr, t in self.targets(c, p):
            if isinstance(t.get("stateId"), str):
                refs.append((f"{tptr}/stateId", t["stateId"]))
        return refs

    def targets(self, c: dict[str, Any], p: str) -> list[tuple[str, dict[str, Any]]]:
        out = []
        for key in TARGET_FIELDS:
            k = _key(c, key)
            if k is not None and isinstance(c[k], dict):
                out.append((f"{p}/{k}", c[k]))
        verify = c.get("verify")
        if isinstance(verify, dict) and isinstance(verify.get("target"), dict):
            out.append((f"{p}/verify/target", verify["target"]))
        if not out and (_key(c, "imageId") or _key(c, "imageIds")):
            out.append((p, c))  # old runner: a flat config names its image itself
        return out

    def search_options(self, c: dict[str, Any], p: str) -> list[tuple[str, dict[str, Any]]]:
        out = []
        for tptr, t in self.targets(c, p):
            so = _get(t, "searchOptions")
            if isinstance(so, dict) and tptr != p:
                out.append((f"{tptr}/{_key(t, 'searchOptions')}", so))
        k = _key(c, "searchOptions")
        if k is not None and isinstance(c[k], dict):
            out.append((f"{p}/{k}", c[k]))
        return out

    def check_target(self, t: dict[str, Any], ptr: str) -> None:
        raw_type = t.get("type")
        ttype = None
        if isinstance(raw_type, str):
            ttype = vocab.enum_values_map("targetType").get(vocab.enum_key(raw_type))
            if ttype is None:
                self.rep("bad-enum-value", f"{ptr}/type", f"\"{raw_type}\" is not a target type")
                return
        ik = _key(t, "imageIds")
        ids: list[tuple[str, Any]] = [(f"{ptr}/{ik}/{k}", i) for k, i in enumerate(self.lst(t, ik))] if ik else []
        k1 = _key(t, "imageId")
        if k1 is not None and isinstance(t[k1], str):
            ids.append((f"{ptr}/{k1}", t[k1]))
        for iptr, iid in ids:
            if iid not in self.state_image_ids and iid not in self.image_ids:
                self.rep("dangling-reference", iptr, f"no state image or image with id \"{iid}\"")
        if ttype in ("image", "stateImage") and not ids:
            self.rep("missing-field", f"{ptr}/imageIds", "image target has no \"imageIds\"")
        if ttype == "text" and _blank(t.get("text")) and _blank(t.get("regex")):
            self.rep("missing-field", f"{ptr}/text", "text target has no \"text\" or \"regex\"")
        lk = _key(t, "locationId")
        if ttype == "stateLocation" and lk is not None and t[lk] not in self.location_ids:
            self.rep("dangling-reference", f"{ptr}/{lk}", f"no state location with id \"{t[lk]}\"")
        rk = _key(t, "regionId")
        if ttype == "stateRegion" and rk is not None and t[rk] not in self.region_ids:
            self.rep("dangling-reference", f"{ptr}/{rk}", f"no state region with id \"{t[rk]}\"")

    def check_control_flow_cycles(self, actions: list[Any], ptr: str, local: dict[str, int]) -> None:
        """An IF/LOOP/TRY_CATCH that runs itself, directly or through its children, never ends."""
        flow = vocab.control_flow_fields()
        edges: dict[int, list[tuple[int, str]]] = {}
        for a, action in enumerate(actions):
            c = action.get("config") if isinstance(action.get("config"), dict) else {}
            out = edges.setdefault(a, [])
            for f in flow.get(action.get("type"), ()):
                fk = _key(c, f) or f
                for k, cid in enumerate(self.lst(c, fk)):
                    if cid in local:
                        out.append((local[cid], f"{ptr}/actions/{a}/config/{fk}/{k}"))
        for cptr in _back_edges(list(range(len(actions))), edges):
            self.rep("control-flow-cycle", cptr, "this action runs one of its own ancestors: the control flow never ends")

    def check_recursion(self, graph: dict[str, list[tuple[str, str]]]) -> None:
        for cptr in _back_edges(list(graph), graph):
            self.rep("recursive-workflow", cptr, "RUN_WORKFLOW calls a workflow that is already running (recursion)")

    def check_state_ref(self, sid: Any, ptr: str) -> None:
        if sid not in self.state_ids:
            self.rep("dangling-reference", ptr, f"no state with id \"{sid}\"")

    def check_enum(self, value: Any, enum: str, ptr: str, what: str) -> None:
        allowed = vocab.enum_values(enum)
        if value not in allowed:
            self.rep("bad-enum-value", ptr, f"\"{value}\" is not a {what}; expected one of {', '.join(allowed)}")

    def check_transitions(self) -> None:
        seen: dict[str, str] = {}
        kinds = vocab.enum_values_map("transitionType")
        for i, t in enumerate(self.lst(self.root, "transitions")):
            ptr = f"/transitions/{i}"
            self.check_id(t, ptr, "transition", seen)
            kind = transition_kind(t)
            if isinstance(t.get("type"), str) and vocab.enum_key(t["type"]) not in kinds:
                self.rep("bad-enum-value", f"{ptr}/type",
                         f"transition type \"{t['type']}\" is not OutgoingTransition or IncomingTransition")
            fk = _key(t, "fromState", "from") or "fromState"
            tk = _key(t, "toState", "to") or "toState"
            if kind == "outgoing":
                if _blank(t.get(fk)):
                    self.rep("missing-field", f"{ptr}/{fk}", "outgoing transition has no \"fromState\"")
                else:
                    self.check_state_ref(t[fk], f"{ptr}/{fk}")
                ak = _key(t, "activateStates", "activate") or "activateStates"
                if _blank(t.get(tk)):
                    if not self.lst(t, ak):
                        self.rep("missing-field", f"{ptr}/{tk}", "outgoing transition has no \"toState\" and activates no states")
                elif t[tk] != "PREVIOUS":  # Brobot: back to the states the source state hid
                    self.check_state_ref(t[tk], f"{ptr}/{tk}")
                dk = _key(t, "deactivateStates", "exit") or "deactivateStates"
                for lk in (ak, dk):
                    for k, sid in enumerate(self.lst(t, lk)):
                        self.check_state_ref(sid, f"{ptr}/{lk}/{k}")
            else:
                if _blank(t.get(tk)):
                    self.rep("missing-field", f"{ptr}/{tk}", "incoming transition has no \"toState\"")
                else:
                    self.check_state_ref(t[tk], f"{ptr}/{tk}")
            for k, wid in enumerate(self.lst(t, "workflows")):
                if wid not in self.workflow_ids:
                    self.rep("dangling-reference", f"{ptr}/workflows/{k}", f"no workflow with id \"{wid}\"")

    def check_settings(self) -> None:
        for ptr, sec in (("/settings/execution", _get(self.root.get("settings"), "execution")),
                         ("/execution_settings", self.root.get("execution_settings"))):
            if not isinstance(sec, dict):
                continue
            for name, enum, what in (("failureStrategy", "failureStrategy", "failure strategy"),
                                     ("executionMode", "executionMode", "execution mode")):
                k = _key(sec, name)
                if k is not None:
                    self.check_enum(sec[k], enum, f"{ptr}/{k}", what)

    def check_categories(self) -> None:
        for i, c in enumerate(self.lst(self.root, "categories")):
            if isinstance(c, dict) and _blank(c.get("name")):
                self.rep("missing-name", f"/categories/{i}/name", "category has no \"name\"")

    def check_reachability(self) -> None:
        states = self.lst(self.root, "states")
        if not states:
            return
        edges: dict[str, list[str]] = {}
        for t in self.lst(self.root, "transitions"):
            if transition_kind(t) == "outgoing" and isinstance(_get(t, "fromState", "from"), str):
                out = edges.setdefault(_get(t, "fromState", "from"), [])
                if isinstance(_get(t, "toState", "to"), str):
                    out.append(_get(t, "toState", "to"))
                out += _str_list(_get(t, "activateStates", "activate"))
        reached: set[str] = set()
        queue = [s["id"] for s in states if _get(s, "isInitial") is True and isinstance(s.get("id"), str)]
        reached.update(queue)
        if not queue:
            self.rep("no-initial-state", "/states",
                     "no state is marked initial (\"isInitial\": true); the runner does not know where to start")
            return
        while queue:
            for nxt in edges.get(queue.pop(0), []):
                if nxt not in reached:
                    reached.add(nxt)
                    queue.append(nxt)
        for i, s in enumerate(states):
            if isinstance(s.get("id"), str) and s["id"] not in reached:
                self.rep("unreachable-state", f"/states/{i}",
                         f"state \"{s['id']}\" cannot be reached from an initial state by any outgoing transition")

    def check_unused_workflows(self) -> None:
        used: set[str] = set()
        for t in self.lst(self.root, "transitions"):
            used.update(_str_list(t.get("workflows")))
        automated = {"Main"} | {c["name"] for c in self.lst(self.root, "categories")
                                if isinstance(c, dict) and _get(c, "automationEnabled") is True
                                and isinstance(c.get("name"), str)}
        workflows = self.lst(self.root, "workflows")
        for w in workflows:
            if w.get("category") in automated and isinstance(w.get("id"), str):
                used.add(w["id"])
            for a in self.lst(w, "actions"):
                c = a.get("config") if isinstance(a, dict) else None
                if a.get("type") == "RUN_WORKFLOW" and (ref := self.workflow_ref(_get(c, "workflowId"))) is not None:
                    used.add(ref)
        for i, w in enumerate(workflows):
            if isinstance(w.get("id"), str) and not _blank(w["id"]) and w["id"] not in used:
                self.rep("unused-workflow", f"/workflows/{i}", f"workflow \"{w['id']}\" is not run by any transition, "
                         "RUN_WORKFLOW action or automation-enabled category")


def _back_edges(nodes: list[Any], edges: dict[Any, list[tuple[Any, str]]]) -> list[str]:
    """Pointers of the edges that close a cycle, by an iterative depth-first search in list order."""
    state: dict[Any, int] = {}  # 1 = on the stack, 2 = done
    found: list[str] = []
    for start in nodes:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(edges.get(start, [])))]
        while stack:
            node, it = stack[-1]
            for nxt, ptr in it:
                if state.get(nxt) == 1:
                    found.append(ptr)
                elif nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, iter(edges.get(nxt, []))))
                    break
            else:
                state[node] = 2
                stack.pop()
    return found


def transition_kind(t: dict[str, Any]) -> str:
    kinds = vocab.enum_values_map("transitionType")
    if isinstance(t.get("type"), str) and vocab.enum_key(t["type"]) in kinds:
        return kinds[vocab.enum_key(t["type"])]
    return "outgoing" if isinstance(_get(t, "fromState", "from"), str) else "incoming"


def image_bytes(data: str) -> bytes | None:
    """The bytes of base64 image data (a data: URL prefix, whitespace and missing padding allowed); None if not base64."""
    if data.startswith("data:"):
        data = data.partition(",")[2]
    data = re.sub(r"[ \t\n\r\f\v]+", "", data)
    if len(data) % 4 == 1:
        return None
    try:
        return base64.b64decode(data + "=" * (-len(data) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


# ----------------------------------------------------------------------------- model building
class _ModelBuilder:
    """Builds the executor's model from a tree that passed the rules (so types are known good)."""

    def __init__(self, root: dict[str, Any], path: str, rep: _Report) -> None:
        self.root = root
        self.path = path
        self.rep = rep

    def lst(self, node: Any, *keys: str) -> list[Any]:
        v = _get(node, *keys)
        return v if isinstance(v, list) else []

    def state_ids_by_name(self) -> dict[Any, Any]:
        if not hasattr(self, "_by_name"):
            self._by_name: dict[Any, Any] = {}
            for s in self.lst(self.root, "states"):
                self._by_name.setdefault(s.get("name"), s.get("id"))
        return self._by_name

    def decode(self, data: Any, ptr: str, what: str) -> np.ndarray | None:
        if not isinstance(data, str) or not data.strip():
            return None
        raw = image_bytes(data)
        if raw is None:
            return None
        # Pillow, not cv2.imdecode: libpng would print its own complaints on stderr.
        try:
            with Image.open(io.BytesIO(raw)) as img:
                rgb = np.asarray(img.convert("RGB"))
        except Exception as exc:  # Pillow raises many types for broken data
            self.rep("bad-image", ptr, f"{what}: the image data cannot be decoded ({type(exc).__name__})")
            return None
        return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)

    def regions(self, items: Any) -> list[Region]:
        out = []
        for r in items if isinstance(items, list) else []:
            if isinstance(r, dict):
                bounds = r.get("bounds")
                b = bounds if isinstance(bounds, dict) else r
                vals: list[Any] = [b.get(k) for k in ("x", "y", "width", "height")]
            elif isinstance(r, list) and len(r) == 4:
                vals = r
            else:
                continue
            if all(_is_number(v) for v in vals):
                out.append(Region(*(int(v) for v in vals)))
        return out

    def build(self) -> Config:
        raw = self.root
        settings = {k: v for k, v in (raw.get("settings") or {}).items() if isinstance(v, dict)}
        # The library also accepts top-level snake-case settings objects.
        for top, sec in (("execution_settings", "execution"), ("recognition_settings", "recognition")):
            if isinstance(raw.get(top), dict):
                settings[sec] = {**{_camel(k): v for k, v in raw[top].items()}, **settings.get(sec, {})}
        images: dict[str, ImageAsset] = {}
        for i, img in enumerate(self.lst(raw, "images")):
            iid = str(img.get("id", f"image-{i}"))
            images[iid] = ImageAsset(iid, str(img.get("name", iid)),
                                     self.decode(img.get("data"), f"/images/{i}/data", f"image '{iid}'"))
        states: dict[str, State] = {}
        state_images: dict[str, StateImage] = {}
        for si, s in enumerate(self.lst(raw, "states")):
            ptr = f"/states/{si}"
            sid = str(s.get("id", f"state-{si}"))
            cost = _get(s, "pathCost", "cost", default=1.0)
            st = State(sid, str(s.get("name", sid)), [], is_initial=_get(s, "isInitial") is True,
                       is_final=_get(s, "isFinal") is True, path_cost=float(cost) if _is_number(cost) else 1.0,
                       pointer=ptr)
            ikey = _key(s, "stateImages", "identifyingImages", "identifying_images") or "stateImages"
            for ii, im in enumerate(self.lst(s, ikey)):
                st.images.append(self.state_image(im, sid, f"{ptr}/{ikey}/{ii}"))
            for r in self.lst(s, "regions"):
                for reg in self.regions([r]):
                    st.regions[str(r.get("id"))] = reg
            for loc in self.lst(s, "locations"):
                if _is_number(loc.get("x")) and _is_number(loc.get("y")):
                    st.locations[str(loc.get("id"))] = (int(loc["x"]), int(loc["y"]))
            for sstr in self.lst(s, "strings", "stateStrings"):
                st.strings[str(sstr.get("id"))] = str(sstr.get("value", ""))
                expected, rx = sstr.get("expectedText"), sstr.get("regex") or sstr.get("regexPattern")
                if expected or rx:
                    st.texts.append(StateText(str(sstr.get("id")), str(expected) if expected else None,
                                              str(rx) if rx else None))
            for im in st.images:
                state_images.setdefault(im.id, im)
            states.setdefault(sid, st)
        workflows: dict[str, Workflow] = {}
        for wi, w in enumerate(self.lst(raw, "workflows")):
            ptr = f"/workflows/{wi}"
            wid = str(w.get("id", f"workflow-{wi}"))
            actions = [self.action(a, f"{ptr}/actions/{ai}", wid) for ai, a in enumerate(self.lst(w, "actions"))]
            vars_ = w.get("variables")
            workflows.setdefault(wid, Workflow(wid, str(w.get("name", wid)), actions,
                                               _str_list(_get(w, "initialStateIds")), w.get("category"),
                                               vars_ if isinstance(vars_, dict) else {}, ptr))
        transitions = [self.transition(t, f"/transitions/{ti}") for ti, t in enumerate(self.lst(raw, "transitions"))]
        categories: list[dict[str, Any]] = [
            {"name": c} if isinstance(c, str) else {**c, "automationEnabled": _get(c, "automationEnabled") is True}
            for c in self.lst(raw, "categories")]
        metadata = _object_or_empty(raw.get("metadata"))
        return Config(self.path, str(raw.get("version", "")), str(metadata.get("name", "")), images, states,
                      state_images, transitions, workflows, categories, settings)

    def state_image(self, im: Any, sid: str, ptr: str) -> StateImage:
        if isinstance(im, str):  # old runner: identifyingImages is a list of image ids
            return StateImage(im, im, sid, [Pattern(im, im)])
        pats = []
        for pi, p in enumerate(self.lst(im, "patterns")):
            pid = str(p.get("id", f"{im.get('id')}-p{pi}"))
            mask = self.decode(p.get("mask"), f"{ptr}/patterns/{pi}/mask", f"mask of pattern '{pid}'")
            tp = p.get("targetPosition") if isinstance(p.get("targetPosition"), dict) else {}
            pw, ph = tp.get("percentW", 50), tp.get("percentH", 50)
            ox, oy = _get(p, "offsetX", default=0), _get(p, "offsetY", default=0)
            pats.append(Pattern(
                pid, str(_get(p, "imageId", "image", default="")), similarity=_get(p, "similarity"), mask=mask,
                search_regions=self.regions(_get(p, "searchRegions")),
                offset=(int(ox) if _is_number(ox) else 0, int(oy) if _is_number(oy) else 0),
                target_percent=(float(pw) / 100, float(ph) / 100) if tp and _is_number(pw) and _is_number(ph)
                else None))
        sr = self.regions(_get(im, "searchRegions"))
        ms = im.get("matchSettings") if isinstance(im.get("matchSettings"), dict) else {}
        if not sr and isinstance(ms.get("searchRegion"), list):
            sr = self.regions([ms["searchRegion"]])
        iid = str(im.get("id", f"{sid}-img"))
        threshold = _get(im, "threshold", "similarity")
        raw_mons = _get(im, "monitors")
        mons = [m for m in raw_mons if isinstance(m, int) and not isinstance(m, bool)] if isinstance(raw_mons, list) else []
        return StateImage(iid, str(im.get("name", iid)), sid, pats, threshold if _is_number(threshold) else None,
                          _get(im, "required") is not False, _get(im, "shared") is True, sr, mons)

    def action(self, a: dict[str, Any], ptr: str, wid: str) -> Action:
        aid = str(a.get("id", ptr))
        atype = str(a.get("type", ""))
        cfg = camelize(dict(a.get("config") or {}))
        # Legacy flat FIND/CLICK configs carry the image id at config level.
        if "target" not in cfg and any(k in cfg for k in ("imageId", "imageIds", "image")):
            cfg["target"] = {"type": "image", "imageIds": cfg.get("imageIds") or [cfg.get("imageId") or cfg.get("image")]}
            if "similarity" in cfg:
                cfg["target"]["searchOptions"] = {"similarity": cfg["similarity"]}
        for f in TARGET_FIELDS:
            if f in cfg:
                cfg[f] = normalize_target(cfg[f])
        if isinstance(cfg.get("searchOptions"), dict):
            cfg["searchOptions"] = normalize_search_options(cfg["searchOptions"])
        if atype == "GO_TO_STATE":
            names = self.state_ids_by_name()
            ids = _str_list(cfg.get("stateIds")) or ([cfg["stateId"]] if isinstance(cfg.get("stateId"), str) else [])
            ids += [names[n] for n in _str_list(cfg.get("stateNames")) if n in names and names[n] not in ids]
            cfg["stateIds"] = ids
        ex = camelize(a.get("execution")) if isinstance(a.get("execution"), dict) else {}
        base = camelize(a.get("base")) if isinstance(a.get("base"), dict) else {}

        def num(v: Any, default: int) -> int:
            return int(v) if _is_number(v) else default

        retry = _get(ex, "retryCount", default=_get(a, "retryCount", default=0))
        timeout = _get(ex, "timeout", default=_get(a, "timeout"))
        return Action(aid, atype, str(a.get("name", "")), cfg,
                      retry_count=max(0, num(retry, 0)),
                      pause_before_ms=num(_get(base, "pauseBeforeBegin", default=_get(a, "pauseBeforeBegin")), 0),
                      pause_after_ms=num(_get(base, "pauseAfterEnd", default=_get(a, "pauseAfterEnd")), 0),
                      timeout_ms=int(timeout) if _is_number(timeout) else None,
                      pointer=ptr, workflow_id=wid)

    def transition(self, t: dict[str, Any], ptr: str) -> Transition:
        def num(v: Any, default: float) -> float:
            return float(v) if _is_number(v) else default

        to_state = _get(t, "toState", "to")
        return Transition(
            str(t.get("id", ptr)), transition_kind(t), _get(t, "fromState", "from"),
            to_state if isinstance(to_state, str) else None, _str_list(t.get("workflows")),
            activate=_str_list(_get(t, "activateStates", "activate")),
            deactivate=_str_list(_get(t, "deactivateStates", "exit")),
            stays_visible=_get(t, "staysVisible") is True,
            timeout_ms=int(num(_get(t, "timeout"), 10000)),
            retry_count=int(num(_get(t, "retryCount"), 0)),
            cost=num(_get(t, "pathCost", "cost", "score"), 1.0),
            name=str(t.get("name", "")), pointer=ptr)


def normalize_search_options(so: Any) -> dict[str, Any]:
    so = camelize(dict(so or {}))
    if "strategy" in so and "searchStrategy" not in so:
        so["searchStrategy"] = so.pop("strategy")
    return so


def normalize_target(t: Any) -> Any:
    """Canonical target dict: legacy spellings (imageId, StateImage, flat x/y...) folded in."""
    if isinstance(t, str):
        low = t.replace(" ", "").lower()
        if low in ("lastfindresult", "last_find_result"):
            return {"type": "lastFindResult"}
        if low in ("currentposition",):
            return {"type": "currentPosition"}
        return {"type": "image", "imageIds": [t]}
    if not isinstance(t, dict):
        return t
    t = camelize(dict(t))
    ttype = t.get("type") if isinstance(t.get("type"), str) else ""
    low = vocab.enum_key(ttype)
    if not ttype:
        if "imageId" in t or "imageIds" in t or "image" in t:
            low = "image"
        elif "x" in t or "coordinates" in t:
            low = "coordinates"
    t["type"] = vocab.enum_values_map("targetType").get(low, ttype)
    if t["type"] in ("image", "stateImage"):
        ids = _str_list(t.get("imageIds")) or ([t["imageId"]] if isinstance(t.get("imageId"), str) else []) or \
            ([t["image"]] if isinstance(t.get("image"), str) else [])
        t["imageIds"] = ids
    if t["type"] == "coordinates":
        c = t.get("coordinates") if isinstance(t.get("coordinates"), dict) else t
        x, y = c.get("x", 0), c.get("y", 0)
        t["x"], t["y"] = (int(x) if _is_number(x) else 0), (int(y) if _is_number(y) else 0)
    if isinstance(t.get("searchOptions"), dict):
        t["searchOptions"] = normalize_search_options(t["searchOptions"])
    return t


# ----------------------------------------------------------------------------- entry points
def _validate_tree(raw: Any, rep: _Report, action_types: set[str], hints: dict[str, str],
                   renames: _Renames) -> dict[str, Any] | None:
    if not isinstance(raw, dict):
        rep("wrong-type", "", f"a configuration is a JSON object, this is {_json_type(raw)}")
        return None
    check_tree(raw, rep)
    migrate(raw, rep, renames)
    check_shapes(raw, "root", "", rep)
    _Rules(raw, rep, action_types, hints).run()
    return raw


def _finish(raw: Any, path: str, text: str, rep: _Report, action_types: set[str] | None,
            hints: dict[str, str] | None) -> Config:
    if action_types is None:  # vocabulary.json's executed types = actions.BUILTIN_ACTIONS (tested), no import cycle
        action_types = set(vocab.executed_action_types())
    renames = _Renames()
    root = None
    try:
        root = _validate_tree(raw, rep, action_types, hints or {}, renames)
        cfg = None
        if root is not None and not rep.has_errors():
            cfg = _ModelBuilder(root, path, rep).build()
    except Exception as exc:  # a bug here must still end as a diagnostic, never a traceback
        rep("internal-error", "", f"internal error while reading the configuration: {type(exc).__name__}: {exc}")
        cfg = None
    for d in rep.diags:
        d.pointer = renames.original(d.pointer)
    _attach_lines(rep.diags, text)
    if cfg is None or rep.has_errors():
        raise ConfigError(rep.diags, path)
    cfg.diagnostics = rep.diags
    return cfg


def parse_config(raw: Any, path: str = "", text: str = "", action_types: set[str] | None = None,
                 hints: dict[str, str] | None = None) -> Config:
    """Validate a parsed config (a dict, modified in place) and build the model; raises ConfigError on errors."""
    return _finish(raw, path, text, _Report(), action_types, hints)


def parse_text(text: str, path: str = "", action_types: set[str] | None = None,
               hints: dict[str, str] | None = None) -> Config:
    rep = _Report()
    if text.startswith("\ufeff"):
        text = text[1:]
    raw = parse_json(text, rep)
    if raw is None:
        raise ConfigError(rep.diags, path)
    return _finish(raw, path, text, rep, action_types, hints)


def parse_bytes(data: bytes, path: str = "", action_types: set[str] | None = None,
                hints: dict[str, str] | None = None) -> Config:
    rep = _Report()
    limit = vocab.limits().max_file_bytes
    if len(data) > limit:
        rep("too-large", "", f"the file has {len(data)} bytes, more than the limit of {limit}", 1, 1)
        raise ConfigError(rep.diags, path)
    text = decode_text(data, rep)
    if text is None:
        raise ConfigError(rep.diags, path)
    return parse_text(text, path, action_types, hints)


def load_config(path: str, action_types: set[str] | None = None,
                hints: dict[str, str] | None = None) -> Config:
    limit = vocab.limits().max_file_bytes
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise ConfigError([Diagnostic("error", f"cannot read config: {exc.strerror or exc}", "", 1, 1,
                                      "malformed-json")], path) from None
    return parse_bytes(data, path, action_types, hints)
