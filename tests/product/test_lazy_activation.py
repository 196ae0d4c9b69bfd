# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Installed into a plain Eclipse, the runner starts nothing until it is used.

The runner feature goes from the update site into the bare platform (as in
test_install_from_update_site.py); the workbench then starts on Xvfb with no Qontinui view open. Our
bundles are all lazy (Bundle-ActivationPolicy: lazy): such a bundle becomes ACTIVE exactly when the
first of its classes is loaded. The test asks the running JVM which classes it has loaded
(``jcmd <pid> VM.class_hierarchy``) and finds none of ``org.qontinui``: none of our bundles is
ACTIVE. A second start with the Qontinui perspective shows that the same check does see our bundles
when they are used."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_install_from_update_site import installed  # noqa: F401  (module fixture: bare platform + runner)

SETTLE_SECONDS = 8  # after the window shows: early-startup jobs and the first event loop turns


@pytest.fixture(scope="module")
def xdisplay() -> Iterator[str]:
    if not shutil.which("Xvfb"):
        pytest.fail("Xvfb is not installed (releng/setup.sh)")
    for n in range(230, 290):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            break
    server = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{n}").exists():
            break
        time.sleep(0.05)
    yield f":{n}"
    server.terminate()
    server.wait(timeout=10)


def jcmd_for(java_pid: int) -> str:
    """The jcmd of the JDK that runs the workbench (the start script picks a Java 21+)."""
    java = Path(os.readlink(f"/proc/{java_pid}/exe"))
    jcmd = java.parent / "jcmd"
    assert jcmd.exists(), f"no jcmd beside {java}"
    return str(jcmd)


def window_shows(display: str, name: str) -> bool:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": display}).stdout
    return f'"{name}' in tree


def qontinui_classes(platform: Path, display: str, tmp: Path, *eclipse_args: str) -> list[str]:
    """Starts the workbench, waits for its window, and lists the org.qontinui classes its JVM loaded."""
    workspace = tmp / f"ws{len(list(tmp.iterdir()))}"
    log = tmp / f"{workspace.name}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(platform / "qontinui-runner"), "-data", str(workspace), "-nosplash", *eclipse_args],
                                stdout=out, stderr=subprocess.STDOUT, env={**os.environ, "DISPLAY": display},
                                start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while not window_shows(display, workspace.name):
            assert proc.poll() is None, f"the workbench ended ({proc.returncode}): {log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, f"no workbench window after 180 s: {log.read_text()[-3000:]}"
            time.sleep(1)
        time.sleep(SETTLE_SECONDS)
        pid = proc.pid  # the start script execs java
        hierarchy = subprocess.run([jcmd_for(pid), str(pid), "VM.class_hierarchy"], capture_output=True, text=True,
                                   timeout=120)
        assert hierarchy.returncode == 0, hierarchy.stdout + hierarchy.stderr
        assert "org.eclipse.ui.internal.Workbench" in hierarchy.stdout, "jcmd did not list the workbench's classes"
        return sorted(set(re.findall(r"\b(org\.qontinui\.[\w.$]+)", hierarchy.stdout)))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def test_nothing_of_qontinui_starts_with_the_workbench(installed: Path, xdisplay: str, tmp_path: Path) -> None:  # noqa: F811
    loaded = qontinui_classes(installed, xdisplay, tmp_path)
    assert loaded == [], "classes of ours loaded (their bundles ACTIVE) with no Qontinui view, launch or command " \
                         f"used: {loaded}"


def test_opening_the_qontinui_perspective_starts_the_ui(installed: Path, xdisplay: str, tmp_path: Path) -> None:  # noqa: F811
    loaded = qontinui_classes(installed, xdisplay, tmp_path, "-perspective", "org.qontinui.runner.ui.perspective")
    assert any(c.startswith("org.qontinui.runner.ui.") for c in loaded), loaded
