# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""A password used by a run appears in no output of the headless runner: stdout, stderr, the JUnit
report, events.jsonl or any other file it writes."""

from __future__ import annotations

from pathlib import Path

from conftest import runner

PASSWORD = "Sw0rdfish-Product-Secret!"


def secret_config(fail: bool) -> dict:
    actions = [
        {"id": "copy", "type": "SET_VARIABLE",
         "config": {"variableName": "pw", "valueSource": {"type": "variable", "variableName": "password"}}},
        {"id": "trim", "type": "STRING_OPERATION",
         "config": {"operation": "TRIM", "input": {"variableName": "pw"}, "outputVariable": "clean"}},
        {"id": "len", "type": "STRING_OPERATION",
         "config": {"operation": "LENGTH", "input": {"variableName": "clean"}, "outputVariable": "n"}},
        {"id": "key", "type": "SET_VARIABLE",
         "config": {"variableName": "k", "value": "x-" + PASSWORD, "sensitive": True}},
        {"id": "type", "type": "TYPE", "config": {"text": "{{password}}", "pressEnter": True}},
    ]
    if fail:
        actions.append({"id": "boom", "type": "MATH_OPERATION",
                        "config": {"operation": "DIVIDE", "operands": [1, 0]}})
    return {
        "version": "2.0.0",
        "metadata": {"name": "Secret login"},
        "images": [],
        "states": [{"id": "start", "name": "Start", "isInitial": True, "identifyingImages": []}],
        "transitions": [],
        "workflows": [{"id": "login", "name": "Login", "actions": actions,
                       "variables": {"process": {"password": PASSWORD}}}],
        "settings": {"execution": {"executionMode": "mock"}},
    }


def assert_nowhere(p, out: Path) -> None:
    for text, where in ((p.stdout, "stdout"), (p.stderr, "stderr")):
        assert PASSWORD not in text, f"the password is in {where}"
    files = [f for f in out.rglob("*") if f.is_file()]
    assert any(f.name == "junit.xml" for f in files) and any(f.name == "events.jsonl" for f in files), files
    for f in files:
        content = f.read_bytes().decode("utf-8", "replace")
        assert PASSWORD not in content, f"the password is in {f}"
        assert PASSWORD[:12] not in content, f"part of the password is in {f}"


def test_a_passing_run_leaves_the_password_nowhere(write_config, tmp_path: Path, demo: Path) -> None:
    out = tmp_path / "out"
    p = runner("run", str(write_config(secret_config(False), "secret.json")), "--backend", "mock", "--out", str(out))
    assert p.returncode == 0, p.stdout + p.stderr
    assert "********" in (out / "events.jsonl").read_text(), "the secret actions ran and were masked"
    assert_nowhere(p, out)


def test_a_failing_run_leaves_the_password_nowhere(write_config, tmp_path: Path, demo: Path) -> None:
    out = tmp_path / "out"
    p = runner("run", str(write_config(secret_config(True), "secret.json")), "--backend", "mock", "--out", str(out))
    assert p.returncode == 1, p.stdout + p.stderr
    assert "division by zero" in (out / "junit.xml").read_text()
    assert_nowhere(p, out)
