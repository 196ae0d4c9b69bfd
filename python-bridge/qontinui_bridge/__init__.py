"""Qontinui Runner Python executor: runs Qontinui v2.0.0 configs and speaks DAP."""

__version__ = "0.1.0"
