"""Export the dashboard figures to Excel: each count with the items behind it, and 受检率.

Sheets, after the cover: the figures (count, the sheet listing its items, the definition), one
sheet of items per count (the same drill-down the Overview cards open, so each sheet has as many
rows as its count), the broken links behind the broken chains, the lab's own certificates
expiring, the on-time verification rate per month (with the trend chart as a PNG beside it) and
per quarter and year (numerator and denominator shown), and the definition of the rate.

Data come from the public functions of :mod:`labapp.services.dashboard`,
:mod:`labapp.services.dashboard._overview` and :mod:`labapp.services.planning`; the chart is
:func:`labapp.plotting.trend.draw_on_time_rate`, the same one the Overview page draws.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from labapp.io.dashboard import (
    CERTIFICATE_COLUMNS,
    CERTIFICATE_KINDS,
    FIGURE_COLUMNS,
    FIGURES,
    ITEM_COLUMNS,
    LINK_COLUMNS,
    RATE_COLUMNS,
    RATE_FIGURE_COLUMNS,
)
from labapp.io.excel import ExportResult, Language, SheetSpec, pick, sheet_title, write_workbook
from labapp.io.traceability import reason_text
from labapp.plotting.fonts import configure_matplotlib_fonts
from labapp.plotting.style import ChartLabels
from labapp.plotting.trend import draw_on_time_rate
from labapp.services import dashboard, planning
from labapp.services.common import cover_for
from labapp.services.dashboard import DrillItem, OnTimePeriod, OnTimeRate, lab_overview
from labapp.services.database import Database
from labapp.services.planning import ExpiringCertificate
from labapp.services.traceability import broken_chains

__all__ = ["draw_rate_year", "export_dashboard", "rate_chart_png", "rate_percent", "target_label"]
_OVERVIEW_ONLY = ("instruments", "standards", "working")


def rate_percent(period: OnTimePeriod) -> Decimal | None:
    """On time ÷ due in %, to one decimal (``Decimal("97.5")``); None when nothing was due."""
    if not period.due:
        return None
    return (Decimal(100 * period.on_time) / Decimal(period.due)).quantize(Decimal("0.1"))


def draw_rate_year(
    figure: Figure, rate: OnTimeRate, labels: ChartLabels, target: float | None = None
) -> Axes:
    """Draw the year's monthly on-time rate on a cleared ``figure`` (the whole year on the axis).

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A constrained-layout figure (the Overview page's canvas, or one for a file).
    rate : OnTimeRate
        The year's rate (``dashboard.on_time_rate``).
    labels : ChartLabels
        Title, y label and legend keys of :func:`~labapp.plotting.trend.draw_on_time_rate`.
    target : float, optional
        The target line, a fraction (default: the lab's target, ``rate.target``).
    """
    target = rate.target_fraction if target is None else target
    figure.clear()
    ax = figure.add_subplot()
    months = rate.months
    draw_on_time_rate(
        ax, [m.first_day for m in months], [m.rate for m in months], [m.due for m in months],
        labels, target=target,
    )  # fmt: skip
    # The whole year, so months with nothing due show their "–" inside the axes.
    first = months[0].first_day
    ax.set_xlim(first - timedelta(days=20), date(first.year, 12, 31) + timedelta(days=5))  # type: ignore[arg-type]
    return ax


def rate_chart_png(rate: OnTimeRate, language: Language) -> bytes:
    """The monthly on-time rate chart as PNG bytes (Agg, CJK font when installed)."""
    configure_matplotlib_fonts()
    figure = Figure(figsize=(8.0, 4.2), layout="constrained")
    FigureCanvasAgg(figure)
    labels = ChartLabels(
        title=pick(f"On-time verification rate {rate.year}", f"{rate.year} 年受检率", language),
        y_label=pick("On-time rate", "受检率", language),
        legend={"rate": pick("On-time rate", "受检率", language),
                "target": target_label(rate, language)},
    )  # fmt: skip
    draw_rate_year(figure, rate, labels)
    buffer = BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return buffer.getvalue()


def target_label(rate: OnTimeRate, language: Language) -> str:
    """The target line's legend text with the lab's target: "Target ≥ 96 %"."""
    value = f"{rate.target.normalize():f}"
    return pick(f"Target ≥ {value} %", f"目标 ≥ {value} %", language)


def export_dashboard(
    db: Database,
    path: str | Path,
    *,
    year: int | None = None,
    today: date | None = None,
    lead_days: int = 30,
    language: Language = "en",
    exported_by: str = "",
    cancel: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the dashboard figures of ``today`` and the on-time rate of ``year`` to ``path``.

    Parameters
    ----------
    db : Database
        The open database.
    path : str or Path
        The target ``.xlsx``; written only when complete.
    year : int, optional
        The year of the on-time rate (default: ``today``'s).
    today : date, optional
        The day the counts are for (default: today).
    lead_days : int
        "Due soon" means due within this many days.
    language : {"en", "zh_CN", "bilingual"}
        Headers, sheet names, definitions and the chart's texts.
    exported_by : str
        Who exports (on the cover sheet).
    cancel : callable, optional
        Polled while writing; True stops the export and leaves no file.
    """
    today = today or date.today()
    rate = dashboard.on_time_rate(db, year or today.year, today)
    drills = {key: dashboard.drill_down(db, key, today, lead_days) for key in dashboard.COUNTS}
    certificates = planning.expiring_certificates(db, today)
    described = pick(
        f"as of {today.isoformat()} · due soon: {lead_days} days · on-time rate {rate.year}",
        f"统计日期 {today.isoformat()} · 即将到期：{lead_days} 天 · {rate.year} 年受检率",
        language,
    )
    keys = (*dashboard.COUNTS, "certificates")
    titles = {key: sheet_title(_sheet_name(key, language, lead_days), set()) for key in keys}
    rate_sheets = _rate_sheets(rate, today, language)
    expiring = _certificates(certificates, language)
    sheets = [
        _figures_sheet(db, today, lead_days, language, titles, drills, len(certificates)),
        _rate_figure(rate, language, rate_sheets[1].title),
        *(SheetSpec(titles[key], ITEM_COLUMNS, _item_rows(items)) for key, items in drills.items()),
        _links_sheet(db, today, language),
        SheetSpec(titles["certificates"], CERTIFICATE_COLUMNS, expiring),
        *rate_sheets,
    ]  # fmt: skip
    title = pick("Dashboard figures", "质量指标", language)
    cover = cover_for(db, title, exported_by, described)
    return write_workbook(path, cover, sheets, language=language, cancel=cancel)


#: Short English sheet names, so a bilingual sheet name "中文 English" fits Excel's 31 characters.
_SHORT = {
    "overdue": "Overdue", "due_soon": "Due in {lead} d", "failed": "Failed",
    "out_of_service": "Out of service", "broken_chains": "Broken chains",
    "certificates": "Certificates", "failed_standards": "Standards failed",
}  # fmt: skip


def _sheet_name(key: str, language: Language, lead_days: int) -> str:
    if language != "bilingual" or key not in _SHORT:
        return _name(key, language, lead_days)
    return f"{FIGURES[key][1]} / {_SHORT[key]}".format(lead=lead_days)


def _title(en: str, zh: str, short_en: str, language: Language) -> str:
    """A sheet title; bilingual with the short English words (so that it fits 31 characters)."""
    return f"{zh} / {short_en}" if language == "bilingual" else pick(en, zh, language)


def _name(key: str, language: Language, lead_days: int) -> str:
    en, zh, _, _ = FIGURES[key]
    return pick(en, zh, language).format(lead=lead_days)


def _figures_sheet(
    db: Database,
    today: date,
    lead_days: int,
    language: Language,
    titles: dict[str, str],
    drills: dict[str, list[DrillItem]],
    certificates: int,
) -> SheetSpec:
    overview = lab_overview(db, today, lead_days)
    counts = {key: getattr(overview, key) for key in _OVERVIEW_ONLY}
    counts |= {key: len(items) for key, items in drills.items()} | {"certificates": certificates}
    rows = [
        (_name(key, language, lead_days), count, titles.get(key, ""),
         pick(FIGURES[key][2], FIGURES[key][3], language).format(lead=lead_days))
        for key, count in counts.items()
    ]  # fmt: skip
    return SheetSpec(pick("Figures", "指标", language), FIGURE_COLUMNS, rows)


def _rate_figure(rate: OnTimeRate, language: Language, sheet: str) -> SheetSpec:
    """The year's rate as a one-row sheet: numerator, denominator, %, and its definition."""
    total = rate.total
    percent = rate_percent(total)
    met = "" if percent is None else pick(*(("Yes", "是") if percent >= rate.target
                                            else ("No", "否")), language)  # fmt: skip
    row = (total.label, total.on_time, total.due, percent, rate.target, met, sheet,
           pick(rate.definition, rate.definition_zh, language))  # fmt: skip
    title = pick(f"On-time rate {rate.year}", f"{rate.year} 年受检率", language)
    return SheetSpec(title, RATE_FIGURE_COLUMNS, [row])


def _item_rows(items: Iterable[DrillItem]) -> Iterable[tuple[object, ...]]:
    return ((i.asset_tag, i.name, i.due_on, i.status) for i in items)


def _links_sheet(db: Database, today: date, language: Language) -> SheetSpec:
    rows = [
        (c.asset_tag, c.name, c.performed_on, c.link_asset_tag, c.via_asset_tag,
         reason_text(c.code.value, c.params, language))
        for c in broken_chains(db, today=today)
    ]  # fmt: skip
    return SheetSpec(pick("Broken links", "断裂环节", language), LINK_COLUMNS, rows)


def _certificates(
    certificates: Iterable[ExpiringCertificate], language: Language
) -> Iterable[tuple[object, ...]]:
    for c in certificates:
        en, zh = CERTIFICATE_KINDS[c.kind.value]
        yield pick(en, zh, language), c.number, c.name, c.valid_until, c.days_left


def _rate_sheets(rate: OnTimeRate, today: date, language: Language) -> list[SheetSpec]:
    def rows(periods: Iterable[OnTimePeriod]) -> list[tuple[object, ...]]:
        return [(p.label, p.first_day, p.on_time, p.due, rate_percent(p), rate.target)
                for p in periods]  # fmt: skip

    until = min(date(rate.year, 12, 31), today)
    scope = pick(f"due dates {rate.year}, up to {until.isoformat()}",
                 f"{rate.year} 年内到期，截至 {until.isoformat()}", language)  # fmt: skip
    by_month = SheetSpec(
        _title(f"On-time rate {rate.year} by month", f"{rate.year} 年受检率（月）",
               f"{rate.year} by month", language),
        RATE_COLUMNS, rows(rate.months), scope, image=rate_chart_png(rate, language),
    )  # fmt: skip
    by_quarter = SheetSpec(
        _title(f"On-time rate {rate.year} by quarter", f"{rate.year} 年受检率（季、年）",
               f"{rate.year} by quarter", language),
        RATE_COLUMNS, rows([*rate.quarters, rate.total]), scope,
    )  # fmt: skip
    return [by_month, by_quarter]
