# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Hostile configurations end as clean diagnostics in `validate`, `run` and a DAP `launch`.

Never a traceback, a Python or library message; always FILE:LINE:COL: severity: message (pointer).
The cases are the conformance corpus's invalid files plus ones generated here (too large).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import FIXTURES
from dap_client import DapClient

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINE = re.compile(r"^.+:\d+:\d+: (error|warning|info): .+ \(/.*\)$")
RAW = ("Traceback", "object has no attribute", "KeyError", "TypeError", "libpng", "Exception:")
HOSTILE = ["wrong-types", "too-deep", "invalid-utf8", "nan-and-infinity", "image-too-large", "not-an-object",
           "unterminated", "empty", "cycles-and-recursion", "unknown-enum-values", "limits", "image-data-problems"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qontinui_bridge", *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONPATH": ROOT})


@pytest.mark.parametrize("case", HOSTILE)
def test_validate_and_run_give_diagnostics(case: str) -> None:
    path = os.path.join(FIXTURES, case + ".json")
    v = cli("validate", path)
    assert v.returncode == 2, v
    lines = [line for line in v.stdout.splitlines() if line.strip()]
    assert lines and all(LINE.match(line) for line in lines), v.stdout
    assert not any(raw in v.stdout + v.stderr for raw in RAW), v.stdout + v.stderr
    r = cli("run", path, "--backend", "mock")
    assert r.returncode == 2 and "RUN FAILED: invalid config" in r.stdout, r
    assert not any(raw in r.stdout + r.stderr for raw in RAW), r.stdout + r.stderr


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch) -> None:
    from qontinui_bridge import config, vocabulary
    big = tmp_path / "big.json"
    big.write_bytes(b'{"version": "2.0.0", "pad": "' + b"x" * 4096 + b'"}')
    limits = vocabulary.limits()
    monkeypatch.setattr(config.vocab, "limits", lambda: type(limits)(**{**vars(limits), "max_file_bytes": 1024}))
    with pytest.raises(config.ConfigError) as ei:
        config.load_config(str(big))
    assert [(d.code, d.line, d.col) for d in ei.value.diagnostics] == [("too-large", 1, 1)]


@pytest.mark.parametrize("case", ["wrong-types", "too-deep", "invalid-utf8", "image-too-large"])
def test_dap_launch_error_is_a_diagnostic(case: str) -> None:
    client = DapClient()
    try:
        assert client.request("initialize", {"clientID": "pytest", "adapterID": "qontinui"})["success"]
        r = client.request("launch", {"config": os.path.join(FIXTURES, case + ".json"), "backend": "mock"})
        assert not r["success"]
        text = r.get("message", "") + str(r.get("body", ""))
        assert "invalid config" in text and ".json:" in text, text
        assert not any(raw in text for raw in RAW), text
    finally:
        client.close()
