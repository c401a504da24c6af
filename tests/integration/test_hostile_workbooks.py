"""Hostile workbooks: refused before parsing, with a typed error, on SQLite and PostgreSQL alike;
formula-looking text written back as text by every workbook LabApp writes.

The corpus is built by :mod:`hostile_workbooks` (raw XML in hand-made zips).  Through the
service (the ledger path, the one import) each file raises :class:`WorkbookLimitError` with its
reason and leaves the database as it was; through ``labapp-cli import register`` in a subprocess
limited to 1.5 GB of address space (the far-corner file used to abort at exit 134 and the huge
cell took 5.4 GB) each exits 2 with the message and no traceback.
"""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import hostile_workbooks as corpus
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from labapp.io.comparisons import read_participants
from labapp.io.excel import (
    ColumnKind,
    ColumnSpec,
    CoverInfo,
    ImportFileError,
    SheetSpec,
    open_workbook,
    write_workbook,
)
from labapp.io.excel._limits import WorkbookLimitError, check_workbook_limits
from labapp.io.ledger import read_ledger
from labapp.services.database import Database, open_database
from labapp.services.exports import export_register
from labapp.services.imports import check_ledger, import_ledger, write_ledger_errors
from labapp.services.register import InstrumentData, create_instrument

FORMULA = "=cmd|' /C calc'!A0"
#: OWASP's list of cell starts a spreadsheet reads as a formula
FORMULA_STARTS = [FORMULA, "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
ADDRESS_SPACE = 1536 * 2**20


def count(db: Database, table: str) -> int:
    with db.read() as session:
        return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _file(tmp_path: Path, name: str) -> Path:
    suffix = {"ods": ".ods", "xls": ".xls"}.get(name[:3], ".xlsx")
    return corpus.REFUSED[name](tmp_path / f"{name}{suffix}")


@pytest.mark.parametrize("name", sorted(corpus.REFUSED))
def test_limits_refuse_each_hostile_file_fast(name: str, tmp_path: Path) -> None:
    path = _file(tmp_path, name)
    start = time.perf_counter()
    with pytest.raises(WorkbookLimitError) as caught:
        open_workbook(path)  # the one door of the readers: the limits, then calamine
    assert caught.value.reason == corpus.REASONS[name]
    assert time.perf_counter() - start < 2.0
    assert path.name in caught.value.message_en and path.name in caught.value.message_zh
    assert "Traceback" not in caught.value.message_en


def test_limits_pass_an_honest_workbook(tmp_path: Path) -> None:
    check_workbook_limits(corpus.write_xlsx(tmp_path / "good.xlsx"))
    rows = [[f"T-{i}", "name " * 20, i * 1.5] for i in range(5000)]
    path = write_workbook(
        tmp_path / "export.xlsx",
        CoverInfo("honest"),
        [SheetSpec("data", [ColumnSpec("a", "A", "甲"), ColumnSpec("b", "B", "乙"),
                            ColumnSpec("c", "C", "丙", ColumnKind.DECIMAL)], rows)],
    ).path  # fmt: skip
    check_workbook_limits(path)
    blanks = corpus.ods_trailing_blanks(tmp_path / "libreoffice.ods")
    (row,) = read_ledger(blanks).records  # the reader copes with blank repeats: not refused
    assert row.asset_tag == "HOSTILE-1"


def test_participants_import_is_held_to_the_same_limits(tmp_path: Path) -> None:
    with pytest.raises(WorkbookLimitError) as caught:
        read_participants(corpus.far_corner(tmp_path / "participants.xlsx"))
    assert caught.value.reason == "too_many_rows"


def test_service_refuses_each_and_writes_nothing(db: Database, tmp_path: Path) -> None:
    good = check_ledger(db, corpus.write_xlsx(tmp_path / "good.xlsx"))
    assert good.ok and len(good.records) == 1  # the same ledger without the hostile part imports
    before = (count(db, "instruments"), count(db, "audit_log"))
    refused = {}
    for name in corpus.REFUSED:
        with pytest.raises(WorkbookLimitError) as caught:
            check_ledger(db, _file(tmp_path, name))
        refused[name] = caught.value.reason
    assert refused == corpus.REASONS
    assert (count(db, "instruments"), count(db, "audit_log")) == before
    assert (
        import_ledger(db, "admin", good).instruments == 1
    )  # and the database still takes a good one
    assert count(db, "instruments") == before[0] + 1


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@pytest.mark.parametrize(
    ("name", "lang"),
    [("far_corner", "en"), ("huge_cell", "zh_CN"), ("corrupt_zip", "zh_CN")],
)  # fmt: skip
def test_cli_exits_2_within_the_memory_limit(name: str, lang: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'lab.sqlite3'}"
    db = open_database(url)
    try:
        before = (count(db, "instruments"), count(db, "audit_log"))
    finally:
        db.dispose()
    path = _file(tmp_path, name)
    done = subprocess.run(
        [sys.executable, "-m", "labapp.cli.main", "import", "register", str(path),
         "--database", url, "--lang", lang, "--dry-run"],  # reads it all; no login needed
        capture_output=True, text=True, timeout=120, check=False, preexec_fn=_limited,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    expected = WorkbookLimitError(corpus.REASONS[name], path, part="")
    first_words = (expected.message_zh if lang == "zh_CN" else expected.message_en)[:12]
    assert first_words in done.stderr
    db = open_database(url)
    try:
        assert (count(db, "instruments"), count(db, "audit_log")) == before
    finally:
        db.dispose()


# --- formula-looking text stays text ---------------------------------------------------------


def _value(cell: openpyxl.cell.cell.Cell) -> object:
    """The cell's text; openpyxl leaves a carriage return as xlsxwriter escapes it (calamine,
    the import's reader, decodes it)."""
    value = cell.value
    return value.replace("_x000D_", "\r") if isinstance(value, str) else value


def _text_cells(path: Path) -> dict[object, openpyxl.cell.cell.Cell]:
    """Every cell holding one of FORMULA_STARTS, by value (openpyxl would load a formula cell
    with data_type "f")."""
    found = {}
    for sheet in openpyxl.load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if _value(cell) in FORMULA_STARTS:
                    found[_value(cell)] = cell
    return found


def test_error_workbook_keeps_formula_text(db: Database, tmp_path: Path) -> None:
    source = corpus.formula_text(tmp_path / "formula.xlsx")
    check = check_ledger(db, source)
    assert [e.value for e in check.errors] == [FORMULA]  # an unknown custodian
    out = write_ledger_errors(check, tmp_path / "errors.xlsx", "en")
    workbook = openpyxl.load_workbook(out)
    listed = [c for row in workbook.worksheets[0].iter_rows() for c in row if c.value == FORMULA]
    copied = workbook["台账"]["C2"]
    for cell in (*listed, copied):
        assert (cell.data_type, cell.value) == ("s", FORMULA)
    assert len(listed) == 1


def test_register_export_keeps_formula_text(db: Database, tmp_path: Path) -> None:
    texts = dict(zip(("name", "manufacturer", "model", "serial_no", "category", "notes"),
                     FORMULA_STARTS, strict=True))  # fmt: skip
    create_instrument(db, "admin", InstrumentData(asset_tag="F-1", **texts))
    path = export_register(db, tmp_path / "register.xlsx").path
    cells = _text_cells(path)
    assert set(cells) == set(FORMULA_STARTS)
    assert all(cell.data_type == "s" for cell in cells.values())
    (row,) = read_ledger(path).records  # the round trip: the same text comes back (stripped,
    # as the import strips every text cell)
    assert {key: getattr(row, key) for key in texts} == {k: v.strip() for k, v in texts.items()}


def test_every_writer_path_keeps_formula_text(tmp_path: Path) -> None:
    columns = [
        ColumnSpec("t", "Text", "文本"),
        ColumnSpec("d", "Date", "日期", ColumnKind.DATE),
        ColumnSpec("n", "Number", "数值", ColumnKind.DECIMAL),
        ColumnSpec("q", "Quantity", "量", ColumnKind.QUANTITY),
    ]
    rows = [[text, text, text, ("1", text)] for text in FORMULA_STARTS]
    cover = CoverInfo(FORMULA, laboratory="+1+1", exported_by="@SUM(A1)", filter_text="-2+3")
    path = write_workbook(tmp_path / "all.xlsx", cover, [SheetSpec("data", columns, rows)]).path
    workbook = openpyxl.load_workbook(path)
    seen = [c for s in workbook.worksheets for r in s.iter_rows() for c in r
            if _value(c) in FORMULA_STARTS]  # fmt: skip
    assert len(seen) >= 4 * len(FORMULA_STARTS) + 4
    assert {c.data_type for c in seen} == {"s"}


def test_import_keeps_formula_text_for_a_known_custodian(db: Database, tmp_path: Path) -> None:
    with db.unit_of_work("admin", "a person with a hostile name") as uow:
        from labapp.persistence.models import PersonRow

        uow.session.add(PersonRow(name=FORMULA, login="hostile"))
        uow.commit()
    check = check_ledger(db, corpus.formula_text(tmp_path / "formula.xlsx"))
    assert check.ok, check.errors
    assert import_ledger(db, "admin", check).instruments == 1
    path = export_register(db, tmp_path / "again.xlsx").path
    cell = _text_cells(path)[FORMULA]
    assert (cell.data_type, cell.value) == ("s", FORMULA)


# --- numbers and temperatures in a ledger -----------------------------------------------------


def test_ledger_numbers_out_of_bounds_and_below_absolute_zero(db: Database, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["资产编号", "名称", "测量范围下限", "测量范围上限", "测量范围单位"])
    sheet.append(["N-1", "voltmeter", "1e-150000000", "1", "V"])
    sheet.append(["N-2", "thermometer", -300, 100, "°C"])
    sheet.append(["N-3", "thermometer", "1E-40", 1, "K"])  # text cell
    sheet.append(["N-4", "thermometer", 1e-40, 1, "K"])  # number cell, same value
    sheet.append(["N-5", "differential", -1, 1, "Δ°C"])  # a difference range: fine
    workbook.save(tmp_path / "numbers.xlsx")
    before = (count(db, "instruments"), count(db, "audit_log"))
    check = check_ledger(db, tmp_path / "numbers.xlsx")
    found = sorted((e.row, e.column, e.code) for e in check.errors)
    # a refused low end also leaves the range without it ("a range needs both ends", same cell)
    follow_on = {(row, column) for row, column, code in found if code == "required"}
    assert follow_on <= {(row, column) for row, column, code in found if code != "required"}
    assert [e for e in found if e[2] != "required"] == [
        (2, "C", "out_of_range"),
        (3, "C", "below_absolute_zero"),
        (4, "C", "out_of_range"),
        (5, "C", "out_of_range"),
    ]
    assert all(e.message_en and e.message_zh for e in check.errors)
    assert (count(db, "instruments"), count(db, "audit_log")) == before


# --- any damage: a typed refusal, never a raw exception ----------------------------------------


def _good_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return corpus.write_xlsx(Path(folder) / "good.xlsx").read_bytes()


_GOOD = _good_bytes()
_PARTS = {i.filename: zipfile.ZipFile(io.BytesIO(_GOOD)).read(i.filename)
          for i in zipfile.ZipFile(io.BytesIO(_GOOD)).infolist()}  # fmt: skip
_BYTES = st.sampled_from(b'<>"/=09AZ&;! \0\xff')
_DAMAGE = st.lists(st.tuples(st.floats(0, 1, exclude_max=True), _BYTES), min_size=1, max_size=5)


def _damaged(content: bytes, damage: list[tuple[float, int]]) -> bytes:
    data = bytearray(content)
    for where, byte in damage:
        data[int(where * len(data))] = byte
    return bytes(data)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([None, *sorted(_PARTS)]), _DAMAGE)
def test_damaged_workbook_is_read_or_refused_typed(part: str | None, damage: list) -> None:
    """Bytes changed in the zip itself (``part`` None) or inside one XML part."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.xlsx"
        if part is None:
            path.write_bytes(_damaged(_GOOD, damage))
        else:
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, content in _PARTS.items():
                    archive.writestr(name, _damaged(content, damage) if name == part else content)
        start = time.perf_counter()
        try:
            read_ledger(path)
        except ImportFileError as exc:
            assert exc.message_en and exc.message_zh
        assert time.perf_counter() - start < 1.0


def _xls_bytes(padding: int) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        return corpus.xls_far_corner(Path(folder) / "far.xls", padding=padding).read_bytes()


_XLS = [_xls_bytes(0), _xls_bytes(50)]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([0, 1]), _DAMAGE)
def test_damaged_xls_is_read_or_refused_typed(which: int, damage: list) -> None:
    """The compound document's header, allocation table, directory or records damaged."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.xls"
        path.write_bytes(_damaged(_XLS[which][:2048], damage) + _XLS[which][2048:])
        start = time.perf_counter()
        try:
            open_workbook(path)
        except ImportFileError as exc:
            assert exc.message_en and exc.message_zh
        assert time.perf_counter() - start < 1.0
