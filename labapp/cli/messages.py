"""Every sentence ``labapp-cli`` prints, in English and Simplified Chinese.

The CLI has no Qt (so no ``.qm`` catalogue): one small table (this module's, the master data's,
the accounts' and the errors' merged), checked by the tests to hold both languages for every
key.  ``--lang zh_CN`` or a ``zh_CN`` locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``) selects Chinese.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from string import Formatter

from labapp.cli.master_messages import MASTER_MESSAGES
from labapp.cli.messages_accounts import MESSAGES as ACCOUNT_MESSAGES
from labapp.cli.messages_certificates import CERTIFICATE_MESSAGES
from labapp.cli.messages_errors import ERROR_MESSAGES
from labapp.cli.messages_import import MESSAGES as IMPORT_MESSAGES

LANGUAGES = ("en", "zh_CN")

MESSAGES: dict[str, tuple[str, str]] = {
    # argparse help
    "description": (
        "LabApp command line: create, seed and upgrade LabApp databases, import a register.",
        "LabApp 命令行：创建、填充演示数据和升级 LabApp 数据库，导入台账。",
    ),
    "help.database": (
        "SQLite file or SQLAlchemy URL (default: LABAPP_DATABASE_URL, Preferences, per-user file)",
        "SQLite 文件或 SQLAlchemy URL（默认：LABAPP_DATABASE_URL、首选项、用户数据文件）",
    ),
    "help.lang": ("language of the messages (en, zh_CN)", "消息语言（en、zh_CN）"),
    "help.init": ("create a new, empty LabApp database", "创建新的空 LabApp 数据库"),
    "help.demo": (
        "seed the demo laboratory (default: the demo database file)",
        "生成演示实验室数据（默认：演示数据库文件）",
    ),
    "help.instruments": ("number of instruments and standards", "计量器具和计量标准的数量"),
    "help.years": ("years of history", "历史记录的年数"),
    "help.seed": ("random seed (same seed, same lab)", "随机种子（相同种子生成相同数据）"),
    "help.today": ("the date the lab is seen from (YYYY-MM-DD)", "“今天”的日期（YYYY-MM-DD）"),
    "help.replace": (
        "replace the demo database if it already has data (never another database)",
        "演示数据库已有数据时重新生成（不会用于其他数据库）",
    ),
    "help.db": ("schema migrations", "数据库结构迁移"),
    "help.upgrade": (
        "upgrade the database to this LabApp's schema",
        "将数据库升级到当前版本的结构",
    ),
    "help.current": ("show the database's schema revision", "显示数据库的结构版本"),
    "help.backup": (
        "copy the SQLite database to OUT with SQLite's online backup, then verify the copy",
        "用 SQLite 在线备份将数据库复制到 OUT，并校验副本",
    ),
    "help.backup_out": ("the backup file to write", "要写入的备份文件"),
    "help.backup_force": ("replace OUT if it exists", "OUT 已存在时覆盖"),
    "help.restore": (
        "replace the database (--database) by a LabApp backup file, then verify it",
        "用 LabApp 备份文件替换数据库（--database），并校验",
    ),
    "help.restore_file": ("the backup file to restore", "要恢复的备份文件"),
    "help.restore_force": (
        "replace a database that holds data (it is first copied beside itself)",
        "替换已有数据的数据库（先在其旁边保留一份副本）",
    ),
    "help.export": (
        "write an auditor's Excel workbook (register, traceability, plan, due, dashboard, audit "
        "trail); register, plan and audit print a PDF when OUT ends in .pdf",
        "导出供审核使用的 Excel 工作簿（台账、溯源表、周检计划、到期清单、质量指标、"
        "审计追踪记录）；当输出文件以 .pdf 结尾时，台账、周检计划和审计追踪记录打印为 PDF",
    ),
    "help.export_kind": ("what to export", "导出内容"),
    "help.out": (
        "the .xlsx file to write (.pdf for register, plan, audit)",
        "要写入的 .xlsx 文件（台账、周检计划、审计追踪记录可为 .pdf）",
    ),
    "help.register_columns": (
        "register as .pdf: the columns to print, comma-separated (asset_tag, name, manufacturer, "
        "model, serial, quantity, range_text, accuracy_text, role, level, mandatory_verification, "
        "custodian, location, status, last_calibrated_on, due_on)",
        "台账导出为 .pdf 时要打印的列，以逗号分隔（asset_tag 资产编号、name 名称、"
        "manufacturer 制造商、model 型号、serial 出厂编号、quantity 测量量、range_text 测量范围、"
        "accuracy_text 准确度、role 用途、level 标准等级、mandatory_verification 强检、"
        "custodian 保管人、location 存放地点、status 状态、last_calibrated_on 上次检定日期、"
        "due_on 到期日）",
    ),
    "help.audit_from": (
        "audit: entries from this day on (YYYY-MM-DD, local time)",
        "audit：自该日起的记录（YYYY-MM-DD，本地时间）",
    ),
    "help.audit_to": (
        "audit: entries up to and including this day (YYYY-MM-DD, local time)",
        "audit：截至该日（含）的记录（YYYY-MM-DD，本地时间）",
    ),
    "help.export_year": (
        "plan: the plan of this year (default: the newest); dashboard: the year of the on-time "
        "rate (default: this year)",
        "plan：该年度的计划（默认最新计划）；dashboard：受检率的年度（默认今年）",
    ),
    "help.window": ("due: which due dates to list", "due：列出哪些到期日"),
    "help.export_today": (
        "the date the export is for (YYYY-MM-DD; default today)",
        "导出所依据的日期（YYYY-MM-DD；默认今天）",
    ),
    "help.lead_days": ("'due soon' means due within this many days", "“即将到期”的天数"),
    "help.item": (
        "traceability: only this item's chain; audit: only this item's trail and its events' "
        "(asset tag)",
        "traceability：只导出该器具（资产编号）的溯源链；audit：只导出该器具及其检定/校准记录"
        "的审计追踪",
    ),
    "help.quantity": (
        "traceability: only items of this quantity (its key, English or Chinese name)",
        "traceability：只导出该测量量的器具（代码、中文或英文名称均可）",
    ),
    "help.standards_only": (
        "traceability: only measurement standards",
        "traceability：只导出计量标准",
    ),
    "help.bilingual": ("headers in Chinese and English", "表头使用中英双语"),
    # results
    "init.done": (
        "LabApp database ready: {url} (schema {revision})",
        "LabApp 数据库已就绪：{url}（结构版本 {revision}）",
    ),
    "upgrade.done": (
        "Upgraded {url} from {before} to {after}",
        "已将 {url} 从 {before} 升级到 {after}",
    ),
    "upgrade.none": (
        "{url} is already at {after}; nothing to do",
        "{url} 已是 {after} 版本，无需升级",
    ),
    "backup.done": (
        "Backed up {source} to {out} (schema {revision}; integrity check ok)",
        "已将 {source} 备份到 {out}（结构版本 {revision}；完整性检查通过）",
    ),
    "restore.kept": (
        "The database as it was is kept at {path}",
        "原数据库已保留在 {path}",
    ),
    "restore.done": (
        "Restored {backup} into {target} (schema {revision}; integrity check ok)",
        "已将 {backup} 恢复到 {target}（结构版本 {revision}；完整性检查通过）",
    ),
    "current.revision": ("current revision: {revision}", "当前版本：{revision}"),
    "current.head": ("head revision:    {head}", "最新版本：{head}"),
    "current.ok": ("up to date", "已是最新"),
    "current.behind": (
        "behind: run 'labapp-cli db upgrade'",
        "落后：请运行 'labapp-cli db upgrade'",
    ),
    "current.newer": (
        "created by a newer LabApp (revision {revision}): update LabApp; the file was not changed",
        "由更新版本的 LabApp 创建（版本 {revision}）：请升级 LabApp；文件未作任何改动",
    ),
    "current.empty": ("(none: not initialised)", "（无：尚未初始化）"),
    "demo.start": (
        "Seeding the demo laboratory into {url} ({instruments} instruments, {years} years)…",
        "正在向 {url} 写入演示实验室（{instruments} 台件，{years} 年）…",
    ),
    "demo.progress": ("  {done}/{total} instruments", "  已完成 {done}/{total} 台件"),
    "demo.replaced": ("Removed the old demo database {path}", "已删除旧的演示数据库 {path}"),
    "demo.made": ("Made:", "已生成："),
    "demo.line": ("  {label:<34} {count:>9}", "  {label:<30} {count:>9}"),
    "demo.time": (
        "Done in {seconds:.1f} s (today = {today})",
        "用时 {seconds:.1f} 秒（今天 = {today}）",
    ),
    "interrupted": ("Interrupted", "已中断"),
    "export.done": (
        "Wrote {path}: {rows} rows in {seconds:.1f} s",
        "已写入 {path}：{rows} 行，用时 {seconds:.1f} 秒",
    ),
    "export.empty": (
        "note: the {kind} export holds no rows: nothing matched the filter",
        "注意：导出的 {kind} 没有任何数据行：没有符合筛选条件的记录",
    ),
    "export.progress": ("  {done}/{total} items", "  已完成 {done}/{total} 台件"),
    "export.due_title": ("Due: {window}", "到期：{window}"),
    "export.due_filter": ("{window} (as of {today})", "{window}（截至 {today}）"),
    "window.overdue": ("Overdue", "已超期"),
    "window.this_month": ("This month", "本月"),
    "window.next_30": ("Next 30 days", "未来 30 天"),
    "window.next_60": ("Next 60 days", "未来 60 天"),
    "window.next_90": ("Next 90 days", "未来 90 天"),
    "window.quarter": ("This quarter", "本季度"),
    "window.year": ("This year", "本年度"),
    # import register
    "help.import": ("import records from a lab's ledger", "从实验室台账导入记录"),
    "help.import_register": (
        "import a lab's ledger (仪器设备台账, any layout, or LabApp's export): all rows or none",
        "导入实验室的仪器设备台账（任意格式，或 LabApp 导出的台账）：全部导入或全部不导入",
    ),
    "help.import_file": (
        "the Excel file (.xlsx, .xlsm, .xls, .ods)",
        "Excel 文件（.xlsx、.xlsm、.xls、.ods）",
    ),
    "help.import_errors": (
        "where to write the error workbook (default: FILE.errors.xlsx beside the file)",
        "错误工作簿的保存位置（默认：与文件同目录的 FILE.errors.xlsx）",
    ),
    "help.import_dry_run": ("check every row, import nothing", "只检查每一行，不导入"),
    "help.import_user": (
        "who imports, recorded in the audit log (default: your login name)",
        "导入人，记入审计日志（默认：当前登录名）",
    ),
    "import.cell": ("{sheet}!{cell}: {reason}", "{sheet}!{cell}：{reason}"),
    "import.more": ("… and {n} more bad cells", "……另有 {n} 个错误单元格"),
    "import.warning": ("warning: {text}", "警告：{text}"),
    "import.refused": (
        "{n} bad cells: nothing imported; error workbook written to {errors}",
        "{n} 个单元格有误：未导入任何记录；错误工作簿已保存到 {errors}",
    ),
    "import.no_rows": (
        "{file} holds no register rows: nothing imported",
        "{file} 中没有台账行，未导入任何记录",
    ),
    "import.dry_run": (
        "{rows} items from {file} would be added (dry run: nothing imported)",
        "{file} 中的 {rows} 台件可以导入（试运行：未导入任何记录）",
    ),
    "import.done": ("Imported {rows} items from {file}", "已从 {file} 导入 {rows} 台件"),
    # report labels
    "label.reference": ("reference standards", "最高计量标准"),
    "label.working_standard": ("working standards", "工作计量标准"),
    "label.working": ("working instruments", "工作计量器具"),
    "label.laboratories": ("laboratories", "实验室"),
    "label.locations": ("locations", "地点"),
    "label.persons": ("people", "人员"),
    "label.person_roles": ("roles", "角色"),
    "label.qualifications": ("licences", "资质证书"),
    "label.providers": ("providers", "溯源机构"),
    "label.provider_scopes": ("provider scope lines", "机构能力范围条目"),
    "label.procedures": ("procedures", "规程/规范"),
    "label.instruments": ("instruments (all)", "台件（合计）"),
    "label.events": ("verifications/calibrations", "检定/校准记录"),
    "label.measurement_points": ("measurement points", "测量点"),
    "label.event_standards": ("standards used (traceability links)", "所用标准（溯源链接）"),
    "label.standard_certificates": ("standard certificates (考核证书)", "计量标准考核证书"),
    "label.standard_certificate_instruments": ("certificate–standard links", "证书与标准关联"),
    "label.check_plans": ("intermediate check plans", "期间核查计划"),
    "label.intermediate_checks": ("intermediate checks", "期间核查"),
    "label.check_readings": ("check readings", "核查读数"),
    "label.comparisons": ("comparisons", "比对"),
    "label.comparison_participants": ("comparison participants", "比对参加者"),
    "label.overdue": ("overdue (in service)", "超期（在用）"),
    "label.failed": ("last result FAIL", "最近结果不合格"),
    "label.out_of_service": ("out of service / sealed", "停用/封存"),
    "label.drafts": ("draft events", "草稿记录"),
    "label.broken_links": ("broken traceability links", "溯源链断裂"),
    # plan generate / approve
    "help.plan": (
        "the annual re-verification plan (周检计划): generate, approve",
        "年度周检计划：生成、批准",
    ),
    "help.plan_generate": (
        "draw up the draft plan of a year: one line per due occurrence",
        "生成某年度的周检计划草稿：每个应检次数一行",
    ),
    "help.plan_approve": (
        "approve the newest draft plan of a year, with a reason",
        "批准某年度最新的周检计划草稿（需填写理由）",
    ),
    "help.plan_year": ("the plan's year", "计划年度"),
    "help.plan_today": (
        "the date the plan is drawn up on (YYYY-MM-DD; default today)",
        "编制计划的日期（YYYY-MM-DD；默认今天）",
    ),
    "help.plan_idle": (
        "include sealed and out-of-service items",
        "包括封存和停用的器具",
    ),
    "help.plan_reason": ("why the plan is approved (audited)", "批准理由（记入审计日志）"),
    "help.plan_user": (
        "who acts, recorded in the audit log (default: your login name)",
        "操作人，记入审计日志（默认：当前登录名）",
    ),
    "help.lab_settings": (
        "show or set the on-time rate's target and definition and the control charts' minimum "
        "baseline",
        "查看或设置受检率目标值和定义，以及控制图的最少基线点数",
    ),
    "help.lab_target": (
        "the on-time rate's target in % (default 96)",
        "受检率目标值，%（默认 96）",
    ),
    "help.lab_definition": (
        "the lab's own definition of the rate ('' restores LabApp's)",
        "本实验室对受检率的定义（'' 恢复 LabApp 默认定义）",
    ),
    "help.lab_baseline": (
        "fewest baseline points a control chart's limits come from without a warning",
        "控制图控制限所需的最少基线点数（少于此数时给出提示）",
    ),
    "lab.target": ("On-time rate target: {target} %", "受检率目标值：{target} %"),
    "lab.definition": ("Definition: {text}", "定义：{text}"),
    "lab.baseline": (
        "Control charts: at least {n} baseline points",
        "控制图：至少 {n} 个基线点",
    ),
    "plan.title": ("Re-verification plan {year}", "{year} 年周检计划"),
    "plan.generated": (
        "Generated draft plan {year} (id {id}): {lines} lines, {carried} carried over from "
        "before {year}, {in_year} due in {year}",
        "已生成 {year} 年周检计划草稿（编号 {id}）：共 {lines} 行，其中 {carried} 行为 {year} "
        "年前到期未检的结转项，{in_year} 行在 {year} 年内到期",
    ),
    "plan.approved": (
        "Approved plan {year} (id {id}, revision {revision}, {lines} lines) as {user}",
        "已批准 {year} 年周检计划（编号 {id}，第 {revision} 版，共 {lines} 行），批准人 {user}",
    ),
}


for _table in (
    MASTER_MESSAGES,
    ACCOUNT_MESSAGES,
    ERROR_MESSAGES,
    IMPORT_MESSAGES,
    CERTIFICATE_MESSAGES,
):
    assert not MESSAGES.keys() & _table.keys(), "a key of the CLI's tables repeats"
    MESSAGES.update(_table)


def detect_language(argv: Sequence[str], env: Mapping[str, str] = os.environ) -> str:
    """``--lang X`` in ``argv`` wins; else a ``zh_CN`` locale in the environment; else English."""
    for n, arg in enumerate(argv):
        if arg == "--lang" and n + 1 < len(argv):
            return _language(argv[n + 1])
        if arg.startswith("--lang="):
            return _language(arg.split("=", 1)[1])
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return "zh_CN" if value.startswith("zh_CN") else "en"
    return "en"


def _language(value: str) -> str:
    return "zh_CN" if value.replace("-", "_").startswith("zh") else "en"


class Messages:
    """The message table in one language: ``messages("init.done", url=..., revision=...)``."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"
        self._column = LANGUAGES.index(self.language)

    def __call__(self, key: str, **values: object) -> str:
        return MESSAGES[key][self._column].format(**values)

    def sentence(self, key: str) -> str:
        """The sentence ``key`` in this language, unfilled."""
        return MESSAGES[key][self._column]

    def has(self, key: str) -> bool:
        """True when the table has ``key``."""
        return key in MESSAGES

    def fill(self, key: str, values: Mapping[str, object]) -> str:
        """The sentence ``key`` with ``values``; a name it uses that ``values`` lacks is left
        empty (an error's params vary with the place that raised it)."""
        text = MESSAGES[key][self._column]
        names = {name for _, name, _, _ in Formatter().parse(text) if name}
        return text.format(**{name: values.get(name, "") for name in names})
