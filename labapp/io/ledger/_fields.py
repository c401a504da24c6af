"""The fields of a lab's ledger and the headings labs write for them, in Chinese and English.

Every heading LabApp's own template and register export write (:data:`labapp.io.register.
REGISTER_FIELDS`) is accepted for the same field, so LabApp's export reads back; the rest are the
spellings found in labs' own ledgers (仪器设备台账, 计量器具台账).  A heading that also says how
the accuracy is stated (最大允许误差, 不确定度, 准确度等级) gives the column a kind hint
(:data:`ACCURACY_HINTS`); units in headings (原值/元, 测量范围(mm), 周期(年)) are read by
:mod:`labapp.io.ledger._headings`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from labapp.domain.enums import AccuracyKind
from labapp.io.register import REGISTER_FIELDS

__all__ = [
    "ACCURACY_HINTS",
    "FIELDS_BY_KEY",
    "IGNORE",
    "LEDGER_FIELDS",
    "FieldKind",
    "LedgerField",
    "clean_heading",
    "synonym_table",
]


_MARKS = str.maketrans("", "", "*※△▲☆★")


def clean_heading(text: str) -> str:
    """A heading as matched, case kept: NFKC (full-width forms), no whitespace, no required-field
    marks (*, ※), no trailing colon or full stop ("No." is "No")."""
    return "".join(unicodedata.normalize("NFKC", text).split()).translate(_MARKS).rstrip(":：.")


def _fold(text: str) -> str:
    return clean_heading(text).casefold()


class FieldKind(StrEnum):
    """How a field's cells are read."""

    TEXT = "text"
    RANGE = "range"
    DECIMAL = "decimal"
    UNIT = "unit"
    ACCURACY = "accuracy"
    ACCURACY_KIND = "accuracy_kind"
    COVERAGE = "coverage"
    ROLE = "role"
    LEVEL = "level"
    YES_NO = "yes_no"
    STATUS = "status"
    RESULT = "result"
    METHOD = "method"
    PERIOD = "period"
    DATE = "date"
    MONEY = "money"
    IGNORE = "ignore"


@dataclass(frozen=True)
class LedgerField:
    """One field: its key, headings in both languages, how it is read, and accepted headings."""

    key: str
    header_en: str
    header_zh: str
    kind: FieldKind
    synonyms: tuple[str, ...] = ()


#: The pseudo-field of a column deliberately left out (a running number 序号).
IGNORE = "ignore"

K = FieldKind
F = LedgerField
LEDGER_FIELDS: tuple[LedgerField, ...] = (
    F(IGNORE, "(ignored)", "（不导入）", K.IGNORE,
      ("序号", "序", "No.", "No", "#", "Item", "行号")),
    F("asset_tag", "Asset tag", "管理编号", K.TEXT, (
        "资产编号", "内部编号", "设备编号", "统一编号", "器具编号", "仪器编号", "计量编号",
        "固定资产编号", "资产号", "设备管理编号", "计量器具编号", "自编号", "内部管理编号",
        "企业编号", "单位编号", "标识编号", "设备编码", "资产编码", "Asset No.", "Asset number",
        "Tag", "Tag No.", "Equipment ID", "Equipment No.", "Internal No.", "Inventory No.",
        "Asset ID", "ID No.", "器具编码", "仪器编码")),
    F("name", "Name", "计量器具名称", K.TEXT, (
        "名称", "器具名称", "设备名称", "仪器名称", "仪器设备名称", "测量设备名称", "计量设备名称",
        "标准器名称", "资产名称", "品名", "计量器具", "Instrument", "Instrument name",
        "Equipment", "Equipment name", "Description", "Device name", "Equipment description")),
    F("manufacturer", "Manufacturer", "制造厂", K.TEXT, (
        "制造商", "生产厂家", "厂家", "生产厂", "制造厂商", "制造单位", "生产单位", "生产商",
        "厂商",
        "制造厂家", "品牌", "Make", "Maker", "Brand", "Vendor")),
    F("model", "Model", "型号规格", K.TEXT, (
        "型号", "规格型号", "规格", "型式", "型号/规格", "规格/型号", "Type", "Model/Type",
        "Specification", "Model No.", "Model number")),
    F("serial_no", "Serial number", "出厂编号", K.TEXT, (
        "编号", "序列号", "出厂号", "机身号", "出厂序号", "产品编号", "器号", "Serial No.", "S/N",
        "SN", "Serial")),
    F("category", "Category", "类别", K.TEXT, (
        "分类", "设备类别", "专业", "管理类别", "类型", "设备分类", "ABC分类", "计量类别",
        "Discipline")),
    F("quantity", "Quantity", "测量量", K.TEXT, (
        "被测量", "测量参数", "参量", "计量参数", "测量项目", "Measured quantity", "Parameter")),
    F("range", "Range", "测量范围", K.RANGE, (
        "量程", "量程范围", "测量区间", "范围", "使用范围", "工作范围", "测量量程", "测量范围/量程",
        "Measuring range", "Measurement range")),
    F("range_low", "Range low", "测量范围下限", K.DECIMAL),
    F("range_high", "Range high", "测量范围上限", K.DECIMAL),
    F("range_unit", "Range unit", "测量范围单位", K.UNIT, ("范围单位",)),
    F("range_low_unit", "Range low unit", "下限单位", K.UNIT),
    F("range_text", "Range as written", "测量范围原文", K.TEXT),
    F("accuracy", "Accuracy", "准确度", K.ACCURACY, (
        "准确度等级", "精度", "精度等级", "等级", "级别", "准确度级别", "最大允许误差", "允许误差",
        "允差", "MPE", "MPEV", "不确定度", "扩展不确定度", "测量不确定度", "技术指标",
        "主要技术指标",
        "准确度/不确定度", "准确度等级/最大允许误差", "准确度等级/不确定度", "准确度/最大允许误差",
        "准确度等级/最大允许误差/不确定度", "准确度/最大允许误差/不确定度",
        "准确度等级或最大允许误差",
        "Accuracy class", "Class", "Uncertainty", "Maximum permissible error", "Tolerance")),
    F("accuracy_kind", "Accuracy kind", "准确度类型", K.ACCURACY_KIND),
    F("accuracy_value", "Accuracy value", "准确度数值", K.DECIMAL),
    F("accuracy_unit", "Accuracy unit", "准确度单位", K.UNIT),
    F("coverage_factor", "Coverage factor k", "包含因子", K.COVERAGE,
      ("k", "k值", "包含因子k", "Coverage factor")),
    F("accuracy_text", "Accuracy as written", "准确度原文", K.TEXT),
    F("role", "Role", "用途", K.ROLE),
    F("level", "Level", "标准等级", K.LEVEL),
    F("mandatory_verification", "Mandatory verification", "强检", K.YES_NO, (
        "强检标志", "强检否", "强检/非强检", "是否强制检定", "强检标识")),
    F("status", "Status", "设备状态", K.STATUS, (
        "状态", "使用状态", "管理状态", "状况", "设备状况", "当前状态", "Condition")),
    F("last_result", "Last result", "检定结果", K.RESULT, (
        "结论", "检定结论", "校准结论", "校准结果", "检定/校准结论", "检定/校准结果", "确认结论",
        "计量确认结论", "确认结果", "结果", "检定校准结论", "溯源结论", "溯源结果", "Result",
        "Conclusion", "Cal result")),
    F("calibration_method", "Calibration method", "检定方式", K.METHOD, (
        "溯源方式", "检校方式", "检定类型", "检定/校准方式", "送检方式", "检定形式", "校准方式",
        "内检/外检", "检定/校准", "检定或校准", "检校类别", "溯源类型", "检定类别", "Method",
        "Traceability", "Cal type")),
    F("provider", "Provider", "检定机构", K.TEXT, (
        "检定/校准机构", "校准机构", "检定单位", "校准单位", "检定/校准单位", "溯源机构",
        "溯源单位",
        "检定校准单位", "检定校准机构", "承检单位", "承检机构", "检定部门", "Calibration provider",
        "Calibrated by", "Calibration laboratory")),
    F("procedure", "Procedure", "检定规程/校准规范", K.TEXT, (
        "检定依据", "校准依据", "依据", "技术依据", "依据规程", "依据标准", "规程编号",
        "Regulation")),
    F("department", "Department", "使用部门", K.TEXT, (
        "部门", "使用单位", "所属部门", "使用科室", "科室", "管理部门", "归属部门", "车间",
        "Dept.", "User department")),
    F("location", "Location", "存放地点", K.TEXT, (
        "存放位置", "放置地点", "安装位置", "使用地点", "安装地点", "位置", "地点", "Place")),
    F("custodian", "Custodian", "保管人", K.TEXT, (
        "责任人", "使用人", "管理人", "负责人", "保管员", "使用/保管人", "Keeper", "Responsible",
        "User")),
    F("interval_months", "Interval", "检定周期", K.PERIOD, (
        "校准周期", "周期", "校准间隔", "检定/校准周期", "检定间隔", "复检周期", "确认间隔",
        "计量确认间隔", "检校周期", "检定校准周期", "Calibration interval", "Period", "Cycle")),
    F("last_calibrated_on", "Last calibrated on", "检定日期", K.DATE, (
        "校准日期", "上次检定日期", "检定/校准日期", "检定校准日期", "最近检定日期", "最近校准日期",
        "上次校准日期", "检校日期", "溯源日期", "本次检定日期", "检定时间", "校准时间", "确认日期",
        "计量确认日期", "Calibration date", "Calibrated on", "Last calibrated",
        "Verification date", "Cal date", "Last cal", "Date calibrated")),
    F("valid_until", "Valid until", "有效期至", K.DATE, (
        "有效日期", "下次检定日期", "到期日期", "有效期", "有效期限", "失效日期", "下次校准日期",
        "复检日期", "再检日期", "到期日", "截止日期", "有效截止日期", "下次检定时间",
        "计划检定日期",
        "下次确认日期", "检定有效期", "校准有效期", "检定有效期至", "校准有效期至", "Due date",
        "Next calibration", "Due on", "Expiry date", "Next due", "Valid to", "Expiry", "Cal due",
        "Next cal", "Calibration due", "Next calibration date", "Due")),
    F("certificate_no", "Certificate number", "证书编号", K.TEXT, (
        "证书号", "检定证书编号", "校准证书编号", "证书/报告编号", "报告编号", "检定证书号",
        "证书号码", "Certificate No.", "Cert. No.", "Cert No", "Certificate", "Report No.")),
    F("purchase_value", "Purchase value", "原值", K.MONEY, (
        "资产原值", "购置价格", "价格", "单价", "购置金额", "金额", "购入价格", "设备原值", "原价",
        "价值", "购置费", "Price", "Value", "Cost")),
    F("purchased_on", "Purchased on", "购置日期", K.DATE, (
        "购入日期", "购买日期", "购进日期", "采购日期", "购置时间", "Purchase date",
        "Date of purchase", "Acquired on")),
    F("notes", "Notes", "备注", K.TEXT, ("附注", "Remarks", "Comments", "Note")),
)  # fmt: skip
FIELDS_BY_KEY = {f.key: f for f in LEDGER_FIELDS}

# LabApp's own register headings keep their field; where the ledger reads a combined cell the
# register splits, the register's column goes to the combined field (its cells parse the same).
_FROM_REGISTER = {"accuracy_class": "accuracy", "interval_months": "interval_months"}
# Register synonyms a lab's ledger uses for something else ("单位" is often the unit of count,
# 台/只; "用途" free text): left to the lab's own mapping.
_NOT_FROM_REGISTER = {"单位", "Unit"}

#: A heading that names the accuracy's kind: folded heading → kind.
ACCURACY_HINTS: dict[str, AccuracyKind] = {
    **{_fold(t): AccuracyKind.CLASS for t in (
        "准确度等级", "精度等级", "等级", "级别", "准确度级别", "Accuracy class", "Class")},
    **{_fold(t): AccuracyKind.MPE for t in (
        "最大允许误差", "允许误差", "允差", "MPE", "MPEV", "Maximum permissible error",
        "Tolerance")},
    **{_fold(t): AccuracyKind.UNCERTAINTY for t in (
        "不确定度", "扩展不确定度", "测量不确定度", "Uncertainty")},
}  # fmt: skip


def synonym_table() -> dict[str, str]:
    """Folded heading → field key: the ledger's own table first, then the register's headings."""
    table: dict[str, str] = {}
    for f in LEDGER_FIELDS:
        for text in (
            f.key,
            f.header_en,
            f.header_zh,
            f"{f.header_zh} / {f.header_en}",
            *f.synonyms,
        ):
            table.setdefault(_fold(text), f.key)
    for rf in REGISTER_FIELDS:
        key = _FROM_REGISTER.get(rf.key, rf.key)
        texts = (rf.key, rf.header_en, rf.header_zh, f"{rf.header_zh} / {rf.header_en}",
                 *rf.synonyms)  # fmt: skip
        for text in texts:
            if text not in _NOT_FROM_REGISTER:
                table.setdefault(_fold(text), key)
    return table
