"""What the event dialog shows about a record's signatures, its decision rule and its seal.

* the signatures kept with the record (who, meaning, when) and the decision rule stored with it
  (an existing event is shown with its own rule, never the viewer's Preferences);
* a red banner when a seal of the record does not verify any more (``seal_check_wanted``: the
  caller answers with ``event_problems``);
* :func:`ask_signature`: the signature dialog for Check… / Approve…, whose password becomes a
  :class:`~labapp.ui.events._actions.Signing` handed to the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from labapp.domain.points import DecisionRule
from labapp.ui.accounts import SignatureDialog, describe_event, meaning_text, seal_problem_text
from labapp.ui.common.conflict import when_text
from labapp.ui.common.labels import label_for
from labapp.ui.events._actions import Signing
from labapp.ui.events._loading import EDITABLE_STATUSES

__all__ = [
    "SealBanner",
    "SigningMixin",
    "ask_signature",
    "record_rule",
    "rule_text",
    "seal_problem_text",
    "signatures_text",
]


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
    return QCoreApplication.translate(
        "EventSignatures", "Decision rule (kept with the record): {0}"
    ).format(name)


def signatures_text(detail: Any) -> str:
    """One line per signature: meaning, name (login), local time."""
    lines = [
        QCoreApplication.translate("EventSignatures", "Signature: {0} by {1} ({2}) at {3}").format(
            meaning_text(s.meaning), s.name, s.login, when_text(s.signed_at)
        )
        for s in getattr(detail, "signatures", ()) or ()
    ]
    return "\n".join(lines)


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
        head = QCoreApplication.translate(
            "EventSignatures",
            "SEAL BROKEN — do not rely on this record; report it to the quality manager.",
        )
        lines = dict.fromkeys(seal_problem_text(p) for p in problems)  # once each, in order
        self.setText("\n".join([head, *lines]))
        self.show()


def ask_signature(
    parent: QWidget, actor: Any, detail: Any, item: str, meaning: str,
    then: Callable[[str], None],
) -> SignatureDialog | None:  # fmt: skip
    """Open the signature dialog of ``actor`` (the person logged in) for ``meaning``
    (``check``/``approve``); ``then(password)``."""
    if actor is None:
        return None
    record = (
        describe_event(detail)
        if detail is not None
        else QCoreApplication.translate("EventSignatures", "the new event (saved first)")
    )
    dialog = SignatureDialog(record, item, meaning, f"{actor.name} ({actor.login})", parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: then(dialog.password()))
    dialog.open()
    return dialog


class SigningMixin:
    """The event dialog's signatures: Check…/Approve… with the password, what the record keeps
    (its rule and signatures) and its seal's check (mixed into ``EventDialog``).

    ``signer`` is the person logged in (the caller keeps it current, :meth:`set_signer`).
    """

    detail: Any
    signer: Any = None
    instrument: Any
    signed_label: QLabel
    seal_banner: SealBanner
    signature: SignatureDialog | None = None
    # provided by EventDialog / EventFrame
    seal_checked: Any
    seal_check_wanted: Any
    _submit: Any
    refuse: Any
    _clear_errors: Any
    save_draft: Any
    status: Any
    isWindowModified: Any

    def _show_signatures(self) -> None:
        if self.detail is None:
            self.signed_label.clear()
            return
        lines = [rule_text(self.detail), signatures_text(self.detail)]
        self.signed_label.setText("\n".join(line for line in lines if line))

    def set_signer(self, actor: Any) -> None:
        """The person logged in now (None: nobody), who signs Check… and Approve…."""
        self.signer = actor

    def _check_seal(self) -> None:
        from labapp.services.accounts import SEALED_STATUSES

        detail = self.detail
        if detail is None or str(getattr(detail.status, "value", detail.status)) not in (
            SEALED_STATUSES
        ):
            self.seal_banner.show_problems([])
            return
        self.seal_check_wanted.emit(detail.id)

    def show_seal(self, problems: list[Any]) -> None:
        """Show the record's seal problems (none: the banner hides), as the caller found them."""
        from shiboken6 import isValid

        if not (isValid(self) and isValid(self.seal_banner)):
            return  # the dialog was closed while the worker checked the seal
        self.seal_banner.show_problems(problems)
        self.seal_checked.emit(problems)

    def mark_checked(self) -> Any:
        """Check…: the checker signs with the password (pending edits are saved first)."""
        return self._workflow("check")

    def approve(self) -> Any:
        """Approve…: a person other than performer and checker signs; the due date moves."""
        return self._workflow("approve")

    def _workflow(self, meaning: str) -> Any:
        """Open the signature dialog; once signed, save pending edits, then sign."""
        from labapp.domain.errors import AuthenticationError

        self._clear_errors()
        if self.signer is None:
            self.refuse(AuthenticationError("not_logged_in", {"login": ""}))
            return None
        tag = self.instrument.data.asset_tag if self.instrument is not None else ""
        item = f"{tag} {self.instrument.data.name}" if self.instrument is not None else ""

        def signed(password: str) -> None:
            def step(detail: Any) -> None:
                self._submit(Signing(meaning, detail.id, detail.version, password))

            if self.isWindowModified() and self.status() in EDITABLE_STATUSES:
                self.save_draft(then=step)
            elif self.detail is not None:
                step(self.detail)

        self.signature = ask_signature(self, self.signer, self.detail, item, meaning, signed)
        return self.signature
