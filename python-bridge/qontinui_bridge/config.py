"""Load, normalise, migrate (v1 -> v2) and validate Qontinui configuration files.

Everything is checked here, before anything touches the screen. Each problem is a
Diagnostic carrying the JSON pointer of the offending value and, when the file is
available, its 1-based line/column.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import cv2
import numpy as np

# Every Qontinui v2 action type; those the executor does not implement are still
# rejected at validation ("unknown action type"), with a note saying so.
QONTINUI_ACTION_TYPES = {
    "FIND", "FIND_STATE", "FIND_STATE_IMAGE", "EXISTS", "VANISH", "WAIT", "CLICK", "MOUSE_MOVE",
    "MOUSE_DOWN", "MOUSE_UP", "DRAG", "SCROLL", "HIGHLIGHT", "TYPE", "KEY_PRESS", "KEY_DOWN",
    "KEY_UP", "HOTKEY", "IF", "LOOP", "BREAK", "CONTINUE", "SWITCH", "TRY_CATCH", "SET_VARIABLE",
    "GET_VARIABLE", "SORT", "FILTER", "MAP", "REDUCE", "STRING_OPERATION", "MATH_OPERATION",
    "GO_TO_STATE", "RUN_WORKFLOW", "SCREENSHOT", "CODE_BLOCK", "CUSTOM_FUNCTION", "SHELL",
    "SHELL_SCRIPT", "AI_PROMPT", "RUN_PROMPT_SEQUENCE",
}
# Legacy (v1 / old runner) spellings of action types.
ACTION_TYPE_ALIASES = {"MOVE": "MOUSE_MOVE", "DOUBLE_CLICK": "CLICK", "RIGHT_CLICK": "CLICK",
                       "WAIT_VANISH": "VANISH", "TYPE_TEXT": "TYPE"}
TARGET_FIELDS = ("target", "source", "destination", "clickTarget")
CHILD_LIST_FIELDS = ("thenActions", "elseActions", "actions", "tryActions", "catchActions",
                     "finallyActions")
# Subtrees holding user data: their keys are not camel-cased.
_OPAQUE_KEYS = {"value", "variables", "expectedValue", "defaultValue", "initialValue", "collection"}


# ----------------------------------------------------------------------------- diagnostics
@dataclass
class Diagnostic:
    severity: str  # "error" | "warning"
    message: str
    pointer: str
    line: int | None = None
    col: int | None = None

    def format(self, file: str) -> str:
        return f"{file}:{self.line or 1}:{self.col or 1}: {self.severity}: {self.message} ({self.pointer or '/'})"

    def to_dict(self) -> dict[str, Any]:
        return {"severity": self.severity, "message": self.message, "pointer": self.pointer,
                "line": self.line, "column": self.col}


class ConfigError(Exception):
    def __init__(self, diagnostics: list[Diagnostic], path: str = "") -> None:
        self.diagnostics = diagnostics
        self.path = path
        errors = [d for d in diagnostics if d.severity == "error"]
        first = errors[0] if errors else (diagnostics[0] if diagnostics else None)
        summary = f"{first.message} ({first.pointer})" if first else "invalid configuration"
        super().__init__(f"{len(errors)} error(s) in {path or 'config'}: {summary}")


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


@dataclass
class State:
    id: str
    name: str
    images: list[StateImage]
    regions: dict[str, Region] = field(default_factory=dict)
    locations: dict[str, tuple[int, int]] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)
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
        for a in self.actions:
            for f in CHILD_LIST_FIELDS:
                ids = a.config.get(f)
                if a.type in ("IF", "LOOP", "TRY_CATCH") and isinstance(ids, list):
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
        return float(self.setting("recognition", "defaultThreshold", 0.7))

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
def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


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


def _get(d: dict[str, Any], *names: str, default: Any = None) -> Any:
    for n in names:
        for k in (n, _snake(n)):
            if k in d and d[k] is not None:
                return d[k]
    return default


def _key(d: dict[str, Any], *names: str) -> str | None:
    """The spelling actually present in d (for building pointers)."""
    for n in names:
        for k in (n, _snake(n)):
            if k in d:
                return k
    return None


def _esc(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


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
    except (ValueError, IndexError):
        pass
    return out


def _attach_lines(diags: list[Diagnostic], text: str) -> None:
    if not diags or not text:
        return
    positions = pointer_positions(text)
    newlines = [m.start() for m in re.finditer("\n", text)]
    for d in diags:
        ptr = d.pointer
        while ptr and ptr not in positions:
            ptr = ptr.rsplit("/", 1)[0]
        off = positions.get(ptr)
        if off is None:
            continue
        line_idx = bisect.bisect_left(newlines, off)
        d.line = line_idx + 1
        d.col = off - (newlines[line_idx - 1] + 1 if line_idx else 0) + 1


# ----------------------------------------------------------------------------- loader
class _Loader:
    def __init__(self, raw: dict[str, Any], path: str, action_types: set[str],
                 hints: dict[str, str]) -> None:
        self.raw = raw
        self.path = path
        self.action_types = action_types
        self.hints = hints
        self.diags: list[Diagnostic] = []

    def error(self, msg: str, ptr: str) -> None:
        self.diags.append(Diagnostic("error", msg, ptr))

    def warn(self, msg: str, ptr: str) -> None:
        self.diags.append(Diagnostic("warning", msg, ptr))

    # --- images -------------------------------------------------------------
    def decode_png(self, data: Any, ptr: str, what: str) -> np.ndarray | None:
        if not isinstance(data, str) or not data.strip():
            self.error(f"{what}: missing or empty base64 image data", ptr)
            return None
        if data.startswith("data:"):
            data = data.split(",", 1)[-1]
        try:
            buf = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError) as exc:
            self.error(f"{what}: undecodable base64 image ({exc})", ptr)
            return None
        arr = cv2.imdecode(np.frombuffer(buf, np.uint8), cv2.IMREAD_COLOR)
        if arr is None:
            self.error(f"{what}: base64 data is not a decodable image", ptr)
        return arr

    def regions(self, items: Any) -> list[Region]:
        out = []
        for r in items or []:
            if isinstance(r, dict):
                b = r.get("bounds") if isinstance(r.get("bounds"), dict) else r
                if all(k in b for k in ("x", "y", "width", "height")):
                    out.append(Region(int(b["x"]), int(b["y"]), int(b["width"]), int(b["height"])))
            elif isinstance(r, list) and len(r) == 4:
                out.append(Region(*map(int, r)))
        return out

    # --- main ---------------------------------------------------------------
    def load(self) -> Config:
        raw = self.raw
        wf_key = "workflows"
        if "workflows" not in raw and "processes" in raw:
            wf_key = "processes"
            self.warn("v1.0.0 config (top-level 'processes') migrated to v2.0.0 in memory; "
                      "re-export it as v2.0.0", "/processes")
        elif "workflows" not in raw:
            self.error("config has no 'workflows' list", "")
        settings = dict(raw.get("settings") or {})
        # The library also accepts top-level snake-case settings objects.
        for top, sec in (("execution_settings", "execution"), ("recognition_settings", "recognition")):
            if isinstance(raw.get(top), dict):
                settings.setdefault(sec, {})
                settings[sec] = {**{_camel(k): v for k, v in raw[top].items()}, **settings[sec]}

        images: dict[str, ImageAsset] = {}
        for i, img in enumerate(raw.get("images") or []):
            ptr = f"/images/{i}"
            iid = str(img.get("id", f"image-{i}"))
            pixels = self.decode_png(img.get("data"), f"{ptr}/data", f"image '{iid}'")
            images[iid] = ImageAsset(iid, str(img.get("name", iid)), pixels)

        states: dict[str, State] = {}
        state_images: dict[str, StateImage] = {}
        for si, s in enumerate(raw.get("states") or []):
            ptr = f"/states/{si}"
            sid = str(s.get("id", f"state-{si}"))
            st = State(sid, str(s.get("name", sid)), [],
                       is_initial=bool(_get(s, "isInitial", default=False)),
                       is_final=bool(_get(s, "isFinal", default=False)),
                       path_cost=float(_get(s, "pathCost", "cost", default=1.0)), pointer=ptr)
            ikey = _key(s, "stateImages", "identifyingImages") or "stateImages"
            for ii, im in enumerate(s.get(ikey) or []):
                st.images.append(self.state_image(im, sid, f"{ptr}/{ikey}/{ii}", images))
            for r in s.get("regions") or []:
                for reg in self.regions([r]):
                    st.regions[str(r.get("id"))] = reg
            for loc in s.get("locations") or []:
                if "x" in loc and "y" in loc:
                    st.locations[str(loc.get("id"))] = (int(loc["x"]), int(loc["y"]))
            for sstr in _get(s, "strings", "stateStrings", default=[]) or []:
                st.strings[str(sstr.get("id"))] = str(sstr.get("value", ""))
            for im in st.images:
                if im.id in state_images:
                    self.warn(f"duplicate state image id '{im.id}'", ptr)
                state_images[im.id] = im
            if sid in states:
                self.error(f"duplicate state id '{sid}'", f"{ptr}/id")
            states[sid] = st

        workflows: dict[str, Workflow] = {}
        for wi, w in enumerate(raw.get(wf_key) or []):
            ptr = f"/{wf_key}/{wi}"
            wid = str(w.get("id", f"workflow-{wi}"))
            actions = [self.action(a, f"{ptr}/actions/{ai}", wid, wf_key == "processes")
                       for ai, a in enumerate(w.get("actions") or [])]
            if not isinstance(w.get("actions"), list):
                self.error(f"workflow '{wid}' has no 'actions' list", ptr)
            vars_ = w.get("variables") or {}
            workflows[wid] = Workflow(wid, str(w.get("name", wid)), actions,
                                      [str(x) for x in _get(w, "initialStateIds", default=[]) or []],
                                      w.get("category"), vars_ if isinstance(vars_, dict) else {},
                                      ptr)

        transitions = [self.transition(t, f"/transitions/{ti}")
                       for ti, t in enumerate(raw.get("transitions") or [])]
        cfg = Config(self.path, str(raw.get("version", "")),
                     str((raw.get("metadata") or {}).get("name", "")), images, states, state_images,
                     transitions, workflows, list(raw.get("categories") or []), settings)
        self.validate(cfg, wf_key)
        cfg.diagnostics = self.diags
        return cfg

    def state_image(self, im: Any, sid: str, ptr: str, images: dict[str, ImageAsset]) -> StateImage:
        if isinstance(im, str):  # old runner: identifyingImages is a list of image ids
            return StateImage(im, im, sid, [Pattern(im, im)])
        pats = []
        for pi, p in enumerate(im.get("patterns") or []):
            pid = str(p.get("id", f"{im.get('id')}-p{pi}"))
            mask = None
            if p.get("mask"):
                mask = self.decode_png(p["mask"], f"{ptr}/patterns/{pi}/mask", f"mask of pattern '{pid}'")
            tp = p.get("targetPosition") or {}
            pats.append(Pattern(
                pid, str(_get(p, "imageId", "image", default="")),
                similarity=_get(p, "similarity"), mask=mask,
                search_regions=self.regions(_get(p, "searchRegions")),
                offset=(int(_get(p, "offsetX", default=0)), int(_get(p, "offsetY", default=0))),
                target_percent=(float(tp.get("percentW", 50)) / 100, float(tp.get("percentH", 50)) / 100)
                if tp else None))
        if not pats and _get(im, "imageId", "image"):
            iid = str(_get(im, "imageId", "image"))
            pats.append(Pattern(iid, iid))
        sr = self.regions(_get(im, "searchRegions"))
        ms = im.get("matchSettings") or {}
        if not sr and isinstance(ms.get("searchRegion"), list):
            sr = self.regions([ms["searchRegion"]])
        iid = str(im.get("id", f"{sid}-img"))
        if not pats:
            self.error(f"state image '{iid}' has no patterns", ptr)
        return StateImage(iid, str(im.get("name", iid)), sid, pats, _get(im, "threshold", "similarity"),
                          bool(_get(im, "required", default=True)), bool(_get(im, "shared", default=False)), sr)

    def action(self, a: dict[str, Any], ptr: str, wid: str, v1: bool) -> Action:
        aid = str(a.get("id", ptr))
        atype = str(a.get("type", "")).upper()
        cfg = camelize(dict(a.get("config") or {}))
        if atype in ("DOUBLE_CLICK", "RIGHT_CLICK"):
            cfg.setdefault("numberOfClicks", 2 if atype == "DOUBLE_CLICK" else 1)
            if atype == "RIGHT_CLICK":
                cfg.setdefault("mouseButton", "RIGHT")
        atype = ACTION_TYPE_ALIASES.get(atype, atype)
        # Legacy flat FIND/CLICK configs carry the image id at config level.
        if "target" not in cfg and any(k in cfg for k in ("imageId", "imageIds", "image")):
            cfg["target"] = {"type": "image", "imageIds": cfg.get("imageIds") or [cfg.get("imageId") or cfg.get("image")]}
            if "similarity" in cfg:
                cfg["target"]["searchOptions"] = {"similarity": cfg["similarity"]}
        for f in TARGET_FIELDS:
            if f in cfg:
                cfg[f] = normalize_target(cfg[f])
        if "searchOptions" in cfg:
            cfg["searchOptions"] = normalize_search_options(cfg["searchOptions"])
        ex = camelize(a.get("execution") or {})
        base = camelize(a.get("base") or {})
        retry = _get(ex, "retryCount", default=_get(a, "retryCount", default=0))
        timeout = _get(ex, "timeout", default=_get(a, "timeout"))
        return Action(aid, atype, str(a.get("name", "")), cfg,
                      retry_count=max(0, int(retry or 0)),
                      pause_before_ms=int(_get(base, "pauseBeforeBegin", default=_get(a, "pauseBeforeBegin", default=0)) or 0),
                      pause_after_ms=int(_get(base, "pauseAfterEnd", default=_get(a, "pauseAfterEnd", default=0)) or 0),
                      timeout_ms=int(timeout) if timeout is not None else None,
                      pointer=ptr, workflow_id=wid)

    def transition(self, t: dict[str, Any], ptr: str) -> Transition:
        raw_type = str(t.get("type", "")).lower()
        from_state = _get(t, "fromState", "from")
        if raw_type in ("outgoingtransition", "outgoing", "fromtransition", "from"):
            kind = "outgoing"
        elif raw_type in ("incomingtransition", "incoming", "totransition", "to"):
            kind = "incoming"
        elif raw_type:
            self.error(f"unknown transition type '{t.get('type')}'", f"{ptr}/type")
            kind = "outgoing" if from_state else "incoming"
        else:
            kind = "outgoing" if from_state else "incoming"
        wkey = _key(t, "workflows", "processes", "process") or "workflows"
        wfs = t.get(wkey) or []
        if isinstance(wfs, str):
            wfs = [wfs]
        return Transition(
            str(t.get("id", ptr)), kind, from_state, _get(t, "toState", "to"), [str(w) for w in wfs],
            activate=[str(x) for x in _get(t, "activateStates", "activate", default=[]) or []],
            deactivate=[str(x) for x in _get(t, "deactivateStates", "exit", default=[]) or []],
            stays_visible=bool(_get(t, "staysVisible", default=False)),
            timeout_ms=int(_get(t, "timeout", default=10000)),
            retry_count=int(_get(t, "retryCount", default=0)),
            cost=float(_get(t, "pathCost", "cost", "score", default=1.0)),
            name=str(t.get("name", "")), pointer=ptr)

    # --- cross references ---------------------------------------------------
    def validate(self, cfg: Config, wf_key: str) -> None:
        for si, st in enumerate(cfg.states.values()):
            for im in st.images:
                for p in im.patterns:
                    if p.image_id not in cfg.images:
                        self.error(f"state image '{im.id}' references unknown image '{p.image_id}'",
                                   f"/states/{si}")
        for t in cfg.transitions:
            for f, val in (("fromState", t.from_state), ("toState", t.to_state)):
                if val is not None and val not in cfg.states:
                    self.error(f"transition '{t.id}' references unknown state '{val}'", f"{t.pointer}/{f}")
            if t.kind == "outgoing" and not t.from_state:
                self.error(f"outgoing transition '{t.id}' has no fromState", t.pointer)
            if t.kind == "incoming" and not t.to_state:
                self.error(f"incoming transition '{t.id}' has no toState", t.pointer)
            for f, ids in (("activateStates", t.activate), ("deactivateStates", t.deactivate)):
                for k, sid in enumerate(ids):
                    if sid not in cfg.states:
                        self.error(f"transition '{t.id}' references unknown state '{sid}'", f"{t.pointer}/{f}/{k}")
            for k, wid in enumerate(t.workflows):
                if wid not in cfg.workflows:
                    self.error(f"transition '{t.id}' references unknown workflow '{wid}'", f"{t.pointer}/workflows/{k}")
        for wf in cfg.workflows.values():
            for k, sid in enumerate(wf.initial_state_ids):
                if sid not in cfg.states:
                    self.error(f"workflow '{wf.id}' references unknown initial state '{sid}'",
                               f"{wf.pointer}/initialStateIds/{k}")
            for a in wf.actions:
                self.validate_action(cfg, wf, a)

    def validate_action(self, cfg: Config, wf: Workflow, a: Action) -> None:
        c, p = a.config, a.pointer + "/config"
        if a.type not in self.action_types:
            msg = f"unknown action type {a.type or '(missing)'}"
            if a.type in self.hints:
                msg += f" — install plugin {self.hints[a.type]}"
            elif a.type in QONTINUI_ACTION_TYPES:
                msg += " (a Qontinui action type this executor does not implement)"
            self.error(msg, a.pointer + "/type")
            return
        for f in TARGET_FIELDS:
            if isinstance(c.get(f), dict):
                self.validate_target(cfg, c[f], f"{p}/{f}", a)
        state_refs: list[tuple[str, Any]] = []
        for f in ("stateIds",):
            for k, sid in enumerate(c.get(f) or []):
                state_refs.append((f"{p}/{f}/{k}", sid))
        for f in ("stateId",):
            if c.get(f):
                state_refs.append((f"{p}/{f}", c[f]))
        if isinstance(c.get("textSource"), dict) and c["textSource"].get("stateId"):
            state_refs.append((f"{p}/textSource/stateId", c["textSource"]["stateId"]))
        if a.type == "GO_TO_STATE":
            names = {s.name: s.id for s in cfg.states.values()}
            ids = list(c.get("stateIds") or ([c["stateId"]] if c.get("stateId") else []))
            for k, nm in enumerate(c.get("stateNames") or []):
                if nm not in names:
                    self.error(f"GO_TO_STATE references unknown state name '{nm}'", f"{p}/stateNames/{k}")
                elif names[nm] not in ids:
                    ids.append(names[nm])
            if not ids:
                self.error("GO_TO_STATE needs stateIds", p)
            c["stateIds"] = ids
        for ptr, sid in state_refs:
            if sid not in cfg.states:
                self.error(f"action '{a.id}' references unknown state '{sid}'", ptr)
        if a.type == "RUN_WORKFLOW":
            wid = c.get("workflowId") or c.get("processId") or c.get("workflow")
            if not wid or cfg.find_workflow(str(wid)) is None:
                self.error(f"action '{a.id}' references unknown workflow '{wid}'", f"{p}/workflowId")
        for f in CHILD_LIST_FIELDS:
            if a.type in ("IF", "LOOP", "TRY_CATCH") and isinstance(c.get(f), list):
                for k, cid in enumerate(c[f]):
                    if cid not in wf.by_id:
                        self.error(f"action '{a.id}' references unknown action '{cid}'", f"{p}/{f}/{k}")
        cond = c.get("condition")
        if isinstance(cond, dict) and cond.get("imageId") and not _image_known(cfg, cond["imageId"]):
            self.error(f"action '{a.id}' references unknown image '{cond['imageId']}'", f"{p}/condition/imageId")

    def validate_target(self, cfg: Config, t: dict[str, Any], ptr: str, a: Action) -> None:
        ttype = t.get("type")
        if ttype in ("image", "stateImage"):
            for k, iid in enumerate(t.get("imageIds") or []):
                if not _image_known(cfg, iid):
                    self.error(f"action '{a.id}' references unknown image '{iid}'", f"{ptr}/imageIds/{k}")
            if not t.get("imageIds"):
                self.error(f"action '{a.id}': image target without imageIds", ptr)
        elif ttype == "stateLocation":
            if not any(t.get("locationId") in s.locations for s in cfg.states.values()):
                self.error(f"action '{a.id}' references unknown location '{t.get('locationId')}'", f"{ptr}/locationId")
        elif ttype == "stateRegion":
            if not any(t.get("regionId") in s.regions for s in cfg.states.values()):
                self.error(f"action '{a.id}' references unknown region '{t.get('regionId')}'", f"{ptr}/regionId")
        elif ttype == "stateString":
            if t.get("stateId") not in cfg.states:
                self.error(f"action '{a.id}' references unknown state '{t.get('stateId')}'", f"{ptr}/stateId")
        elif ttype not in ("coordinates", "region", "currentPosition", "lastFindResult", "resultIndex",
                           "allResults", "resultByImage", "text"):
            self.error(f"action '{a.id}': unknown target type '{ttype}'", f"{ptr}/type")


def _image_known(cfg: Config, iid: Any) -> bool:
    return iid in cfg.state_images or iid in cfg.images


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
    ttype = str(t.get("type", "")).strip()
    low = ttype.replace(" ", "").replace("_", "").lower()
    mapping = {"image": "image", "stateimage": "stateImage", "coordinates": "coordinates",
               "coordinate": "coordinates", "location": "coordinates", "region": "region",
               "lastfindresult": "lastFindResult", "currentposition": "currentPosition",
               "statelocation": "stateLocation", "stateregion": "stateRegion",
               "statestring": "stateString", "resultindex": "resultIndex", "allresults": "allResults",
               "resultbyimage": "resultByImage", "text": "text"}
    if not ttype:
        if "imageId" in t or "imageIds" in t or "image" in t:
            low = "image"
        elif "x" in t or "coordinates" in t:
            low = "coordinates"
    t["type"] = mapping.get(low, ttype)
    if t["type"] in ("image", "stateImage"):
        ids = t.get("imageIds") or ([t["imageId"]] if t.get("imageId") else []) or \
            ([t["image"]] if isinstance(t.get("image"), str) else [])
        t["imageIds"] = [str(i) for i in ids]
    if t["type"] == "coordinates":
        c = t.get("coordinates") if isinstance(t.get("coordinates"), dict) else t
        t["x"], t["y"] = int(c.get("x", 0)), int(c.get("y", 0))
    if "searchOptions" in t:
        t["searchOptions"] = normalize_search_options(t["searchOptions"])
    return t


def parse_config(raw: Any, path: str = "", text: str = "", action_types: set[str] | None = None,
                 hints: dict[str, str] | None = None) -> Config:
    """Normalise and validate a parsed config; raises ConfigError when it has errors."""
    if action_types is None:
        from .actions import builtin_action_types
        action_types = builtin_action_types()
    if not isinstance(raw, dict):
        d = Diagnostic("error", "config root must be a JSON object", "")
        raise ConfigError([d], path)
    loader = _Loader(raw, path, action_types, hints or {})
    cfg = loader.load()
    _attach_lines(loader.diags, text)
    if any(d.severity == "error" for d in loader.diags):
        raise ConfigError(loader.diags, path)
    return cfg


def load_config(path: str, action_types: set[str] | None = None,
                hints: dict[str, str] | None = None) -> Config:
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise ConfigError([Diagnostic("error", f"cannot read config: {exc}", "")], path) from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError([Diagnostic("error", f"invalid JSON: {exc.msg}", "", exc.lineno, exc.colno)],
                          path) from None
    return parse_config(raw, path, text, action_types, hints)
