# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Debug Adapter Protocol session: requests on stdin, responses/events on stdout.

The run executes on a worker thread; this thread keeps reading requests so pause,
terminate and inspection work while the run is busy or suspended.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import dataclasses
import json
import os
import re
import signal
import sys
import threading
import traceback
from typing import Any, BinaryIO, Callable, Collection

from .backends import create_backend
from .config import Action, Config, ConfigError, Workflow, load_config, pointer_positions
from .engine import Breakpoint, Engine, RunControl
from . import secrets
from .expressions import evaluate
from .plugins import PluginError, available_types, load_plugins
from .arguments import (ArgumentError, DisconnectArguments, EvaluateArguments, InitializeArguments, NoArguments,
                        ScopesArguments, SetExceptionBreakpointsArguments, SetFunctionBreakpointsArguments,
                        SetVariableArguments, StackTraceArguments, TerminateArguments, ThreadArguments,
                        VariablesArguments, parse_arguments)
from .launch_args import LaunchArguments
from .lifecycle import ProcessGuard
from .protocol import ErrorId, FrameReader, FramingError, MessageWriter
from .replay import Recording, ReplayController, ReplayError, replay_backend
from .run_record import RunRecorder
from .runtime import EXCEPTION_FILTERS, Recovery, exception_breakpoint_id

THREAD_ID = 1
EXIT_GRACE_SECONDS = 0.15  # how long a closing session waits for the run thread (stop within 200 ms)
PENDING = "not checked yet: the configuration is loaded at launch"

Handler = Callable[..., Any]  # (session, request, typed arguments) -> True when the session ends


@dataclasses.dataclass(frozen=True)
class Command:
    handler: Handler
    arguments: type


COMMANDS: dict[str, Command] = {}
"""The requests the adapter answers, by DAP command name; nothing else is reachable from the wire."""


def request(command: str, arguments: type = NoArguments) -> Callable[[Handler], Handler]:
    """Registers a DapSession method as the handler of ``command``, its arguments typed as ``arguments``."""
    def register(handler: Handler) -> Handler:
        if command in COMMANDS:
            raise ValueError(f"two handlers for DAP request '{command}'")
        COMMANDS[command] = Command(handler, arguments)
        return handler
    return register


class RequestError(Exception):
    """Raised by a handler: the request fails with this message and DAP error id."""

    def __init__(self, message: str, error_id: ErrorId = ErrorId.GENERAL) -> None:
        super().__init__(message)
        self.error_id = error_id


def navigation_workflow(cfg: Any, state_ids: list[str]) -> Workflow:
    """"Go to state" from the IDE: a one-action workflow that plans a path to the states."""
    action = Action(id="go-to-state", type="GO_TO_STATE", name="Go to " + ", ".join(state_ids),
                    config={"stateIds": state_ids}, workflow_id="__navigate__")
    wf = Workflow(id="__navigate__", name="Go to " + ", ".join(state_ids), actions=[action])
    cfg.workflows[wf.id] = wf
    return wf


@dataclasses.dataclass
class RetryArguments:
    """qontinui/retry: run the failed action again, optionally with another similarity (0 < t <= 1)."""
    threshold: float | None = None


@dataclasses.dataclass
class UpdateImageArguments:
    """qontinui/updateImage: new pixels (base64 PNG) for an image asset of the loaded configuration."""
    imageId: str
    data: str


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
        self.columns: dict[str, int] = {}
        self.exit_code = 0
        self.replay: ReplayController | None = None  # launch {"replay": folder}
        self.initialized = False
        self.lines_start_at1 = True
        self.columns_start_at1 = True
        # The last setFunctionBreakpoints request, as (breakpoint, verified, message); checked at launch.
        self.function_bps: list[tuple[Breakpoint, bool, str]] = []

    # ------------------------------------------------------------------ plumbing
    def log(self, text: str, category: str = "console") -> None:
        sys.stderr.write(text.rstrip("\n") + "\n")
        sys.stderr.flush()
        self.writer.event("output", {"category": category, "output": text.rstrip("\n") + "\n"})

    def serve(self) -> int:
        reader = FrameReader(self.instream)
        while True:
            try:
                msg = reader.read()
            except FramingError as exc:
                sys.stderr.write(f"malformed frame: {exc}\n")
                self.writer.error(None, f"malformed frame: {exc}", ErrorId.MALFORMED_FRAME)
                continue
            if msg is None or self.dispatch(msg):  # EOF (the client is gone) or disconnect
                self.stop()
                return self.exit_code

    def stop(self) -> None:
        """Ends the run: it stops at its next poll; whatever still runs after the grace dies with the process."""
        self.control.request_terminate()
        if self.thread:
            self.thread.join(timeout=EXIT_GRACE_SECONDS)

    def dispatch(self, msg: dict[str, Any]) -> bool:
        """Answers one message; True when the session is over. Every request gets exactly one response."""
        kind = msg.get("type")
        if kind in ("response", "event"):
            sys.stderr.write(f"ignored a {kind} from the client (the adapter sends no reverse requests)\n")
            return False
        seq = msg.get("seq")
        name = msg.get("command")
        if kind != "request" or not isinstance(seq, int) or isinstance(seq, bool) or not isinstance(name, str):
            self.writer.error(msg, 'not a request: expected {"seq": integer, "type": "request", "command": string}',
                              ErrorId.MALFORMED_FRAME)
            return False
        command = COMMANDS.get(name)
        if command is None:
            self.writer.error(msg, f"unknown request '{name[:100]}'", ErrorId.UNKNOWN_REQUEST)
            return False
        try:
            args: Any = parse_arguments(command.arguments, msg.get("arguments"))
        except ArgumentError as exc:
            self.writer.error(msg, f"{name}: {exc}", ErrorId.INVALID_ARGUMENTS)
            return False
        self.writer.answered.discard(seq)
        done = False
        try:
            done = bool(command.handler(self, msg, args))
        except RequestError as exc:
            if seq not in self.writer.answered:
                self.writer.error(msg, str(exc), exc.error_id)
        except Exception as exc:
            self.log(traceback.format_exc(), "stderr")
            if seq not in self.writer.answered:
                self.writer.error(msg, f"{name} failed: {type(exc).__name__}: {exc}")
        if seq not in self.writer.answered:
            self.writer.error(msg, f"{name}: no response was produced (adapter bug)")
        self.writer.answered.discard(seq)
        return done

    def on_engine_event(self, event: str, body: dict[str, Any]) -> None:
        if event == "stopped" and body.get("reason") == "breakpoint":
            # All our breakpoints are function breakpoints (state:/action:/... names).
            body = {**body, "reason": "function breakpoint"}
        if event == "output":
            sys.stderr.write(body.get("output", ""))
        elif event == "continued":
            self.refs.clear()
            self.containers.clear()
        self.writer.event(event, body)

    # ------------------------------------------------------------------ lifecycle requests
    @request("initialize", InitializeArguments)
    def on_initialize(self, req: dict[str, Any], args: InitializeArguments) -> None:
        if self.initialized:
            raise RequestError("initialize: already initialized", ErrorId.WRONG_STATE)
        self.initialized = True
        self.lines_start_at1 = args.linesStartAt1
        self.columns_start_at1 = args.columnsStartAt1
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
            "supportsStepBack": True,  # in replay launches; live runs answer stepBack with an error
            "supportsRestartRequest": False,
            "supportsQontinuiRecovery": True,  # qontinui/retry, skip, abort, updateImage
            "exceptionBreakpointFilters": EXCEPTION_FILTERS,
        })
        self.writer.event("initialized")

    @request("launch", LaunchArguments)
    def on_launch(self, req: dict[str, Any], args: LaunchArguments) -> None:
        if self.launched:
            raise RequestError("launch: already launched", ErrorId.WRONG_STATE)
        problems = args.problems()
        if problems:
            raise RequestError("launch: " + "; ".join(problems), ErrorId.INVALID_ARGUMENTS)
        for name in args.unknown_properties():
            self.log(f"launch: unknown argument '{name}' ignored", "console")
        recording = None
        if args.replay:  # the recorded run's own configuration and workflow
            try:
                recording = Recording(args.replay)
            except ReplayError as exc:
                raise RequestError(str(exc), ErrorId.INVALID_ARGUMENTS) from None
            args.config, args.workflow = recording.config, args.workflow or recording.workflow
        path = args.config
        if not os.path.isfile(path):  # a FIFO or device would block open(); a folder is a mistake
            what = "does not exist" if not os.path.exists(path) else "is not a regular file"
            raise RequestError(f"invalid config: {path} {what} (/arguments/config)", ErrorId.INVALID_CONFIG)
        try:
            handlers = load_plugins(args.pluginModules, args.pluginPaths)
        except PluginError as exc:
            self.log(str(exc), "stderr")
            raise RequestError(str(exc), ErrorId.PLUGIN_FAILED) from None
        try:
            cfg = load_config(path, available_types(handlers), args.actionHints)
        except ConfigError as exc:
            text = "\n".join(d.format(path) for d in exc.diagnostics)
            self.log(text, "stderr")
            raise RequestError(f"invalid config: {exc}\n{text}", ErrorId.INVALID_CONFIG) from None
        for d in cfg.diagnostics:
            self.log(d.format(path), "console")
        go_to = args.goToStates
        unknown = [s for s in go_to if s not in cfg.states]
        if unknown:
            raise RequestError(f"goToStates: no state {', '.join(unknown)} in config", ErrorId.NOT_FOUND)
        wf: Workflow | None
        if go_to:
            wf = navigation_workflow(cfg, go_to)
        else:
            wf = cfg.find_workflow(args.workflow) if args.workflow else cfg.default_workflow()
        if wf is None:
            raise RequestError(f"workflow '{args.workflow}' not found in config", ErrorId.NOT_FOUND)
        mode = str(cfg.setting("execution", "executionMode", "") or "").lower()
        backend_name: str = args.backend or {"mock": "mock", "screenshot": "screenshots"}.get(mode) or "x11"
        shots = args.screenshots or (cfg.setting("execution", "screenshotDirectory")
                                     if backend_name == "screenshots" else None)
        try:
            backend = replay_backend(recording) if recording else create_backend(backend_name, shots, monitor=args.monitor)
        except Exception as exc:
            raise RequestError(f"cannot start backend '{backend_name}': {exc}", ErrorId.BACKEND_FAILED) from None
        self.control.debug = not args.noDebug
        self.stop_on_entry = args.stopOnEntry and self.control.debug
        self.config = cfg
        self.workflow_id = wf.id
        def make_engine(emit: Callable[[str, dict[str, Any]], None]) -> Engine:
            return Engine(cfg, backend, emit, self.control, args.runDir,
                          args.failureStrategy, args.initialStates, args.slowStepMs, handlers,
                          args.screenshotOnError, on_failure=args.onFailure, run_timeout_s=args.timeout)
        if recording is not None:
            self.replay = ReplayController(self, backend, make_engine)
            self.engine = self.replay.new_engine()
        elif args.runDir:  # the run folder's record (events.jsonl; frames with record)
            recorder = RunRecorder(args.runDir, args.record)
            if args.record:
                recorder.write_manifest(path, wf.id, backend.name)
            self.engine = make_engine(recorder.tap(self.on_engine_event))
            self.engine.add_frame_observer(recorder.observe)
        else:
            self.engine = make_engine(self.on_engine_event)
        try:
            with open(path, encoding="utf-8") as fh:
                positions = _positions_of(fh.read())
        except (OSError, UnicodeDecodeError):
            positions = {}
        self.lines = {p: line for p, (line, _) in positions.items()}
        self.columns = {p: col for p, (_, col) in positions.items()}
        self.launched = True
        self._verify_pending_breakpoints()
        self.writer.response(req)
        self.log(f"loaded {path}: workflow {wf.id} ({wf.name}), backend {backend.name}")
        self._maybe_start()

    @request("configurationDone")
    def on_configurationDone(self, req: dict[str, Any], args: NoArguments) -> None:
        self.configured = True
        self.writer.response(req)
        self._maybe_start()

    def _maybe_start(self) -> None:
        if not (self.launched and self.configured) or self.thread is not None:
            return
        if self.replay is not None:
            self.replay.start()
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

    @request("terminate", TerminateArguments)
    def on_terminate(self, req: dict[str, Any], args: TerminateArguments) -> None:
        self.control.request_terminate()
        self.writer.response(req)
        if self.thread is None:
            self.writer.event("terminated")

    @request("disconnect", DisconnectArguments)
    def on_disconnect(self, req: dict[str, Any], args: DisconnectArguments) -> bool:
        self.stop()
        self.writer.response(req)
        return True

    # ------------------------------------------------------------------ breakpoints
    @request("setFunctionBreakpoints", SetFunctionBreakpointsArguments)
    def on_setFunctionBreakpoints(self, req: dict[str, Any], args: SetFunctionBreakpointsArguments) -> None:
        self.function_bps = []
        for bp in args.breakpoints:
            self._bp_ids += 1
            kind, _, obj = bp.name.partition(":")
            verified, message = self._check_bp(kind, obj)
            self.function_bps.append((Breakpoint(self._bp_ids, bp.name, bp.condition, bp.hitCondition,
                                                 bp.logMessage), verified, message))
        self._apply_function_bps()
        self.writer.response(req, {"breakpoints": [self._bp_entry(bp, verified, message)
                                                   for bp, verified, message in self.function_bps]})

    def _apply_function_bps(self) -> None:
        table: dict[str, list[Breakpoint]] = {}
        for bp, verified, _ in self.function_bps:
            if verified:
                table.setdefault(bp.name, []).append(bp)
        self.control.breakpoints = table

    def _verify_pending_breakpoints(self) -> None:
        """Breakpoints set before launch are checked against the loaded config; `breakpoint` events tell."""
        checked = []
        for bp, verified, message in self.function_bps:
            if message == PENDING:
                kind, _, obj = bp.name.partition(":")
                verified, message = self._check_bp(kind, obj)
                self.writer.event("breakpoint", {"reason": "changed",
                                                 "breakpoint": self._bp_entry(bp, verified, message)})
            checked.append((bp, verified, message))
        self.function_bps = checked
        self._apply_function_bps()

    def _bp_entry(self, bp: Breakpoint, verified: bool, message: str) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": bp.id, "verified": verified}
        if message:
            entry["message"] = message
        kind, _, obj = bp.name.partition(":")
        entry.update(self._location(kind, obj))
        return entry

    def _location(self, kind: str, obj: str) -> dict[str, Any]:
        """`source`, `line`, `column` of a config object in the client's numbering; {} when unknown."""
        line = self._line_for(kind, obj)
        if not line or not self.config or not self.config.path:
            return {}
        column = self._column_for(kind, obj) or 1
        return {"source": {"name": os.path.basename(self.config.path), "path": os.path.abspath(self.config.path)},
                "line": line - (0 if self.lines_start_at1 else 1),
                "column": column - (0 if self.columns_start_at1 else 1)}

    def _check_bp(self, kind: str, obj: str) -> tuple[bool, str]:
        if kind not in ("state", "transition", "workflow", "action"):
            return False, "breakpoint names are state:<id>, transition:<id>, workflow:<id> or action:<id>"
        cfg = self.config
        if cfg is None:
            return False, PENDING  # set before launch: checked when the config is loaded
        known: Collection[str] = {"state": cfg.states, "workflow": cfg.workflows,  # type: ignore[assignment]
                                  "transition": {t.id for t in cfg.transitions},
                                  "action": {a.id for a in cfg.all_actions()}}[kind]
        return (True, "") if obj in known else (False, f"unknown {kind} '{obj}'")

    @request("setExceptionBreakpoints", SetExceptionBreakpointsArguments)
    def on_setExceptionBreakpoints(self, req: dict[str, Any], args: SetExceptionBreakpointsArguments) -> None:
        known = {str(f["filter"]) for f in EXCEPTION_FILTERS}
        # The response lists one breakpoint per filter, then per filter option, in request order.
        requested = list(args.filters) + [o.filterId for o in args.filterOptions]
        out: list[dict[str, Any]] = []
        for f in requested:
            if f in known:
                # The id lets the client tell which failure breakpoint stopped the run (hitBreakpointIds).
                out.append({"id": exception_breakpoint_id(f), "verified": True})
            else:
                out.append({"verified": False, "message": f"unknown exception filter '{f}' (known: "
                                                          f"{', '.join(sorted(known))})"})
        self.control.exception_filters = {f for f in requested if f in known}
        self.writer.response(req, {"breakpoints": out})

    # ------------------------------------------------------------------ execution control
    @request("continue", ThreadArguments)
    def on_continue(self, req: dict[str, Any], args: ThreadArguments) -> None:
        self.control.resume(None)
        self.writer.response(req, {"allThreadsContinued": True})

    def _step(self, req: dict[str, Any], kind: str) -> None:
        depth = self.engine.depth() if self.engine else 0
        self.control.resume(kind, depth)
        self.writer.response(req)

    @request("next", ThreadArguments)
    def on_next(self, req: dict[str, Any], args: ThreadArguments) -> None:
        self._step(req, "next")

    @request("stepIn", ThreadArguments)
    def on_stepIn(self, req: dict[str, Any], args: ThreadArguments) -> None:
        self._step(req, "stepIn")

    @request("stepOut", ThreadArguments)
    def on_stepOut(self, req: dict[str, Any], args: ThreadArguments) -> None:
        self._step(req, "stepOut")

    @request("stepBack", ThreadArguments)
    def on_stepBack(self, req: dict[str, Any], args: ThreadArguments) -> None:
        self._reverse(req).step_back()

    @request("reverseContinue", ThreadArguments)
    def on_reverseContinue(self, req: dict[str, Any], args: ThreadArguments) -> None:
        self._reverse(req).reverse_continue()

    def _reverse(self, req: dict[str, Any]) -> ReplayController:
        """Answers a backwards request: only a replay can go back, and only while stopped."""
        if self.replay is None:
            raise RequestError("stepping back needs a recorded run: launch with \"replay\": <run folder>",
                               ErrorId.WRONG_STATE)
        if not self.control.stopped:
            raise RequestError("not stopped", ErrorId.WRONG_STATE)
        self.writer.response(req)
        return self.replay

    @request("pause", ThreadArguments)
    def on_pause(self, req: dict[str, Any], args: ThreadArguments) -> None:
        self.control.request_pause()
        self.writer.response(req)

    # ------------------------------------------------------------------ inspection
    # ------------------------------------------------------------------ failure recovery (docs/protocol.md)
    def _failure_stop(self) -> Engine:
        if self.engine is None or not (self.control.stopped and self.control.failure_stop):
            raise RequestError("not stopped on a failed action", ErrorId.WRONG_STATE)
        return self.engine

    def _recover(self, req: dict[str, Any], recovery: Recovery) -> None:
        self._failure_stop()
        self.writer.response(req)  # before the run thread resumes and sends `continued`
        self.control.request_recovery(recovery)

    @request("qontinui/retry", RetryArguments)
    def on_retry(self, req: dict[str, Any], args: RetryArguments) -> None:
        if args.threshold is not None and not 0 < args.threshold <= 1:
            raise RequestError("qontinui/retry: /arguments/threshold must be in (0, 1]", ErrorId.INVALID_ARGUMENTS)
        self._recover(req, Recovery("retry", args.threshold))

    @request("qontinui/skip")
    def on_skip(self, req: dict[str, Any], args: NoArguments) -> None:
        self._recover(req, Recovery("skip"))

    @request("qontinui/abort")
    def on_abort(self, req: dict[str, Any], args: NoArguments) -> None:
        self._recover(req, Recovery("abort"))

    @request("qontinui/updateImage", UpdateImageArguments)
    def on_updateImage(self, req: dict[str, Any], args: UpdateImageArguments) -> None:
        engine = self._failure_stop()  # the run thread is blocked: the config may change under it
        if args.imageId not in engine.config.images:
            raise RequestError(f"unknown image '{args.imageId}'", ErrorId.NOT_FOUND)
        try:
            png = base64.b64decode(args.data, validate=True)
            width, height = engine.replace_image(args.imageId, png)
        except (binascii.Error, ValueError):
            raise RequestError("data is not a PNG image", ErrorId.INVALID_ARGUMENTS) from None
        self.writer.response(req, {"imageId": args.imageId, "width": width, "height": height})

    @request("threads")
    def on_threads(self, req: dict[str, Any], args: NoArguments) -> None:
        name = f"Qontinui run: {self.workflow_id}" if self.workflow_id else "Qontinui run"
        self.writer.response(req, {"threads": [{"id": THREAD_ID, "name": name}]})

    def _line_for(self, kind: str, obj: str) -> int | None:
        ptr = self._pointer_for(kind, obj)
        if ptr is None:
            return None
        # The line of the object's "id" reads better than the line of its opening brace.
        return self.lines.get(ptr + "/id") or self.lines.get(ptr)

    def _column_for(self, kind: str, obj: str) -> int | None:
        """1-based column (characters) of what _line_for points at."""
        ptr = self._pointer_for(kind, obj)
        if ptr is None:
            return None
        return self.columns.get(ptr + "/id") if ptr + "/id" in self.lines else self.columns.get(ptr)

    def _pointer_for(self, kind: str, obj: str) -> str | None:
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
        return ptr or None

    @request("stackTrace", StackTraceArguments)
    def on_stackTrace(self, req: dict[str, Any], args: StackTraceArguments) -> None:
        frames = list(self.engine.frames) if self.engine else []
        out = []
        for i, f in enumerate(reversed(frames)):
            label = f"{f.kind} {f.id}" + (f" ({f.detail})" if f.detail else "") + \
                (f" — {f.name}" if f.name and f.name not in (f.id, f.detail) else "")
            # Without a known place in the file the frame has no source, and line/column 0 (the spec's "none").
            entry: dict[str, Any] = {"id": len(frames) - i, "name": label, "line": 0, "column": 0,
                                     "presentationHint": "normal", **self._location(f.kind, f.id)}
            if "source" in entry:
                # The element as data (docs/protocol.md): an id may hold spaces, so the label cannot be parsed back.
                entry["source"]["adapterData"] = {"kind": f.kind, "id": f.id}
            out.append(entry)
        start = max(args.startFrame, 0)
        levels = max(args.levels, 0)
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
        if secrets.is_secret(self.engine.vars if self.engine else None, name):
            # Shown masked, not expandable; setVariable still replaces it.
            return {"name": name, "value": secrets.MASK, "type": "secret", "variablesReference": 0,
                    "evaluateName": name}
        if isinstance(value, dict) and value:
            ref = self._ref(lambda: [self._var(str(k), x) for k, x in value.items()], value)
        elif isinstance(value, (list, tuple)) and value:
            ref = self._ref(lambda: [self._var(f"[{i}]", x) for i, x in enumerate(value)])
        text = json.dumps(value, default=str) if not isinstance(value, str) else json.dumps(value)
        if len(text) > 200:
            text = text[:197] + "..."
        return {"name": name, "value": text, "type": type(value).__name__, "variablesReference": ref,
                "evaluateName": name}

    @request("scopes", ScopesArguments)
    def on_scopes(self, req: dict[str, Any], args: ScopesArguments) -> None:
        engine = self.engine
        if engine is None:
            self.writer.error(req, "not launched")
            return
        eng: Engine = engine  # not Optional inside the scope providers below
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
            # seen (with its score) / assumed / hidden, see docs/protocol.md "Assumed and seen states"
            return [{"name": r["id"], "value": r["label"], "type": r["kind"], "variablesReference": 0}
                    for r in eng.state_rows()]

        def match_scope() -> list[dict[str, Any]]:
            m = eng.last_match_info
            if not m:
                return [{"name": "found", "value": "no find yet", "variablesReference": 0}]
            keys = ("found", "score", "threshold", "location", "imageId", "durationMs", "method", "actionId")
            return [self._var(k, m.get(k)) for k in keys]

        def settings_scope() -> list[dict[str, Any]]:
            return [self._var(k, x) for k, x in eng.config.settings.items()] + [
                self._var("failureStrategy", eng.failure_strategy), self._var("backend", eng.backend.name)]

        scopes = [("Variables", variables_scope, 3), ("Active States", active_scope, len(eng.state_rows())),
                  ("Last Match", match_scope, 8), ("Settings", settings_scope, len(eng.config.settings))]
        self.writer.response(req, {"scopes": [
            {"name": n, "variablesReference": self._ref(p), "namedVariables": c, "expensive": False,
             **({"presentationHint": "locals"} if n == "Variables" else {})} for n, p, c in scopes]})

    @request("variables", VariablesArguments)
    def on_variables(self, req: dict[str, Any], args: VariablesArguments) -> None:
        provider = self.refs.get(args.variablesReference)
        if provider is None:
            self.writer.error(req, "unknown variablesReference (the run has resumed since)")
            return
        self.writer.response(req, {"variables": provider()})

    @request("setVariable", SetVariableArguments)
    def on_setVariable(self, req: dict[str, Any], args: SetVariableArguments) -> None:
        container = self.containers.get(args.variablesReference)
        if container is None:
            self.writer.error(req, "this variable cannot be set (only Variables > local/process/global)")
            return
        raw = args.value
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw  # bare words are strings
        container[args.name] = value
        self.writer.response(req, {k: v for k, v in self._var(args.name, value).items()
                                   if k in ("value", "type", "variablesReference")})

    @request("evaluate", EvaluateArguments)
    def on_evaluate(self, req: dict[str, Any], args: EvaluateArguments) -> None:
        if self.engine is None:
            self.writer.error(req, "not launched")
            return
        try:
            value = evaluate(args.expression, self.engine.eval_names())
        except Exception as exc:
            self.writer.error(req, f"cannot evaluate: {exc}")
            return
        var = self._var("result", value)
        if any(secrets.is_secret(self.engine.vars, n) for n in re.findall(r"[A-Za-z_]\w*", args.expression)) \
                or secrets.contains_secret(self.engine.vars, var["value"]):
            var = {"value": secrets.MASK, "type": "secret", "variablesReference": 0}
        self.writer.response(req, {"result": var["value"], "type": var["type"],
                                   "variablesReference": var["variablesReference"]})


def _positions_of(text: str) -> dict[str, tuple[int, int]]:
    """JSON pointer -> 1-based (line, column) of its value."""
    try:
        positions = pointer_positions(text)
    except (ValueError, IndexError):
        return {}
    newlines = [m.start() for m in re.finditer("\n", text)]
    out = {}
    for p, off in positions.items():
        n = bisect.bisect_left(newlines, off)
        out[p] = (n + 1, off - (newlines[n - 1] + 1 if n else 0) + 1)
    return out


def main() -> int:
    session = DapSession(sys.stdin.buffer, sys.stdout.buffer)
    # stdout carries only frames: anything printed by accident goes to stderr.
    sys.stdout = sys.stderr
    guard = ProcessGuard()

    def join_run(timeout: float) -> None:
        if session.thread is not None:
            session.thread.join(timeout)
    guard.on_stop(session.control.request_terminate, join_run)
    guard.install((signal.SIGTERM, signal.SIGHUP, signal.SIGINT))
    code = session.serve()
    # Everything the client needs is flushed; skipping the interpreter's teardown (cv2, numpy: ~50-150 ms)
    # keeps "stdin closed -> process gone" within 200 ms.
    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is not None:
            stream.flush()
    os._exit(code)
