"""TODO."""

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
