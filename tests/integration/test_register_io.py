"""Register import and export through the services, on SQLite and PostgreSQL.

The template filled with good rows imports through the one import path (the ledger's:
:func:`check_ledger` / :func:`import_ledger`); every kind of bad cell is reported with its reason
in English and Chinese while the database stays exactly as it was; a failure half way through the
commit rolls everything back; an exported register imports into an empty database unchanged.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import func, insert, select

from labapp.domain.enums import (
    AccuracyKind,
    CalibrationMethod,
    EventKind,
    EventResult,
    InstrumentStatus,
)
from labapp.domain.errors import ValidationError
from labapp.io.ledger import read_ledger
from labapp.metrology.units import parse_unit
from labapp.persistence.models import (
    AuditLogRow,
    InstrumentRow,
    LaboratoryRow,
    LocationRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.persistence.models_master import DepartmentRow
from labapp.services.common._instrument_due import latest_result_failed
from labapp.services.database import Database, open_database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_register
from labapp.services.imports import (
    ImportFileError,
    RegisterImportRefused,
    check_ledger,
    import_ledger,
    write_import_template,
    write_ledger_errors,
)
from labapp.services.imports import _ledger as ledger_service
from labapp.services.register import RegisterFilter

TODAY = date(2025, 6, 1)
REFERENCE_TABLES = (
    LaboratoryRow, DepartmentRow, LocationRow, PersonRow, ProviderRow, ProcedureRow
)  # fmt: skip


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=40, years=1, today=TODAY))
    return db


def _names(db: Database) -> dict[str, str]:
    with db.read() as s:
        return {
            "location": s.scalars(select(LocationRow.name).order_by(LocationRow.id)).first(),
            "provider": s.scalars(select(ProviderRow.name).order_by(ProviderRow.id)).first(),
            "procedure": s.scalars(select(ProcedureRow.code).order_by(ProcedureRow.id)).first(),
            "custodian": s.scalars(select(PersonRow.login).order_by(PersonRow.id)).first(),
        }  # type: ignore[return-value]


def _snapshot(db: Database) -> tuple[Any, ...]:
    """Everything an import could touch: the instruments and the audit log, row by row."""
    with db.read() as s:
        instruments = s.execute(select(InstrumentRow.__table__).order_by(InstrumentRow.id)).all()
        audit = s.execute(select(AuditLogRow.__table__).order_by(AuditLogRow.id)).all()
    return tuple(instruments), tuple(audit)


def _filled_template(db: Database, tmp_path: Path, rows: list[list[object]]) -> Path:
    template = write_import_template(db, tmp_path / "template.xlsx", "zh_CN")
    wb = openpyxl.load_workbook(template)
    sheet = wb["台账"]
    headers = [str(c.value).rstrip(" *") for c in sheet[1]]
    for r, row in enumerate(rows, start=2):
        for header, value in zip(HEADERS, row, strict=True):
            sheet.cell(r, headers.index(header) + 1, value)
    wb.save(tmp_path / "filled.xlsx")
    return tmp_path / "filled.xlsx"


HEADERS = ["资产编号", "名称", "测量量", "测量范围下限", "测量范围上限", "测量范围单位",
           "准确度类型", "准确度数值", "准确度单位", "存放地点", "检定/校准机构",
           "检定规程/校准规范", "保管人", "检定周期(月)", "上次检定日期", "有效期至", "证书编号",
           "检定结果", "检定方式", "原值", "购置日期"]  # fmt: skip


def _good(names: dict[str, str], tag: str, **over: object) -> list[object]:
    row: dict[str, object] = {
        "资产编号": tag, "名称": "数字多用表", "测量量": "DC voltage", "测量范围下限": 0,
        "测量范围上限": "1000.0", "测量范围单位": "V", "准确度类型": "最大允许误差",
        "准确度数值": "0,0035", "准确度单位": "mV", "存放地点": names["location"],
        "检定/校准机构": names["provider"], "检定规程/校准规范": names["procedure"],
        "保管人": names["custodian"], "检定周期(月)": 12, "上次检定日期": date(2025, 3, 5),
        "有效期至": date(2026, 3, 4), "证书编号": "JZ-2025-0311", "检定结果": "合格",
        "检定方式": "外校", "原值": "12800.00", "购置日期": date(2019, 5, 20),
    }  # fmt: skip
    row.update({HEADERS[int(k[1:])]: v for k, v in over.items()})
    return [row[h] for h in HEADERS]


def test_filled_template_imports_every_row_audited(lab: Database, tmp_path: Path) -> None:
    names = _names(lab)
    path = _filled_template(lab, tmp_path, [_good(names, f"NEW-{i}") for i in range(3)])
    check = check_ledger(lab, path)
    assert check.ok, check.errors
    assert import_ledger(lab, "li.wei", check).instruments == 3
    with lab.read() as s:
        row = s.scalars(select(InstrumentRow).where(InstrumentRow.asset_tag == "NEW-1")).one()
        audit = s.scalars(
            select(AuditLogRow).where(
                AuditLogRow.entity == "instruments", AuditLogRow.entity_id == str(row.id)
            )
        ).one()
        assert row.location is not None and row.location.name == names["location"]
        assert row.custodian is not None and row.custodian.login == names["custodian"]
        assert row.procedure is not None and row.procedure.code == names["procedure"]
        assert row.laboratory_id == row.location.laboratory_id
        assert str(row.range_high_value) == "1000.0" and str(row.accuracy_value) == "0.0035"
        assert row.accuracy_kind is AccuracyKind.MPE and row.range_low_unit == "V"
        assert row.due_on == date(2026, 3, 4)  # 有效期至 as the certificate states it
        assert (row.last_valid_until, row.last_certificate_no) == (date(2026, 3, 4), "JZ-2025-0311")
        assert (row.last_result, row.calibration_method, row.last_event_kind) == (
            EventResult.PASS,
            CalibrationMethod.EXTERNAL,
            EventKind.CALIBRATION,
        )
        assert (str(row.purchase_value), row.purchased_on) == ("12800.00", date(2019, 5, 20))
        assert (audit.user_name, audit.reason) == ("li.wei", "imported from filled.xlsx")


BAD_CASES = [
    # (column index in HEADERS, value, code, an English word, a Chinese word, column reported)
    (14, "2025年13月5日", "impossible_date", "not a real date", "不是有效日期", 14),
    (14, "last spring", "not_a_date", "not a date", "不是日期", 14),
    (3, "1,234", "ambiguous_separator", "ambiguous", "有歧义", 3),
    (4, "10 V", "not_a_number", "not a number", "不是数值", 4),
    (2, "mass", "unit_quantity_mismatch", "not a unit of", "单位", 5),
    (8, "°C", "incommensurable", "same kind", "同一类量", 7),  # marked on the value it states
    (5, "volts", "bad_unit", "unknown unit", "无法识别的单位", 5),
    (9, "Room 999", "missing_location", "Room 999", "Room 999", 9),
    (10, "Nobody Lab", "missing_provider", "Nobody Lab", "Nobody Lab", 10),
    (11, "JJG 000-1900", "missing_procedure", "JJG 000-1900", "JJG 000-1900", 11),
    (12, "no.such.login", "missing_custodian", "no.such.login", "no.such.login", 12),
    (13, 0, "period_out_of_range", "between 1 month", "1 个月", 13),
    (4, "-5", "range_order", "must go up", "从小到大", 4),
]


@pytest.mark.parametrize(("col", "value", "code", "en", "zh", "at"), BAD_CASES)
def test_bad_cell_reported_in_both_languages_and_nothing_written(
    lab: Database, tmp_path: Path, col: int, value: object, code: str, en: str, zh: str, at: int
) -> None:
    names = _names(lab)
    rows = [_good(names, "OK-1"), _good(names, "BAD-1", **{f"c{col}": value})]
    path = _filled_template(lab, tmp_path, rows)
    before = _snapshot(lab)
    check = check_ledger(lab, path)
    assert not check.ok and {e.row for e in check.errors} == {3}  # only the bad line's cells
    error = next(e for e in check.errors if e.code == code)
    assert (error.row, error.code, error.header) == (3, code, HEADERS[at])
    assert en in error.message_en and zh in error.message_zh
    with pytest.raises(RegisterImportRefused):
        import_ledger(lab, "li.wei", check)
    assert _snapshot(lab) == before


def test_existing_tag_and_tag_twice_in_the_file(lab: Database, tmp_path: Path) -> None:
    names = _names(lab)
    with lab.read() as s:
        taken = s.scalars(select(InstrumentRow.asset_tag)).first()
    rows = [_good(names, str(taken)), _good(names, "TWICE"), _good(names, "twice")]
    check = check_ledger(lab, _filled_template(lab, tmp_path, rows))
    assert [(e.row, e.code) for e in check.errors] == [
        (2, "duplicate_existing"),
        (4, "duplicate_in_file"),
    ]
    assert "已存在" in check.errors[0].message_zh and "第 3 行" in check.errors[1].message_zh


def test_error_workbook_marks_the_cells_and_reads_back(lab: Database, tmp_path: Path) -> None:
    names = _names(lab)
    rows = [_good(names, "E-1", c13=0), _good(names, "E-2", c9="Room 999")]
    check = check_ledger(lab, _filled_template(lab, tmp_path, rows))
    out = write_ledger_errors(check, tmp_path / "errors.xlsx", "en")
    wb = openpyxl.load_workbook(out)
    listed = list(wb["errors"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[5]) for r in listed] == [
        (2, "period_out_of_range"),
        (3, "missing_location"),
    ]
    marked = next(e for e in check.errors if e.code == "missing_location")
    cell = wb["台账"][f"{marked.column}{marked.row}"]
    assert cell.value == "Room 999" and "no location" in cell.comment.text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"PK\x03\x04" + b"\0" * 64, "corrupt"),  # (a text file named .xlsx is read as CSV)
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le"),
         "password_protected"),
        (b"", "empty"),
    ],
)  # fmt: skip
def test_unreadable_file_refused_and_nothing_written(
    lab: Database, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "register.xlsx"
    path.write_bytes(content)
    before = _snapshot(lab)
    with pytest.raises(ImportFileError) as info:
        check_ledger(lab, path)
    assert info.value.reason == reason and info.value.message_zh
    assert _snapshot(lab) == before


def test_failure_half_way_rolls_everything_back(
    lab: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = _names(lab)
    path = _filled_template(lab, tmp_path, [_good(names, f"R-{i}") for i in range(5)])
    check = check_ledger(lab, path)
    real, calls = ledger_service._instrument_row, []

    def failing(record: Any, *args: Any) -> InstrumentRow:
        calls.append(record.asset_tag)
        if len(calls) == 4:
            raise OSError("disk gone")
        return real(record, *args)

    monkeypatch.setattr(ledger_service, "_instrument_row", failing)
    monkeypatch.setattr(ledger_service, "_PROGRESS_EVERY", 2)  # rows 1-2 flushed before it fails
    before = _snapshot(lab)
    with pytest.raises(OSError, match="disk gone"):
        import_ledger(lab, "li.wei", check)
    assert _snapshot(lab) == before


def test_tag_taken_after_the_check_rolls_back(lab: Database, tmp_path: Path) -> None:
    names = _names(lab)
    path = _filled_template(lab, tmp_path, [_good(names, "LATE-1"), _good(names, "LATE-2")])
    check = check_ledger(lab, path)
    from labapp.services.register import InstrumentData, create_instrument

    create_instrument(lab, "someone", InstrumentData(asset_tag="LATE-2", name="meanwhile"))
    before = _snapshot(lab)
    with pytest.raises(ValidationError) as info:
        import_ledger(lab, "li.wei", check)
    assert info.value.code == "duplicate"
    assert _snapshot(lab) == before


def _copy_reference_data(source: Database, target: Database) -> None:
    with source.engine.connect() as src, target.engine.begin() as dst:
        for row_class in REFERENCE_TABLES:
            table = row_class.__table__  # type: ignore[attr-defined]
            rows = [dict(r) for r in src.execute(select(table)).mappings()]
            if rows:
                dst.execute(insert(table), rows)


COMPARED = ("asset_tag", "name", "manufacturer", "model", "serial_no", "category", "quantity",
            "range_low_value", "range_low_unit", "range_high_value", "range_high_unit",
            "accuracy_kind", "accuracy_value", "accuracy_unit", "accuracy_class", "role", "level",
            "mandatory_verification", "status", "custodian_id", "location_id", "laboratory_id",
            "interval_months", "provider_id", "procedure_id", "last_calibrated_on", "due_on",
            "notes")  # fmt: skip


def _register(db: Database) -> dict[str, tuple[str, ...]]:
    """Every compared field as text (so "10.00" and "10.0" differ), by asset tag."""
    columns = [getattr(InstrumentRow, name) for name in COMPARED]
    with db.read() as s:
        return {row[0]: tuple(map(str, row)) for row in s.execute(select(*columns))}


def _expected_after_import(lab: Database) -> dict[str, tuple[str, ...]]:
    """The lab's register, except that an instrument whose last result failed has no due date in
    the lab, and gets one in the new database: a register workbook has no results, so the import
    computes every due date from the last calibration and the interval."""
    expected = _register(lab)
    due = COMPARED.index("due_on")
    with lab.read() as s:
        for row in s.scalars(select(InstrumentRow)):
            if latest_result_failed(s, row.id) and row.last_calibrated_on is not None:
                assert row.due_on is None
                last = row.last_calibrated_on
                computed = last + relativedelta(months=row.interval_months)
                fields = list(expected[row.asset_tag])
                fields[due] = str(computed)
                expected[row.asset_tag] = tuple(fields)
    return expected


UNIT_COLUMNS = ("range_low_unit", "range_high_unit", "accuracy_unit")


def assert_same(column: str, was: str, now: str) -> None:
    """Equal, or LabApp's spelling of the same value: a unit written with the micro sign (µV) is
    stored with the Greek μ (the same unit for the units module); a class written with its word
    ("1.6 级") is stored as its designation ("1.6", the accuracy kind says it is a class)."""
    if column in UNIT_COLUMNS and was != now:
        assert parse_unit(now) == parse_unit(was), (column, was, now)
    elif column == "accuracy_class" and was != now:
        assert was.endswith("级") and now == was.removesuffix("级").rstrip(), (column, was, now)
    else:
        assert now == was, (column, was, now)


@pytest.mark.parametrize("language", ["zh_CN", "en", "bilingual"])
def test_export_then_import_into_an_empty_database(
    lab: Database, tmp_path: Path, language: str
) -> None:
    exported = export_register(lab, tmp_path / "register.xlsx", language=language)  # type: ignore[arg-type]
    assert not exported.cancelled
    target = open_database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        _copy_reference_data(lab, target)
        check = check_ledger(target, exported.path)
        assert check.ok, check.errors[:3]
        assert import_ledger(target, "li.wei", check).instruments == 40
        got, want = _register(target), _expected_after_import(lab)
        assert got.keys() == want.keys()
        for tag, fields in want.items():
            for column, was, now in zip(COMPARED, fields, got[tag], strict=True):
                assert_same(column, was, now)
    finally:
        target.dispose()


def test_export_follows_the_register_filter(lab: Database, tmp_path: Path) -> None:
    flt = RegisterFilter(status=InstrumentStatus.IN_SERVICE, search="a")
    progress: list[int] = []
    result = export_register(
        lab, tmp_path / "some.xlsx", register_filter=flt, language="en", progress=progress.append
    )
    with lab.read() as s:
        expected = s.scalar(
            select(func.count())
            .select_from(InstrumentRow)
            .where(InstrumentRow.status == InstrumentStatus.IN_SERVICE)
        )
    assert 0 < result.rows_per_sheet["Register"] <= int(expected or 0)
    assert progress[-1] >= result.rows_per_sheet["Register"]
    cover = openpyxl.load_workbook(result.path)["Cover"]
    assert any("In service" in str(c.value) for row in cover.iter_rows() for c in row)


def test_filter_in_words_on_the_cover() -> None:
    from labapp.domain.due import DueState
    from labapp.services.exports._register import filter_text

    flt = RegisterFilter(search=" dmm ", status=InstrumentStatus.SEALED, due_state=DueState.OVERDUE)
    assert filter_text(flt, "en") == "search “dmm”; status = Sealed; due state = overdue"
    assert filter_text(flt, "zh_CN") == "搜索 “dmm”; 状态 = 封存; 到期状态 = 已超期"
    assert filter_text(RegisterFilter(location_id=3), "en", "Lab 101") == "location = Lab 101"
    assert filter_text(RegisterFilter(), "en") == ""


def test_cancelled_export_leaves_no_file(lab: Database, tmp_path: Path) -> None:
    target = tmp_path / "cancelled.xlsx"
    result = export_register(lab, target, cancel=lambda: True)
    assert result.cancelled and not target.exists()


def test_decimal_digits_survive_the_round_trip(lab: Database, tmp_path: Path) -> None:
    names = _names(lab)
    rows = [_good(names, "DIG-1", c3="0.000", c4="10.00", c7="1.50")]
    check = check_ledger(lab, _filled_template(lab, tmp_path, rows))
    import_ledger(lab, "li.wei", check)
    flt = RegisterFilter(search="DIG-1")
    exported = export_register(lab, tmp_path / "dig.xlsx", register_filter=flt)
    sheet = openpyxl.load_workbook(exported.path)["Register"]
    assert sheet["I2"].value == 10 and sheet["I2"].number_format == "0.00"
    digits = list(openpyxl.load_workbook(exported.path)["Reported digits"].values)
    assert ("DIG-1", "Range high", "10.00") in digits
    (record,) = read_ledger(exported.path).records  # what the import reads from the export
    assert record.range_high is not None and record.accuracy is not None
    assert [str(record.range_high.value), str(record.accuracy.value)] == ["10.00", "1.50"]
    assert record.range_low is not None
    assert str(record.range_low.value) == "0.000" and Decimal("0.000") == 0


def test_a_lab_s_own_ledger_with_merged_headers_and_text_dates(
    lab: Database, tmp_path: Path
) -> None:
    names = _names(lab)
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["某某计量站 仪器设备台账"])
    sheet.merge_cells("A1:G1")
    sheet.append(["设备编号", "器具名称", "测量范围", None, None, "检定日期", "存放地点"])
    sheet.append([None, None, "下限", "上限", "单位", None, None])
    for ref in ("A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:G3"):
        sheet.merge_cells(ref)
    sheet.append(["M-1", "压力表", "0", "1,6", "MPa", "2025年3月5日", names["location"]])
    sheet.append(["M-2", "压力表", 0, 2.50, "MPa", "2025/3/6", names["location"]])
    path = tmp_path / "ledger.xlsx"
    wb.save(path)
    check = check_ledger(lab, path)
    assert check.ok, check.errors
    assert import_ledger(lab, "li.wei", check).instruments == 2
    with lab.read() as s:
        rows = {
            r.asset_tag: (str(r.range_high_value), r.range_high_unit, r.last_calibrated_on)
            for r in s.scalars(select(InstrumentRow).where(InstrumentRow.asset_tag.like("M-%")))
        }
    assert rows == {
        "M-1": ("1.6", "MPa", date(2025, 3, 5)),
        "M-2": ("2.5", "MPa", date(2025, 3, 6)),
    }


def test_a_name_two_people_share_is_ambiguous_the_login_is_not(
    lab: Database, tmp_path: Path
) -> None:
    names = _names(lab)
    with lab.unit_of_work("admin") as uow:
        for login in ("wang.fang.1", "wang.fang.2"):
            uow.session.add(PersonRow(name="王芳", login=login))
        uow.commit()
    rows = [_good(names, "P-1", c12="王芳"), _good(names, "P-2", c12="wang.fang.2")]
    check = check_ledger(lab, _filled_template(lab, tmp_path, rows))
    (error,) = check.errors
    assert (error.row, error.code, error.header) == (2, "ambiguous_custodian", "保管人")
    assert "登录名" in error.message_zh and "login" in error.message_en
