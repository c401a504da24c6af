"""Comparison workbooks: participants imported from Excel, the comparison report exported to it.

Import (python-calamine, like the register import): the header row is found among the first rows
by Chinese or English names (参加实验室代码/Code, 测量结果/Value, 扩展不确定度/U, 包含因子/k,
单位/Unit, 方法/Method, 日期/Date); every bad cell becomes a :class:`CellError` with its row, column
and an English and Chinese reason, and the caller imports only when there is none (all or nothing).

Export (xlsxwriter): a cover sheet (comparison, assigned value, its uncertainty and method), the
participants' inputs, the scores with their classes coloured, and the charts as PNG images
rendered from matplotlib Figures with the Agg canvas.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from xlsxwriter.utility import xl_col_to_name

from labapp.io.excel import (
    CellError,
    ColumnKind,
    ColumnSpec,
    CoverInfo,
    ImportFileError,
    Language,
    SheetSpec,
    SheetWriter,
    decimal_number_format,
    excel_formats,
    lookup_key,
    open_workbook,
    pick,
    sheet_title,
    xlsx_workbook,
)
from labapp.io.register import CellProblem, as_date, as_decimal, as_text, as_unit, commensurable

__all__ = [
    "INPUT_COLUMNS",
    "SCORE_COLUMNS",
    "ImportedParticipant",
    "ParticipantsImport",
    "read_participants",
    "write_comparison_report",
]

HEADER_SEARCH_ROWS = 10

#: field -> header synonyms (folded by :func:`lookup_key`)
HEADERS: dict[str, tuple[str, ...]] = {
    "code": (
        "参加实验室代码",
        "实验室代码",
        "代码",
        "code",
        "lab code",
        "participant",
        "laboratory",
    ),
    "value": ("测量结果", "结果", "测得值", "value", "result", "measured value"),
    "expanded_uncertainty": ("扩展不确定度", "u", "expanded uncertainty", "uncertainty"),
    "coverage_factor": ("包含因子", "k", "coverage factor"),
    "unit": ("单位", "unit"),
    "method": ("方法", "测量方法", "method"),
    "measured_on": ("日期", "测量日期", "date", "measured on"),
}
_LOOKUP = {lookup_key(s): key for key, names in HEADERS.items() for s in names}
_REQUIRED = ("code", "value")
_NAMES = {
    "code": ("Code", "参加实验室代码"),
    "value": ("Value", "测量结果"),
    "expanded_uncertainty": ("U", "扩展不确定度"),
    "coverage_factor": ("k", "包含因子"),
    "unit": ("Unit", "单位"),
    "method": ("Method", "方法"),
    "measured_on": ("Date", "日期"),
}


class ParticipantsFileError(ImportFileError):
    """The workbook has no header row naming a participant code and a value."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        name = Path(path).name
        ValueError.__init__(self, f"no header row with Code and Value in the first rows of {name}")
        self.reason = "no_header"
        self.message_en = str(self)
        self.message_zh = (
            f"{name} 的前 {HEADER_SEARCH_ROWS} 行中找不到包含“代码”和“测量结果”的表头行"
        )


@dataclass(frozen=True)
class ImportedParticipant:
    """One valid row: numbers as typed (``unit`` None: the comparison's unit)."""

    row: int
    code: str
    value: Decimal
    expanded_uncertainty: Decimal | None
    coverage_factor: Decimal | None
    unit: str | None
    method: str | None
    measured_on: date | None


@dataclass
class ParticipantsImport:
    """Valid rows and every error; import only when ``errors`` is empty."""

    rows: list[ImportedParticipant] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)
    sheet: str = ""
    header_row: int = 0


def read_participants(
    path: str | os.PathLike[str], comparison_unit: str | None = None
) -> ParticipantsImport:
    """Read and check a participants workbook.

    Parameters
    ----------
    path : path-like
        An ``.xlsx`` / ``.xls`` / ``.ods`` workbook; the first visible sheet with a header row.
    comparison_unit : str, optional
        The comparison's unit: a unit cell that cannot be converted to it is an error.

    Raises
    ------
    ImportFileError
        Not a workbook, password-protected, empty, or no header row.
    """
    workbook = open_workbook(Path(path))
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        found = _header(rows)
        if found is not None:
            h, columns = found
            result = ParticipantsImport(sheet=name, header_row=h + 1)
            _check_rows(rows[h + 1 :], h + 2, columns, comparison_unit, result)
            return result
    raise ParticipantsFileError(path)


def _header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    for h, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for c, cell in enumerate(row):
            key = _LOOKUP.get(lookup_key(str(cell))) if isinstance(cell, str) else None
            if key is not None and key not in columns:
                columns[key] = c
        if all(k in columns for k in _REQUIRED):
            return h, columns
    return None


def _check_rows(
    rows: Iterable[list[Any]],
    first: int,
    columns: dict[str, int],
    unit: str | None,
    result: ParticipantsImport,
) -> None:
    seen: dict[str, int] = {}
    for excel_row, cells in enumerate(rows, start=first):
        if all(c in (None, "") for c in cells):
            continue
        values, errors = _cells(cells, columns, excel_row, result.sheet)
        failed = {e.header for e in errors}
        rules = _row_rules(values, columns, excel_row, result.sheet, unit, seen)
        errors += [e for e in rules if e.header not in failed]
        result.errors.extend(errors)
        if not errors:
            result.rows.append(ImportedParticipant(excel_row, **values))


_READERS = {
    "code": as_text,
    "value": as_decimal,
    "expanded_uncertainty": as_decimal,
    "coverage_factor": as_decimal,
    "unit": lambda cell: (as_unit(cell) or (None,))[0],
    "method": as_text,
    "measured_on": as_date,
}


def _cells(
    cells: list[Any], columns: dict[str, int], row: int, sheet: str
) -> tuple[dict[str, Any], list[CellError]]:
    values: dict[str, Any] = dict.fromkeys(_READERS)
    errors: list[CellError] = []
    for key, col in columns.items():
        cell = cells[col] if col < len(cells) else None
        try:
            values[key] = _READERS[key](cell)
        except CellProblem as problem:
            errors.append(_error(sheet, row, col, key, cell, problem))
    return values, errors


def _error(sheet: str, row: int, col: int, key: str, cell: object, p: CellProblem) -> CellError:
    en, _zh = _NAMES[key]
    text = "" if cell is None else str(cell)
    return CellError(sheet, row, xl_col_to_name(col), en, text, p.code, p.message_en, p.message_zh)


def _row_rules(
    values: dict[str, Any],
    columns: dict[str, int],
    row: int,
    sheet: str,
    unit: str | None,
    seen: dict[str, int],
) -> list[CellError]:
    problems: list[tuple[str, CellProblem]] = []
    for key in _REQUIRED:
        if values[key] is None and key in columns:
            problems.append((key, CellProblem("required", "a value is required", "必须填写")))
    k, big_u = values["coverage_factor"], values["expanded_uncertainty"]
    if k is not None and k <= 0:
        problems.append(
            ("coverage_factor", CellProblem("not_positive", "k must be positive", "k 必须大于 0"))
        )
    if big_u is not None and big_u < 0:
        problems.append(
            (
                "expanded_uncertainty",
                CellProblem("negative", "U must not be negative", "U 不能为负"),
            )
        )
    if big_u is not None and k is None:
        problems.append(
            ("coverage_factor", CellProblem("required", "give the k of U", "请填写 U 的包含因子 k"))
        )
    typed = values["unit"]
    if typed and unit and not commensurable(typed, unit):
        problems.append(
            (
                "unit",
                CellProblem(
                    "incommensurable",
                    f"{typed} cannot be converted to the comparison's unit {unit}",
                    f"{typed} 无法换算为比对的单位 {unit}",
                ),
            )
        )
    code = values["code"]
    if code is not None and code in seen:
        problems.append(
            (
                "code",
                CellProblem(
                    "duplicate", f"code repeats row {seen[code]}", f"代码与第 {seen[code]} 行重复"
                ),
            )
        )
    elif code is not None:
        seen[code] = row
    errors = []
    for key, problem in problems:
        col = columns.get(key, columns["code"])
        cell = values.get(key)
        errors.append(_error(sheet, row, col, key, cell, problem))
    return errors


# --- export ------------------------------------------------------------------------------------

INPUT_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("code", "Code", "参加实验室代码"),
    ColumnSpec("own", "This laboratory", "本实验室"),
    ColumnSpec("value", "Value", "测量结果", ColumnKind.DECIMAL),
    ColumnSpec("U", "U", "扩展不确定度 U", ColumnKind.DECIMAL),
    ColumnSpec("k", "k", "包含因子 k", ColumnKind.DECIMAL),
    ColumnSpec("method", "Method", "方法"),
    ColumnSpec("date", "Date", "日期", ColumnKind.DATE),
)

SCORE_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("code", "Code", "参加实验室代码"),
    ColumnSpec("value", "Value", "测量结果", ColumnKind.DECIMAL),
    ColumnSpec("U", "U", "扩展不确定度 U", ColumnKind.DECIMAL),
    ColumnSpec("en", "En", "En 值", ColumnKind.DECIMAL),
    ColumnSpec("en_class", "En class", "En 评价"),
    ColumnSpec("zeta", "ζ", "ζ 分数", ColumnKind.DECIMAL),
    ColumnSpec("zeta_class", "ζ class", "ζ 评价"),
    ColumnSpec("z", "z", "z 比分数", ColumnKind.DECIMAL),
    ColumnSpec("z_class", "z class", "z 评价"),
    ColumnSpec("z_prime", "z′", "z′ 比分数", ColumnKind.DECIMAL),
    ColumnSpec("z_prime_class", "z′ class", "z′ 评价"),
)

#: ScoreClass value -> (English, Chinese, fill colour)
CLASS_TEXTS: dict[str, tuple[str, str, str]] = {
    "satisfactory": ("Satisfactory", "满意", "#C6EFCE"),
    "questionable": ("Questionable", "有问题", "#FFEB9C"),
    "unsatisfactory": ("Unsatisfactory", "不满意", "#FFC7CE"),
}


class _NoTicker:
    """Progress is not reported for a report of a few dozen rows."""

    done = 0

    def check(self) -> None:
        return None


def class_text(value: str | None, language: Language) -> str:
    """A score class (``ScoreClass.value``) in ``language``."""
    if value is None:
        return ""
    en, zh, _ = CLASS_TEXTS[value]
    return pick(en, zh, language)


def write_comparison_report(
    path: str | os.PathLike[str],
    cover: CoverInfo,
    facts: Sequence[tuple[str, str, object]],
    inputs: Iterable[Sequence[object]],
    scores: Iterable[Sequence[object]],
    figures: Sequence[tuple[str, Figure]],
    language: Language = "en",
) -> Path:
    """Write the report of one comparison.

    Parameters
    ----------
    cover : CoverInfo
        Title, laboratory, who exported, database.
    facts : sequence of (English label, Chinese label, value)
        The comparison and its assigned value (value, u, U, k, method) for the cover sheet.
    inputs, scores : iterables of rows
        Rows in the order of :data:`INPUT_COLUMNS` and :data:`SCORE_COLUMNS`; class cells hold
        ``ScoreClass.value`` strings (written in ``language`` and coloured).
    figures : sequence of (sheet title, Figure)
        Charts, each rendered to PNG with Agg and inserted as an image on its own sheet.
    """
    target = Path(path)
    partial = target.with_name(f".{target.stem}.part.xlsx")
    workbook = xlsx_workbook(partial, {"remove_timezone": True})
    try:
        formats = excel_formats(workbook)
        formats["left_number"] = workbook.add_format({"num_format": "General", "align": "left"})
        taken: set[str] = set()
        _cover(workbook, formats, cover, facts, language, taken)
        _data_sheet(workbook, formats, taken, pick("Inputs", "参加结果", language), INPUT_COLUMNS,
                    inputs, language)  # fmt: skip
        score_rows = [_class_row(row, language) for row in scores]
        sheet = _data_sheet(workbook, formats, taken, pick("Scores", "评价结果", language),
                            SCORE_COLUMNS, score_rows, language)  # fmt: skip
        _colour_classes(workbook, sheet, len(score_rows), language)
        for title, figure in figures:
            chart = workbook.add_worksheet(sheet_title(title, taken))
            chart.insert_image(0, 0, f"{title}.png", {"image_data": _png(figure)})
        workbook.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _png(figure: Figure) -> io.BytesIO:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    buffer.seek(0)
    return buffer


def _cover(
    workbook: Any,
    formats: dict[str, Any],
    cover: CoverInfo,
    facts: Sequence[tuple[str, str, object]],
    language: Language,
    taken: set[str],
) -> None:
    sheet = workbook.add_worksheet(sheet_title(pick("Cover", "封面", language), taken))
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 60)
    sheet.write_string(0, 0, cover.title, formats["title"])
    when = (cover.exported_at or _now()).strftime("%Y-%m-%d %H:%M:%S")
    lines: list[tuple[str, str, object]] = [
        ("Laboratory", "实验室", cover.laboratory),
        ("Exported by", "导出人", cover.exported_by),
        ("Export time", "导出时间", when),
        ("Database", "数据库", cover.database),
        *facts,
    ]
    for row, (en, zh, value) in enumerate(lines, start=2):
        sheet.write_string(row, 0, pick(en, zh, language), formats["label"])
        _write_value(workbook, sheet, row, value, formats)
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _now() -> datetime:
    return datetime.now().astimezone()


def _write_value(
    workbook: Any, sheet: Any, row: int, value: object, formats: dict[str, Any]
) -> None:
    if value is None:
        sheet.write_blank(row, 1, None)
    elif isinstance(value, bool):
        sheet.write_string(row, 1, str(value))
    elif isinstance(value, Decimal) and value.is_finite():
        sheet.write_number(row, 1, float(value), _left_number(workbook, formats, value))
    elif isinstance(value, int | float):
        sheet.write_number(row, 1, float(value), formats["left_number"])
    elif isinstance(value, date):
        sheet.write_datetime(row, 1, value, formats["date"])
    else:
        sheet.write_string(row, 1, str(value), formats["wrap"])


def _left_number(workbook: Any, formats: dict[str, Any], value: Decimal) -> Any:
    """A left-aligned number format showing ``value``'s reported digits (one per pattern)."""
    pattern = decimal_number_format(value)
    key = f"left_number:{pattern}"
    if key not in formats:
        formats[key] = workbook.add_format({"num_format": pattern, "align": "left"})
    return formats[key]


def _data_sheet(
    workbook: Any,
    formats: dict[str, Any],
    taken: set[str],
    title: str,
    columns: Sequence[ColumnSpec],
    rows: Iterable[Sequence[object]],
    language: Language,
) -> Any:
    spec = SheetSpec(title, columns, rows)
    sheet = workbook.add_worksheet(sheet_title(title, taken))
    SheetWriter(sheet, formats, spec, language).write(_NoTicker())  # type: ignore[arg-type]
    return sheet


def _class_row(row: Sequence[object], language: Language) -> list[object]:
    out = list(row)
    for i, column in enumerate(SCORE_COLUMNS):
        if column.key.endswith("_class"):
            out[i] = class_text(out[i], language)  # type: ignore[arg-type]
    return out


def _colour_classes(workbook: Any, sheet: Any, n: int, language: Language) -> None:
    if not n:
        return
    for col, column in enumerate(SCORE_COLUMNS):
        if not column.key.endswith("_class"):
            continue
        for value, (_en, _zh, colour) in CLASS_TEXTS.items():
            fill = workbook.add_format({"bg_color": colour})
            text = class_text(value, language)
            sheet.conditional_format(
                1,
                col,
                n,
                col,
                {"type": "cell", "criteria": "==", "value": f'"{text}"', "format": fill},
            )
