"""The header of an investigation on the Investigations page: what was found, where it looked."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from labapp.ui.common.labels import label, label_for


def _trigger(s: Any) -> str:
    if s.trigger_kind == "check":
        return QCoreApplication.translate(
            "InvestigationText", "failed intermediate check of {0}"
        ).format(s.trigger_on.isoformat())
    return QCoreApplication.translate(
        "InvestigationText", "failed as-found calibration/verification of {0}"
    ).format(s.trigger_on.isoformat())


def _window(d: Any) -> str:
    if d.window_start is None:
        return QCoreApplication.translate(
            "InvestigationText", "from its first use (no good calibration on record) to {0}"
        ).format(d.window_end.isoformat())
    return QCoreApplication.translate(
        "InvestigationText", "from {0} (last good calibration) to {1}"
    ).format(d.window_start.isoformat(), d.window_end.isoformat())


def _when(moment: Any) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def detail_text(d: Any) -> str:
    """Rich text: standard and trigger, window, as-found error used, rule, who opened/closed."""
    s = d.summary
    lines = [
        f"<b>{escape(s.asset_tag)} {escape(s.name)}</b> — {escape(_trigger(s))}",
        QCoreApplication.translate("InvestigationText", "Results searched: {0}").format(
            escape(_window(d))
        ),
        QCoreApplication.translate(
            "InvestigationText",
            "As-found errors at the standard's nominals (each point gets the error at its own "
            "nominal, interpolated between them, never extrapolated): {0}",
        ).format(escape(d.error_source)),
        QCoreApplication.translate(
            "InvestigationText", "Decision rule: {0}, guard band factor {1}"
        ).format(label_for("rule", d.rule), d.guard_band_factor),
        QCoreApplication.translate("InvestigationText", "Opened by {0} on {1} · {2}").format(
            escape(s.opened_by), _when(s.opened_at), label(s.status)
        ),
    ]
    if d.text:
        lines.append(
            QCoreApplication.translate("InvestigationText", "Summary: {0}").format(escape(d.text))
        )
    if d.closed:
        lines.append(
            QCoreApplication.translate("InvestigationText", "Closed by {0} on {1}: {2}").format(
                escape(d.closed_by or ""), _when(d.closed_at), escape(d.conclusion or "")
            )
        )
    lines.append(
        QCoreApplication.translate(
            "InvestigationText",
            "{0} affected · {1} possibly affected · {2} not affected · {3} not assessable",
        ).format(s.affected, s.possibly_affected, s.not_affected, s.not_assessable)
    )
    return "<br>".join(lines)
