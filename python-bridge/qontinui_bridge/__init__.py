# Copyright (c) 2026 Qontinui and others.
# This program and the accompanying materials are made available under the terms of the
# Eclipse Public License 2.0 which is available at https://www.eclipse.org/legal/epl-2.0/
# SPDX-License-Identifier: EPL-2.0
"""Qontinui Runner Python executor: runs Qontinui v2.0.0 configs and speaks DAP."""

__version__ = "0.1.0"
