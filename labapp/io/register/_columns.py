"""The register ledger (仪器设备台账) as a file: its columns, the header synonyms, one imported row.

One table drives the template, the import and the register export, so a header the template writes
is always one the import recognises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from labapp.domain.enums import AccuracyKind, InstrumentStatus, Role, StandardLevel
from labapp.io.excel import ColumnKind, ColumnSpec, lookup_key

__all__ = [
    "DIGITS_SHEET_EN",
    "DIGITS_SHEET_ZH",
    "REGISTER_FIELDS",
    "RegisterField",
    "RegisterRow",
    "header_lookup",
    "register_columns",
]

K = ColumnKind


@dataclass(frozen=True)
class RegisterField:
    """One register column: headers, kind, accepted synonyms and the template's explanation."""

    key: str
    header_en: str
    header_zh: str
    kind: ColumnKind
    synonyms: tuple[str, ...]
    help_en: str
    help_zh: str
    required: bool = False


F = RegisterField
REGISTER_FIELDS: tuple[RegisterField, ...] = (
    F("asset_tag", "Asset tag", "资产编号", K.TEXT,
      ("设备编号", "资产号", "管理编号", "器具编号", "Asset No.", "Asset number", "Tag"),
      "Unique tag of the item in the lab (required).", "实验室内唯一的资产编号（必填）。", True),
    F("name", "Name", "名称", K.TEXT,
      ("器具名称", "设备名称", "计量器具名称", "仪器名称", "Instrument name", "Instrument"),
      "Name of the instrument or standard (required).", "计量器具或标准器名称（必填）。", True),
    F("manufacturer", "Manufacturer", "制造商", K.TEXT, ("生产厂家", "厂家", "制造厂", "Make"),
      "Manufacturer.", "制造厂商。"),
    F("model", "Model", "型号", K.TEXT, ("规格型号", "型号规格", "Type"), "Model.", "规格型号。"),
    F("serial_no", "Serial number", "出厂编号", K.TEXT, ("序列号", "Serial No.", "S/N", "Serial"),
      "Manufacturer's serial number.", "出厂编号（序列号）。"),
    F("category", "Category", "类别", K.TEXT, ("分类", "设备类别", "专业"), "Category.", "类别。"),
    F("quantity", "Quantity", "测量量", K.TEXT,
      ("被测量", "测量参数", "参量", "计量参数", "Measured quantity"),
      "Main measured quantity, e.g. DC voltage, temperature.", "主要被测量，如 直流电压、温度。"),
    F("range_low", "Range low", "测量范围下限", K.DECIMAL, ("下限", "Range min", "Range from"),
      "Lower end of the range (a number).", "测量范围下限（数值）。"),
    F("range_high", "Range high", "测量范围上限", K.DECIMAL, ("上限", "Range max", "Range to"),
      "Upper end of the range (a number).", "测量范围上限（数值）。"),
    F("range_unit", "Range unit", "测量范围单位", K.TEXT, ("范围单位", "单位", "Unit"),
      "Unit of the range, e.g. V, mA, °C, kPa.", "测量范围的单位，如 V、mA、°C、kPa。"),
    F("range_low_unit", "Range low unit", "下限单位", K.TEXT, ("测量范围下限单位", "Low unit"),
      "Unit of the lower end only when it differs from the range unit (else leave empty).",
      "仅当下限单位与测量范围单位不同时填写（否则留空）。"),
    F("range_text", "Range as written", "测量范围原文", K.TEXT, (),
      "A range LabApp cannot type (several ranges, no unit): kept as written, the range "
      "columns left empty.",
      "LabApp 无法分解的测量范围（多个量程、无单位）按原文保存，此时量程各列留空。"),
    F("accuracy_kind", "Accuracy kind", "准确度类型", K.ENUM, ("准确度表示方式", "Accuracy type"),
      "MPE, accuracy class or uncertainty.", "最大允许误差、准确度等级或不确定度。"),
    F("accuracy_value", "Accuracy value", "准确度数值", K.DECIMAL,
      ("最大允许误差", "允许误差", "MPE", "不确定度", "扩展不确定度", "Uncertainty"),
      "The MPE or uncertainty as a number.", "最大允许误差或不确定度的数值。"),
    F("accuracy_unit", "Accuracy unit", "准确度单位", K.TEXT, ("误差单位", "MPE unit"),
      "Unit of the accuracy value (same kind as the range).", "准确度数值的单位（与量程同类）。"),
    F("accuracy_class", "Accuracy class", "准确度等级", K.TEXT, ("精度等级", "Class"),
      "Accuracy class, e.g. 0.05, E2, class 1.", "准确度等级，如 0.05级、E2。"),
    F("coverage_factor", "Coverage factor k", "包含因子", K.DECIMAL, ("k",),
      "The k of an accuracy stated as an expanded uncertainty U (never assumed).",
      "以扩展不确定度 U 表示时的包含因子 k（不作假定）。"),
    F("accuracy_text", "Accuracy as written", "准确度原文", K.TEXT, (),
      "An accuracy LabApp cannot type (several terms, a formula): kept as written.",
      "LabApp 无法分解的准确度（多项、公式）按原文保存。"),
    F("role", "Role", "用途", K.ENUM, ("器具类型", "标准/工作"),
      "Measurement standard or working instrument.", "计量标准（标准器）或工作计量器具。"),
    F("level", "Level", "标准等级", K.ENUM, ("计量标准等级", "Standard level"),
      "For standards: primary, highest or working standard.", "计量标准的等级。"),
    F("mandatory_verification", "Mandatory verification", "强检", K.ENUM,
      ("强制检定", "是否强检", "Mandatory"),
      "Subject to mandatory (legal) verification: yes / no.", "是否属于强制检定：是 / 否。"),
    F("status", "Status", "状态", K.ENUM, ("使用状态", "设备状态"),
      "In service, out of service, sealed, ...", "在用、停用、封存……"),
    F("custodian", "Custodian", "保管人", K.TEXT, ("责任人", "使用人", "Keeper"),
      "Person responsible (must exist in LabApp).", "保管人（须为 LabApp 中已有人员）。"),
    F("location", "Location", "存放地点", K.TEXT, ("位置", "地点", "使用地点", "安装地点"),
      "Where it is kept (must exist in LabApp).", "存放地点（须为 LabApp 中已有地点）。"),
    F("department", "Department", "使用部门", K.TEXT, ("部门", "Dept."),
      "Department of use (must exist in LabApp).", "使用部门（须为 LabApp 中已有部门）。"),
    F("interval_months", "Interval (months)", "检定周期(月)", K.INTEGER,
      ("校准间隔", "校准周期(月)", "检定周期", "校准周期", "周期(月)", "Calibration interval",
       "Interval"),
      "Verification / calibration interval in whole months, or why there is none (one-time, "
      "replace when broken, exempt, before use).",
      "检定或校准周期，整月数；或不定期的原因（一次性、随坏随换、免检、使用前校准）。"),
    F("last_calibrated_on", "Last calibrated on", "上次检定日期", K.DATE,
      ("上次校准日期", "检定日期", "校准日期", "最近检定日期", "Last calibration",
       "Last calibrated"),
      "Date of the last verification or calibration (yyyy-mm-dd).",
      "上次检定/校准日期（年-月-日）。"),
    F("valid_until", "Valid until", "有效期至", K.DATE, ("下次检定日期", "Due date"),
      "The last certificate's valid-until date (yyyy-mm-dd); it is also the due date.",
      "上次证书的有效期至（年-月-日），即到期日。"),
    F("certificate_no", "Certificate number", "证书编号", K.TEXT, ("证书号", "Certificate No."),
      "Number of the last certificate.", "上次检定/校准证书编号。"),
    F("last_result", "Last result", "检定结果", K.ENUM, ("结论", "Result"),
      "Result of the last verification or calibration: pass, fail, limited use ...",
      "上次检定/校准结论：合格、不合格、限制使用……"),
    F("calibration_method", "Calibration method", "检定方式", K.ENUM, ("内检/外检", "Method"),
      "In-house or external, and verification or calibration (内检, 外检, 内校, 外校 ...).",
      "内检或外检，检定或校准（内检、外检、内校、外校……）。"),
    F("provider", "Provider", "检定/校准机构", K.TEXT,
      ("检定机构", "校准机构", "溯源机构", "Calibration provider"),
      "Who verifies or calibrates it (must exist in LabApp).", "检定/校准机构（须为已登记机构）。"),
    F("procedure", "Procedure", "检定规程/校准规范", K.TEXT,
      ("检定规程", "校准规范", "规程", "依据规程", "技术依据", "Procedure code", "Regulation"),
      "Code of the verification regulation or calibration specification (must exist in LabApp).",
      "检定规程或校准规范的编号（须为 LabApp 中已有规程）。"),
    F("purchase_value", "Purchase value", "原值", K.DECIMAL, ("购置价格", "Price"),
      "Purchase value in yuan (元).", "资产原值（元）。"),
    F("purchased_on", "Purchased on", "购置日期", K.DATE, ("购入日期", "Purchase date"),
      "Date of purchase (yyyy-mm-dd).", "购置日期（年-月-日）。"),
    F("notes", "Notes", "备注", K.TEXT, ("Remarks", "Comment", "说明"), "Free text.", "备注。"),
)  # fmt: skip
FIELDS_BY_KEY = {f.key: f for f in REGISTER_FIELDS}

# The register export's sheet of reported digits (see labapp.services.exports._register); the import
# never reads it as data, only to restore digits an Excel number cannot hold ("10.00").
DIGITS_SHEET_EN = "Reported digits"
DIGITS_SHEET_ZH = "报告位数"

# A header that names the accuracy value in a way that also states its kind.
IMPLIED_KIND: dict[str, AccuracyKind] = {
    lookup_key(text): AccuracyKind.MPE for text in ("最大允许误差", "允许误差", "MPE")
} | {
    lookup_key(text): AccuracyKind.UNCERTAINTY
    for text in ("不确定度", "扩展不确定度", "Uncertainty")
}


def header_lookup() -> dict[str, str]:
    """Folded header text (English, Chinese, bilingual, synonyms) → field key."""
    table: dict[str, str] = {}
    for f in REGISTER_FIELDS:
        for text in (
            f.key,
            f.header_en,
            f.header_zh,
            f"{f.header_zh} / {f.header_en}",
            *f.synonyms,
        ):
            table.setdefault(lookup_key(text), f.key)
    return table


def register_columns() -> tuple[ColumnSpec, ...]:
    """The register fields as export columns, in template order."""
    return tuple(ColumnSpec(f.key, f.header_en, f.header_zh, f.kind) for f in REGISTER_FIELDS)


class RegisterRow(NamedTuple):
    """One valid register line: decimals keep the digits as read, units are whitelisted text.

    A named tuple rather than a frozen dataclass: an import builds 100 000 of them, and a frozen
    dataclass sets each of its 28 fields through ``object.__setattr__`` (about 1 s more).
    """

    source_row: int
    asset_tag: str
    name: str
    manufacturer: str | None = None
    model: str | None = None
    serial_no: str | None = None
    category: str | None = None
    quantity: str | None = None
    range_low: Decimal | None = None
    range_high: Decimal | None = None
    range_unit: str | None = None
    range_low_unit: str | None = None
    range_text: str | None = None
    accuracy_kind: AccuracyKind | None = None
    accuracy_value: Decimal | None = None
    accuracy_unit: str | None = None
    accuracy_class: str | None = None
    coverage_factor: str | None = None
    accuracy_text: str | None = None
    role: Role = Role.WORKING
    level: StandardLevel | None = None
    mandatory_verification: bool = False
    status: InstrumentStatus = InstrumentStatus.IN_SERVICE
    custodian: str | None = None
    location: str | None = None
    department: str | None = None
    interval_months: int | None = None
    last_calibrated_on: date | None = None
    valid_until: str | None = None
    certificate_no: str | None = None
    last_result: str | None = None
    calibration_method: str | None = None
    provider: str | None = None
    procedure: str | None = None
    purchase_value: str | None = None
    purchased_on: str | None = None
    notes: str | None = None

    def values(self) -> tuple[object, ...]:
        """The row's values in :data:`REGISTER_FIELDS` order (for :func:`register_columns`)."""
        return tuple(getattr(self, f.key) for f in REGISTER_FIELDS)


# RegisterRow spells out the fields of REGISTER_FIELDS with their types (a NamedTuple must): the
# one list stays REGISTER_FIELDS, and a row that drifts from it fails on import, not on a file.
if RegisterRow._fields[1:] != tuple(f.key for f in REGISTER_FIELDS):  # pragma: no cover
    raise ImportError("RegisterRow's fields must be REGISTER_FIELDS' keys, in their order")
