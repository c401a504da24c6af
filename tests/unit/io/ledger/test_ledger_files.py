"""Files that cannot be read as a ledger: a typed error in English and Chinese, raised before
anything is parsed for a hostile workbook (the same limits as the register import), and the same
row, column and cell limits for a text file."""

from __future__ import annotations

import importlib.util
import os
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from ledger_books import openpyxl_book, text_file

from labapp.io.excel._limits import MAX_CELL_CHARS, MAX_COLUMNS, WorkbookLimitError
from labapp.io.ledger import LedgerFileError, read_ledger
from labapp.io.register._read import ImportFileError


def _corpus() -> ModuleType:
    """The hostile-workbook corpus of the integration tests (loaded by path: no package)."""
    path = Path(__file__).resolve().parents[3] / "integration" / "hostile_workbooks.py"
    spec = importlib.util.spec_from_file_location("ledger_hostile_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


CORPUS = _corpus()


@pytest.mark.parametrize("name", sorted(CORPUS.REFUSED))
def test_hostile_workbooks_are_refused_before_parsing(name: str, tmp_path: Path) -> None:
    suffix = {"ods": ".ods", "xls": ".xls"}.get(name[:3], ".xlsx")
    path = CORPUS.REFUSED[name](tmp_path / f"{name}{suffix}")
    start = time.perf_counter()
    with pytest.raises(WorkbookLimitError) as caught:
        read_ledger(path)
    assert caught.value.reason == CORPUS.REASONS[name]
    assert time.perf_counter() - start < 5.0
    assert path.name in caught.value.message_en and path.name in caught.value.message_zh


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_an_honest_hand_made_workbook_still_reads(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"good.{kind}"
    written = CORPUS.write_xlsx(path) if kind == "xlsx" else CORPUS.write_ods(path, "")
    result = read_ledger(written)
    assert result.errors == [] and result.format == kind
    assert [(r.asset_tag, r.name) for r in result.records] == [("HOSTILE-1", "Digital multimeter")]


def refused(path: Path) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        read_ledger(path)
    error = caught.value
    assert path.name in error.message_en
    assert any("\u4e00" <= c <= "\u9fff" for c in error.message_zh)
    return error


def test_empty_and_blank_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.csv"
    blank.write_text(" \r\n\r\n", encoding="utf-8")
    assert refused(empty).reason == "empty"
    assert refused(blank).reason == "empty"
    assert refused(openpyxl_book(tmp_path / "blank.xlsx", [])).reason == "empty"


def test_binary_files_are_not_ledgers(tmp_path: Path) -> None:
    png = tmp_path / "photo.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15] * 50))
    assert refused(png).reason == "not_a_ledger"
    assert refused(controls).reason == "not_a_ledger"


def test_text_in_no_encoding_labapp_reads(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_bytes("名称,编号\r\n".encode() + b"\x81\x20\xff\xfe\xfd\r\n")
    assert refused(broken).reason == "encoding"
    bad_bom = tmp_path / "bad_bom.csv"
    bad_bom.write_bytes(b"\xef\xbb\xbf" + "名称".encode("gbk"))
    error = refused(bad_bom)
    assert error.reason == "encoding" and "CSV UTF-8" in error.message_en


def test_text_file_too_big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("labapp.io.ledger._source.MAX_TEXT_BYTES", 1024)
    path = text_file(tmp_path / "big.csv", [["名称", "编号"]] * 200, encoding="utf-8")
    assert os.path.getsize(path) > 1024
    error = refused(path)
    assert error.reason == "too_big" and "1024" not in error.message_en


def test_text_file_limits(tmp_path: Path) -> None:
    wide = text_file(tmp_path / "wide.csv", [["名称"] * (MAX_COLUMNS + 1)], encoding="utf-8")
    long_cell = text_file(tmp_path / "long.csv", [["名称", "x" * (MAX_CELL_CHARS + 1)]],
                          encoding="utf-8")  # fmt: skip
    huge_cell = tmp_path / "huge.csv"
    huge_cell.write_text('名称,"' + "y" * 200_000 + '"\n', encoding="utf-8")
    for path, reason in ((wide, "too_many_columns"), (long_cell, "cell_too_long"),
                         (huge_cell, "cell_too_long")):  # fmt: skip
        error = refused(path)
        assert isinstance(error, WorkbookLimitError) and error.reason == reason


def test_text_file_rows_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("labapp.io.ledger._source.MAX_ROWS", 50)
    path = text_file(tmp_path / "long.csv", [["名称", "编号"]] * 60, encoding="utf-8")
    error = refused(path)
    assert isinstance(error, WorkbookLimitError) and error.reason == "too_many_rows"


def test_no_heading_row(tmp_path: Path) -> None:
    rows = [["这是一份说明"], ["没有表头"], ["压力表", "1.6MPa"]]
    error = refused(openpyxl_book(tmp_path / "notes.xlsx", rows))
    assert error.reason == "no_header" and "30" in error.message_en and "表头" in error.message_zh


def test_a_workbook_named_csv_is_read_as_a_workbook(tmp_path: Path) -> None:
    path = openpyxl_book(tmp_path / "ledger.xlsx", [["名称", "管理编号"], ["压力表", "A-1"]])
    renamed = path.rename(tmp_path / "ledger.csv")
    result = read_ledger(renamed)
    assert result.format == "xlsx"
    assert [r.asset_tag for r in result.records] == ["A-1"]


def test_the_sheet_naming_most_fields_is_read(tmp_path: Path) -> None:
    from ledger_books import xlsxwriter_book

    path = xlsxwriter_book(
        tmp_path / "sheets.xlsx",
        [["说明"], ["本台账按部门分页"]],
        sheet="说明页",
        extra_sheets=[("汇总", [["部门", "数量"], ["质检部", 3]]),
                      ("质检部", [["名称", "管理编号", "使用部门"], ["压力表", "Q-1", "质检部"]])],
    )  # fmt: skip
    result = read_ledger(path)
    assert result.mapping.sheet == "质检部" and [r.asset_tag for r in result.records] == ["Q-1"]
    with pytest.raises(LedgerFileError) as caught:
        read_ledger(path, sheet="汇总")  # 部门 alone is not a ledger's heading row
    assert caught.value.reason == "no_header"
    with pytest.raises(LedgerFileError) as caught:
        read_ledger(path, sheet="没有这页")
    assert caught.value.reason == "no_sheet" and "没有这页" in caught.value.message_zh
