"""The audit trail of an item or a period as an Excel workbook and as a printable PDF.

Both list, oldest first, each entry's time (local, with its UTC offset), who (name and login),
the action, the record, every changed field old → new, the reason and whether the entry verifies
(:func:`labapp.services.audit.audit_trail` runs the integrity check).  The cover (Excel) or the
cover block (PDF) says what was asked for, when the check ran and what it found overall; the
workbook also lists every problem the check found, wherever in the chain it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from labapp.domain.enums import AuditAction
from labapp.io.excel import ColumnSpec, ExportResult, Language, SheetSpec, pick, write_workbook
from labapp.io.pdf import ReportColumn, TableReport, save_table_report
from labapp.services.audit import AuditTrail, AuditTrailLine, EntryIntegrity
from labapp.services.common import cover_for, laboratory_name
from labapp.services.database import Database

__all__ = [
    "ACTION_WORDS",
    "RECORD_WORDS",
    "audit_scope_text",
    "export_audit_pdf",
    "export_audit_xlsx",
]

ACTION_WORDS = {
    AuditAction.CREATE: ("Created", "创建"),
    AuditAction.UPDATE: ("Changed", "修改"),
    AuditAction.CHECK: ("Checked", "核验"),
    AuditAction.APPROVE: ("Approved", "批准"),
    AuditAction.RETIRE: ("Retired", "停用"),
    AuditAction.DELETE: ("Deleted", "删除"),
    AuditAction.CORRECT: ("Corrected", "更正"),
    AuditAction.OVERRIDE: ("Overridden", "越权更改"),
}
INTEGRITY_WORDS = {
    EntryIntegrity.VERIFIED: ("Verified", "验证通过"),
    EntryIntegrity.LEGACY: ("Before sealing (not verifiable)", "启用封印前的记录（无法验证）"),
    EntryIntegrity.BROKEN: ("BROKEN", "验证失败"),
}
_HEADERS = (
    ("when", "When (local time)", "时间（本地）", 1.3),
    ("who", "Who (name, login)", "操作人（姓名、账号）", 1.2),
    ("action", "Action", "操作", 0.7),
    ("record", "Record", "记录", 1.2),
    ("changes", "Changed fields (old → new)", "变更字段（原值 → 新值）", 3.2),
    ("reason", "Reason", "理由", 1.4),
    ("integrity", "Chain and seals", "审计链与封印", 1.1),
)


def audit_title(trail: AuditTrail, language: Language) -> tuple[str, str]:
    """The report's title in English and Chinese."""
    if trail.item_tag:
        return f"Audit trail of {trail.item_tag}", f"{trail.item_tag} 审计追踪记录"
    return "Audit trail", "审计追踪记录"


#: audited table -> its name in the report (the Audit page's words for its kind of record)
RECORD_WORDS: dict[str, tuple[str, str]] = {
    "instruments": ("Instrument", "计量器具"),
    "events": ("Calibration event", "检定/校准记录"),
    "measurement_points": ("Measurement point", "测量点"),
    "persons": ("Person", "人员"),
    "locations": ("Location", "存放地点"),
    "providers": ("Provider", "上级计量机构"),
    "procedures": ("Procedure", "规程/规范"),
    "attachments": ("Attachment", "附件"),
    "database": ("Database", "数据库"),
}


def audit_scope_text(trail: AuditTrail, language: Language) -> str:
    """What was asked for, in words: the item, the person, the kind of record and the days
    (both ends included) — every filter of the Audit page."""
    parts = []
    if trail.item_tag:
        parts.append(pick("item", "器具", language) + f" = {trail.item_tag}")
    if trail.user:
        parts.append(pick("person", "操作人", language) + f" = {trail.user}")
    if trail.entity:
        words = RECORD_WORDS.get(trail.entity, (trail.entity, trail.entity))
        parts.append(pick("record", "记录类别", language) + f" = {pick(*words, language)}")
    if trail.date_from or trail.date_to:
        start = trail.date_from.isoformat() if trail.date_from else "…"
        end = trail.date_to.isoformat() if trail.date_to else "…"
        parts.append(pick("days", "日期", language) + f" {start} – {end}")
    return "; ".join(parts) or pick("the whole trail", "全部记录", language)


def entries_text(trail: AuditTrail, language: Language) -> str:
    """How many entries are listed, how many are missing from the database (listed as broken),
    and a warning when more matched than one report holds."""
    gone = trail.missing
    n = len(trail.lines) - gone
    text = str(n)
    if gone:
        text += pick(f" (and {gone} missing: removed from the database, listed as BROKEN)",
                     f"（另有 {gone} 条缺失：已从数据库删除，列为验证失败）", language)  # fmt: skip
    if not trail.more:
        return text
    return text + pick(
        f" (the oldest {n} only: more entries matched; narrow the item or the days)",
        f"（仅列出最早的 {n} 条：符合条件的记录更多，请缩小器具或日期范围）",
        language,
    )


def _integrity_summary(trail: AuditTrail, language: Language) -> str:
    when = trail.checked_at.strftime("%Y-%m-%d %H:%M:%S %z")
    if trail.chain_ok:
        return pick(
            f"intact: the chain of {trail.entries_checked} entries and every seal verify "
            f"(checked {when})",
            f"完好：{trail.entries_checked} 条记录的审计链及全部封印验证通过（检查于 {when}）",
            language,
        )
    return pick(
        f"NOT intact: {trail.problems} problem(s) found in the chain or the seals (checked {when})",
        f"不完整：审计链或封印中发现 {trail.problems} 处问题（检查于 {when}）",
        language,
    )


def _cells(line: AuditTrailLine, language: Language) -> list[object]:
    integrity = pick(*INTEGRITY_WORDS[line.integrity], language)
    if line.problem:
        integrity = f"{integrity}: {line.problem}"
    entry = line.entry
    if entry is None:  # removed from the database: only its place in the chain is known
        gone = pick("(entry missing: removed)", "（记录缺失：已被删除）", language)
        return ["", "", gone, line.record, "", "", integrity]
    who = f"{line.person} ({entry.user})" if line.person else entry.user
    changes = "\n".join(f"{c.field}: {_shown(c.old)} → {_shown(c.new)}" for c in entry.changes)
    action = ACTION_WORDS.get(entry.action, (str(entry.action), str(entry.action)))
    return [
        _local(entry.at),
        who,
        pick(*action, language),
        line.record,
        changes,
        entry.reason or "",
        integrity,
    ]


def _shown(value: str | None) -> str:
    return "∅" if value is None or value == "" else value


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %z")


def _rows(trail: AuditTrail, language: Language) -> Iterator[Sequence[object]]:
    return (_cells(line, language) for line in trail.lines)


def export_audit_xlsx(
    path: str | Path, trail: AuditTrail, user: str, language: Language, db: Database
) -> ExportResult:
    """Write ``trail`` to ``path``: a cover, the entries, then every integrity problem found.

    Parameters
    ----------
    path : str or Path
        The target ``.xlsx`` (replaced only once complete).
    trail : AuditTrail
        From :func:`labapp.services.audit.audit_trail`.
    user : str
        Who exports.
    language : {"en", "zh_CN", "bilingual"}
        Language of the headers, words and cover.
    db : Database
        The database the trail came from (its laboratory and name go on the cover).
    """
    title = pick(*audit_title(trail, language), language)
    columns = [ColumnSpec(key, en, zh) for key, en, zh, _ in _HEADERS]
    entries = SheetSpec(
        pick("Audit trail", "审计追踪", language),
        columns,
        _rows(trail, language),
        audit_scope_text(trail, language),
    )
    facts = (
        (pick("Entries", "记录条数", language), entries_text(trail, language)),
        (pick("Integrity", "完整性", language), _integrity_summary(trail, language)),
    )
    cover = replace(cover_for(db, title, user, audit_scope_text(trail, language)), facts=facts)
    return write_workbook(
        path, cover, [entries, _problems_sheet(trail, language)], language=language
    )


def _problems_sheet(trail: AuditTrail, language: Language) -> SheetSpec:
    columns = [
        ColumnSpec("kind", "Kind", "类别"),
        ColumnSpec("entity", "Table", "数据表"),
        ColumnSpec("key", "Entry or record", "记录号"),
        ColumnSpec("detail", "What is wrong", "问题"),
    ]
    rows = [(p.kind, p.entity, p.key, p.detail) for p in trail.problem_list]
    return SheetSpec(pick("Integrity problems", "完整性问题", language), columns, rows)


def export_audit_pdf(
    path: str | Path,
    trail: AuditTrail,
    user: str,
    language: Language,
    db: Database,
    generated_at: datetime | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path | None:
    """Print ``trail`` as an A4 landscape PDF at ``path`` (same parameters as the workbook);
    ``progress(done, total)`` follows the rows drawn, ``cancel()`` True stops it (None, no file)."""
    title_en, title_zh = audit_title(trail, language)
    columns = [ReportColumn(key, en, zh, weight) for key, en, zh, weight in _HEADERS]
    report = TableReport(
        title_en=title_en,
        title_zh=title_zh,
        columns=columns,
        rows=list(_rows(trail, language)),
        language=language,
        lab_name=laboratory_name(db),
        cover_lines=[
            ("Scope", "范围", audit_scope_text(trail, language)),
            ("Entries", "记录条数", entries_text(trail, language)),
            ("Integrity", "完整性", _integrity_summary(trail, language)),
            ("Printed by", "打印人", user),
        ],
        generated_at=generated_at or datetime.now().astimezone(),
    )
    return save_table_report(report, path, progress=progress, cancel=cancel)
