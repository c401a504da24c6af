"""Words for the refusals of the impact investigation service, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labapp.domain.errors import ValidationError
from labapp.ui.common.errors import field_problem

CONTEXT = "ImpactWords"

#: ``ValidationError.code`` of the impact service -> a sentence filled from the error's params
CODES: dict[str, str] = {
    "undecided": QT_TRANSLATE_NOOP(
        "ImpactWords",
        "{count} affected or possibly affected results have no action yet ({items}): decide each "
        "one, with its reason, before closing.",
    ),
    "investigation_closed": QT_TRANSLATE_NOOP(
        "ImpactWords", "The investigation is closed: it can no longer be changed."
    ),
    "investigation_open": QT_TRANSLATE_NOOP(
        "ImpactWords", "Investigation {investigation_id} is already open for this failure."
    ),
    "not_failed": QT_TRANSLATE_NOOP(
        "ImpactWords", "This event or check did not find the standard out of tolerance."
    ),
}
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
    source = REQUIRED.get(exc.field) if exc.code == "required" else CODES.get(exc.code)
    if source is None:
        return field_problem(exc)
    params = {key: str(value) for key, value in exc.params.items()}
    try:
        return QCoreApplication.translate(CONTEXT, source).format(**params)
    except (KeyError, IndexError, ValueError):
        return str(exc)
