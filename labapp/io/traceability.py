"""The traceability table and a standard's reverse trace as sheets: their columns and the words
for a broken link, in EN and ZH.

One row per link of an item's forward chain (a link is "item X needed a valid certificate on date
d", see :mod:`labapp.services.traceability`): level 0 is the item's own certificate, level 1 a
standard used in that certificate's event, level 2 a standard used to calibrate that standard, and
so on up to the national metrology institute.  The GUI words broken links through Qt; a file
cannot, so the reasons are worded here, following the GUI's zh_CN catalogue.

The reverse trace lists every approved event a standard served since a date, to any depth (see
:func:`labapp.services.traceability.reverse_trace`): depth 1 used the standard itself, depth n+1
used an instrument reached at depth n.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import date

from labapp.io.excel import ColumnKind, ColumnSpec, Language, pick

__all__ = [
    "LINK_STATES",
    "REVERSE_TRACE_COLUMNS",
    "TRACE_COLUMNS",
    "reason_text",
    "reasons_text",
]

K = ColumnKind

TRACE_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("item_asset_tag", "Item", "器具编号"),
    ColumnSpec("item_name", "Item name", "器具名称"),
    ColumnSpec("quantity", "Quantity", "测量量"),
    ColumnSpec("level", "Level", "层级", K.INTEGER),
    ColumnSpec("standard_asset_tag", "Standard used", "所用计量标准"),
    ColumnSpec("standard_name", "Standard name", "计量标准名称"),
    ColumnSpec("used_for", "Used to calibrate", "用于检定/校准"),
    ColumnSpec("used_on", "Used on", "使用日期", K.DATE),
    ColumnSpec("used_in_certificate", "In certificate no.", "所出证书编号"),
    ColumnSpec("provider", "Certificate issued by", "证书出具机构"),
    ColumnSpec("provider_kind", "Provider kind", "机构类别", K.ENUM),
    ColumnSpec("accredited", "Accredited for the quantity", "该量已获认可", K.ENUM),
    ColumnSpec("certificate_no", "Certificate no.", "证书编号"),
    ColumnSpec("certificate_date", "Certificate date", "证书日期", K.DATE),
    ColumnSpec("valid_until", "Valid until", "有效期至", K.DATE, overdue_highlight=True),
    ColumnSpec("u", "Expanded uncertainty U", "扩展不确定度 U", K.QUANTITY),
    ColumnSpec("k", "Coverage factor k", "包含因子 k", K.DECIMAL),
    ColumnSpec("state", "Link", "环节状态"),
    ColumnSpec("reasons", "Why broken", "中断原因", width_hint=30),
)
"""Columns of the traceability table (``u`` takes a ``(value, unit)`` pair: two columns)."""

REVERSE_TRACE_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("depth", "Depth", "层级", K.INTEGER),
    ColumnSpec("performed_on", "Event date", "日期", K.DATE),
    ColumnSpec("asset_tag", "Asset tag", "资产编号"),
    ColumnSpec("name", "Item", "名称"),
    ColumnSpec("quantity", "Quantity", "测量量"),
    ColumnSpec("via", "Via standard", "经由标准器"),
    ColumnSpec("result", "Result", "结果", K.ENUM),
    ColumnSpec("event_id", "Event", "事件", K.INTEGER),
)
"""Columns of a standard's reverse trace (``result`` takes the ``EventResult``)."""

#: ok / broken, in English and Chinese
LINK_STATES: Mapping[bool, tuple[str, str]] = {False: ("OK", "有效"), True: ("Broken", "中断")}

#: code -> (English, Chinese, English detail, Chinese detail); details use the reason's params
_REASONS: Mapping[str, tuple[str, str, str, str]] = {
    "no_certificate": (
        "No certificate for this link", "此环节没有证书",
        "none on {used_on}", "{used_on} 时无有效证书",
    ),
    "expired": (
        "Certificate expired", "证书已过期",
        "valid until {valid_until}, used on {used_on}", "有效期至 {valid_until}，使用于 {used_on}",
    ),
    "standard_failed": (
        "The standard failed its calibration", "计量标准检定/校准不合格",
        "certificate {certificate_no}", "证书 {certificate_no}",
    ),
    "provider_not_accredited": (
        "Provider not accredited for this quantity", "上级计量机构未获该测量量的认可",
        "{provider}, {quantity}", "{provider}，{quantity}",
    ),
    "cycle": ("The chain loops back on itself", "溯源链出现循环", "", ""),
    "ends_without_nmi": (
        "The chain ends without reaching a national metrology institute",
        "溯源链未到达国家计量院即中断", "", "",
    ),
}  # fmt: skip


def _shown(value: object) -> str:
    if value is None:
        return "–"
    return value.isoformat() if isinstance(value, date) else str(value)


def reason_text(code: str, params: Mapping[str, object], language: Language) -> str:
    """One broken-link reason in ``language``, with its dates and names in parentheses.

    Parameters
    ----------
    code : str
        A ``BrokenCode`` value (``"expired"``); an unknown code is written as it is.
    params : mapping
        The reason's dates, numbers and names (``valid_until``, ``used_on``, ...).
    language : {"en", "zh_CN", "bilingual"}
        The language of the words.
    """
    if code not in _REASONS:
        return code
    en, zh, detail_en, detail_zh = _REASONS[code]
    values = {key: _shown(value) for key, value in params.items()}
    with contextlib.suppress(KeyError, IndexError):
        en += f" ({detail_en.format(**values)})" if detail_en else ""
        zh += f"（{detail_zh.format(**values)}）" if detail_zh else ""
    return pick(en, zh, language)


def reasons_text(reasons: tuple[tuple[str, Mapping[str, object]], ...], language: Language) -> str:
    """Several reasons, ``"; "``-separated (``"；"`` in Chinese)."""
    separator = "；" if language == "zh_CN" else "; "
    return separator.join(reason_text(code, params, language) for code, params in reasons)
