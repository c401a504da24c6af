"""Certificate numbers given at approval: from the lab's pattern, unique under racing processes.

Real processes (the race harness of :mod:`test_races`: ``spawn`` workers meeting at a barrier
before every call) approve *different* in-house events at the same moment, on a SQLite file and
on PostgreSQL.  Every approval must succeed and take its own number; the numbers are the lab's
pattern filled with consecutive sequence numbers (none drawn twice, none lost to a race).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from multiprocessing.pool import Pool

import pytest
from sqlalchemy import select
from test_races import POOL_SIZE, ROUNDS, TODAY, RaceLab, _assert_typed, _race, pool  # noqa: F401

from labapp.domain.enums import EventKind, EventResult, EventStatus, PersonRole
from labapp.persistence.models import EventRow
from labapp.services.database import Database
from labapp.services.events import EventInput
from labapp.services.events import _draft as ev
from labapp.services.laboratory import (
    certificate_number,
    get_lab_settings,
    update_lab_settings,
)
from labapp.services.master_data import _lookups as people

pytestmark = pytest.mark.timeout(180)


def _numbers(db: Database, ids: list[int]) -> dict[int, str | None]:
    with db.read() as session:
        rows = session.execute(
            select(EventRow.id, EventRow.certificate_no).where(EventRow.id.in_(ids))
        )
        return {event_id: number for event_id, number in rows}


def _seq_of(number: str, pattern: str, on: date) -> int:
    """The sequence number ``pattern`` put into ``number`` (found by filling it back)."""
    regex = re.escape(certificate_number(pattern, on, 999_999_999)).replace("999999999", r"(\d+)")
    match = re.fullmatch(regex, number)
    assert match is not None, (number, pattern)
    return int(match.group(1))


@pytest.mark.parametrize("n", [2, POOL_SIZE])
def test_racing_approvals_draw_distinct_consecutive_numbers(
    pool: Pool,  # noqa: F811 (the fixture imported from test_races)
    db: Database,
    empty_url: str,
    n: int,
) -> None:
    lab = RaceLab(db)
    settings = get_lab_settings(db)
    assert settings is not None
    spare = itertools.cycle(lab.instruments)
    before = lab.approved(next(spare))  # one approval first: the counter row of the year exists
    first = _numbers(db, [before[0]])[before[0]]
    assert first is not None
    # Warm-up: a worker's first unlock rehashes the password with the workers' argon2 cost (the
    # tests' own is cheaper), an account change racing unlocks of one login would both make.
    # Approving the approved event again is refused after that unlock; the accounts settle.
    _race(pool, empty_url, n, "approve", lab, lambda _w: ([before], []))
    own = [[lab.checked(next(spare)) for _ in range(ROUNDS)] for _ in range(n)]
    on = date.today()
    outcomes = _race(pool, empty_url, n, "approve", lab, lambda w: (own[w], []))
    _assert_typed(outcomes)
    assert Counter(o.name for o in outcomes) == {"ok": n * ROUNDS}

    ids = [event_id for row in own for event_id, _version in row]
    numbers = _numbers(db, ids)
    assert None not in numbers.values()
    assert len(set(numbers.values())) == len(ids), Counter(numbers.values()).most_common(3)
    pattern = settings.certificate_pattern
    start = _seq_of(first, pattern, on)
    seqs = sorted(_seq_of(str(number), pattern, on) for number in numbers.values())
    assert seqs == list(range(start + 1, start + 1 + len(ids)))  # none lost, none twice
    for number in numbers.values():
        assert number == certificate_number(pattern, on, _seq_of(str(number), pattern, on))


def test_numbers_follow_the_pattern_and_skip_numbers_already_held(db: Database) -> None:
    lab = RaceLab(db)
    on = date.today()
    spare = itertools.cycle(lab.instruments)
    pattern = "LAB-{yy}{mm}-{seq:03}"
    _set_pattern(db, pattern)
    # A number the pattern will give next is already held by an older in-house record.
    held = certificate_number(pattern, on, 1)
    typed = ev.save_draft(
        db, lab.performer, _calibration(next(spare), certificate_no=held), today=TODAY
    )
    assert typed.certificate_no == held
    event_id, _ = lab.approved(next(spare))
    assert _numbers(db, [event_id])[event_id] == certificate_number(pattern, on, 2)
    # A typed number on an in-house draft is kept; an intermediate check gets none.
    data = _calibration(next(spare), EventKind.INTERMEDIATE_CHECK)
    check = ev.save_draft(db, lab.performer, data, today=TODAY)
    checked = ev.check_event(db, lab.checker, check.id, check.version, "demo")
    approved = ev.approve_event(db, lab.approvers[0], checked.id, checked.version, "demo")
    assert approved.status is EventStatus.APPROVED and approved.certificate_no is None


def _calibration(instrument_id: int, kind: EventKind = EventKind.CALIBRATION,
                 certificate_no: str | None = None) -> EventInput:  # fmt: skip
    return EventInput(instrument_id=instrument_id, kind=kind, performed_on=TODAY,
                      result=EventResult.PASS, certificate_no=certificate_no)  # fmt: skip


def _set_pattern(db: Database, pattern: str) -> None:
    settings = get_lab_settings(db)
    assert settings is not None
    data = replace(settings.as_input(), certificate_pattern=pattern)
    admin = people.list_persons(db, PersonRole.ADMIN)[0].login
    update_lab_settings(db, admin, data, settings.version)
