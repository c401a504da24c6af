"""A long printed report reports its progress, can be cancelled, and breaks Latin text itself."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pypdf
from reportlab.pdfbase.pdfmetrics import stringWidth

from labapp.io.pdf import ReportColumn, TableReport, save_table_report, write_table_report
from labapp.io.pdf._layout import ensure_font
from labapp.io.pdf._widths import WidthCache, plain_lines

COLUMNS = [
    ReportColumn("tag", "Asset tag", "资产编号"),
    ReportColumn("name", "Name", "名称", 1.0),
    ReportColumn("note", "Remark", "备注", 0.4),
]
REMARK = "returned from the customer with a cracked display and a loose input terminal"


def _report(n: int, columns: list[ReportColumn] = COLUMNS) -> TableReport:
    rows = [[f"DMM-{i:05d}", f"Digital multimeter {i}", REMARK][: len(columns)] for i in range(n)]
    return TableReport("Register", "台账", columns, rows, language="en")


def _page_count(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def test_progress_counts_every_row_drawn_once_per_page() -> None:
    n = 150
    calls: list[tuple[int, int]] = []
    data = write_table_report(_report(n), progress=lambda d, t: calls.append((d, t)))
    done = [d for d, _ in calls]
    assert done == sorted(done)  # never goes back
    assert calls[-1] == (n, n)
    assert len(set(done)) - 1 >= _page_count(data) - 1  # a step per page of the table


def test_a_table_printed_in_parts_counts_each_row_once_per_part() -> None:
    columns = [ReportColumn("tag", "Asset tag", "资产编号")] + [
        ReportColumn(f"c{i}", f"Column number {i}", f"第{i}列") for i in range(1, 30)
    ]
    rows = [[f"TAG-{r}"] + [f"row{r}-column{i}" for i in range(1, 30)] for r in range(40)]
    calls: list[tuple[int, int]] = []
    data = write_table_report(TableReport("Wide", "宽表", columns, rows, language="en"),
                              progress=lambda d, t: calls.append((d, t)))  # fmt: skip
    text = re.sub(
        r"\s+", "", "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    )
    parts = text.count("TAG-39")
    assert parts > 1
    assert calls[-1] == (40 * parts, 40 * parts)


def test_a_cancelled_report_writes_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "register.pdf"
    target.write_bytes(b"the old report")
    seen: list[int] = []
    result = save_table_report(_report(400), target, progress=lambda d, _t: seen.append(d),
                               cancel=lambda: any(d > 0 for d in seen))  # fmt: skip
    assert result is None
    assert 0 < max(seen) < 400  # stopped while drawing, after the first page
    assert [p.name for p in tmp_path.iterdir()] == ["register.pdf"]
    assert target.read_bytes() == b"the old report"


def test_a_report_not_cancelled_is_written(tmp_path: Path) -> None:
    target = save_table_report(_report(30), tmp_path / "r.pdf", cancel=lambda: False)
    assert target == tmp_path / "r.pdf"
    assert _page_count(target.read_bytes()) >= 1


def test_plain_lines_break_at_spaces_within_the_room() -> None:
    font, size, room = ensure_font(), 8.0, 60.0
    lines = plain_lines(REMARK, room, WidthCache(font, size))
    assert lines is not None
    split = lines.split("\n")
    assert len(split) > 1
    assert " ".join(split) == REMARK  # no word lost, broken only at spaces
    assert max(stringWidth(line, font, size) for line in split) <= room
    # greedy: the next line's first word would not have fitted on the line before
    for before, after in itertools.pairwise(split):
        assert stringWidth(f"{before} {after.split(' ')[0]}", font, size) > room


def test_plain_lines_leave_chinese_and_overlong_pieces_to_a_paragraph() -> None:
    width = WidthCache(ensure_font(), 8.0)
    assert plain_lines("数字多用表 digital", 200.0, width) is None
    assert plain_lines("https://example.org/a/very/long/address", 30.0, width) is None
    assert plain_lines("two\nlines", 200.0, width) == "two\nlines"


def test_every_word_of_a_wrapped_cell_is_printed() -> None:
    data = write_table_report(_report(3))
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)
    words = re.findall(r"\S+", text)
    assert [w for w in REMARK.split(" ") if w not in words] == []
