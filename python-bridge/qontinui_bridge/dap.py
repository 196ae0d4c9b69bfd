"""Debug Adapter Protocol session: requests on stdin, responses/events on stdout.

The run executes on a worker thread; this thread keeps reading requests so pause,
terminate and inspection work while the run is busy or suspended.
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import traceback
from typing import Any, BinaryIO, Callable

from .backends import create_backend
from .config import Action, Config, ConfigError, Workflow, load_config, pointer_positions
from .engine import Breakpoint, Engine, RunControl
from .expressions import evaluate
from .plugins import PluginError, available_types, load_plugins
from .protocol import FramingError, MessageWriter, read_message
from .runtime import EXCEPTION_FILTERS, exception_breakpoint_id

THREAD_ID = 1


def _opt_bool(v: Any) -> bool | None:
    """A launch flag: None when absent (the config setting decides), else its truth value."""
    if v is None:
        return None
    if isinstance(v, str):
        return v.strip().lower() not in ("false", "0", "no", "off", "")
    return bool(v)


def navigation_workflow(cfg: Any, state_ids: list[str]) -> Workflow:
    """"Go to state" from the IDE: a one-action workflow that plans a path to the states."""
    action = Action(id="go-to-state", type="GO_TO_STATE", name="Go to " + ", ".join(state_ids),
                    config={"stateIds": state_ids}, workflow_id="__navigate__")
    wf = Workflow(id="__navigate__", name="Go to " + ", ".join(state_ids), actions=[action])
    cfg.workflows[wf.id] = wf
    return wf


class DapSession:
    def __init__(self, instream: BinaryIO, outstream: BinaryIO) -> None:
        self.instream = instream
        self.writer = MessageWriter(outstream)
        self.control = RunControl()
        self.engine: Engine | None = None
        self.config: Config | None = None
        self.workflow_id: str | None = None
        self.thread: threading.Thread | None = None
        self.launched = False
        self.configured = False
        self.stop_on_entry = False
        self.finished = threading.Event()
        self.refs: dict[int, Callable[[], list[dict[str, Any]]]] = {}
        self.containers: dict[int, dict[str, Any]] = {}
        self._next_ref = 1
        self._bp_ids = 0
        self.lines: dict[str, int] = {}
        self.exit_code = 0

    # ------------------------------------------------------------------ plumbing
    def log(self, text: str, category: str = "console") -> None:
        sys.stderr.write(text.rstrip("\n") + "\n")
        sys.stderr.flush()
        self.writer.event("output", {"category": category, "output": text.rstrip("\n") + "\n"})

    def serve(self) -> int:
        while True:
            try:
                msg = read_message(self.instream)
            except FramingError as exc:
                self.writer.error(None, f"malformed frame: {exc}")
                continue
            if msg is None:  # EOF: the client is gone, end the run cleanly
                self.control.request_terminate()
                if self.thread:
                    self.thread.join(timeout=5)
                return self.exit_code
            if msg.get("type") != "request" or not isinstance(msg.get("command"), str):
                self.writer.error(msg, "expected a request with a 'command'")
                continue
            cmd = msg["command"]
            handler = getattr(self, "on_" + cmd, None)
            if handler is None:
                self.writer.error(msg, f"unknown request '{cmd}'")
                continue
            args = msg.get("arguments") or {}
            try:
                done = handler(msg, args)
            except Exception as exc:
                self.log(traceback.format_exc(), "stderr")
                self.writer.error(msg, f"{cmd} failed: {exc}")
                continue
            if done:
                if self.thread:
                    self.thread.join(timeout=5)
                return self.exit_code

    def on_engine_event(self, event: str, body: dict[str, Any]) -> None:
        if event == "output":
            sys.stderr.write(body.get("output", ""))
        elif event == "continued":
            self.refs.clear()
            self.containers.clear()
        self.writer.event(event, body)

    # ------------------------------------------------------------------ lifecycle requests
    def on_initialize(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        self.writer.response(req, {
            "supportsConfigurationDoneRequest": True,
            "supportsFunctionBreakpoints": True,
            "supportsConditionalBreakpoints": True,
            "supportsHitConditionalBreakpoints": True,
            "supportsLogPoints": True,
            "supportsSetVariable": True,
            "supportsEvaluateForHovers": True,
            "supportsTerminateRequest": True,
            "supportTerminateDebuggee": True,
            "supportsStepBack": False,
            "supportsRestartRequest": False,
            "exceptionBreakpointFilters": EXCEPTION_FILTERS,
        })
        self.writer.event("initialized")

    def on_launch(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        if self.launched:
            self.writer.error(req, "already launched")
            return
        path = args.get("config")
        if not path:
            self.writer.error(req, "launch: 'config' (path to the JSON config) is required")
            return
        try:
            handlers = load_plugins(args.get("pluginModules"), args.get("pluginPaths"))
        except PluginError as exc:
            self.log(str(exc), "stderr")
            self.writer.error(req, str(exc))
            return
        try:
            cfg = load_config(path, available_types(handlers), args.get("actionHints") or {})
        except ConfigError as exc:
            text = "\n".join(d.format(path) for d in exc.diagnostics)
            self.log(text, "stderr")
            self.writer.error(req, f"invalid config: {exc}\n{text}", 2)
            return
        for d in cfg.diagnostics:
            self.log(d.format(path), "console")
        go_to = [str(s) for s in args.get("goToStates") or []]
        unknown = [s for s in go_to if s not in cfg.states]
        if unknown:
            self.writer.error(req, f"goToStates: no state {', '.join(unknown)} in config")
            return
        if go_to:
            wf = navigation_workflow(cfg, go_to)
        else:
            wf = cfg.find_workflow(str(args["workflow"])) if args.get("workflow") else cfg.default_workflow()
        if wf is None:
            self.writer.error(req, f"workflow '{args.get('workflow')}' not found in config")
            return
        mode = str(cfg.setting("execution", "executionMode", "") or "").lower()
        backend_name = args.get("backend") or {"mock": "mock", "screenshot": "screenshots"}.get(mode, "x11")
        shots = args.get("screenshots") or (cfg.setting("execution", "screenshotDirectory")
                                            if backend_name == "screenshots" else None)
        try:
            backend = create_backend(backend_name, shots)
        except Exception as exc:
            self.writer.error(req, f"cannot start backend '{backend_name}': {exc}")
            return
        self.control.debug = not bool(args.get("noDebug"))
        self.stop_on_entry = bool(args.get("stopOnEntry")) and self.control.debug
        self.config = cfg
        self.workflow_id = wf.id
        self.engine = Engine(cfg, backend, self.on_engine_event, self.control, args.get("runDir"),
                             args.get("failureStrategy"), args.get("initialStates"),
                             int(args.get("slowStepMs") or 0), handlers,
                             _opt_bool(args.get("screenshotOnError")))
        try:
            with open(path, encoding="utf-8") as fh:
                self.lines = _lines_of(fh.read())
        except OSError:
            self.lines = {}
        self.launched = True
        self.writer.response(req)
        self.log(f"loaded {path}: workflow {wf.id} ({wf.name}), backend {backend.name}")
        self._maybe_start()

    def on_configurationDone(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        self.configured = True
        self.writer.response(req)
        self._maybe_start()

    def _maybe_start(self) -> None:
        if not (self.launched and self.configured) or self.thread is not None:
            return
        self.thread = threading.Thread(target=self._run, name="qontinui-run", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        assert self.engine is not None and self.config is not None
        eng = self.engine
        body: dict[str, Any] = {}
        try:
            if self.stop_on_entry:
                eng.suspend("entry", "Stopped on entry")
            body = eng.run(self.config.workflows[self.workflow_id or ""])
        except Exception as exc:  # RunTerminated on entry, or a bug: never leave the client hanging
            body = {"success": False, "error": str(exc) or type(exc).__name__}
            if type(exc).__name__ == "RunTerminated":
                eng.emit("qontinui/runCompleted", {"success": False, "durationMs": 0, "actionsPassed": 0,
                                                   "actionsFailed": 0, "error": "terminated by user"})
        finally:
            eng.backend.close()
        self.exit_code = 0 if body.get("success") else 1
        verdict = "RUN PASSED" if body.get("success") else f"RUN FAILED: {body.get('error')}"
        self.log(verdict)
        self.writer.event("terminated")
        self.writer.event("exited", {"exitCode": self.exit_code})
        self.finished.set()

    def on_terminate(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        self.control.request_terminate()
        self.writer.response(req)
        if self.thread is None:
            self.writer.event("terminated")

    def on_disconnect(self, req: dict[str, Any], args: dict[str, Any]) -> bool:
        self.control.request_terminate()
        if self.thread:
            self.thread.join(timeout=5)
        self.writer.response(req)
        return True

    # ------------------------------------------------------------------ breakpoints
    def on_setFunctionBreakpoints(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        table: dict[str, list[Breakpoint]] = {}
        out = []
        for bp in args.get("breakpoints") or []:
            name = str(bp.get("name", ""))
            self._bp_ids += 1
            kind, _, obj = name.partition(":")
            verified, message = self._check_bp(kind, obj)
            if verified:
                table.setdefault(name, []).append(Breakpoint(self._bp_ids, name, bp.get("condition"),
                                                             bp.get("hitCondition"), bp.get("logMessage")))
            entry: dict[str, Any] = {"id": self._bp_ids, "verified": verified}
            if message:
                entry["message"] = message
            line = self._line_for(kind, obj)
            if line:
                entry["line"] = line
            out.append(entry)
        self.control.breakpoints = table
        self.writer.response(req, {"breakpoints": out})

    def _check_bp(self, kind: str, obj: str) -> tuple[bool, str]:
        if kind not in ("state", "transition", "workflow", "action"):
            return False, "breakpoint names are state:<id>, transition:<id>, workflow:<id> or action:<id>"
        cfg = self.config
        if cfg is None:
            return True, ""  # set before launch: cannot check yet
        known = {"state": cfg.states, "workflow": cfg.workflows,
                 "transition": {t.id for t in cfg.transitions},
                 "action": {a.id for a in cfg.all_actions()}}[kind]
        return (True, "") if obj in known else (False, f"unknown {kind} '{obj}'")

    def on_setExceptionBreakpoints(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        known = {f["filter"] for f in EXCEPTION_FILTERS}
        filters = [f for f in args.get("filters") or [] if f in known]
        filters += [o.get("filterId") for o in args.get("filterOptions") or [] if o.get("filterId") in known]
        self.control.exception_filters = set(filters)
        # Ids let the client tell which failure breakpoint stopped the run (hitBreakpointIds).
        self.writer.response(req, {"breakpoints": [{"verified": True, "id": exception_breakpoint_id(f)}
                                                   for f in filters]})

    # ------------------------------------------------------------------ execution control
    def on_continue(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        self.control.resume(None)
        self.writer.response(req, {"allThreadsContinued": True})

    def _step(self, req: dict[str, Any], kind: str) -> None:
        depth = self.engine.depth() if self.engine else 0
        self.control.resume(kind, depth)
        self.writer.response(req)

    def on_next(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        self._step(req, "next")

    def on_stepIn(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        self._step(req, "stepIn")

    def on_stepOut(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        self._step(req, "stepOut")

    def on_pause(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        self.control.request_pause()
        self.writer.response(req)

    # ------------------------------------------------------------------ inspection
    def on_threads(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        name = f"Qontinui run: {self.workflow_id}" if self.workflow_id else "Qontinui run"
        self.writer.response(req, {"threads": [{"id": THREAD_ID, "name": name}]})

    def _line_for(self, kind: str, obj: str) -> int | None:
        cfg = self.config
        if cfg is None:
            return None
        ptr = ""
        if kind == "action":
            ptr = next((a.pointer for a in cfg.all_actions() if a.id == obj), "")
        elif kind == "workflow" and obj in cfg.workflows:
            ptr = cfg.workflows[obj].pointer
        elif kind == "transition":
            ptr = next((t.pointer for t in cfg.transitions if t.id == obj), "")
        elif kind == "state" and obj in cfg.states:
            ptr = cfg.states[obj].pointer
        # The line of the object's "id" reads better than the line of its opening brace.
        return self.lines.get(ptr + "/id") or self.lines.get(ptr)

    def on_stackTrace(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        frames = list(self.engine.frames) if self.engine else []
        out = []
        for i, f in enumerate(reversed(frames)):
            label = f"{f.kind} {f.id}" + (f" ({f.detail})" if f.detail else "") + \
                (f" — {f.name}" if f.name and f.name not in (f.id, f.detail) else "")
            entry: dict[str, Any] = {"id": len(frames) - i, "name": label, "line": self._line_for(f.kind, f.id) or 0,
                                     "column": 0, "presentationHint": "normal"}
            if self.config and self.config.path:
                entry["source"] = {"name": os.path.basename(self.config.path),
                                   "path": os.path.abspath(self.config.path)}
            out.append(entry)
        start = int(args.get("startFrame") or 0)
        levels = int(args.get("levels") or 0)
        sel = out[start:start + levels] if levels else out[start:]
        self.writer.response(req, {"stackFrames": sel, "totalFrames": len(out)})

    def _ref(self, provider: Callable[[], list[dict[str, Any]]], container: dict[str, Any] | None = None) -> int:
        ref = self._next_ref
        self._next_ref += 1
        self.refs[ref] = provider
        if container is not None:
            self.containers[ref] = container
        return ref

    def _var(self, name: str, value: Any, container_ref: int | None = None) -> dict[str, Any]:
        ref = 0
        if isinstance(value, dict) and value:
            ref = self._ref(lambda v=value: [self._var(str(k), x) for k, x in v.items()], value)
        elif isinstance(value, (list, tuple)) and value:
            ref = self._ref(lambda v=value: [self._var(f"[{i}]", x) for i, x in enumerate(v)])
        text = json.dumps(value, default=str) if not isinstance(value, str) else json.dumps(value)
        if len(text) > 200:
            text = text[:197] + "..."
        return {"name": name, "value": text, "type": type(value).__name__, "variablesReference": ref,
                "evaluateName": name}

    def on_scopes(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        eng = self.engine
        if eng is None:
            self.writer.error(req, "not launched")
            return
        v = eng.vars
        scopes_ref = {
            "local": self._ref(lambda: [self._var(k, x) for k, x in v.local.items()], v.local),
            "process": self._ref(lambda: [self._var(k, x) for k, x in v.process.items()], v.process),
            "global": self._ref(lambda: [self._var(k, x) for k, x in v.globals.items()], v.globals),
        }

        def variables_scope() -> list[dict[str, Any]]:
            return [{"name": n, "value": f"{len(v.scope(n))} variable(s)", "variablesReference": r,
                     "presentationHint": {"kind": "data"}} for n, r in scopes_ref.items()]

        def active_scope() -> list[dict[str, Any]]:
            return [{"name": sid, "value": eng.config.states[sid].name if sid in eng.config.states else sid,
                     "type": "state", "variablesReference": 0} for sid in eng.active]

        def match_scope() -> list[dict[str, Any]]:
            m = eng.last_match_info
            if not m:
                return [{"name": "found", "value": "no find yet", "variablesReference": 0}]
            keys = ("found", "score", "threshold", "location", "imageId", "durationMs", "method", "actionId")
            return [self._var(k, m.get(k)) for k in keys]

        def settings_scope() -> list[dict[str, Any]]:
            return [self._var(k, x) for k, x in eng.config.settings.items()] + [
                self._var("failureStrategy", eng.failure_strategy), self._var("backend", eng.backend.name)]

        scopes = [("Variables", variables_scope, 3), ("Active States", active_scope, len(eng.active)),
                  ("Last Match", match_scope, 8), ("Settings", settings_scope, len(eng.config.settings))]
        self.writer.response(req, {"scopes": [
            {"name": n, "variablesReference": self._ref(p), "namedVariables": c, "expensive": False,
             "presentationHint": "locals" if n == "Variables" else None} for n, p, c in scopes]})

    def on_variables(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        provider = self.refs.get(int(args.get("variablesReference") or 0))
        if provider is None:
            self.writer.error(req, "unknown variablesReference (the run has resumed since)")
            return
        self.writer.response(req, {"variables": provider()})

    def on_setVariable(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        container = self.containers.get(int(args.get("variablesReference") or 0))
        if container is None:
            self.writer.error(req, "this variable cannot be set (only Variables > local/process/global)")
            return
        raw = str(args.get("value", ""))
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw  # bare words are strings
        container[str(args.get("name"))] = value
        self.writer.response(req, {k: v for k, v in self._var(str(args.get("name")), value).items()
                                   if k in ("value", "type", "variablesReference")})

    def on_evaluate(self, req: dict[str, Any], args: dict[str, Any]) -> None:
        if self.engine is None:
            self.writer.error(req, "not launched")
            return
        try:
            value = evaluate(str(args.get("expression", "")), self.engine.eval_names())
        except Exception as exc:
            self.writer.error(req, f"cannot evaluate: {exc}")
            return
        var = self._var("result", value)
        self.writer.response(req, {"result": var["value"], "type": var["type"],
                                   "variablesReference": var["variablesReference"]})


def _lines_of(text: str) -> dict[str, int]:
    positions = pointer_positions(text)
    import bisect
    newlines = [m.start() for m in re.finditer("\n", text)]
    return {p: bisect.bisect_left(newlines, off) + 1 for p, off in positions.items()}


def main() -> int:
    session = DapSession(sys.stdin.buffer, sys.stdout.buffer)
    # stdout carries only frames: anything printed by accident goes to stderr.
    sys.stdout = sys.stderr
    return session.serve()
