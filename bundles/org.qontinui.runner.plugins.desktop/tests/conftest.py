# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""pytest wiring: makes `python-bridge/` and the plugin's `python/` importable (see desktop_testlib)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from desktop_testlib import apps, tk_owner, xdisplay  # noqa: E402,F401  (fixtures)
