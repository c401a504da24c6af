"""Words for the refusals of the impact investigation service, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labapp.domain.errors import ValidationError
from labapp.ui.common.errors import field_problem

CONTEXT = "ImpactWords"

#: ``ValidationError.field`` with code ``required`` -> a sentence
REQUIRED: dict[str, str] = {
    "reason": QT_TRANSLATE_NOOP("ImpactWords", "Give the reason for the action."),
    "conclusion": QT_TRANSLATE_NOOP("ImpactWords", "Write the conclusion of the investigation."),
    "trigger": QT_TRANSLATE_NOOP("ImpactWords", "Choose the failed event or check."),
    "as_found": QT_TRANSLATE_NOOP(
        "ImpactWords", "The failed event or check has no as-found value to take the error from."
    ),
}


def impact_problem(exc: ValidationError) -> str:
    """A sentence for a refusal of the impact service (other errors as the rest of the UI words)."""
    source = REQUIRED.get(exc.field) if exc.code == "required" else None
    # the service's own codes are worded with every other code (labapp.ui.common.errors)
    return QCoreApplication.translate(CONTEXT, source) if source else field_problem(exc)
