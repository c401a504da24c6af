"""Test-wide settings: an isolated LabApp home per test session and Qt offscreen."""

from __future__ import annotations

import os
import tempfile

# Before anything imports Qt or computes a per-user path.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
if "LABAPP_HOME" not in os.environ:
    os.environ["LABAPP_HOME"] = tempfile.mkdtemp(prefix="labapp-test-home-")
