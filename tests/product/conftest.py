# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Tests of the built product: they start it as a user or CI server would."""

from __future__ import annotations

import glob
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ROOT / "releng/org.qontinui.runner.repository/target/products/org.qontinui.runner.product/linux/gtk/x86_64/qontinui-runner"
SITE = ROOT / "releng/org.qontinui.runner.repository/target/repository"


def bundled_demo() -> Path:
    found = glob.glob(str(PRODUCT / "plugins/org.qontinui.runner.bridge_*/python/demo"))
    assert found, f"no demo in the product at {PRODUCT}; build it first (mvnw verify)"
    return Path(found[0])


def runner(*args: str, timeout: int = 180, env: dict | None = None) -> subprocess.CompletedProcess:
    """Runs the product's start script; returns the finished process (text output)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([str(PRODUCT / "qontinui-runner"), *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env)


@pytest.fixture(scope="session")
def demo() -> Path:
    if not (PRODUCT / "qontinui-runner").exists():
        pytest.fail(f"product not built: {PRODUCT}")
    return bundled_demo()


@pytest.fixture
def demo_config(demo: Path) -> dict:
    return json.loads((demo / "demo.json").read_text())


@pytest.fixture
def write_config(tmp_path: Path):
    def write(config: dict, name: str = "config.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(config, indent=2))
        return path
    return write
