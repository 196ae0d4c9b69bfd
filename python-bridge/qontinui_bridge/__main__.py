# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Entry points: DAP server (no arguments), `run CONFIG` and `validate CONFIG`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any, TextIO

from .lifecycle import ProcessGuard  # first: it notes the parent pid before the slow imports (cv2)
from .backends import create_backend  # noqa: I001
from .config import ConfigError, load_config
from .engine import Emit, Engine, RunControl
from .plugins import PluginError, available_types, load_plugins
from .run_record import RunRecorder


class LinePrinter:
    """Human-readable one-line-per-event output for `run` (the run folder's record: run_record.py)."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.t0 = time.perf_counter()

    def line(self, text: str) -> None:
        self.out.write(f"[{time.perf_counter() - self.t0:7.2f}s] {text}\n")
        self.out.flush()

    def __call__(self, event: str, body: dict[str, Any]) -> None:
        if event == "qontinui/stateChanged":
            self.line(f"state {body['stateId']} {'active' if body['active'] else 'inactive'}"
                      f" -> active [{', '.join(body['activeStates'])}]")
        elif event == "qontinui/actionCompleted":
            verdict = "ok" if body["success"] else "FAILED"
            m = body.get("match")
            if m:
                loc = m.get("location") or {}
                rel = ">=" if m["score"] >= m["threshold"] else "<"
                where = f" at ({loc.get('x')},{loc.get('y')})" if loc else ""
                detail = f"score={m['score']:.2f}{rel}{m['threshold']:.2f}{where}"
                if not body["success"]:
                    detail += f" {body.get('message', '')}"
            else:
                detail = body.get("message", "")
            self.line(f"action {body['actionId']} {body['actionType']} {verdict} {detail}".rstrip())
        elif event == "qontinui/transitionCompleted":
            self.line(f"transition {body['transitionId']} {'ok' if body['success'] else 'FAILED: ' + str(body.get('error'))}")
        elif event == "qontinui/screenshot":
            self.line(f"screenshot saved: {body['path']}")
        elif event == "qontinui/interruption":
            self.line(f"interruption: {body['stateId']} (score {body['score']:.2f}) -> {body['transitionId']}")
        elif event == "qontinui/navigation":
            self.line(f"navigation {body['decision']}: {body['message']}")
        elif event == "qontinui/detection" and body["reason"] == "runStart":
            self.line(f"detected at start: [{', '.join(body['seen'])}] ({body['durationMs']:.0f} ms)")
        elif event == "output":
            sys.stderr.write(body.get("output", ""))


def action_hints(items: list[str]) -> dict[str, str]:
    """`--action-hint TYPE=PLUGIN` values -> {"TYPE": "PLUGIN"} (the DAP launch `actionHints`)."""
    hints: dict[str, str] = {}
    for item in items or []:
        t, sep, plugin = item.partition("=")
        if not sep or not t.strip() or not plugin.strip():
            raise argparse.ArgumentTypeError(f"--action-hint expects TYPE=PLUGIN, not '{item}'")
        hints[t.strip().upper()] = plugin.strip()
    return hints


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        handlers = load_plugins(args.plugin_module, args.plugin_path)
        cfg = load_config(args.config, available_types(handlers), getattr(args, "hints", None))
    except PluginError as exc:
        print(f"{args.config}:1:1: error: {exc} (/)")
        return 2
    except ConfigError as exc:
        for d in exc.diagnostics:
            print(d.format(args.config))
        return 2
    for d in cfg.diagnostics:
        print(d.format(args.config))
    print(f"{args.config}: ok ({len(cfg.states)} states, {len(cfg.transitions)} transitions, "
          f"{len(cfg.workflows)} workflows, {sum(len(w.actions) for w in cfg.workflows.values())} actions)")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    try:
        handlers = load_plugins(args.plugin_module, args.plugin_path)
        cfg = load_config(args.config, available_types(handlers), getattr(args, "hints", None))
    except PluginError as exc:
        print(f"RUN FAILED: {exc}")
        return 2
    except ConfigError as exc:
        for d in exc.diagnostics:
            print(d.format(args.config), file=sys.stderr)
        print(f"RUN FAILED: invalid config: {exc}")
        return 2
    for d in cfg.diagnostics:
        print(d.format(args.config), file=sys.stderr)
    wf = cfg.find_workflow(args.workflow) if args.workflow else cfg.default_workflow()
    if wf is None:
        print(f"RUN FAILED: workflow '{args.workflow}' not found")
        return 2
    mode = str(cfg.setting("execution", "executionMode", "") or "").lower()
    backend_name = args.backend or {"mock": "mock", "screenshot": "screenshots"}.get(mode, "x11")
    shots = args.screenshots or (cfg.setting("execution", "screenshotDirectory") if backend_name == "screenshots" else None)
    try:
        backend = create_backend(backend_name, shots, monitor=args.monitor)
    except Exception as exc:
        print(f"RUN FAILED: cannot start backend {backend_name}: {exc}")
        return 1
    if args.record and not args.out:
        print("RUN FAILED: --record needs --out DIR (the run folder the frames go to)")
        return 2
    printer = LinePrinter(sys.stdout)
    recorder = RunRecorder(args.out, args.record) if args.out else None
    emit: Emit = printer
    if recorder:
        emit = recorder.tap(printer)
    control = RunControl()
    control.debug = False  # nobody can resume a suspended run from the command line
    # SIGTERM/SIGHUP or the parent's death end the run at its next poll (Ctrl-C stays KeyboardInterrupt).
    guard = ProcessGuard()
    guard.on_stop(control.request_terminate)
    guard.install()
    strategy = args.failure_strategy or cfg.setting("execution", "failureStrategy", "stop")
    if str(strategy).lower() == "pause":
        print("note: failureStrategy 'pause' needs a debugger; using 'stop'", file=sys.stderr)
        strategy = "stop"
    try:
        engine = Engine(cfg, backend, emit, control, args.out, strategy, args.initial_state, 0, handlers,
                        args.screenshot_on_error, on_failure=args.on_failure, run_timeout_s=args.timeout)
    except ValueError as exc:  # e.g. settings.execution.failureStrategy not one we know
        print(f"RUN FAILED: {args.config}: {exc}")
        return 2
    if recorder is not None:
        engine.add_frame_observer(recorder.observe)
        if args.record:
            recorder.write_manifest(args.config, wf.id, backend.name)
    printer.line(f"run {os.path.basename(args.config)} workflow {wf.id} ({wf.name}) backend {backend.name}")
    try:
        body = engine.run(wf)
    except KeyboardInterrupt:
        control.request_terminate()
        body = {"success": False, "error": "interrupted"}
    finally:
        backend.close()
        if recorder is not None:
            recorder.close()
    if body["success"]:
        print(f"RUN PASSED: workflow {wf.id}, {body['actionsPassed']} action(s) passed, "
              f"{body['actionsFailed']} failed, active states [{', '.join(body['activeStates'])}], "
              f"{body['durationMs'] / 1000:.2f}s")
        return 0
    print(f"RUN FAILED: {body['error']}")
    return 1


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("dap", "--dap"):
        from .dap import main as dap_main
        return dap_main()
    p = argparse.ArgumentParser(prog="python3 -m qontinui_bridge",
                                description="Qontinui executor (no arguments: DAP on stdin/stdout)")
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("run", "validate"):
        sp = sub.add_parser(name)
        sp.add_argument("config")
        sp.add_argument("--plugin-module", action="append", default=[])
        sp.add_argument("--plugin-path", action="append", default=[])
        sp.add_argument("--action-hint", action="append", default=[], metavar="TYPE=PLUGIN",
                        help="name the plugin that provides an action type (validation hint)")
        if name == "run":
            sp.add_argument("--workflow")
            sp.add_argument("--backend", choices=["x11", "screenshots", "mock"])
            sp.add_argument("--screenshots")
            sp.add_argument("--monitor", type=int, help="screen of a multi-screen X display to search (default 0)")
            sp.add_argument("--out")
            sp.add_argument("--record", action="store_true",
                            help="save the frame each action saw into --out, for replay in the debugger")
            sp.add_argument("--initial-state", action="append", default=[])
            sp.add_argument("--failure-strategy", choices=["stop", "continue", "pause", "retry"])
            sp.add_argument("--on-failure", choices=["stop", "retry", "skip"], default="stop",
                            help="what a failed action does: stop the run, re-detect and retry once, or skip it")
            sp.add_argument("--timeout", type=float, metavar="SECONDS",
                            help="end the run after this many seconds (exit 1)")
            sp.add_argument("--no-screenshot-on-error", dest="screenshot_on_error", action="store_const",
                            const=False, default=None,
                            help="do not save failure screenshots (default: settings.logging.screenshotOnError, true)")
    args = p.parse_args(argv)
    try:
        args.hints = action_hints(args.action_hint)
    except argparse.ArgumentTypeError as exc:
        p.error(str(exc))
    return cmd_validate(args) if args.cmd == "validate" else cmd_run(args)


if __name__ == "__main__":
    sys.exit(main())
