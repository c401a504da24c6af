"""The register (台账) as a printable PDF: A4 landscape, the columns the caller chooses.

The columns are those of the Register page (its visible ones, in their order), keyed by the
register line's attribute (:class:`labapp.services.register.RegisterItem`): the same filter,
order and words as the page.  Text never prints under 8 pt; a choice of more columns than fit
side by side is printed in parts, each repeating the asset tag (:mod:`labapp.io.pdf`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from labapp.domain.errors import ValidationError
from labapp.io.excel import Language, enum_label, pick, quantity_label
from labapp.io.pdf import ReportColumn, TableReport, save_table_report
from labapp.services.common import laboratory_name
from labapp.services.database import Database
from labapp.services.exports._register import filter_text
from labapp.services.register import RegisterFilter, query_register

__all__ = ["REGISTER_PDF_COLUMNS", "REGISTER_PDF_DEFAULT", "export_register_pdf"]

_C = ReportColumn
#: every column the register PDF can print, keyed by the register line's attribute
REGISTER_PDF_COLUMNS: dict[str, ReportColumn] = {
    c.key: c
    for c in (
        _C("asset_tag", "Asset tag", "资产编号", 1.0),
        _C("name", "Name", "名称", 1.6),
        _C("manufacturer", "Manufacturer", "制造商", 1.1),
        _C("model", "Model", "型号", 1.0),
        _C("serial", "Serial number", "出厂编号", 1.0),
        _C("quantity", "Quantity", "测量量", 1.0),
        _C("range_text", "Range", "测量范围", 1.3),
        _C("accuracy_text", "Accuracy", "准确度", 1.2),
        _C("role", "Role", "用途", 0.8),
        _C("level", "Level", "标准等级", 0.9),
        _C("mandatory_verification", "Mandatory verification", "强检", 0.6, "CENTER"),
        _C("custodian", "Custodian", "保管人", 0.9),
        _C("location", "Location", "存放地点", 1.0),
        _C("status", "Status", "状态", 0.8),
        _C("last_calibrated_on", "Last calibrated", "上次检定日期", 0.95),
        _C("due_on", "Due date", "到期日", 0.95),
    )
}
REGISTER_PDF_DEFAULT = (
    "asset_tag",
    "name",
    "model",
    "serial",
    "quantity",
    "range_text",
    "accuracy_text",
    "location",
    "status",
    "last_calibrated_on",
    "due_on",
)
_PAGE = 1000


def _cell(item: object, key: str, language: Language) -> object:
    value = getattr(item, key)
    if key == "quantity":
        return quantity_label(value, language)
    if isinstance(value, bool):
        return "✓" if value else ""
    if key in ("role", "level", "status") and value is not None:
        return enum_label(value, language)
    return value


def _rows(
    db: Database,
    flt: RegisterFilter,
    keys: Sequence[str],
    today: date,
    lead_days: int,
    language: Language,
) -> Iterator[list[object]]:
    offset = 0
    while True:
        page = query_register(db, flt, limit=_PAGE, offset=offset, today=today, lead_days=lead_days)
        for item in page:
            yield [_cell(item, key, language) for key in keys]
        if len(page) < _PAGE:
            return
        offset += _PAGE


def export_register_pdf(
    db: Database,
    path: str | Path,
    columns: Sequence[str] = REGISTER_PDF_DEFAULT,
    *,
    register_filter: RegisterFilter | None = None,
    language: Language = "en",
    exported_by: str = "",
    today: date | None = None,
    lead_days: int = 30,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path | None:
    """Print the register (or the part ``register_filter`` shows) in ``columns`` to ``path``.

    Parameters
    ----------
    db : Database
        The open database.
    path : str or Path
        The target ``.pdf`` (written only once complete).
    columns : sequence of str
        Keys of :data:`REGISTER_PDF_COLUMNS`, in print order; the asset tag is put first when
        missing (each printed line must name its item).
    register_filter : RegisterFilter, optional
        The Register page's filter (default: every item).
    language : {"en", "zh_CN", "bilingual"}
        Language of the headers, the words and the cover block.
    exported_by : str
        Who prints.
    today, lead_days : date, int
        For a due-state filter, as the Register page uses them.
    progress, cancel : callable, optional
        ``progress(done, total)`` as the table rows are drawn; ``cancel()`` polled on every
        page: True stops the report, writes no file and returns None.

    Raises
    ------
    ValidationError
        ``unknown_column``: a column key that is not one of :data:`REGISTER_PDF_COLUMNS`.
    """
    unknown = [c for c in columns if c not in REGISTER_PDF_COLUMNS]
    if unknown:
        raise ValidationError(
            "columns", f"unknown register columns {unknown}", code="unknown_column",
            params={"columns": ", ".join(unknown), "known": ", ".join(REGISTER_PDF_COLUMNS)},
        )  # fmt: skip
    keys = list(dict.fromkeys(["asset_tag", *columns]))
    flt = register_filter or RegisterFilter()
    day = today or date.today()
    rows = list(_rows(db, flt, keys, day, lead_days, language))
    report = TableReport(
        title_en="Register of instruments and standards",
        title_zh="仪器设备台账",
        columns=[REGISTER_PDF_COLUMNS[k] for k in keys],
        rows=rows,
        language=language,
        lab_name=laboratory_name(db),
        cover_lines=[
            ("Filter", "筛选条件", filter_text(flt, language) or pick("none", "无", language)),
            ("Items", "器具数", len(rows)),
            ("Printed by", "打印人", exported_by),
            ("Due dates as of", "到期状态截至", day),
        ],
        generated_at=datetime.now().astimezone(),
    )
    return save_table_report(report, path, progress=progress, cancel=cancel)
