"""The traceability table export on SQLite and PostgreSQL: the rows, then the workbook itself.

The rows are checked against :func:`forward_chain` item by item (the table must be the same trees,
read set-based); the workbook is opened with openpyxl and read the way an auditor's Excel would
show it: cover, headers in English and Chinese, frozen header, filter, real dates, reported digits
as number formats, the expiry highlight, print setup.  The hand-built lab is the one of
``test_traceability`` (NIM → REF → TRF → WS → W1, W2, W3, with WS expired when W3 used it).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from test_traceability import VOLT, Lab, item
from test_traceability import lab as _hand_built  # noqa: F401 - registers the fixture

from labapp.domain.enums import Role
from labapp.io.excel import decimal_number_format
from labapp.io.traceability import TRACE_COLUMNS
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_traceability
from labapp.services.register import list_instruments
from labapp.services.traceability import TraceFilter, forward_chain, trace_table
from labapp.services.traceability._dto import ChainNode

AT = date(2026, 3, 10)
DEMO_TODAY = date(2026, 11, 23)
HEADERS_EN = ["Item", "Item name", "Quantity", "Level", "Standard used", "Standard name"]
HEADERS_ZH = ["器具编号", "器具名称", "测量量", "层级", "所用计量标准", "计量标准名称"]
#: physical columns: U takes two (value, unit)
COL = {c.key: i for i, c in enumerate(TRACE_COLUMNS)}
COL |= {k: v + 1 for k, v in COL.items() if v > COL["u"]} | {"u_unit": COL["u"] + 1}


def preorder(node: ChainNode, parent: ChainNode | None = None) -> Iterator[tuple[ChainNode, Any]]:
    yield node, parent
    for child in node.children:
        yield from preorder(child, node)


def expected_rows(db: Database, at: date) -> dict[str, list[tuple[object, ...]]]:
    """Per asset tag: the forward chain of every active item, as the table's key fields."""
    out = {}
    for row in list_instruments(db, limit=10_000):
        if row.status.value in ("retired", "scrapped"):
            continue
        tree = forward_chain(db, row.id, at=at)
        out[row.asset_tag] = [
            (n.depth, n.instrument.asset_tag if p else None, p.instrument.asset_tag if p else None,
             n.used_on, n.event.certificate_no if n.event else None,
             n.event.uncertainty_value if n.event else None,
             n.event.uncertainty_unit if n.event else None, tuple(r.code for r in n.reasons))
            for n, p in preorder(tree)
        ]  # fmt: skip
    return out


def got_rows(db: Database, flt: TraceFilter) -> dict[str, list[tuple[object, ...]]]:
    out: dict[str, list[tuple[object, ...]]] = {}
    for r in trace_table(db, flt):
        out.setdefault(r.item_asset_tag, []).append(
            (r.level, r.standard_asset_tag, r.used_for, r.used_on, r.certificate_no, r.u_value,
             r.u_unit, tuple(x.code for x in r.reasons))
        )  # fmt: skip
    return out


@pytest.fixture
def chain_lab(db: Database, request: pytest.FixtureRequest) -> Lab:
    """The hand-built four-level lab of ``test_traceability`` (on each backend, as ``db``)."""
    return request.getfixturevalue("_hand_built")  # type: ignore[no-any-return]


def test_demo_lab_table_is_every_items_forward_chain(db: Database, monkeypatch) -> None:
    seed_demo(db, DemoOptions(instruments=150, seed=3, today=DEMO_TODAY))
    monkeypatch.setattr("labapp.services.traceability._table.CHUNK", 37)  # several chunks, odd size
    got = got_rows(db, TraceFilter(at=DEMO_TODAY))
    expected = expected_rows(db, DEMO_TODAY)
    assert got == expected
    assert sum(len(rows) for rows in got.values()) > len(got)  # chains, not just the items


def test_filters_standards_one_item_quantity(chain_lab: Lab) -> None:
    other = item(chain_lab.db, "MASS-1", quantity="mass")
    standards = got_rows(chain_lab.db, TraceFilter(AT, standards_only=True))
    assert set(standards) == {"REF", "TRF", "WS", "MASS-1"}
    one = got_rows(chain_lab.db, TraceFilter(AT, instrument_id=chain_lab.w3))
    assert list(one) == ["W3"] and [r[1] for r in one["W3"]] == [None, "WS", "TRF", "REF"]
    assert set(got_rows(chain_lab.db, TraceFilter(AT, quantity="mass"))) == {"MASS-1"}
    assert got_rows(chain_lab.db, TraceFilter(AT, instrument_id=other))["MASS-1"][0][7] == (
        "no_certificate",
    )


def _export(lab: Lab, path: Path, language: Any, **kwargs: Any) -> Any:
    return export_traceability(
        lab.db, path, TraceFilter(AT, instrument_id=kwargs.pop("item", None)),
        language=language, exported_by="auditor", **kwargs,
    )  # fmt: skip


def test_workbook_in_english(chain_lab: Lab, tmp_path: Path) -> None:
    path = tmp_path / "trace.xlsx"
    seen: list[tuple[int, int]] = []
    result = _export(chain_lab, path, "en", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6)  # REF TRF WS W1 W2 W3
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Cover", "Traceability table"]
    cover = {r[0]: r[1] for r in book["Cover"].iter_rows(values_only=True) if r[0]}
    assert cover["Traceability table"] == sum(result.rows_per_sheet.values())  # rows listed
    assert cover["Exported by"] == "auditor" and cover["Database"] == chain_lab.db.info.display_name
    assert cover["Filter"].startswith("chains as of 2026-03-10")
    sheet = book["Traceability table"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][:6]) == HEADERS_EN and len(rows) - 1 == cover["Traceability table"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(rows[0])).column_letter}{len(rows)}"
    _print_setup(sheet)
    w3 = [r for r in rows[1:] if r[COL["item_asset_tag"]] == "W3"]
    assert [r[COL["standard_asset_tag"]] for r in w3] == [None, "WS", "TRF", "REF"]
    assert [r[COL["state"]] for r in w3] == ["OK", "Broken", "OK", "OK"]
    assert (
        w3[1][COL["reasons"]] == "Certificate expired (valid until 2026-02-20, used on 2026-03-01)"
    )


def _print_setup(sheet: Any) -> None:
    """Readable on A4: fitted to the width only if 11 pt text stays >= 8 pt, else printed at 100 %
    across pages with the key column repeated; the header row on every page."""
    spans = [(d.max - d.min + 1, d.width) for d in sheet.column_dimensions.values() if d.width]
    px = sum(n * int(7 * w + 5) for n, w in spans)  # Excel: a column of width w is 7 w + 5 px
    landscape_px = (297 / 25.4 - 1.4) * 96  # A4 less the 0.7 in margins, 96 dpi
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    if landscape_px / px * 11 >= 8:
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToHeight == 0
    else:
        assert not sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_cols == "$A:$A"
    assert sheet.print_title_rows == "$1:$1"  # the header row on every page


def test_cells_dates_numbers_and_highlight(chain_lab: Lab, tmp_path: Path) -> None:
    path = tmp_path / "w3.xlsx"
    _export(chain_lab, path, "en", item=chain_lab.w3)
    sheet = openpyxl.load_workbook(path)["Traceability table"]
    ref = sheet[5]  # W3, WS, TRF, then REF: its certificate from the NMI states U
    u = Decimal("0.0020")  # the largest of 0.5 µV, 0.0020 mV, 1.5 µV, in its own unit
    assert ref[COL["u"]].value == float(u)
    assert ref[COL["u"]].number_format == decimal_number_format(u) == "0.0000"
    assert ref[COL["u_unit"]].value == "mV" and ref[COL["k"]].value == 2
    assert ref[COL["k"]].number_format == "0"
    valid = ref[COL["valid_until"]]
    assert isinstance(valid.value, datetime) and valid.number_format == "yyyy-mm-dd"
    assert valid.value.date() == date(2026, 1, 5)
    assert ref[COL["provider_kind"]].value == "National metrology institute"
    letter = valid.column_letter
    rules = [r for cf in sheet.conditional_formatting for r in cf.rules]
    assert any("TODAY()" in r.formula[0] and f"${letter}2" in r.formula[0] for r in rules)


def test_headers_and_reasons_in_chinese(chain_lab: Lab, tmp_path: Path) -> None:
    path = tmp_path / "zh.xlsx"
    _export(chain_lab, path, "zh_CN", item=chain_lab.w3)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["封面", "量值溯源表"]
    rows = list(book["量值溯源表"].iter_rows(values_only=True))
    assert list(rows[0][:6]) == HEADERS_ZH
    assert rows[2][COL["state"]] == "中断"
    assert rows[2][COL["reasons"]] == "证书已过期（有效期至 2026-02-20，使用于 2026-03-01）"
    cover = {r[0]: r[1] for r in book["封面"].iter_rows(values_only=True) if r[0]}
    assert cover["筛选条件"] == f"溯源链日期 2026-03-10 · 器具 #{chain_lab.w3}"


def test_cancel_leaves_no_file(chain_lab: Lab, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = _export(chain_lab, folder / "cancelled.xlsx", "en", cancel=lambda: True)
    assert result.cancelled and list(folder.iterdir()) == []  # nor a partial file


def test_standards_role_in_the_table(chain_lab: Lab) -> None:
    rows = list(trace_table(chain_lab.db, TraceFilter(AT, standards_only=True)))
    tags = {r.item_asset_tag for r in rows}
    roles = {r.asset_tag: r.role for r in list_instruments(chain_lab.db, limit=100)}
    assert tags and all(roles[t] is Role.STANDARD for t in tags)
    assert VOLT in {r.quantity for r in rows}
