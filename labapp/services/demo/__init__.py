"""The demo laboratory: a believable, deterministic calibration lab seeded into an empty database
in one transaction (its people with accounts, instruments, traceability, events, checks, a PT
plan and a failed standard).

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes
from labapp.services.demo._accounts import DEMO_PASSWORD

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): these modules load heavy libraries
    from labapp.services.demo._seed import DemoOptions, describe, needs_seeding, seed_demo

__all__ = [
    "DEMO_PASSWORD",
    "DemoOptions",
    "describe",
    "needs_seeding",
    "seed_demo",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(("DemoOptions", "describe", "needs_seeding", "seed_demo"), "_seed"),
    },
)
