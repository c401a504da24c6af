"""A lab's own ledger imported into LabApp (issue #15 phase B), on SQLite and PostgreSQL.

The tests build ledgers of different layouts (a merged title and an 编制/更新日期 line above the
headings; English and full-width headings with units; GBK and UTF-8-BOM CSV; a legacy .xls),
import them, read the instruments back from the database and compare every typed field; one bad
cell imports nothing; without "create missing" the missing master data is named cell by cell; and
LabApp's own register export imports into a fresh database with every exported field equal.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from ledger_files import text, xls, xlsx
from sqlalchemy import func, select

from labapp.domain.due import due_on
from labapp.domain.enums import (
    AccuracyKind,
    CalibrationMethod,
    EventKind,
    EventResult,
    InstrumentStatus,
    PersonRole,
    ProviderKind,
    Reverification,
)
from labapp.domain.quantities import Measured
from labapp.io.excel import Language
from labapp.io.register import DIGITS_SHEET_EN, DIGITS_SHEET_ZH, REGISTER_FIELDS
from labapp.metrology.units import parse_unit
from labapp.persistence.models import InstrumentRow, PersonRow, ProcedureRow, ProviderRow
from labapp.persistence.models_accounts import AccountRow
from labapp.persistence.models_master import DepartmentRow
from labapp.services.accounts import NewAccount
from labapp.services.database import Database, open_database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_register
from labapp.services.imports import (
    RegisterImportRefused,
    check_ledger,
    import_ledger,
    write_ledger_errors,
)
from labapp.services.laboratory import LabSettingsInput, setup_laboratory

LAB = LabSettingsInput(name="XX市计量检测中心", code="XXJ")
ADMIN = NewAccount("admin", "管理员", (PersonRole.ADMIN,), "first-admin-pw")


@pytest.fixture
def lab(db: Database) -> Database:
    """A database set up as a new lab is: one laboratory, its administrator, nothing else."""
    setup_laboratory(db, LAB, ADMIN)
    return db


def stored(db: Database) -> dict[str, dict[str, Any]]:
    """Every instrument by asset tag: its columns, and the names of what it refers to."""
    with db.read() as session:
        rows = session.scalars(select(InstrumentRow)).all()
        found = {}
        for row in rows:
            values = {c.key: getattr(row, c.key) for c in InstrumentRow.__table__.columns}
            values |= {
                "department": session.get(DepartmentRow, row.department_id).name
                if row.department_id
                else None,
                "location": row.location.name if row.location else None,
                "provider": row.provider.name if row.provider else None,
                "custodian": row.custodian.name if row.custodian else None,
                "procedure": row.procedure.code if row.procedure else None,
            }
            found[row.asset_tag] = values
        return found


def count(db: Database, table: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def expect(item: dict[str, Any], **fields: Any) -> None:
    """Compare the named fields; a typed field the test does not name must be empty."""
    typed = ("manufacturer", "model", "serial_no", "accuracy_class", "accuracy_coverage_factor",
             "accuracy_text", "range_text", "purchase_value", "purchased_on", "last_result",
             "last_certificate_no", "last_valid_until", "calibration_method", "provider",
             "department", "custodian", "location", "interval_months",
             "last_calibrated_on")  # fmt: skip
    for key in typed:
        fields.setdefault(key, None)
    for key, value in fields.items():
        if key in ("range_low", "range_high", "accuracy"):
            measured = Measured.of(item[f"{key}_value"], item[f"{key}_unit"])
            assert measured == value, key
            assert str(measured) == str(value), key  # the reported digits
        else:
            assert item[key] == value, key


# --- 1. a Chinese ledger: merged title, 编制/更新日期 line, units in headings -----------------

CHINESE = [
    ["XX市计量检测中心 计量器具台账"],
    ["编制：张三", None, None, None, None, "更新日期：2026-01-05"],
    ["序号", "计量器具名称", "型号/规格", "出厂编号", "管理编号", "测量范围", "准确度等级",
     "检定周期", "检定(校准)日期", "有效期至", "使用部门", "存放地点", "保管人", "检定方式",
     "检定机构", "证书编号", "设备状态", "原值/元", "备注"],
    [1, "压力表", "Y-100", "1903-A", "YB-001", "0~1.6MPa", "1.6级", "12个月", "2025/6/1",
     "2026-05-30", "动力车间", "泵房", "王芳", "外检", "市计量测试所", "JD2025-001", "合格",
     "350", None],
    [2, "温湿度计", "WS-1", "S9", "TH-004", "(10~90)%RH", "U=2.0%RH(k=2)", "24个月",
     "2024-03-15", "2026-03-14", "质检部", "理化室", "李伟", "外检", "省计量院", "C-4", "待检",
     "1.2万元", "备用"],
    [3, "电子秤", "ACS-30", "E1", "CZ-005", "0~30kg", "Ⅲ级", "随坏随换", None, None, "仓库",
     "库房", "赵六", "内检", None, None, "在用", None, None],
    ["制表人：李四"],
]  # fmt: skip


def chinese_ledger(path: Path) -> Path:
    return xlsx(path, CHINESE, merges=["A1:S1", "A7:S7"], sheet="计量器具台账")


def test_a_chinese_ledger_with_title_rows_creates_what_is_missing(
    lab: Database, tmp_path: Path
) -> None:
    check = check_ledger(lab, chinese_ledger(tmp_path / "台账.xlsx"), create_missing=True)
    assert check.errors == () and check.ok
    assert check.to_create == {
        "department": ("动力车间", "质检部", "仓库"),
        "location": ("泵房", "理化室", "库房"),
        "provider": ("市计量测试所", "省计量院"),
        "custodian": ("王芳", "李伟", "赵六"),
    }
    people_before = count(lab, PersonRow)
    done = import_ledger(lab, "admin", check)
    assert done.instruments == 3
    assert done.created == {"department": 3, "location": 3, "provider": 2, "custodian": 3}
    items = stored(lab)
    expect(
        items["YB-001"], name="压力表", model="Y-100", serial_no="1903-A",
        range_low=Measured(D("0"), "MPa"), range_high=Measured(D("1.6"), "MPa"),
        accuracy_kind=AccuracyKind.CLASS, accuracy_class="1.6", interval_months=12,
        reverification=Reverification.PERIODIC, last_calibrated_on=date(2025, 6, 1),
        last_valid_until=date(2026, 5, 30), due_on=date(2026, 5, 30),  # as stated, not 6-1
        department="动力车间", location="泵房", custodian="王芳",
        calibration_method=CalibrationMethod.EXTERNAL, provider="市计量测试所",
        last_certificate_no="JD2025-001", status=InstrumentStatus.IN_SERVICE,
        last_result=EventResult.PASS, purchase_value=D("350"),
    )  # fmt: skip
    expect(
        items["TH-004"], name="温湿度计", model="WS-1", serial_no="S9",
        range_low=Measured(D("10"), "%RH"), range_high=Measured(D("90"), "%RH"),
        accuracy_kind=AccuracyKind.UNCERTAINTY, accuracy=Measured(D("2.0"), "%RH"),
        accuracy_coverage_factor=D("2"), interval_months=24,
        last_calibrated_on=date(2024, 3, 15), last_valid_until=date(2026, 3, 14),
        due_on=date(2026, 3, 14),  # 待检 is out of service: still due on 有效期至
        department="质检部", location="理化室", custodian="李伟",
        calibration_method=CalibrationMethod.EXTERNAL, provider="省计量院",
        last_certificate_no="C-4", status=InstrumentStatus.OUT_OF_SERVICE,
        purchase_value=D("1.2") * 10000, notes="备用",
    )  # fmt: skip
    expect(
        items["CZ-005"], name="电子秤", model="ACS-30", serial_no="E1",
        range_low=Measured(D("0"), "kg"), range_high=Measured(D("30"), "kg"),
        accuracy_kind=AccuracyKind.CLASS, accuracy_class="III",
        reverification=Reverification.ON_FAILURE, due_on=None,  # 随坏随换: never due
        department="仓库", location="库房", custodian="赵六",
        calibration_method=CalibrationMethod.IN_HOUSE, status=InstrumentStatus.IN_SERVICE,
    )  # fmt: skip
    with lab.read() as session:
        people = session.execute(
            select(PersonRow.id, PersonRow.login).where(PersonRow.name.in_(["王芳", "李伟"]))
        ).all()
        accounts = session.scalar(
            select(func.count()).select_from(AccountRow)
            .where(AccountRow.person_id.in_([p.id for p in people]))
        )  # fmt: skip
        kinds = dict(session.execute(select(ProviderRow.name, ProviderRow.kind)).all())
    assert count(lab, PersonRow) == people_before + 3 and accounts == 0  # people, no accounts
    assert len({p.login for p in people}) == 2
    assert kinds == {"市计量测试所": ProviderKind.LEGAL_BODY, "省计量院": ProviderKind.LEGAL_BODY}


def test_the_import_is_audited_as_imported_from_the_file(lab: Database, tmp_path: Path) -> None:
    check = check_ledger(lab, chinese_ledger(tmp_path / "台账.xlsx"), create_missing=True)
    import_ledger(lab, "admin", check)
    from labapp.persistence.models import AuditLogRow

    with lab.read() as session:
        reasons = set(
            session.scalars(
                select(AuditLogRow.reason).where(AuditLogRow.entity.in_(["instruments", "persons"]))
            )
        )
    assert "imported from 台账.xlsx" in reasons


# --- 2. all or nothing; missing master data named -------------------------------------------


def test_one_bad_cell_imports_nothing(lab: Database, tmp_path: Path) -> None:
    rows = [list(r) for r in CHINESE]
    rows[4][8] = "2024-13-45"  # 检定日期 of TH-004
    check = check_ledger(lab, xlsx(tmp_path / "bad.xlsx", rows), create_missing=True)
    assert [(e.row, e.column) for e in check.errors] == [(5, "I")]
    before = (count(lab, InstrumentRow), count(lab, DepartmentRow), count(lab, PersonRow))
    with pytest.raises(RegisterImportRefused):
        import_ledger(lab, "admin", check)
    assert (count(lab, InstrumentRow), count(lab, DepartmentRow), count(lab, PersonRow)) == before
    out = write_ledger_errors(check, tmp_path / "bad.errors.xlsx", "zh_CN")
    marked = openpyxl.load_workbook(out)["台账"]["I5"]
    assert marked.comment is not None and marked.fill.start_color.rgb.endswith("FFC7CE")


def test_without_create_missing_each_missing_name_is_a_bad_cell(
    lab: Database, tmp_path: Path
) -> None:
    check = check_ledger(lab, chinese_ledger(tmp_path / "台账.xlsx"))
    assert not check.ok and check.to_create == {}
    found = {(e.row, e.column, e.code, e.value) for e in check.errors}
    line = {4: CHINESE[3], 5: CHINESE[4], 6: CHINESE[5]}
    columns = {"department": ("K", 10), "location": ("L", 11), "custodian": ("M", 12),
               "provider": ("O", 14)}  # fmt: skip
    expected = {
        (row, letter, f"missing_{kind}", values[index])
        for row, values in line.items()
        for kind, (letter, index) in columns.items()
        if values[index] is not None
    }
    assert found == expected
    department = next(e for e in check.errors if e.code == "missing_department")
    assert "动力车间" in department.message_en and "创建缺少的基础数据" in department.message_zh


def test_a_missing_name_is_marked_on_the_sheet_of_its_line(lab: Database, tmp_path: Path) -> None:
    headings = ["序号", "计量器具名称", "管理编号", "保管人"]
    book = openpyxl.Workbook()
    for title, rows in (("电学室", [[1, "万用表", "E-1", None]]),
                        ("热工室", [[1, "温度计", "T-1", "周明"]])):  # fmt: skip
        sheet = book.create_sheet(title)
        for row in [headings, *rows]:
            sheet.append(row)
    book.remove(book["Sheet"])
    book.save(tmp_path / "by_room.xlsx")
    check = check_ledger(lab, tmp_path / "by_room.xlsx")
    assert [(e.sheet, e.row, e.column, e.code) for e in check.errors] == [
        ("热工室", 2, "D", "missing_custodian")
    ]
    marked = openpyxl.load_workbook(write_ledger_errors(check, tmp_path / "errors.xlsx", "en"))
    assert marked["热工室"]["D2"].comment is not None and marked["电学室"]["D2"].comment is None


# --- 3. English, full-width headings with units ---------------------------------------------


def test_english_full_width_headings_with_units(lab: Database, tmp_path: Path) -> None:
    rows = [
        ["ＥＱＵＩＰＭＥＮＴ　ＲＥＧＩＳＴＥＲ"],
        [],
        ["Ｎｏ．", "Equipment ID", "Description", "Ｍａｎｕｆａｃｔｕｒｅｒ", "Range (mm)",
         "MPE (mm)", "Period (years)", "Cal date", "Due date", "Dept.", "Price/万元",
         "Purchase date", "Status", "Method"],
        [1, "L-01", "Micrometer", "Mitutoyo", "0~25", "0.004", "1", "2025-09-01",
         "2026-08-31", "Metrology", "0.35", "2019-05-06", "In service", "in-house"],
        [2, "L-02", "Gauge block set", "Mitutoyo", "0.5~100", "0.00080", "2", "2025-09-02",
         None, "Metrology", None, None, "Sealed", "external"],
    ]  # fmt: skip
    check = check_ledger(lab, xlsx(tmp_path / "english.xlsx", rows), create_missing=True)
    assert check.errors == ()
    assert check.to_create == {"department": ("Metrology",)}
    import_ledger(lab, "admin", check)
    items = stored(lab)
    expect(
        items["L-01"], name="Micrometer", manufacturer="Mitutoyo",
        range_low=Measured(D("0"), "mm"), range_high=Measured(D("25"), "mm"),
        accuracy_kind=AccuracyKind.MPE, accuracy=Measured(D("0.004"), "mm"), interval_months=12,
        last_calibrated_on=date(2025, 9, 1), last_valid_until=date(2026, 8, 31),
        due_on=date(2026, 8, 31), department="Metrology", purchase_value=D("0.35") * 10000,
        purchased_on=date(2019, 5, 6), status=InstrumentStatus.IN_SERVICE,
        calibration_method=CalibrationMethod.IN_HOUSE,
    )  # fmt: skip
    expect(
        items["L-02"], name="Gauge block set", manufacturer="Mitutoyo",
        range_low=Measured(D("0.5"), "mm"), range_high=Measured(D("100"), "mm"),
        accuracy_kind=AccuracyKind.MPE, accuracy=Measured(D("0.00080"), "mm"),
        interval_months=24, last_calibrated_on=date(2025, 9, 2),
        due_on=due_on(date(2025, 9, 2), 24),  # no 有效期至: the interval's, as the dialog
        department="Metrology", status=InstrumentStatus.SEALED,
        calibration_method=CalibrationMethod.EXTERNAL,
    )  # fmt: skip


# --- 4. CSV: GBK as Chinese Excel saves it, UTF-8 with a BOM; a legacy .xls ------------------

FLAT = [
    ["设备编号", "设备名称", "规格型号", "测量范围", "最大允许误差", "检定周期", "检定日期",
     "有效期至", "使用部门", "状态"],
    ["WD-1", "工业铂热电阻", "WZP-231", "(-200~850)℃", "±0.5℃", "1年", "2025.07.01",
     "2026年6月30日", "质检部", "在用"],
    ["WD-2", "玻璃液体温度计", "A-50", "(0~50)℃", "±0.2℃", "一次性", "2025-10-08", None,
     "质检部", "封存"],
]  # fmt: skip


def check_flat(db: Database, path: Path) -> None:
    check = check_ledger(db, path, create_missing=True)
    assert check.errors == () and check.to_create == {"department": ("质检部",)}
    import_ledger(db, "admin", check)
    items = stored(db)
    expect(
        items["WD-1"], name="工业铂热电阻", model="WZP-231",
        range_low=Measured(D("-200"), "°C"), range_high=Measured(D("850"), "°C"),
        accuracy_kind=AccuracyKind.MPE, accuracy=Measured(D("0.5"), "°C"), interval_months=12,
        last_calibrated_on=date(2025, 7, 1), last_valid_until=date(2026, 6, 30),
        due_on=date(2026, 6, 30), department="质检部", status=InstrumentStatus.IN_SERVICE,
    )  # fmt: skip
    expect(
        items["WD-2"], name="玻璃液体温度计", model="A-50",
        range_low=Measured(D("0"), "°C"), range_high=Measured(D("50"), "°C"),
        accuracy_kind=AccuracyKind.MPE, accuracy=Measured(D("0.2"), "°C"),
        reverification=Reverification.ONE_TIME, last_calibrated_on=date(2025, 10, 8),
        due_on=None, department="质检部", status=InstrumentStatus.SEALED,
    )  # fmt: skip


@pytest.mark.parametrize(("encoding", "bom"), [("gbk", False), ("utf-8", True)])
def test_csv_ledgers(lab: Database, tmp_path: Path, encoding: str, bom: bool) -> None:
    check_flat(lab, text(tmp_path / "台账.csv", FLAT, encoding=encoding, bom=bom))


def test_a_legacy_xls_ledger(lab: Database, tmp_path: Path) -> None:
    rows = [["2026 年度计量器具台账", *[None] * 9], *FLAT]
    check_flat(lab, xls(tmp_path / "台账.xls", rows, title_columns=10))


def test_a_csv_errors_come_back_as_a_workbook(lab: Database, tmp_path: Path) -> None:
    rows = [list(r) for r in FLAT]
    rows[1][3] = "(850~-200)℃"  # the range goes down
    check = check_ledger(lab, text(tmp_path / "bad.csv", rows, encoding="gbk"))
    assert {(e.row, e.column) for e in check.errors} >= {(2, "D")}
    out = write_ledger_errors(check, tmp_path / "bad.errors.xlsx", "en")
    book = openpyxl.load_workbook(out)
    copy = book["bad"]  # the CSV's rows, as a sheet named after the file
    assert [c.value for c in copy[2]][:4] == rows[1][:4]
    assert copy["D2"].comment is not None and copy["D2"].fill.start_color.rgb.endswith("FFC7CE")
    assert copy["C2"].comment is None


# --- 5. LabApp's own export into a fresh database -------------------------------------------


# Every field of the register file, and the instrument column it is stored in; the columns the
# file does not carry are named with the reason (ids, the lab's own bookkeeping, the due date the
# import works out from 有效期至 or the interval, a retired item's reason).
STORED_AS = {"range_low": "range_low_value", "range_high": "range_high_value",
             "range_unit": "range_high_unit",
             "coverage_factor": "accuracy_coverage_factor", "valid_until": "last_valid_until",
             "certificate_no": "last_certificate_no"}  # fmt: skip
NOT_IN_FILE = {"id", "custodian_id", "location_id", "laboratory_id", "provider_id", "procedure_id",
               "customer_id", "department_id", "due_on", "retired_reason", "version",
               "created_at", "created_by", "updated_at", "updated_by"}  # fmt: skip
UNIT_COLUMNS = ("range_low_unit", "range_high_unit", "accuracy_unit")


def ledger_fields(db: Database) -> None:
    """Give the first demo items every field migration 0012 added, one way of stating each:
    a department, 外校 with its certificate, a result, k, a range and an accuracy only text can
    hold, 随坏随换 / 一次性 instead of an interval, a purchase."""
    with db.unit_of_work("admin", "the ledger's fields") as uow:
        departments = [DepartmentRow(name=name) for name in ("电学室", "热工室")]
        uow.session.add_all(departments)
        uow.flush()
        rows = uow.session.scalars(select(InstrumentRow).order_by(InstrumentRow.asset_tag)).all()
        for i, row in enumerate(rows[:6]):
            row.department_id = departments[i % 2].id
            row.calibration_method = (CalibrationMethod.EXTERNAL, CalibrationMethod.IN_HOUSE)[i % 2]
            row.last_event_kind = (EventKind.CALIBRATION, EventKind.VERIFICATION, None)[i % 3]
            row.last_result = (EventResult.PASS, EventResult.LIMITED, EventResult.NO_DECISION)[
                i % 3
            ]
            row.last_certificate_no = f"JD2025-{i:03d}"
            row.last_calibrated_on = date(2025, 6, 1 + i)
            row.last_valid_until = date(2026, 5, 30 - i)
            row.purchase_value = D("12800.00") + i
            row.purchased_on = date(2019, 3, 1 + i)
        uncertain = rows[0]
        uncertain.quantity = "temperature"  # (the range below is in °C)
        uncertain.accuracy_kind = AccuracyKind.UNCERTAINTY
        uncertain.accuracy_value, uncertain.accuracy_unit = D("0.50"), "°C"
        uncertain.range_low_value, uncertain.range_low_unit = D("-40"), "°C"
        uncertain.range_high_value, uncertain.range_high_unit = D("150"), "°C"
        uncertain.accuracy_coverage_factor = D("2.0")
        uncertain.accuracy_class = None
        texts = rows[1]
        for column in (
            "range_low_value",
            "range_low_unit",
            "range_high_value",
            "range_high_unit",
            "accuracy_kind",
            "accuracy_value",
            "accuracy_unit",
            "accuracy_class",
        ):
            setattr(texts, column, None)
        texts.range_text = "(0~10) V; (0~100) V"
        texts.accuracy_text = "±(0.02 % 读数 + 2 字), 另加温度系数 0.001 %/℃ (超出 18~28 ℃ 时)"
        for row, why in ((rows[2], Reverification.ON_FAILURE), (rows[3], Reverification.ONE_TIME)):
            row.interval_months, row.reverification = None, why
        uow.commit()


@pytest.mark.parametrize("language", ["en", "zh_CN", "bilingual"])
def test_the_register_export_round_trips_into_a_fresh_database(
    lab: Database, tmp_path: Path, language: Language
) -> None:
    """LabApp's own export, imported into a fresh lab with "create missing", stores every field
    the file carries as it was, and exports again to the same file.

    Two values come back in LabApp's spelling, the same value for a metrologist, and the test
    says so rather than folding them away: a unit written with the micro sign (µV) is stored with
    the Greek μ (the same unit for the units module), and an accuracy class written with its word
    级 ("1.6 级") is stored as its designation "1.6" (the kind column already says it is a class).
    """
    source_path = tmp_path / "source.sqlite3"
    source = open_database(f"sqlite:///{source_path}")
    try:
        seed_demo(source, DemoOptions(instruments=30, years=1, seed=5))
        ledger_fields(source)
        before = stored(source)
        exported = export_register(source, tmp_path / "register.xlsx", language=language).path
    finally:
        source.dispose()
    check = check_ledger(lab, exported, create_missing=True)
    assert check.errors == (), check.errors[:3]
    assert {"location", "custodian", "provider", "procedure", "department"} <= set(check.to_create)
    import_ledger(lab, "admin", check)
    after = stored(lab)
    assert after.keys() == before.keys()
    columns = set(InstrumentRow.__table__.columns.keys()) - NOT_IN_FILE
    exported_columns = {STORED_AS.get(f.key, f.key) for f in REGISTER_FIELDS}
    # 随坏随换 is written in the interval column, 外校 (external + calibration) in the method's
    assert columns - {"reverification", "last_event_kind"} <= exported_columns
    columns |= {"department", "location", "provider", "custodian", "procedure"}  # by name
    respelled = []
    for tag, item in before.items():
        for column in sorted(columns):
            was, now = item[column], after[tag][column]
            if column in UNIT_COLUMNS and was is not None and was != now:
                assert parse_unit(now) == parse_unit(was), (tag, column)  # the same unit
                respelled.append((was, now))
            elif column == "accuracy_class" and was != now:
                assert was.endswith("级") and now == was.removesuffix("级").rstrip(), (tag, was)
                respelled.append((was, now))
            else:
                assert now == was, (tag, column, was, now)
    for column in ("department", "calibration_method", "last_event_kind", "last_result",
                   "last_certificate_no", "last_valid_until", "accuracy_coverage_factor",
                   "accuracy_text", "range_text", "purchase_value", "purchased_on"):  # fmt: skip
        assert any(item[column] is not None for item in before.values()), column  # not vacuous
    assert {item["reverification"] for item in before.values()} > {Reverification.PERIODIC}
    assert any(was.endswith("级") for was, _ in respelled)
    assert any("\u00b5" in was for was, _ in respelled)
    assert str(after[min(after)]["purchase_value"]) == "12800.00"  # the digits as reported
    again = export_register(lab, tmp_path / "again.xlsx", language=language).path
    sheets = {"en": DIGITS_SHEET_EN, "zh_CN": DIGITS_SHEET_ZH}  # bilingual: "报告位数 Reported …"
    digits = sheets.get(language, f"{DIGITS_SHEET_ZH} {DIGITS_SHEET_EN}")
    assert sheet_rows(again, digits) == sheet_rows(exported, digits)
    assert count(lab, ProcedureRow) == len(check.to_create["procedure"])


def sheet_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))
