"""Export the traceability table (量值溯源表) to Excel, streamed, with progress and cancel.

The rows come from :func:`labapp.services.traceability.trace_table` (set-based, chunked) and go
straight into :func:`labapp.io.excel.write_workbook` (xlsxwriter ``constant_memory``), so a
100 000-item lab is written without holding its table in memory.  The cover sheet states the
filter and the date the chains are taken at; the rows count on the cover is the number of links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

from labapp.io.excel import ExportResult, Language, SheetSpec, pick, quantity_label, write_workbook
from labapp.io.traceability import LINK_STATES, TRACE_COLUMNS, reasons_text
from labapp.services.common import cover_for
from labapp.services.database import Database
from labapp.services.traceability import TraceFilter, TraceTableRow, count_trace_items, trace_table

__all__ = ["TraceFilter", "export_traceability", "trace_filter_text"]

#: progress(items done, items in all)
ItemProgress = Callable[[int, int], None]


def trace_filter_text(flt: TraceFilter, language: Language, item_tag: str | None = None) -> str:
    """The filter in words for the cover sheet (``item_tag`` names ``flt.instrument_id``)."""
    parts = [
        pick(f"chains as of {flt.at.isoformat()}", f"溯源链日期 {flt.at.isoformat()}", language)
    ]
    if flt.instrument_id is not None:
        tag = item_tag or f"#{flt.instrument_id}"
        parts.append(pick(f"item {tag}", f"器具 {tag}", language))
    else:
        parts.append(pick("items not retired or scrapped", "未退役、未报废的器具", language))
    if flt.quantity is not None:
        name = quantity_label(flt.quantity, language)
        parts.append(pick(f"quantity {name}", f"测量量 {name}", language))
    if flt.standards_only:
        parts.append(pick("measurement standards only", "仅计量标准", language))
    return " · ".join(parts)


def export_traceability(
    db: Database,
    path: str | Path,
    flt: TraceFilter | None = None,
    *,
    language: Language = "en",
    exported_by: str = "",
    item_tag: str | None = None,
    progress: ItemProgress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the traceability table of the items ``flt`` selects to ``path``.

    Parameters
    ----------
    db : Database
        The open database.
    path : str or Path
        The target ``.xlsx``; written only when complete (cancel or failure: no file).
    flt : TraceFilter, optional
        Items and date; default every item not retired or scrapped, chains as of today.
    language : {"en", "zh_CN", "bilingual"}
        Headers, enum labels, link states and reasons.
    exported_by : str
        Who exports (on the cover sheet).
    item_tag : str, optional
        The asset tag of ``flt.instrument_id``, for the cover's filter text.
    progress : callable, optional
        ``progress(items_done, items_total)`` after each chunk of items.
    cancel : callable, optional
        Polled every ~1000 rows; True stops the export and leaves no file.

    Returns
    -------
    ExportResult
        The path, the rows (links) written, whether cancelled.
    """
    flt = flt or TraceFilter(at=date.today())
    total = count_trace_items(db, flt)
    described = trace_filter_text(flt, language, item_tag)
    title = pick("Traceability table", "量值溯源表", language)
    rows = trace_table(db, flt, progress=(lambda done: progress(done, total)) if progress else None)
    sheet = SheetSpec(title, TRACE_COLUMNS, _cells(rows, language), described)
    cover = cover_for(db, title, exported_by, described)
    return write_workbook(path, cover, [sheet], language=language, cancel=cancel)


def _cells(rows: Iterable[TraceTableRow], language: Language) -> Iterator[tuple[object, ...]]:
    """A row's values in :data:`TRACE_COLUMNS` order (``u`` as a (value, unit) pair)."""
    states = {broken: pick(en, zh, language) for broken, (en, zh) in LINK_STATES.items()}
    for r in rows:
        reasons = tuple((reason.code.value, reason.params) for reason in r.reasons)
        yield (
            r.item_asset_tag, r.item_name, quantity_label(r.quantity, language), r.level,
            r.standard_asset_tag, r.standard_name, r.used_for, r.used_on, r.used_in_certificate,
            r.provider, r.provider_kind, r.accredited, r.certificate_no, r.certificate_date,
            r.valid_until,
            (r.u_value, r.u_unit), r.k, states[r.broken], reasons_text(reasons, language),
        )  # fmt: skip
