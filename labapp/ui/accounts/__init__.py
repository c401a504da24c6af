"""TODO."""

from __future__ import annotations

from labapp.ui.accounts._identity import Identity
from labapp.ui.accounts._integrity import IntegrityDialog, seal_problem_text
from labapp.ui.accounts._signature import SignatureDialog, describe_event, meaning_text

__all__ = [
    "Identity",
    "IntegrityDialog",
    "SignatureDialog",
    "describe_event",
    "meaning_text",
    "seal_problem_text",
]
