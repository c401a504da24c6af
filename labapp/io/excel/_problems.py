"""What an import reports: a file it cannot read at all, and one bad cell of a file it read.

Both carry their reason in English and Chinese, so every reader (the register ledger, comparison
participants) and every error workbook words them the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CellError", "ImportFileError"]

_FILE_MESSAGES = {
    "not_excel": ("{name} is not an Excel workbook", "{name} 不是 Excel 工作簿"),
    "password_protected": (
        "{name} is password-protected; save it without a password and import again",
        "{name} 设有密码保护，请另存为无密码文件后再导入",
    ),
    "empty": ("{name} holds no data", "{name} 中没有数据"),
    "no_header": (
        "no header row naming the asset tag and the name was found in the first 10 rows of {name}",
        "{name} 的前 10 行中找不到包含“资产编号”和“名称”的表头行",
    ),
}


class ImportFileError(ValueError):
    """The file cannot be imported at all; ``reason`` is a code, messages in both languages."""

    def __init__(self, reason: str, path: str | os.PathLike[str], detail: str = "") -> None:
        en, zh = _FILE_MESSAGES[reason]
        name = Path(path).name
        self.reason = reason
        self.message_en = en.format(name=name) + (f" ({detail})" if detail else "")
        self.message_zh = zh.format(name=name)
        super().__init__(self.message_en)


@dataclass(frozen=True)
class CellError:
    """One bad cell: where (sheet, 1-based Excel row, column letter, header), what, and why."""

    sheet: str
    row: int
    column: str
    header: str
    value: str
    code: str
    message_en: str
    message_zh: str
