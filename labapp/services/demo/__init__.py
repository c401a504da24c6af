"""The demo laboratory: a believable, deterministic calibration lab seeded into an empty database
in one transaction (its people with accounts, instruments, traceability, events, checks, a PT
plan and a failed standard).

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.demo._accounts import DEMO_PASSWORD
from labapp.services.demo._seed import DemoOptions, describe, needs_seeding, seed_demo

__all__ = [
    "DEMO_PASSWORD",
    "DemoOptions",
    "describe",
    "needs_seeding",
    "seed_demo",
]
