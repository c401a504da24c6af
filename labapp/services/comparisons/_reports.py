"""Comparisons in Excel: participants imported from a workbook, the report exported.

The import is all or nothing: a workbook with a bad cell imports nothing, and
:func:`write_participant_errors` hands it back with each bad cell marked and its reason (the
register's error workbook, :func:`labapp.io.excel.write_error_workbook`).  The report keeps
the reported digits: stored values are written as typed ("10.000" stays three decimals), computed
uncertainties with three significant digits and computed values to the same decimal place.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from matplotlib.figure import Figure

from labapp.io.comparison_report import write_comparison_report
from labapp.io.comparisons import ParticipantsImport, read_participants
from labapp.io.excel import CoverInfo, Language, write_error_workbook
from labapp.io.register import RegisterImport
from labapp.plotting.comparison import draw_comparison_chart, draw_score_chart
from labapp.plotting.fonts import configure_matplotlib_fonts
from labapp.plotting.style import ChartLabels
from labapp.services.common import with_laboratory
from labapp.services.comparisons._comparisons import import_participants
from labapp.services.comparisons._dto import (
    AssignedMethod,
    ComparisonDetail,
    ComparisonResult,
    ParticipantInput,
)
from labapp.services.comparisons._read import get_comparison
from labapp.services.comparisons._scores import score_comparison
from labapp.services.database import Database

__all__ = [
    "export_report",
    "import_workbook",
    "report_facts",
    "results_figure",
    "score_figure",
    "write_participant_errors",
]

#: Significant digits of a computed uncertainty in the report.
UNCERTAINTY_DIGITS = 3


def import_workbook(
    db: Database, user: str, comparison_id: int, path: str | os.PathLike[str]
) -> tuple[ParticipantsImport, ComparisonDetail | None]:
    """Read a participants workbook and, only if no cell is bad, add or update every row.

    Returns the checked workbook and the comparison after the import (``None``: nothing was
    imported because of the errors listed).  Raises ImportFileError for an unreadable file.
    """
    unit = get_comparison(db, comparison_id).unit
    checked = read_participants(path, unit)
    if checked.errors:
        return checked, None
    rows = [
        ParticipantInput(r.code, r.value, r.expanded_uncertainty, r.coverage_factor, r.method,
                         r.measured_on, unit=r.unit)
        for r in checked.rows
    ]  # fmt: skip
    return checked, import_participants(db, user, comparison_id, rows)


def write_participant_errors(
    source: str | os.PathLike[str],
    checked: ParticipantsImport,
    out_path: str | os.PathLike[str],
    language: Language,
) -> Path:
    """Write the refused workbook back with each bad cell marked and an errors sheet first."""
    read = RegisterImport(errors=list(checked.errors), sheet=checked.sheet)
    write_error_workbook(source, read, out_path, language)
    return Path(out_path)


# --- numbers with their digits -----------------------------------------------------------------


def significant(value: float | None, digits: int = UNCERTAINTY_DIGITS) -> Decimal | None:
    """``value`` rounded to ``digits`` significant digits, trailing zeros kept (0.0400)."""
    if value is None:
        return None
    number = Decimal(repr(float(value)))
    if number == 0:
        return Decimal(0)
    exponent = number.adjusted() - digits + 1
    return number.quantize(Decimal(1).scaleb(exponent))


def same_place(value: float | None, like: Decimal | None) -> Decimal | None:
    """``value`` rounded to the last decimal place of ``like`` (a result to its uncertainty)."""
    if value is None:
        return None
    number = Decimal(repr(float(value)))
    if like is None:
        return significant(value, 6)
    return number.quantize(Decimal(1).scaleb(like.as_tuple().exponent))  # type: ignore[arg-type]


def _score(value: float | None) -> Decimal | None:
    """A score (En, ζ, z) with two decimals, as score tables show them."""
    return None if value is None else Decimal(repr(value)).quantize(Decimal("0.01"))


def _assigned_facts(
    detail: ComparisonDetail, result: ComparisonResult
) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
    """(X, u, U, k) with their digits: as given by the provider, else computed and rounded."""
    if result.method == AssignedMethod.PROVIDER and detail.assigned_uncertainty is not None:
        big_u, k = detail.assigned_uncertainty, detail.assigned_coverage_factor
        return (detail.assigned_value, significant(result.standard_uncertainty), big_u, k)
    computed_u = significant(result.expanded_uncertainty)
    k = Decimal(repr(result.coverage_factor)).normalize()
    return (same_place(result.assigned_value, computed_u),
            significant(result.standard_uncertainty), computed_u, k)  # fmt: skip


def report_facts(
    detail: ComparisonDetail, result: ComparisonResult
) -> list[tuple[str, str, object]]:
    """(English label, Chinese label, value) lines of the report's cover."""
    value, u, big_u, k = _assigned_facts(detail, result)
    stored_sigma = detail.sigma_pt is not None and result.sigma_pt == float(detail.sigma_pt)
    sigma = detail.sigma_pt if stored_sigma else significant(result.sigma_pt)
    s_star = significant(result.s_star)
    return [
        ("Comparison", "比对名称", detail.title),
        ("Scheme", "计划编号", detail.scheme),
        ("Provider", "组织者", detail.provider_name),
        ("Measurand", "被测量", detail.measurand),
        ("Unit", "单位", detail.unit),
        ("Artefact", "传递标准", detail.artefact),
        ("Pilot laboratory", "主导实验室", detail.pilot_lab),
        ("Role of the laboratory", "本实验室角色", detail.role.value),
        ("Protocol", "比对方案", detail.protocol),
        ("Started", "开始日期", detail.started_on),
        ("Ended", "结束日期", detail.ended_on),
        ("Assigned value method", "指定值确定方法", result.method.value),
        ("Assigned value", "指定值", value),
        ("Standard uncertainty u", "标准不确定度 u", u),
        ("Expanded uncertainty U", "扩展不确定度 U", big_u),
        ("Coverage factor k", "包含因子 k", k),
        ("σ_pt", "能力评定标准差 σ_pt", sigma),
        ("Robust mean x*", "稳健平均值 x*", same_place(result.x_star, s_star)),
        ("Robust standard deviation s*", "稳健标准差 s*", s_star),
        ("Participants", "参加实验室数", len(result.scores)),
    ]


# --- the report ----------------------------------------------------------------------------------


def export_report(
    db: Database,
    comparison_id: int,
    path: str | os.PathLike[str],
    cover: CoverInfo,
    *,
    method: AssignedMethod | str | None = None,
    sigma_pt: Decimal | float | str | None = None,
    language: str = "en",
    labels: Mapping[str, ChartLabels] | None = None,
) -> Path:
    """Score the comparison and write its report (cover, inputs, scores, charts as images).

    ``labels`` holds the translated :class:`ChartLabels` of the ``"results"`` and ``"scores"``
    charts (English defaults otherwise).
    """
    cover = with_laboratory(db, cover)  # a GUI cover names the lab too
    detail = get_comparison(db, comparison_id)
    result = score_comparison(db, comparison_id, method, sigma_pt)
    labels = labels or {}
    own = next((p.code for p in detail.participants if p.is_own_lab), None)
    inputs = [
        [p.code, "✓" if p.is_own_lab else "", p.value, p.expanded_uncertainty, p.coverage_factor,
         p.method, p.measured_on]
        for p in detail.participants
    ]  # fmt: skip
    stored = {p.code: p for p in detail.participants}
    scores = [
        [s.code, stored[s.code].value, stored[s.code].expanded_uncertainty,
         _score(s.en), s.en_class.value, _score(s.zeta), s.zeta_class.value,
         _score(s.z), s.z_class and s.z_class.value, _score(s.z_prime),
         s.z_prime_class and s.z_prime_class.value]
        for s in result.scores
    ]  # fmt: skip
    figures = [
        (labels.get("results", ChartLabels()).title or "Results", results_figure(
            detail, result, labels.get("results"), own)),
        (labels.get("scores", ChartLabels()).title or "En", score_figure(
            result, labels.get("scores"), own)),
    ]  # fmt: skip
    return write_comparison_report(
        path, cover, report_facts(detail, result), inputs, scores, figures,
        language,  # type: ignore[arg-type]
    )  # fmt: skip


def results_figure(
    detail: ComparisonDetail,
    result: ComparisonResult,
    labels: ChartLabels | None,
    own: str | None,
    figure: Figure | None = None,
) -> Figure:
    """The participants' results ± U against the assigned value ± U_ref, on ``figure``."""
    configure_matplotlib_fonts()  # Chinese labels must not render as boxes
    figure = figure or Figure(figsize=(8, 4.5), layout="constrained")
    ax = figure.add_subplot()
    points = [(s.code, s.value, s.expanded_uncertainty) for s in result.scores]
    draw_comparison_chart(
        ax, points, result.assigned_value, result.expanded_uncertainty, own_code=own,
        unit=detail.unit, labels=labels,
    )  # fmt: skip
    return figure


def score_figure(
    result: ComparisonResult,
    labels: ChartLabels | None,
    own: str | None,
    figure: Figure | None = None,
) -> Figure:
    """The En numbers as bars coloured by class, on ``figure``."""
    configure_matplotlib_fonts()  # Chinese labels must not render as boxes
    figure = figure or Figure(figsize=(8, 4.5), layout="constrained")
    ax = figure.add_subplot()
    codes = [s.code for s in result.scores]
    draw_score_chart(ax, codes, [s.en for s in result.scores], "En", own_code=own, labels=labels)
    return figure
