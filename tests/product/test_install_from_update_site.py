# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Installing the runner from the freshly built update site into a bare Eclipse platform with the
p2 director, as a user does with Help > Install New Software, then checking it resolves and runs."""

from __future__ import annotations

import glob
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, SITE

BARE = ROOT / "releng/org.qontinui.runner.repository/target/products/org.qontinui.runner.bareplatform/linux/gtk/x86_64/bare-platform"


def start(platform: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(platform / "qontinui-runner"), *args], capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert BARE.is_dir(), f"bare platform not built: {BARE}"
    platform = tmp_path_factory.mktemp("eclipse") / "bare-platform"
    shutil.copytree(BARE, platform, symlinks=True)
    assert not glob.glob(str(platform / "plugins/org.qontinui.runner.*")), "the bare platform must not carry the runner"
    p = start(platform, "director", "-repository", SITE.as_uri(), "-installIU", "org.qontinui.runner.feature.feature.group")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Operation completed" in p.stdout + p.stderr
    return platform


def test_feature_is_installed_into_the_profile(installed: Path) -> None:
    bundles = (installed / "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info").read_text()
    for name in ("core", "bridge", "debug", "ui", "headless", "webbuilder"):
        assert f"org.qontinui.runner.{name}," in bundles, name
    assert glob.glob(str(installed / "features/org.qontinui.runner.feature_*"))


def test_installed_bundles_resolve(installed: Path) -> None:
    p = start(installed, "doctor")
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.splitlines()[-1] == "INSTALLATION OK"
    resolved = [line for line in p.stdout.splitlines() if line.startswith("ok      org.qontinui.runner.")]
    assert len(resolved) == 7, p.stdout  # core, bridge, runs, debug, ui, headless, webbuilder
    assert "BROKEN" not in p.stdout, p.stdout


def test_installed_runner_runs_the_demo(installed: Path, tmp_path: Path) -> None:
    demo = glob.glob(str(installed / "plugins/org.qontinui.runner.bridge_*/python/demo/demo.json"))[0]
    p = start(installed, "run", demo, "--backend", "mock", "--out", str(tmp_path))
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.splitlines()[-1].startswith("SUITE PASSED")
