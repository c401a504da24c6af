"""The CLI's sentences for importing a lab's ledger (``import register``, ``import mapping``).

Merged into :data:`labapp.cli.messages.MESSAGES` (English, Chinese).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.import_mapping": (
        "print the column mapping LabApp detects in a ledger, as JSON to edit and pass back "
        "with --mapping",
        "以 JSON 输出 LabApp 识别出的台账列映射，可编辑后用 --mapping 传回",
    ),
    "help.import_ledger_file": (
        "the ledger: a workbook (.xlsx, .xlsm, .xls, .ods) or a CSV (UTF-8 or GB18030/GBK)",
        "台账文件：工作簿（.xlsx、.xlsm、.xls、.ods）或 CSV（UTF-8 或 GB18030/GBK）",
    ),
    "help.import_mapping_file": (
        "the column mapping: auto (detected) or a JSON file from `import mapping`",
        "列映射：auto（自动识别）或 `import mapping` 输出的 JSON 文件",
    ),
    "help.import_create_missing": (
        "create the departments, locations, providers, procedures and people (without an "
        "account) the ledger names and LabApp lacks, in the same transaction",
        "在同一事务中创建台账中有而 LabApp 中没有的部门、存放地点、检定/校准机构、规程和人员"
        "（不建账户）",
    ),
    "help.import_tag_pattern": (
        "number the items when no column holds asset tags, e.g. LAB-{{seq:05}}",
        "台账中没有管理编号列时按此规则编号，如 LAB-{{seq:05}}",
    ),
    "help.import_sheet": (
        "the sheet to read (default: detected)",
        "要读取的工作表（默认自动识别）",
    ),
    "import.mapping_unreadable": (
        "cannot read the mapping {file}: {reason}",
        "无法读取列映射 {file}：{reason}",
    ),
    "import.to_create": ("will create {kind}: {names}", "将创建{kind}：{names}"),
    "import.created": ("created {kind}: {n}", "已创建{kind}：{n} 个"),
}
