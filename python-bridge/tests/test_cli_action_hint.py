# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""`--action-hint TYPE=PLUGIN` on `run`/`validate` (the CLI twin of the DAP launch `actionHints`)."""

from __future__ import annotations

import pytest
from conftest import make_config

from qontinui_bridge.__main__ import action_hints, main


def _cfg(tmp_json) -> str:
    return tmp_json(make_config([{"id": "o", "type": "OCR_READ", "config": {}}]))


def test_validate_without_hint_is_plain_unknown(tmp_json, capsys) -> None:
    path = _cfg(tmp_json)
    assert main(["validate", path]) == 2
    out = capsys.readouterr().out
    assert "unknown action type OCR_READ" in out and "install plugin" not in out


def test_validate_and_run_with_hint(tmp_json, capsys) -> None:
    path = _cfg(tmp_json)
    assert main(["validate", path, "--action-hint", "ocr_read=qontinui-ocr"]) == 2
    assert "unknown action type OCR_READ — install plugin qontinui-ocr (/workflows/0/actions/0/type)" \
        in capsys.readouterr().out
    assert main(["run", path, "--backend", "mock", "--action-hint", "OCR_READ=qontinui-ocr"]) == 2
    err = capsys.readouterr().err
    assert "unknown action type OCR_READ — install plugin qontinui-ocr" in err


def test_hint_parsing() -> None:
    assert action_hints(["A=x", " b = Plugin B "]) == {"A": "x", "B": "Plugin B"}
    assert action_hints([]) == {}
    with pytest.raises(Exception):
        action_hints(["no-equals"])


def test_bad_hint_is_a_usage_error(tmp_json) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", _cfg(tmp_json), "--action-hint", "OCR_READ"])
    assert exc.value.code == 2
