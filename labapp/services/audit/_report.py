"""The audit trail of one item or of a period, as a report prints it (PDF and Excel).

Each line: when, who (the person's name and login), the action, the record (its table, id and,
for an item or its events, the asset tag), every changed field old → new, the reason, and
whether the entry verifies: the whole audit chain and every seal are checked with
:func:`labapp.services.accounts.verify_integrity` and each line says ``verified``, ``legacy``
(written before sealing began, so nothing to verify) or ``broken`` with what is wrong (the
entry's hash, link or seal, or, for an event, a seal of the event as it is now).  A finding
names every entry it concerns (``IntegrityProblem.entries``), so each entry of a run written
without a login or of a batch whose seal fails is marked itself.  Entries missing from the
database (removed) are listed as lines of their own, marked broken, where the trail is not
narrowed to an item, a person or a kind of record (there is no telling whose they were): between
its first and last entry, and after its last when the trail runs to the present.

An item's trail is its own entries and those of its events (as the item's page shows them).  A
period is local calendar days, both ends included; a start after the end is refused
(``date_order``).  The Audit page's other filters narrow it the same way: the person (a login)
and the kind of record (an audited table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select

from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence.models import AuditLogRow, EventRow, InstrumentRow, PersonRow
from labapp.services.accounts import IntegrityProblem, IntegrityReport, verify_integrity
from labapp.services.audit._dto import AuditEntry
from labapp.services.audit._trail import audit_entry, item_condition
from labapp.services.database import Database

__all__ = ["AuditTrail", "AuditTrailLine", "EntryIntegrity", "audit_trail"]

#: At most this many entries in one report; the report says so when more matched (the user
#: narrows the item or the days), it never drops entries silently.
MAX_ENTRIES = 20_000


class EntryIntegrity(StrEnum):
    """What the integrity check says of one audit entry."""

    VERIFIED = "verified"
    LEGACY = "legacy"  # written before sealing began: no hash, no seal to check
    BROKEN = "broken"


@dataclass(frozen=True)
class AuditTrailLine:
    """One audit entry with who wrote it by name, the record in words and its integrity."""

    entry: AuditEntry | None  # None: the entry is missing from the database (removed)
    person: str  # the author's name ("" when the login names no person)
    record: str  # e.g. "instruments 12 (DMM-001)"
    integrity: EntryIntegrity
    problem: str = ""
    seq: int = 0  # the entry's place in the audit chain


@dataclass(frozen=True)
class AuditTrail:
    """The trail asked for (oldest first) and what the integrity check found overall."""

    item_tag: str | None
    date_from: date | None
    date_to: date | None
    lines: tuple[AuditTrailLine, ...]
    chain_ok: bool
    problems: int
    entries_checked: int
    checked_at: datetime
    problem_list: tuple[IntegrityProblem, ...] = ()  # everything found, in or out of the trail
    more: bool = False  # more entries matched than MAX_ENTRIES: only the oldest are listed
    user: str | None = None  # only this login's entries
    entity: str | None = None  # only entries of this audited table ("instruments", "events", …)

    @property
    def missing(self) -> int:
        """How many lines stand for entries missing from the database."""
        return sum(1 for line in self.lines if line.entry is None)

    @property
    def verified(self) -> int:
        """How many lines verify."""
        return sum(1 for line in self.lines if line.integrity is EntryIntegrity.VERIFIED)


def audit_trail(
    db: Database,
    *,
    item_tag: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    user: str | None = None,
    entity: str | None = None,
) -> AuditTrail:
    """The audit trail of item ``item_tag`` and/or of the days ``date_from`` … ``date_to``,
    narrowed to the entries of login ``user`` and/or of the audited table ``entity``.

    Raises
    ------
    ValidationError
        ``date_order``: ``date_from`` is after ``date_to``.
    NotFoundError
        No item has the asset tag ``item_tag``.
    """
    if date_from is not None and date_to is not None and date_from > date_to:
        raise ValidationError(
            "date_from", "the start date is after the end date", code="date_order"
        )
    tag = item_tag.strip() if item_tag else None
    report = verify_integrity(db)
    with db.read() as session:
        stmt = _statement(session, tag, date_from, date_to)
        if user:
            stmt = stmt.where(AuditLogRow.user_name == user)
        if entity:
            stmt = stmt.where(AuditLogRow.entity == entity)
        rows = list(session.scalars(stmt))
        more = len(rows) > MAX_ENTRIES
        rows = rows[:MAX_ENTRIES]
        names = _names(session, {r.user_name for r in rows})
        tags = _tags(session, rows)
        found = _findings(report)
        lines = [_line(r, names, tags, report, found.get(r.seq, [])) for r in rows]
        if not (tag or user or entity):
            end = date_to is None and not more
            lines = _with_missing(session, lines, found, open_end=end)
    return AuditTrail(
        tag,
        date_from,
        date_to,
        tuple(lines),
        report.ok,
        len(report.problems),
        report.entries + report.legacy_entries,
        datetime.now().astimezone(),
        tuple(report.problems),
        more,
        user or None,
        entity or None,
    )


def _statement(session: Any, tag: str | None, start: date | None, end: date | None) -> Any:
    stmt = select(AuditLogRow).order_by(AuditLogRow.seq).limit(MAX_ENTRIES + 1)
    if tag:
        stmt = stmt.where(_item_condition(session, tag))
    if start is not None:
        stmt = stmt.where(AuditLogRow.at >= datetime.combine(start, time.min).astimezone())
    if end is not None:
        until = datetime.combine(end + timedelta(days=1), time.min).astimezone()
        stmt = stmt.where(AuditLogRow.at < until)
    return stmt


def _item_condition(session: Any, tag: str) -> Any:
    found = session.scalar(
        select(InstrumentRow.id).where(func.lower(InstrumentRow.asset_tag) == tag.lower())
    )
    if found is None:
        raise NotFoundError("instruments", tag)
    return item_condition(session, int(found))


def _names(session: Any, logins: set[str]) -> dict[str, str]:
    if not logins:
        return {}
    stmt = select(PersonRow.login, PersonRow.name).where(PersonRow.login.in_(sorted(logins)))
    return {str(login): str(name) for login, name in session.execute(stmt)}


def _tags(session: Any, rows: Sequence[Any]) -> dict[tuple[str, str], str]:
    """Asset tags of the instruments and events the entries name."""
    ids = {
        e: [int(r.entity_id) for r in rows if r.entity == e and r.entity_id.isdigit()]
        for e in ("instruments", "events")
    }
    out: dict[tuple[str, str], str] = {}
    for chunk in _chunks(ids["instruments"]):
        stmt = select(InstrumentRow.id, InstrumentRow.asset_tag).where(InstrumentRow.id.in_(chunk))
        out.update({("instruments", str(i)): str(t) for i, t in session.execute(stmt)})
    for chunk in _chunks(ids["events"]):
        stmt = (
            select(EventRow.id, InstrumentRow.asset_tag)
            .join(InstrumentRow, EventRow.instrument_id == InstrumentRow.id)
            .where(EventRow.id.in_(chunk))
        )
        out.update({("events", str(i)): str(t) for i, t in session.execute(stmt)})
    return out


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    unique = sorted(set(ids))
    return [unique[i : i + size] for i in range(0, len(unique), size)]


def _findings(report: IntegrityReport) -> dict[int, list[str]]:
    """What is wrong with each audit entry (``seq``) a finding concerns."""
    out: dict[int, list[str]] = {}
    for problem in report.problems:
        for seq in problem.entries:
            out.setdefault(seq, []).append(problem.detail)
    return out


def _with_missing(
    session: Any, lines: list[AuditTrailLine], found: dict[int, list[str]], *, open_end: bool
) -> list[AuditTrailLine]:
    """``lines`` with a broken line for each entry a finding names that is not in the database,
    between the first and last line (and after the last when ``open_end``), in chain order."""
    present = {line.seq for line in lines}
    if not present:
        return lines
    first, last = min(present), max(present)
    named = [s for s in found if s not in present and (first < s < last or (open_end and s > last))]
    existing: set[int] = set()
    for chunk in _chunks(named):
        existing.update(session.scalars(select(AuditLogRow.seq).where(AuditLogRow.seq.in_(chunk))))
    extra = [
        AuditTrailLine(None, "", f"audit_log {s}", EntryIntegrity.BROKEN, "; ".join(found[s]), s)
        for s in named
        if s not in existing
    ]
    return sorted([*lines, *extra], key=lambda line: line.seq)


def _line(
    row: Any,
    names: dict[str, str],
    tags: dict[tuple[str, str], str],
    report: IntegrityReport,
    found: list[str],
) -> AuditTrailLine:
    tag = tags.get((row.entity, row.entity_id))
    record = f"{row.entity} {row.entity_id}" + (f" ({tag})" if tag else "")
    problems = [*found]  # the chain's and the seals' findings naming this entry
    problems += [
        p.detail for p in report.problems if (p.entity, p.key) == (row.entity, row.entity_id)
    ]
    if problems:
        integrity = EntryIntegrity.BROKEN
    elif row.entry_hash is None:
        integrity = EntryIntegrity.LEGACY
    else:
        integrity = EntryIntegrity.VERIFIED
    return AuditTrailLine(
        audit_entry(row), names.get(row.user_name, ""), record, integrity, "; ".join(problems),
        row.seq,
    )  # fmt: skip
