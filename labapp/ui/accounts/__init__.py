"""Who works in the window: login, the first-run set-up wizard, the idle lock, password changes,
the accounts dialog, the electronic-signature dialog and the integrity check's result.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

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
