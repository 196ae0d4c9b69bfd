# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""The optional "Desktop actions" plugin: not in the product, rejected by name until installed from the
update site with the p2 director, then used end to end on a real X server (Xvfb) against a Tk app."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PRODUCT, ROOT, SITE

EXAMPLES = ROOT / "bundles/org.qontinui.runner.plugins.desktop/python/examples"


def start(product: Path, *args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    full = dict(os.environ)
    full.update(env or {})
    return subprocess.run([str(product / "qontinui-runner"), *args], capture_output=True, text=True,
                          timeout=timeout, env=full)


@pytest.fixture(scope="module")
def product(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("product") / "qontinui-runner"
    shutil.copytree(PRODUCT, copy, symlinks=True)
    return copy


@pytest.fixture(scope="module")
def xdisplay():
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed")
    for n in range(140, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            break
    server = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1024x768x24", "-noreset"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            break
        time.sleep(0.05)
    yield f":{n}"
    server.terminate()
    server.wait(10)


def test_plugin_is_not_in_the_product(product: Path) -> None:
    assert not list((product / "plugins").glob("org.qontinui.runner.plugins.desktop*"))
    p = start(product, "validate", str(EXAMPLES / "desktop-demo.json"))
    assert p.returncode == 2, p.stdout + p.stderr
    assert "unknown action type SET_CLIPBOARD \u2014 install plugin Desktop actions" in p.stdout


def test_install_from_update_site_and_run_on_x11(product: Path, xdisplay: str, tmp_path: Path) -> None:
    p = start(product, "director", "-repository", SITE.as_uri(),
              "-installIU", "org.qontinui.runner.plugins.desktop.feature.feature.group")
    assert p.returncode == 0 and "Operation completed" in p.stdout + p.stderr, p.stdout + p.stderr
    installed = list((product / "plugins").glob("org.qontinui.runner.plugins.desktop_*"))
    assert installed and (installed[0] / "python/qontinui_desktop/__init__.py").is_file()

    assert start(product, "validate", str(EXAMPLES / "desktop-demo.json")).returncode == 0

    log = tmp_path / "app.jsonl"
    env = {"DISPLAY": xdisplay}
    app = subprocess.Popen(["/usr/bin/python3", str(EXAMPLES / "desktop_demo_app.py"), str(log)],
                           env={**os.environ, **env})
    try:
        for _ in range(100):
            if log.exists() and "ready" in log.read_text():
                break
            time.sleep(0.1)
        run = start(product, "run", str(EXAMPLES / "desktop-demo.json"), "--backend", "x11",
                    "--out", str(tmp_path / "out"), env=env)
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.stdout.splitlines()[-1].startswith("SUITE PASSED")
    finally:
        app.terminate()
        app.wait(10)
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert any(e["event"] == "entry" and e["text"] == "Grüße from Qontinui ✓" for e in entries), entries
    assert any(e["event"] == "color" and e["color"].lower() == "#00c000" for e in entries), entries


def test_developer_tools_install_and_resolve(product: Path) -> None:
    p = start(product, "director", "-repository", SITE.as_uri(),
              "-installIU", "org.qontinui.runner.devtools.feature.feature.group")
    assert p.returncode == 0 and "Operation completed" in p.stdout + p.stderr, p.stdout + p.stderr
    bundles = (product / "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info").read_text()
    assert "org.qontinui.runner.devtools," in bundles and "org.eclipse.e4.tools.emf.ui," in bundles
    doctor = start(product, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "ok      org.qontinui.runner.devtools" in doctor.stdout
    assert "BROKEN" not in doctor.stdout, doctor.stdout
