"""The dashboard figures as sheets: columns and the words for each figure, in EN and ZH.

The words follow the Overview page's zh_CN catalogue; the definitions say exactly what each number
counts, so an auditor can recount it from the register.
"""

from __future__ import annotations

from collections.abc import Mapping

from labapp.io.excel import ColumnKind, ColumnSpec

__all__ = [
    "CERTIFICATE_COLUMNS",
    "CERTIFICATE_KINDS",
    "FIGURES",
    "FIGURE_COLUMNS",
    "ITEM_COLUMNS",
    "LINK_COLUMNS",
    "RATE_COLUMNS",
    "RATE_FIGURE_COLUMNS",
]

K = ColumnKind

#: key -> (English name, Chinese name, English definition, Chinese definition); ``{lead}`` is
#: the due-soon lead time in days
FIGURES: Mapping[str, tuple[str, str, str, str]] = {
    "instruments": (
        "Instruments and standards", "计量器具和计量标准",
        "Items in the register that are not retired or scrapped.",
        "台账中未退役、未报废的器具。",
    ),
    "standards": (
        "Measurement standards", "计量标准",
        "Of those, the items with the role measurement standard.",
        "其中角色为计量标准的器具。",
    ),
    "working": (
        "Working instruments", "工作计量器具",
        "Of those, the items with the role working instrument.",
        "其中角色为工作计量器具的器具。",
    ),
    "overdue": (
        "Overdue", "已超期",
        "Items not retired or scrapped whose due date is before the export date.",
        "未退役、未报废且到期日早于导出日期的器具。",
    ),
    "due_soon": (
        "Due within {lead} days", "{lead} 天内到期",
        "Items not retired or scrapped due from the export date to {lead} days after it.",
        "未退役、未报废且到期日在导出日期起 {lead} 天内的器具。",
    ),
    "failed": (
        "Failed last calibration", "最近一次不合格",
        "Items whose latest approved verification or calibration has the result fail.",
        "最近一次已批准的检定或校准结果为不合格的器具。",
    ),
    "out_of_service": (
        "Out of service", "停用",
        "Items with the status out of service or suspended.",
        "状态为停用或暂停使用的器具。",
    ),
    "broken_chains": (
        "Broken traceability chains", "溯源链断裂",
        "In-service items whose current certificate rests on a broken link (missing, expired "
        "or failed certificate of a standard, or a provider not accredited for the quantity), "
        "at any depth; the links are listed on their own sheet.",
        "在用器具的现行证书所依赖的溯源链中任一层级有断裂环节（计量标准无证书、证书过期或不合格，"
        "或上级计量机构未获该测量量的认可）；断裂环节另表列出。",
    ),
    "failed_standards": (
        "Standards out of tolerance, not investigated", "计量标准超差未调查",
        "Measurement standards whose latest approved verification or calibration found them out "
        "of tolerance (result or as-found fail), or whose latest intermediate check failed with "
        "no calibration since, and for which no impact investigation is open or was opened for "
        "that failure.",
        "最近一次已批准的检定或校准发现超差（结论或调整前结果为不合格），或最近一次期间核查不合格且此后"
        "未再检定/校准，且没有进行中的、也没有针对该次不合格开展过的影响调查的计量标准。",
    ),
    "certificates": (
        "Lab certificates expiring", "实验室证书即将到期",
        "Measurement standard certificates, the accreditation and staff qualifications that "
        "expire within their lead time, or have expired.",
        "在提前期内到期或已过期的计量标准考核证书、实验室认可和人员资质。",
    ),
}  # fmt: skip

#: CertificateKind value -> (English, Chinese)
CERTIFICATE_KINDS: Mapping[str, tuple[str, str]] = {
    "standard_certificate": ("Standard certificate", "计量标准考核证书"),
    "accreditation": ("Accreditation", "实验室认可"),
    "qualification": ("Staff qualification", "人员资质（检定员证）"),
}

FIGURE_COLUMNS = (
    ColumnSpec("figure", "Figure", "指标", width_hint=24),
    ColumnSpec("count", "Count", "数量", K.INTEGER),
    ColumnSpec("sheet", "Items on sheet", "明细工作表"),
    ColumnSpec("definition", "Definition", "定义", width_hint=60),
)
ITEM_COLUMNS = (
    ColumnSpec("asset_tag", "Asset tag", "资产编号"),
    ColumnSpec("name", "Name", "名称"),
    ColumnSpec("due_on", "Due date", "到期日", K.DATE, overdue_highlight=True),
    ColumnSpec("status", "Status", "状态", K.ENUM),
)
LINK_COLUMNS = (
    ColumnSpec("asset_tag", "Asset tag", "资产编号"),
    ColumnSpec("name", "Name", "名称"),
    ColumnSpec("performed_on", "Event date", "检定/校准日期", K.DATE),
    ColumnSpec("link", "Broken link (standard)", "断裂环节（计量标准）"),
    ColumnSpec("via", "Via standard", "经由标准器"),
    ColumnSpec("reason", "Why broken", "中断原因", width_hint=30),
)
CERTIFICATE_COLUMNS = (
    ColumnSpec("kind", "Kind", "类别"),
    ColumnSpec("number", "Number", "编号"),
    ColumnSpec("name", "Name", "名称"),
    ColumnSpec("valid_until", "Valid until", "有效期至", K.DATE, overdue_highlight=True),
    ColumnSpec("days_left", "Days left", "剩余天数", K.INTEGER),
)
RATE_COLUMNS = (
    ColumnSpec("period", "Period", "期间"),
    ColumnSpec("first_day", "From", "起始日", K.DATE),
    ColumnSpec("on_time", "Done on time (numerator)", "按期完成次数（分子）", K.INTEGER),
    ColumnSpec("due", "Due occurrences (denominator)", "应检次数（分母）", K.INTEGER),
    ColumnSpec("rate", "On-time rate", "受检率", K.DECIMAL, unit="%"),
    ColumnSpec("target", "Target", "目标", K.DECIMAL, unit="%"),
)
RATE_FIGURE_COLUMNS = (
    ColumnSpec("year", "Year", "年度"),
    ColumnSpec("on_time", "Done on time (numerator)", "按期完成次数（分子）", K.INTEGER),
    ColumnSpec("due", "Due occurrences (denominator)", "应检次数（分母）", K.INTEGER),
    ColumnSpec("rate", "On-time rate", "受检率", K.DECIMAL, unit="%"),
    ColumnSpec("target", "Target", "目标", K.DECIMAL, unit="%"),
    ColumnSpec("met", "Target met", "是否达标"),
    ColumnSpec("sheet", "By month and quarter on sheet", "分月、分季见工作表"),
    ColumnSpec("definition", "Definition", "定义", width_hint=60),
)
