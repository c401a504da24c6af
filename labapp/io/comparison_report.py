"""A comparison's report as an Excel workbook (xlsxwriter), as an auditor reads it.

A cover sheet (comparison, assigned value, its uncertainty and method), the participants' inputs,
the scores with their classes coloured, and the charts as PNG images rendered from matplotlib
Figures with the Agg canvas.  (Participants read from Excel: :mod:`labapp.io.comparisons`.)
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from labapp.io.excel import (
    ColumnKind,
    ColumnSpec,
    CoverInfo,
    Language,
    SheetSpec,
    SheetWriter,
    apply_print_setup,
    decimal_number_format,
    excel_formats,
    pick,
    sheet_title,
    xlsx_workbook,
)

__all__ = ["CLASS_TEXTS", "INPUT_COLUMNS", "SCORE_COLUMNS", "class_text", "write_comparison_report"]

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
            apply_print_setup(chart, [_image_columns(figure)], title, language, header_rows=0)
        workbook.close()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def _image_columns(figure: Figure) -> float:
    """The chart's width as Excel column characters (a column is 7 w + 5 px), for the print rule."""
    pixels = figure.get_figwidth() * _DPI
    return max((pixels - 5) / 7, 0.0)


_DPI = 110


def _png(figure: Figure) -> io.BytesIO:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=_DPI)
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
    apply_print_setup(sheet, (34, 60), cover.title, language, header_rows=0)


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
