"""The printable table report: landscape, header row on every page, page x of y, ≥ 8 pt."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from decimal import Decimal

import pypdf
import pytest

from labapp.domain.enums import InstrumentStatus
from labapp.domain.quantities import Measured
from labapp.io.pdf import (
    MIN_FONT_SIZE,
    ReportColumn,
    TableReport,
    approval_blocks,
    write_table_report,
)

COLUMNS = [
    ReportColumn("asset_tag", "Asset tag", "管理编号", 1.0),
    ReportColumn("name", "Name", "器具名称", 2.5),
    ReportColumn("range", "Range high", "测量上限", 1.2, "RIGHT"),
    ReportColumn("due", "Due", "到期日", 1.0),
    ReportColumn("status", "Status", "状态", 0.8),
    ReportColumn("notes", "Notes", "备注", 3.0),
]


def _rows(n: int) -> list[list[object]]:
    return [
        [f"DMM-{i:04d}", f"数字多用表 Digital multimeter {i}", Measured(Decimal("1000.00"), "V"),
         date(2025, 1 + i % 12, 1), InstrumentStatus.IN_SERVICE,
         "一段很长的备注，用来检查单元格内的自动换行是否正常工作。 A long remark to wrap."]
        for i in range(n)
    ]  # fmt: skip


def _report(language: str, n: int = 120) -> TableReport:
    return TableReport(
        title_en="Re-verification plan 2025", title_zh="2025 年周检计划", columns=COLUMNS,
        rows=_rows(n), language=language, lab_name="华东计量校准实验室", document_no="PLAN-2025",
        cover_lines=[("Approval status", "审批状态", "approved"), ("Items", "器具数", n)],
        signatures=approval_blocks(("刘洋", date(2025, 1, 5)), ("张伟", None)),
        generated_at=datetime(2025, 1, 6, 8, 0),
    )  # fmt: skip


def _pages(data: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(data)).pages)


def test_landscape_header_on_every_page_and_page_x_of_y() -> None:
    pages = _pages(write_table_report(_report("bilingual")))
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert page.mediabox.width > page.mediabox.height  # landscape
        text = re.sub(r"\s+", "", page.extract_text())
        assert "管理编号/Assettag" in text  # the header row repeats
        assert f"第{number}页共{len(pages)}页/Page{number}of{len(pages)}" in text
        assert "2025年周检计划/Re-verificationplan2025" in text


def test_cover_block_values_and_signatures() -> None:
    text = re.sub(r"\s+", "", _pages(write_table_report(_report("zh_CN", 5)))[0].extract_text())
    expected = ["2025年周检计划", "审批状态", "approved", "编制:刘洋", "日期:2025-01-05",
                "审核:张伟", "批准:", "1000.00V", "DMM-0004", "2025-05-01",
                "in_service"]  # fmt: skip
    assert [e for e in expected if e not in text] == []


def test_every_row_is_printed_once_and_text_is_at_least_8_pt() -> None:
    pages = _pages(write_table_report(_report("en", 60)))
    text = "".join(p.extract_text() for p in pages)
    assert [f"DMM-{i:04d}" in text for i in range(60)] == [True] * 60
    assert text.count("DMM-0059") == 1
    for page in pages:
        sizes = [
            float(s)
            for s in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", page.get_contents().get_data())
        ]
        assert sizes and min(sizes) >= MIN_FONT_SIZE


def _font_sizes(page: pypdf.PageObject) -> list[float]:
    data = page.get_contents().get_data()
    return [float(s) for s in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", data)]


def _embedded_fonts(page: pypdf.PageObject) -> set[str]:
    """Base names of the page's fonts whose TrueType program is embedded (FontFile2)."""
    fonts = page["/Resources"]["/Font"]
    names = set()
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None and "/FontFile2" in descriptor.get_object():
            names.add(str(font["/BaseFont"]))
    return names


def test_every_font_on_every_page_is_embedded() -> None:
    for page in _pages(write_table_report(_report("zh_CN", 40))):
        fonts = page["/Resources"]["/Font"]
        assert len(_embedded_fonts(page)) == len(fonts) > 0


def test_a_wide_table_is_split_into_parts_each_with_the_key_column() -> None:
    n_columns = 30
    columns = [ReportColumn("tag", "Asset tag", "管理编号")] + [
        ReportColumn(f"c{i}", f"Column {i}", f"第{i}列") for i in range(1, n_columns)
    ]
    rows = [[f"TAG-{r}"] + [f"r{r}c{i}" for i in range(1, n_columns)] for r in range(3)]
    report = TableReport("Wide", "宽表", columns, rows, language="en")
    pages = _pages(write_table_report(report))
    raw = [p.extract_text() for p in pages]
    text = re.sub(r"\s+", "", "".join(raw))
    parts = len(pages)
    assert parts > 1  # 30 columns cannot all stand side by side at 8 pt
    assert text.count("TAG-2") == parts  # every part names the item of each row
    assert [f"r{r}c{i}" in text for r in range(3) for i in range(1, n_columns)] == [True] * 87
    assert f"Table,part{parts}of{parts}" in text
    assert min(s for p in pages for s in _font_sizes(p)) >= MIN_FONT_SIZE


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_date_or_tag_is_broken_across_lines(language: str) -> None:
    """Sixteen date columns: each date prints whole on one line, whatever the split."""
    columns = [ReportColumn("tag", "Asset tag", "资产编号")] + [
        ReportColumn(f"d{i}", f"Due {i}", f"到期日{i}", 0.5) for i in range(16)
    ]
    rows = [[f"CD-{r:06d}"] + [date(2026, 1 + i % 12, 10 + r) for i in range(16)] for r in range(4)]
    report = TableReport("Dates", "日期", columns, rows, language=language)
    raw = "\n".join(p.extract_text() for p in _pages(write_table_report(report)))
    for r in range(4):
        assert f"CD-{r:06d}" in raw
        for i in range(16):
            assert date(2026, 1 + i % 12, 10 + r).isoformat() in raw


def test_a_number_and_its_unit_stay_on_one_line() -> None:
    """Narrow range and accuracy cells: "1000 A" and "±1.0 µΩ" never split between lines."""
    columns = [ReportColumn("tag", "Asset tag", "资产编号")] + [
        ReportColumn(f"r{i}", "Range", "测量范围", 0.3) for i in range(14)
    ]
    cells = ["0 ⋯ 1000 A", "MPE ±1.0 µΩ", "-200 ⋯ 670 °C", "MPE ±0.25 A"]
    rows = [["T-1"] + [cells[i % 4] for i in range(14)]]
    raw = _pages(write_table_report(TableReport("U", "U", columns, rows, language="en")))
    lines = [line for page in raw for line in page.extract_text().splitlines()]
    for number, unit in (("1000", "A"), ("±1.0", "µΩ"), ("670", "°C"), ("±0.25", "A")):
        assert not any(line.rstrip().endswith(number) for line in lines), (number, lines)
        assert any(re.search(rf"{re.escape(number)}\s{unit}", line) for line in lines)
