"""The column mapping: detected, shown as JSON, edited, passed back, remembered per layout; and the
headings it recognises (synonyms, full-width forms, units in headings)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from ledger_books import openpyxl_book

from labapp.domain.enums import AccuracyKind, Reverification
from labapp.domain.quantities import Measured
from labapp.io.excel import lookup_key
from labapp.io.ledger import (
    ColumnMapping,
    LedgerFileError,
    detect_ledger_mapping,
    match_heading,
    read_ledger,
)

HEADINGS = ["序号", "设备名称", "统一编号", "有效期", "检定周期（年）", "原值（万元）", "存放位置"]
ROWS = [
    ["某公司设备台账"],
    HEADINGS,
    [1, "压力表", "A-1", "2026-05-31", 1, "0.035", "泵房"],
    [2, "温度计", "A-2", "2026-06-30", 2, 0.12, "化验室"],
]


def ledger(tmp_path: Path, rows: list[list[object]] | None = None, name: str = "l.xlsx") -> Path:
    return openpyxl_book(tmp_path / name, rows or ROWS)


@pytest.mark.parametrize(
    ("heading", "field", "unit"),
    [
        ("计量器具名称", "name", None),
        ("器具名称", "name", None),
        ("仪器名称", "name", None),
        ("型号/规格", "model", None),
        ("型号规格", "model", None),
        ("编号", "serial_no", None),
        ("序列号", "serial_no", None),
        ("内部编号", "asset_tag", None),
        ("统一编号", "asset_tag", None),
        ("资产编号 / Asset tag", "asset_tag", None),
        ("量程", "range", None),
        ("测量范围(MPa)", "range", "MPa"),
        ("测量范围／mm", "range", "mm"),
        ("精度", "accuracy", None),
        ("不确定度", "accuracy", None),
        ("校准周期", "interval_months", None),
        ("周期（月）", "interval_months", "月"),
        ("检定(校准)日期", "last_calibrated_on", None),
        ("上次检定日期", "last_calibrated_on", None),
        ("下次检定日期", "valid_until", None),
        ("到期日期", "valid_until", None),
        ("使用单位", "department", None),
        ("责任人", "custodian", None),
        ("检定单位", "provider", None),
        ("校准机构", "provider", None),
        ("结论", "last_result", None),
        ("生产厂家", "manufacturer", None),
        ("原值/元", "purchase_value", "元"),
        ("原值（单位：万元）", "purchase_value", "万元"),
        ("购置日期", "purchased_on", None),
        ("备注", "notes", None),
        ("＊计量器具名称", "name", None),
        ("ＳＥＲＩＡＬ　ＮＯ．", "serial_no", None),
        ("名称 Name", "name", None),
        ("序号", "ignore", None),
    ],
)
def test_headings_labs_write(heading: str, field: str, unit: str | None) -> None:
    found = match_heading(heading)
    assert found is not None and found.field == field
    from labapp.io.ledger._headings import unit_hint

    assert unit_hint(found.field, found.hints) == unit


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("准确度等级", AccuracyKind.CLASS),
        ("最大允许误差", AccuracyKind.MPE),
        ("扩展不确定度(k=2)", AccuracyKind.UNCERTAINTY),
        ("准确度等级 / Accuracy class", AccuracyKind.CLASS),
        ("准确度", None),
    ],
)
def test_headings_that_name_the_accuracys_kind(heading: str, kind: AccuracyKind | None) -> None:
    found = match_heading(heading)
    assert found is not None and found.field == "accuracy" and found.accuracy_kind is kind


def test_a_heading_containing_a_known_one_matches_with_low_confidence() -> None:
    found = match_heading("仪器设备名称及规格", contains=True)
    assert found is not None and found.field == "name" and found.confidence < 0.7
    assert match_heading("仪器设备名称及规格") is None  # not while looking for the heading row
    nxt = match_heading("下次校准时间", contains=True)
    assert nxt is not None and nxt.field == "valid_until"


def test_detected_mapping_as_json(tmp_path: Path) -> None:
    mapping = detect_ledger_mapping(ledger(tmp_path))
    data = json.loads(mapping.to_json())
    assert data["format"] == "labapp-ledger-mapping" and data["version"] == 1
    assert (data["sheets"], data["header_row"], data["heading_rows"]) == (["台账"], 2, 1)
    columns = {c["column"]: c for c in data["columns"]}
    assert {k: c["field"] for k, c in columns.items()} == {
        "A": "ignore", "B": "name", "C": "asset_tag", "D": "valid_until",
        "E": "interval_months", "F": "purchase_value", "G": "location",
    }  # fmt: skip
    assert (columns["E"]["unit"], columns["F"]["unit"]) == ("年", "万元")
    assert ColumnMapping.from_json(mapping.to_json()) == mapping
    assert mapping.missing == () and mapping.unmapped == () and mapping.confidence > 0.9


def test_units_in_headings_scale_the_values(tmp_path: Path) -> None:
    result = read_ledger(ledger(tmp_path))
    assert result.errors == []
    first, second = result.records
    assert (first.interval_months, second.interval_months) == (1 * 12, 2 * 12)
    assert first.reverification is Reverification.PERIODIC
    assert first.purchase_value == Decimal("0.035") * 10000
    assert second.purchase_value == Decimal("0.12") * 10000
    assert str(first.purchase_value) == str(Decimal("0.035") * 10000)


def test_the_user_corrects_a_column_and_passes_the_mapping_back(tmp_path: Path) -> None:
    rows = [["名称", "设备编号", "有效期", "检定日期"], ["压力表", "A-1", "1年", "2025-06-01"]]
    path = ledger(tmp_path, rows)
    detected = detect_ledger_mapping(path)
    assert detected.fields["valid_until"].column == "C"
    refused = read_ledger(path, detected)  # 有效期 here holds periods, not dates
    assert [(e.column, e.code) for e in refused.errors] == [("C", "not_a_date")]
    edited = detected.with_field("C", "interval_months")
    result = read_ledger(path, ColumnMapping.from_json(edited.to_json()))
    assert result.errors == []
    (record,) = result.records
    assert (record.interval_months, record.valid_until) == (12, None)
    assert record.last_calibrated_on == date(2025, 6, 1)


def test_moving_a_field_frees_its_old_column_to_the_notes(tmp_path: Path) -> None:
    rows = [["名称", "设备编号", "备注", "说明"], ["压力表", "A-1", "旧表", "见附件"]]
    path = ledger(tmp_path, rows)
    detected = detect_ledger_mapping(path)
    assert detected.fields["notes"].column == "C" and [c.column for c in detected.unmapped] == ["D"]
    (record,) = read_ledger(path).records
    assert record.notes == "旧表\n说明: 见附件"
    moved = detected.with_field("D", "notes")
    assert moved.fields["notes"].column == "D" and [c.column for c in moved.unmapped] == ["C"]
    (record,) = read_ledger(path, moved).records
    assert record.notes == "见附件\n备注: 旧表"


def test_fingerprint_is_the_layout_not_the_data(tmp_path: Path) -> None:
    first = detect_ledger_mapping(ledger(tmp_path))
    other_data = [*ROWS[:2], [9, "天平", "B-9", "2027-01-01", 1, "1", "天平室"]]
    same_layout = detect_ledger_mapping(ledger(tmp_path, other_data, "other.xlsx"))
    full_width = [ROWS[0], ["序号", "设备名称", "统一编号", "有效期", "检定周期(年)", "原值(万元)",
                            "存放位置"], ROWS[2]]  # fmt: skip
    folded_same = detect_ledger_mapping(ledger(tmp_path, full_width, "fw.xlsx"))
    changed = [ROWS[0], [*HEADINGS, "颜色"], ROWS[2]]
    other_layout = detect_ledger_mapping(ledger(tmp_path, changed, "changed.xlsx"))
    assert first.fingerprint == same_layout.fingerprint == folded_same.fingerprint
    assert other_layout.fingerprint != first.fingerprint


def test_a_mapping_is_never_applied_to_another_layout(tmp_path: Path) -> None:
    mapping = detect_ledger_mapping(ledger(tmp_path))
    moved = [ROWS[0], ["设备名称", "序号", "统一编号", "有效期", "检定周期（年）", "原值（万元）",
                       "存放位置"], ["压力表", 1, "A-1", "2026-05-31", 1, "1", "泵房"]]  # fmt: skip
    with pytest.raises(LedgerFileError) as caught:
        read_ledger(ledger(tmp_path, moved, "moved.xlsx"), mapping)
    assert caught.value.reason == "mapping_mismatch"
    assert "moved.xlsx" in caught.value.message_en and "列映射" in caught.value.message_zh


BAD_MAPPINGS = [
    ("not json", "not JSON"),
    ('{"format": "other"}', "not a LabApp ledger mapping"),
    ('{"format": "labapp-ledger-mapping", "version": 7}', "version 7"),
]


@pytest.mark.parametrize(("text", "says"), BAD_MAPPINGS)
def test_unusable_mapping_files(text: str, says: str) -> None:
    with pytest.raises(LedgerFileError) as caught:
        ColumnMapping.from_json(text)
    assert caught.value.reason == "bad_mapping" and says in caught.value.message_en
    assert "列映射无法使用" in caught.value.message_zh


@pytest.mark.parametrize(
    ("change", "says_en", "says_zh"),
    [
        ({"columns": [{"column": "B", "field": "colour"}]}, "'colour' is not a ledger field",
         "不是台账字段"),
        ({"columns": [{"column": "b1", "field": "name"}]}, "is not a column letter", "不是列号"),
        ({"columns": [{"column": "B", "field": "name"}, {"column": "C", "field": "name"}]},
         "name is held by two columns", "同时对应两列"),
        ({"columns": [{"column": "E", "field": "interval_months", "unit": "周"}]},
         "is not a unit for interval_months", "不是该字段可用的单位"),
        ({"columns": [{"column": "F", "field": "range", "unit": "Mpa"}]},
         "is not a unit for range", "不是该字段可用的单位"),
        ({"columns": [{"column": "F", "field": "accuracy", "k": "0"}]}, "k must be above 0",
         "必须大于 0"),
        ({"heading_rows": 3}, '"heading_rows" 1 or 2', "须为 1 或 2"),
        ({"header_row": True}, '"header_row" must be a row number', "须为行号"),
        ({"tag_pattern": "LAB-{n}"}, "exactly one {seq}", "一个 {seq}"),
        ({"tag_pattern": "LAB-{seq:x.y}"}, "integer format", "整数格式"),
    ],
)  # fmt: skip
def test_edited_mappings_that_cannot_be_used(
    tmp_path: Path, change: dict[str, object], says_en: str, says_zh: str
) -> None:
    data = json.loads(detect_ledger_mapping(ledger(tmp_path)).to_json()) | change
    with pytest.raises(LedgerFileError) as caught:
        ColumnMapping.from_json(json.dumps(data))
    assert says_en in caught.value.message_en and says_zh in caught.value.message_zh


def test_no_tag_column_then_a_pattern_numbers_the_items(tmp_path: Path) -> None:
    rows = [["仪器名称", "出厂编号", "测量范围"], ["压力表", "111", "0~1MPa"],
            ["压力表", "111", "0~1MPa"], ["温度计", "7", "0~100℃"]]  # fmt: skip
    path = ledger(tmp_path, rows)
    with pytest.raises(LedgerFileError) as caught:
        read_ledger(path)
    assert caught.value.reason == "no_tag"
    assert "LAB-{seq:05}" in caught.value.message_en and "编号规则" in caught.value.message_zh
    existing = {"LAB-001", "lab-003"}
    result = read_ledger(path, tag_pattern="LAB-{seq:03}", existing_asset_tags=existing)
    taken = {lookup_key(t) for t in existing}
    expected = [t for t in (f"LAB-{n:03}" for n in range(1, 10)) if lookup_key(t) not in taken]
    assert [r.asset_tag for r in result.records] == expected[:3]
    assert all(r.tag_generated for r in result.records) and result.errors == []
    assert result.mapping.tag_pattern == "LAB-{seq:03}"


def test_a_pattern_fills_blank_tags_without_repeating_the_files_own(tmp_path: Path) -> None:
    rows = [["名称", "管理编号"], ["压力表", None], ["温度计", "T-0002"], ["天平", ""]]
    result = read_ledger(ledger(tmp_path, rows), tag_pattern="T-{seq:04}")
    assert result.errors == []
    assert [(r.asset_tag, r.tag_generated) for r in result.records] == [
        ("T-0001", True), ("T-0002", False), ("T-0003", True),
    ]  # fmt: skip


def test_a_ledger_without_names_is_refused(tmp_path: Path) -> None:
    rows = [["设备编号", "出厂编号", "测量范围"], ["A-1", "1", "0~1MPa"]]
    with pytest.raises(LedgerFileError) as caught:
        read_ledger(ledger(tmp_path, rows))
    assert caught.value.reason == "no_name" and "器具名称" in caught.value.message_zh


def test_a_column_the_user_maps_takes_the_unit_its_heading_states(tmp_path: Path) -> None:
    rows = [["名称", "设备编号", "尺寸范围(mm)", "复校间隔"], ["塞规", "S-1", "0~25", "2"]]
    path = ledger(tmp_path, rows)
    detected = detect_ledger_mapping(path)
    assert [c.heading for c in detected.unmapped] == ["尺寸范围(mm)", "复校间隔"]
    (as_notes,) = read_ledger(path, detected).records
    assert as_notes.notes == "尺寸范围(mm): 0~25\n复校间隔: 2" and as_notes.range_low is None
    mapped = detected.with_field("C", "range").with_field("D", "interval_months", unit="年")
    assert (mapped.fields["range"].unit, mapped.fields["interval_months"].unit) == ("mm", "年")
    (record,) = read_ledger(path, ColumnMapping.from_json(mapped.to_json())).records
    assert (record.range_low, record.range_high) == (
        Measured(Decimal("0"), "mm"), Measured(Decimal("25"), "mm"),
    )  # fmt: skip
    assert (record.interval_months, record.notes) == (2 * 12, None)
    with pytest.raises(LedgerFileError) as caught:
        detected.with_field("C", "range", unit="Mpa")
    assert "'Mpa' is not a unit for range" in caught.value.message_en
    with pytest.raises(LedgerFileError):
        detected.with_field("C", "colour")


def test_a_bare_number_column_beside_the_serial_is_the_tag(tmp_path: Path) -> None:
    rows = [["序号", "编号", "名称", "出厂编号"], [1, "JL-01", "压力表", "190311"]]
    mapping = detect_ledger_mapping(ledger(tmp_path, rows))
    assert {f: c.column for f, c in mapping.fields.items()} == {
        "asset_tag": "B", "name": "C", "serial_no": "D",
    }  # fmt: skip
    assert mapping.fields["asset_tag"].confidence < 1  # shown as a guess in the preview
    alone = detect_ledger_mapping(ledger(tmp_path, [["编号", "名称"], ["190311", "表"]], "b.xlsx"))
    assert alone.fields["serial_no"].column == "A" and "asset_tag" in alone.missing


@pytest.mark.parametrize(
    ("heading", "field"),
    [("Serial No", "serial_no"), ("Cal Due", "valid_until"), ("Cal Date", "last_calibrated_on"),
     ("Asset ID", "asset_tag"), ("Model No.", "model"), ("Cert No", "certificate_no"),
     ("检定/校准", "calibration_method"), ("溯源结论", "last_result")],
)  # fmt: skip
def test_more_spellings(heading: str, field: str) -> None:
    found = match_heading(heading)
    assert found is not None and found.field == field


def test_a_csv_mapping_serves_the_file_renamed_next_month(tmp_path: Path) -> None:
    from ledger_books import text_file

    rows = [["名称", "管理编号", "检定周期（月）"], ["压力表", "C-1", "6"]]
    mapping = detect_ledger_mapping(text_file(tmp_path / "2026-01.csv", rows, encoding="gbk"))
    later = text_file(tmp_path / "2026-02.csv", [*rows, ["温度计", "C-2", "12"]], encoding="gbk")
    result = read_ledger(later, ColumnMapping.from_json(mapping.to_json()))
    assert [(r.asset_tag, r.interval_months) for r in result.records] == [("C-1", 6), ("C-2", 12)]
    assert result.warnings == [] and result.errors == []
