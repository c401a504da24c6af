"""Seals: the canonical form of an event, signing it, and checking every seal and the audit chain.

What an electronic signature covers (:func:`event_content`): every column of the event except the
workflow's own (status, who checked/approved and when, version and ``created_*``/``updated_*``),
every point and every standard used, each as text (exact decimals as stored, ISO dates); a column
whose value is NULL is left out, so a column a later migration adds does not change the content of
older records.  The signature signs :func:`labapp.domain.integrity.signed_content_hash` of that
content with its meaning (``check`` / ``approve``), the signer's login and the time.

:func:`verify_integrity` (``labapp-cli audit verify``, the Audit page's "Verify integrity") checks:

* the audit chain: every entry's hash, the link to the entry before, no gap in the numbering, the
  head matching the last entry, every batch sealed by its own author with a key registered in the
  chain before (the first administrator's key registers itself);
* every checked, approved or superseded event written since sealing began: its check and approval
  signatures exist, are by the event's checker and approver, and match the record as it is now.

Entries and events from before sealing began (a database upgraded from an older LabApp) are
counted as such, not reported as broken.

Long module on purpose: what a seal covers and how it is verified must be read side by side;
apart, the canonical form could change without the check that reads it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from labapp.domain.integrity import chain_hash, signed_content_hash
from labapp.persistence.audit import audit_fields, audit_text
from labapp.persistence.models import (
    AuditLogRow,
    EventRow,
    EventStandardRow,
    InstrumentRow,
    MeasurementPointRow,
    MetaRow,
    PersonRow,
)
from labapp.persistence.models_accounts import AuditHeadRow, PersonKeyRow, SignatureRow
from labapp.persistence.types import utcnow
from labapp.services.accounts import _crypto as crypto
from labapp.services.database import Database

__all__ = [
    "SEALED_STATUSES",
    "IntegrityProblem",
    "IntegrityReport",
    "event_content",
    "event_problems",
    "sealed_event_chunks",
    "sign_event",
    "signature_row",
    "verify_integrity",
]

SEALED_STATUSES = ("checked", "approved", "superseded")
_WORKFLOW = frozenset(
    {"status", "checker_id", "approver_id", "checked_at", "approved_at", "version",
     "created_at", "created_by", "updated_at", "updated_by"}
)  # fmt: skip
_CHILD_SKIP = frozenset(
    {"id", "event_id", "version", "created_at", "created_by", "updated_at", "updated_by"}
)
_CHUNK = 2000


@dataclass(frozen=True)
class IntegrityProblem:
    """One broken, altered or forged record: what kind, which record, and what is wrong."""

    kind: str  # chain | seal | signature | head
    entity: str
    key: str
    detail: str
    #: every audit entry (``seq``) the finding concerns: the entry itself, each entry of a run
    #: written without a login, each missing entry of a gap; empty for a record's seal
    entries: tuple[int, ...] = ()


@dataclass
class IntegrityReport:
    """What :func:`verify_integrity` found."""

    problems: list[IntegrityProblem] = field(default_factory=list)
    entries: int = 0
    legacy_entries: int = 0
    events: int = 0
    legacy_events: int = 0
    head_seq: int = 0
    head_hash: str = ""

    @property
    def ok(self) -> bool:
        """True when nothing is broken."""
        return not self.problems


# --- the canonical form ------------------------------------------------------------------------


def _text(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return audit_text(value)


def _clean(row: Mapping[str, Any], skip: frozenset[str]) -> dict[str, Any]:
    return {k: _text(v) for k, v in row.items() if k not in skip and v is not None}


def event_content(
    event: Mapping[str, Any],
    points: Iterable[Mapping[str, Any]],
    standards: Iterable[Mapping[str, Any]],
) -> dict[str, Any]:
    """The canonical content of an event (plain column mappings of the event and its children)."""
    pts = sorted(
        (_clean(p, _CHILD_SKIP) for p in points), key=lambda p: (p["stage"], int(p["seq"]))
    )
    stds = sorted(
        (_clean(s, _CHILD_SKIP) for s in standards), key=lambda s: int(s["instrument_id"])
    )
    return {"event": _clean(event, _WORKFLOW), "points": pts, "standards": stds}


def _mapping(row: Any) -> dict[str, Any]:
    table: Table = type(row).__table__
    return {c.key: getattr(row, c.key) for c in table.columns}


def _orm_content(session: Session, event: EventRow) -> dict[str, Any]:
    session.flush()
    points = session.scalars(
        select(MeasurementPointRow).where(MeasurementPointRow.event_id == event.id)
    )
    standards = session.scalars(
        select(EventStandardRow).where(EventStandardRow.event_id == event.id)
    )
    return event_content(_mapping(event), map(_mapping, points), map(_mapping, standards))


def signature_row(
    content: Mapping[str, Any],
    event_id: int,
    meaning: str,
    signer: Any,
    person_id: int,
    signed_at: datetime,
) -> dict[str, Any]:
    """A ``signatures`` row for ``content`` signed by ``signer`` (login, key_id, sign())."""
    digest = signed_content_hash(content, meaning, signer.login, _text(signed_at))
    return {
        "event_id": event_id,
        "person_id": person_id,
        "meaning": meaning,
        "signed_at": signed_at,
        "content_hash": digest,
        "signature": signer.sign(digest.encode("ascii")),
        "key_id": signer.key_id,
    }


def sign_event(session: Session, actor: Any, event: EventRow, meaning: str) -> SignatureRow:
    """Sign ``event`` as it is now (``check`` or ``approve``) with ``actor``'s key."""
    at = utcnow()
    values = signature_row(_orm_content(session, event), event.id, meaning, actor,
                           actor.person_id, at)  # fmt: skip
    row = SignatureRow(**values)
    session.add(row)
    return row


# --- verification: the chain --------------------------------------------------------------------


def _meta_int(conn: Connection, key: str) -> int:
    value = conn.execute(select(MetaRow.value).where(MetaRow.key == key)).scalar_one_or_none()
    return int(value) if value and value.isdigit() else 0


class _Chain:
    """Walks the audit log in order and collects what is wrong with it."""

    def __init__(self, conn: Connection, report: IntegrityReport) -> None:
        self.report = report
        self.legacy_until = _meta_int(conn, "sealing_since_seq")
        keys = conn.execute(
            select(PersonKeyRow.id, PersonKeyRow.person_id, PersonKeyRow.public_key)
        )
        self.keys = {int(i): (int(p), k) for i, p, k in keys}
        logins = conn.execute(select(PersonRow.id, PersonRow.login))
        self.login_of = {int(i): str(login) for i, login in logins}
        self.keys_of: dict[str, list[str]] = defaultdict(list)
        for person_id, key in self.keys.values():
            self.keys_of[self.login_of.get(person_id, "")].append(key)
        self.registered: set[str] = set()
        self.prev = ""
        self.last_seq = 0
        self.pending: list[Any] = []
        self.pending_keys: set[str] = set()
        self.genesis: list[tuple[int, str]] = []

    def problem(
        self, kind: str, key: int, detail: str, entries: tuple[int, ...] | None = None
    ) -> None:
        """A finding at entry ``key``, concerning ``entries`` (default: that entry alone)."""
        concerned = (key,) if entries is None else entries
        self.report.problems.append(
            IntegrityProblem(kind, "audit_log", str(key), detail, concerned)
        )

    def feed(self, row: Any) -> None:
        if row.entry_hash is None and row.seq <= self.legacy_until:
            self.report.legacy_entries += 1
            self.last_seq = row.seq
            return
        self.report.entries += 1
        if self.pending and self.pending[-1].user_name != row.user_name:
            self._unsealed()  # another author begins: what came before was never sealed
        if self.last_seq and row.seq != self.last_seq + 1:
            gap = tuple(range(self.last_seq + 1, row.seq))
            self.problem("chain", row.seq, f"entries {gap[0]}–{gap[-1]} are missing", gap)
        self.last_seq = row.seq
        expected = chain_hash(self.prev if row.prev_hash is not None else "", audit_fields(row))
        if row.prev_hash != self.prev:
            self.problem("chain", row.seq, "does not follow the entry before it (inserted or "
                         "an entry before it was removed)")  # fmt: skip
        if row.entry_hash != expected:
            self.problem("chain", row.seq, f"altered: {row.entity} {row.entity_id} "
                         f"{row.action} by {row.user_name} is not what was written")  # fmt: skip
        self.prev = row.entry_hash or expected
        self.pending.append(row)
        if row.entity == "person_keys":
            self.pending_keys.update(_public_keys(row.changes))
        if row.seal is not None:
            self._seal(row)

    def _seal(self, last: Any) -> None:
        batch, self.pending = self.pending, []
        sealed = tuple(r.seq for r in batch)  # a finding of the seal concerns its whole batch
        authors = {r.user_name for r in batch}
        if authors != {last.user_name}:
            self.problem("seal", last.seq, f"the batch ending here mixes authors {sorted(authors)}",
                         sealed)  # fmt: skip
        candidates = self._candidate_keys(last)
        data = (last.entry_hash or "").encode("ascii")
        good = [k for k in candidates if crypto.verify_signature(k, last.seal, data)]
        if not good:
            self.problem("seal", last.seq, f"the seal of {last.user_name} does not verify "
                         "(forged, or the entries were re-hashed)", sealed)  # fmt: skip
        elif good[0] not in self.registered and good[0] not in self.pending_keys:
            if self.registered:
                self.problem("seal", last.seq, "sealed with a key that was never registered",
                             sealed)  # fmt: skip
            else:  # the first administrator seals the entries that register their own key
                self.genesis.append((last.seq, good[0]))
        self.registered |= self.pending_keys
        self.pending_keys = set()
        if self.genesis and all(key in self.registered for _, key in self.genesis):
            self.genesis = []

    def _candidate_keys(self, row: Any) -> list[str]:
        if row.key_id is not None:
            owner = self.keys.get(int(row.key_id))
            if owner is None or self.login_of.get(owner[0]) != row.user_name:
                return []
            return [owner[1]]
        return list(self.keys_of.get(row.user_name, []))

    def _unsealed(self) -> None:
        first, last = self.pending[0].seq, self.pending[-1].seq
        who = self.pending[0].user_name
        self.problem("seal", first, f"entries {first}–{last} by {who} were written without a "
                     "login (no author's seal)", tuple(r.seq for r in self.pending))  # fmt: skip
        self.pending, self.pending_keys = [], set()

    def finish(self, head: Any) -> None:
        if self.pending:
            self._unsealed()
        for seq, _key in self.genesis:
            self.problem("seal", seq, "sealed with a key that was never registered")
        if head is not None and (int(head.seq) != self.last_seq or (
                self.report.entries and head.hash != self.prev)):  # fmt: skip
            self.report.problems.append(IntegrityProblem(
                "head", "audit_head", str(head.seq),
                f"the chain's head (entry {head.seq}) does not match its last entry "
                f"({self.last_seq}): entries were removed from the end",
                tuple(range(self.last_seq + 1, int(head.seq) + 1))))  # fmt: skip
        self.report.head_seq, self.report.head_hash = self.last_seq, self.prev


def _public_keys(changes: str) -> set[str]:
    try:
        value = json.loads(changes).get("public_key", [None, None])[1]
    except (ValueError, AttributeError, IndexError, TypeError):
        return set()
    return {value} if isinstance(value, str) else set()


def _chain(conn: Connection, report: IntegrityReport) -> None:
    walker = _Chain(conn, report)
    stmt = select(AuditLogRow).order_by(AuditLogRow.seq)
    with Session(bind=conn) as session:
        for row in session.scalars(stmt.execution_options(yield_per=_CHUNK)):
            walker.feed(row)
        head = conn.execute(select(AuditHeadRow.seq, AuditHeadRow.hash)).first()
    walker.finish(head)


# --- verification: the events -------------------------------------------------------------------


def event_children(conn: Connection, table: Table, ids: Sequence[int]) -> dict[int, list[Any]]:
    """The rows of ``table`` (points, standards used, signatures) of the events ``ids``, by event
    id: what an event's seal covers besides the event itself."""
    out: dict[int, list[Any]] = defaultdict(list)
    for row in conn.execute(select(table).where(table.c.event_id.in_(ids))).mappings():
        out[int(row["event_id"])].append(row)
    return out


def sealed_event_chunks(conn: Connection, since: int = 0) -> Iterator[list[Mapping[str, Any]]]:
    """The sealed (checked, approved, superseded) events with an id above ``since``, by id, as
    lists of row mappings of at most a few thousand (a large lab is never read at once)."""
    table = EventRow.__table__
    stmt = (
        select(table)
        .where(table.c.id > since, table.c.status.in_(SEALED_STATUSES))
        .order_by(table.c.id)
    )
    for part in conn.execute(stmt).mappings().partitions(_CHUNK):
        yield list(part)


def _check_events(conn: Connection, report: IntegrityReport, only: int | None = None) -> None:
    since = _meta_int(conn, "sealing_since_event")
    events = EventRow.__table__
    report.legacy_events = int(conn.execute(
        select(func.count()).select_from(events)
        .where(events.c.id <= since, events.c.status.in_(SEALED_STATUSES))
    ).scalar_one())  # fmt: skip
    keys = {int(i): (int(p), k) for i, p, k in conn.execute(
        select(PersonKeyRow.id, PersonKeyRow.person_id, PersonKeyRow.public_key))}  # fmt: skip
    logins = {int(i): str(x) for i, x in conn.execute(select(PersonRow.id, PersonRow.login))}
    tags = {
        int(i): str(t) for i, t in conn.execute(select(InstrumentRow.id, InstrumentRow.asset_tag))
    }
    checker = _EventChecker(report, keys, logins, tags)
    chunks = sealed_event_chunks(conn, since) if only is None else _one(conn, only)
    for chunk in chunks:
        ids = [int(e["id"]) for e in chunk]
        points = event_children(conn, MeasurementPointRow.__table__, ids)
        stds = event_children(conn, EventStandardRow.__table__, ids)
        sigs = event_children(conn, SignatureRow.__table__, ids)
        for event in chunk:
            eid = int(event["id"])
            if only is not None and eid <= since:
                continue
            checker.check(event, points.get(eid, []), stds.get(eid, []), sigs.get(eid, []))


def _one(conn: Connection, event_id: int) -> Iterator[list[Mapping[str, Any]]]:
    table = EventRow.__table__
    row = conn.execute(select(table).where(table.c.id == event_id)).mappings().first()
    if row is not None and row["status"] in SEALED_STATUSES:
        yield [row]


class _EventChecker:
    def __init__(
        self,
        report: IntegrityReport,
        keys: Mapping[int, tuple[int, str]],
        logins: Mapping[int, str],
        tags: Mapping[int, str],
    ) -> None:
        self.report, self.keys, self.logins, self.tags = report, keys, logins, tags

    def problem(self, event: Mapping[str, Any], detail: str) -> None:
        tag = self.tags.get(int(event["instrument_id"]), "?")
        self.report.problems.append(
            IntegrityProblem("signature", "events", str(event["id"]), f"{tag}: {detail}")
        )

    def check(
        self,
        event: Mapping[str, Any],
        points: Sequence[Mapping[str, Any]],
        standards: Sequence[Mapping[str, Any]],
        signatures: Sequence[Mapping[str, Any]],
    ) -> None:
        self.report.events += 1
        content = event_content(event, points, standards)
        latest = {s["meaning"]: s for s in sorted(signatures, key=lambda s: int(s["id"]))}
        needed = ("check",) if event["status"] == "checked" else ("check", "approve")
        for meaning in needed:
            who = event["checker_id"] if meaning == "check" else event["approver_id"]
            self._one(event, content, meaning, latest.get(meaning), who)

    def _one(
        self,
        event: Mapping[str, Any],
        content: Mapping[str, Any],
        meaning: str,
        sig: Mapping[str, Any] | None,
        who: int | None,
    ) -> None:
        word = "checked" if meaning == "check" else "approved"
        if sig is None:
            self.problem(event, f"{word} without an electronic signature")
            return
        if who is not None and int(sig["person_id"]) != int(who):
            self.problem(event, f"the {word} signature is not by the person the record names")
        owner = self.keys.get(int(sig["key_id"]))
        login = self.logins.get(int(sig["person_id"]), "")
        if owner is None or owner[0] != int(sig["person_id"]):
            self.problem(event, f"the {word} signature names a key that is not the signer's")
            return
        digest = signed_content_hash(content, meaning, login, _text(sig["signed_at"]))
        if digest != sig["content_hash"]:
            self.problem(event, f"the record was changed after it was {word} (seal broken)")
        elif not crypto.verify_signature(owner[1], sig["signature"], digest.encode("ascii")):
            self.problem(event, f"the {word} signature is forged")


def verify_integrity(
    db: Database, *, progress: Callable[[str], None] | None = None
) -> IntegrityReport:
    """Check the audit chain and every seal; list each broken, altered or forged record."""
    report = IntegrityReport()
    with db.engine.connect() as conn:
        if progress:
            progress("audit")
        _chain(conn, report)
        if progress:
            progress("events")
        _check_events(conn, report)
    return report


def event_problems(db: Database, event_id: int) -> list[IntegrityProblem]:
    """What is wrong with one event's seals (empty when intact, draft or from before sealing)."""
    report = IntegrityReport()
    with db.engine.connect() as conn:
        _check_events(conn, report, only=event_id)
    return report.problems
