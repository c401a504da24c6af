"""What the event dialog shows about a record's signatures, its decision rule and its seal.

* the signatures kept with the record (who, meaning, when) and the decision rule stored with it
  (an existing event is shown with its own rule, never the viewer's Preferences);
* a red banner when a seal of the record does not verify any more (``event_problems``);
* :func:`ask_signature`: the signature dialog for Check… / Approve….
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from labapp.domain.points import DecisionRule
from labapp.ui.dialogs.conflict import when_text
from labapp.ui.dialogs.signature_dialog import SignatureDialog, describe_event, meaning_text
from labapp.ui.labels import label_for

__all__ = [
    "SealBanner",
    "ask_signature",
    "record_rule",
    "rule_text",
    "seal_problem_text",
    "signatures_text",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("EventSignatures", text)


def record_rule(detail: Any) -> tuple[DecisionRule, float]:
    """The decision rule and guard-band factor stored with ``detail``."""
    try:
        rule = DecisionRule(detail.decision_rule or "simple")
    except ValueError:
        rule = DecisionRule.SIMPLE
    factor = float(detail.guard_band_factor) if detail.guard_band_factor is not None else 1.0
    return rule, factor


def rule_text(detail: Any) -> str:
    """ "Decision rule: …" as kept with the record."""
    rule, factor = record_rule(detail)
    name = label_for("rule", rule.value)
    if rule is DecisionRule.GUARD_BAND:
        name += f" (w = {factor:g} U)"
    return _tr("Decision rule (kept with the record): {0}").format(name)


def signatures_text(detail: Any) -> str:
    """One line per signature: meaning, name (login), local time."""
    lines = [
        _tr("Signed {0} by {1} ({2}) at {3}").format(
            meaning_text(s.meaning), s.name, s.login, when_text(s.signed_at)
        )
        for s in getattr(detail, "signatures", ()) or ()
    ]
    return "\n".join(lines)


def seal_problem_text(problem: Any) -> str:
    """An integrity problem in words (by its kind; the service's detail stays technical)."""
    if problem.kind == "signature":
        return _tr(
            "Event {0}: its electronic signature no longer matches the record: the record was "
            "changed outside LabApp after it was signed, or the signature is forged."
        ).format(problem.key)
    if problem.kind == "chain":
        return _tr(
            "Audit entry {0}: the audit trail's hash chain is broken (an entry was altered, "
            "inserted or removed outside LabApp)."
        ).format(problem.key)
    if problem.kind == "seal":
        return _tr(
            "Audit entry {0}: the author's seal does not verify (written outside LabApp or "
            "with a key that is not the author's)."
        ).format(problem.key)
    return _tr("The audit trail's head does not match its last entry (entries removed).")


class SealBanner(QLabel):
    """A red banner over the event: its seal is broken (hidden while the record is intact)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sealBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            "QLabel#sealBanner { background: #c62828; color: white; padding: 8px;"
            " font-weight: bold; }"
        )
        self.problems: list[Any] = []
        self.hide()

    def show_problems(self, problems: list[Any]) -> None:
        """Show ``problems`` (hide the banner when there are none)."""
        self.problems = list(problems)
        if not problems:
            self.hide()
            return
        head = _tr("SEAL BROKEN — do not rely on this record; report it to the quality manager.")
        self.setText("\n".join([head, *(seal_problem_text(p) for p in problems)]))
        self.show()


def ask_signature(
    parent: QWidget, session: Any, detail: Any, item: str, meaning: str,
    then: Callable[[str], None],
) -> SignatureDialog | None:  # fmt: skip
    """Open the signature dialog for ``meaning`` (``check``/``approve``); ``then(password)``."""
    actor = session.actor
    if actor is None:
        return None
    record = describe_event(detail) if detail is not None else _tr("the new event (saved first)")
    dialog = SignatureDialog(record, item, meaning, f"{actor.name} ({actor.login})", parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: then(dialog.password()))
    dialog.open()
    return dialog
