"""What reading a ledger reports: a file that cannot be read at all, a bad cell, a flagged cell.

A file error subclasses :class:`labapp.io.excel.ImportFileError` (so the register import's
callers handle it the same way: exit 2 in the CLI) and carries its message in English and Chinese.
A bad cell is the register import's :class:`~labapp.io.excel.CellError`, so the error
workbook writer marks it; a cell imported with a caveat is a :class:`CellWarning` of the same shape.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from labapp.io.excel import CellError, ImportFileError

__all__ = ["CellError", "CellNote", "CellWarning", "LedgerFileError"]

_MESSAGES = {
    "not_a_ledger": (
        "{name} is neither a workbook (.xlsx, .xlsm, .xls, .ods) nor a text file (CSV)",
        "{name} 既不是工作簿（.xlsx、.xlsm、.xls、.ods），也不是文本文件（CSV）",
    ),
    "encoding": (
        "{name} is not in UTF-8, UTF-16 or GB18030/GBK; save it as “CSV UTF-8” and import again",
        "{name} 的编码不是 UTF-8、UTF-16 或 GB18030/GBK，请另存为“CSV UTF-8”后再导入",
    ),
    "too_big": (
        "{name} is larger than {limit} MB; LabApp reads a text ledger of at most {limit} MB",
        "{name} 超过 {limit} MB，LabApp 读取的文本台账最多 {limit} MB",
    ),
    "empty": ("{name} holds no data", "{name} 中没有数据"),
    "no_sheet": ("{name} has no sheet named {sheet}", "{name} 中没有名为“{sheet}”的工作表"),
    "no_header": (
        "no heading row naming at least two ledger columns (such as 名称 and 出厂编号) was "
        "found in the first {limit} rows of {name}",
        "{name} 的前 {limit} 行中找不到表头行（应至少有两个可识别的列名，如“名称”“出厂编号”）",
    ),
    "no_name": (
        "{name}: no column holds the items' names (计量器具名称, 设备名称, Name …); map one",
        "{name}：没有识别出器具名称列（计量器具名称、设备名称等），请指定一列",
    ),
    "no_tag": (
        "{name}: no column holds asset tags (管理编号, 设备编号, 资产编号 …); map one, or give "
        "a pattern to number the items, such as LAB-{{seq:05}}",
        "{name}：没有识别出管理编号列（管理编号、设备编号、资产编号等），请指定一列，"
        "或给出编号规则，如 LAB-{{seq:05}}",
    ),
    "bad_mapping": (
        "the column mapping cannot be used: {detail}",
        "列映射无法使用：{detail_zh}",
    ),
    "mapping_mismatch": (
        "{name} does not have the layout the mapping was made for ({detail}); "
        "detect the mapping again",
        "{name} 的表格格式与列映射不符（{detail}），请重新识别列映射",
    ),
    "bad_pattern": (
        "the asset-tag pattern {pattern!r} is not valid: {detail}",
        "管理编号规则“{pattern}”无效：{detail_zh}",
    ),
}


class LedgerFileError(ImportFileError):
    """A ledger that cannot be read or mapped at all; ``reason`` is a key of ``_MESSAGES``,
    ``params`` the values its messages name, ``message_en`` / ``message_zh`` the sentences."""

    def __init__(self, reason: str, path: str | os.PathLike[str], **params: object) -> None:
        en, zh = _MESSAGES[reason]
        values: dict[str, object] = {"detail": "", "detail_zh": "", "limit": "", "sheet": ""}
        values |= {"pattern": "", **params, "name": Path(path).name}
        if not values["detail_zh"]:
            values["detail_zh"] = values["detail"]
        ValueError.__init__(self, en.format(**values))
        self.reason = reason
        self.params = params
        self.message_en = en.format(**values)
        self.message_zh = zh.format(**values)


@dataclass(frozen=True)
class CellNote:
    """Why a cell was imported with a caveat (kept as text, a status without its own word ...)."""

    code: str
    message_en: str
    message_zh: str


@dataclass(frozen=True)
class CellWarning:
    """A cell imported with a caveat: where, what, and the note; the same shape as CellError."""

    sheet: str
    row: int
    column: str
    header: str
    value: str
    code: str
    message_en: str
    message_zh: str
