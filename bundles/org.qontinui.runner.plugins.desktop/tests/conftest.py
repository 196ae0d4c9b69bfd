"""pytest wiring: makes `python-bridge/` and the plugin's `python/` importable (see desktop_testlib)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from desktop_testlib import apps, tk_owner, xdisplay  # noqa: E402,F401  (fixtures)
