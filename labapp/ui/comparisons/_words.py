"""Words shared by the Comparisons page and the PT plan page: the service's refusals in the
user's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from labapp.domain.errors import ValidationError
from labapp.ui.common.errors import field_problem

__all__ = ["comparison_problem"]

CONTEXT = "ComparisonsView"

#: ValidationError fields of the comparisons service, worded here (its codes are worded by
#: :mod:`labapp.ui.common.errors`, as every code is)
FIELDS: dict[str, str] = {
    "value": QT_TRANSLATE_NOOP("ComparisonsView", "Value"),
    "code": QT_TRANSLATE_NOOP("ComparisonsView", "Code"),
    "unit": QT_TRANSLATE_NOOP("ComparisonsView", "Unit"),
    "assigned_value": QT_TRANSLATE_NOOP("ComparisonsView", "Assigned value"),
    "title": QT_TRANSLATE_NOOP("ComparisonsView", "Title"),
    "measurand": QT_TRANSLATE_NOOP("ComparisonsView", "Measurand"),
    "sigma_pt": QT_TRANSLATE_NOOP("ComparisonsView", "σ_pt"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def comparison_problem(exc: ValidationError) -> str:
    """A refusal of the comparisons service in the user's language, naming the participant."""
    if exc.field in FIELDS and exc.code in (
        "required",
        "not_a_number",
        "duplicate",
        "not_positive",
        "incommensurable",
        "unknown_unit",
    ):
        text = field_problem(exc, label=_tr(FIELDS[exc.field]))
    else:
        text = field_problem(exc)
    participant = exc.params.get("participant")
    return _tr("Participant {0}: {1}").format(participant, text) if participant else text
