"""Traceability services on SQLite and PostgreSQL: forward chains, broken links, reverse traces.

The hand-built lab (fixture ``lab``) is a four-level dissemination chain::

    NIM (NMI) ─► REF (reference) ─► TRF (transfer standard) ─► WS (working standard) ─► W1, W2, W3

with dates chosen so that each reason a link breaks happens exactly once where a test expects it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import update

from labapp.domain.enums import (
    EventKind,
    EventResult,
    EventStatus,
    InstrumentStatus,
    ProviderKind,
    Role,
    StandardLevel,
)
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.persistence import integrity_ddl
from labapp.persistence.models import (
    EventRow,
    EventStandardRow,
    InstrumentRow,
    MeasurementPointRow,
    ProviderRow,
    ProviderScopeRow,
)
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.traceability import broken_chains, forward_chain, reverse_trace
from labapp.services.traceability._chains import chain_is_broken, chain_links
from labapp.services.traceability._dto import BrokenCode, ChainNode

VOLT = "DC voltage"


# --- building a lab -------------------------------------------------------------------------


def provider(
    db: Database,
    name: str,
    kind: ProviderKind,
    scope: Sequence[str] = (),
    accredited_until: date | None = None,
) -> int:
    with db.unit_of_work("admin") as uow:
        row = ProviderRow(name=name, kind=kind, accreditation_valid_until=accredited_until)
        row.scopes = [ProviderScopeRow(quantity=q) for q in scope]
        uow.session.add(row)
        uow.commit()
        return row.id


def item(db: Database, tag: str, *, standard: bool = True, quantity: str = VOLT) -> int:
    with db.unit_of_work("admin") as uow:
        row = InstrumentRow(
            asset_tag=tag,
            name=f"item {tag}",
            quantity=quantity,
            role=Role.STANDARD if standard else Role.WORKING,
            level=StandardLevel.WORKING if standard else None,
            status=InstrumentStatus.IN_SERVICE,
            interval_months=12,
            due_on=date(2099, 1, 1),
        )
        uow.session.add(row)
        uow.commit()
        return row.id


def event(
    db: Database,
    instrument_id: int,
    on: date,
    provider_id: int,
    *,
    valid_until: date | None = None,
    used: Sequence[int] = (),
    result: EventResult = EventResult.PASS,
    status: EventStatus = EventStatus.APPROVED,
    u: Sequence[tuple[str, str]] = (),
) -> int:
    """An event; ``u`` gives the points' (U value, unit)."""
    with db.unit_of_work("admin") as uow:
        row = EventRow(
            instrument_id=instrument_id,
            kind=EventKind.CALIBRATION,
            status=status,
            performed_on=on,
            provider_id=provider_id,
            certificate_no=f"C-{instrument_id}-{on.isoformat()}",
            result=result,
            valid_until=valid_until if valid_until is not None else on.replace(year=on.year + 1),
        )
        row.standards = [EventStandardRow(instrument_id=s) for s in used]
        row.points = [
            MeasurementPointRow(
                seq=n,
                stage="as_left",
                expanded_uncertainty_value=Decimal(value),
                expanded_uncertainty_unit=unit,
                coverage_factor=Decimal(2),
            )
            for n, (value, unit) in enumerate(u, start=1)
        ]
        uow.session.add(row)
        uow.commit()
        return row.id


@dataclass
class Lab:
    db: Database
    nim: int
    acc: int
    legal: int
    own: int
    ref: int
    trf: int
    ws: int
    w1: int
    w2: int
    w3: int


@pytest.fixture
def lab(db: Database) -> Lab:
    nim = provider(db, "NIM", ProviderKind.NMI)
    acc = provider(db, "Accredited", ProviderKind.ACCREDITED_LAB, [VOLT], date(2030, 1, 1))
    legal = provider(db, "Legal body", ProviderKind.LEGAL_BODY, ["mass"], date(2030, 1, 1))
    own = provider(db, "Our lab", ProviderKind.IN_HOUSE)
    ref, trf, ws = item(db, "REF"), item(db, "TRF"), item(db, "WS")
    w1, w2, w3 = (item(db, tag, standard=False) for tag in ("W1", "W2", "W3"))
    u_ref = [("0.5", "µV"), ("0.0020", "mV"), ("1.5", "µV")]  # the largest is 2 µV, as mV
    event(db, ref, date(2024, 1, 10), nim, u=u_ref)
    event(db, ref, date(2025, 1, 5), nim, u=u_ref)
    event(db, trf, date(2024, 2, 1), own, used=[ref])
    event(db, trf, date(2025, 2, 1), own, used=[ref])
    event(db, ws, date(2024, 3, 1), own, used=[trf])
    event(db, ws, date(2025, 2, 20), own, used=[trf])  # valid until 2026-02-20
    event(db, w1, date(2024, 6, 1), own, used=[ws])
    event(db, w1, date(2025, 5, 20), own, used=[ws])
    event(db, w2, date(2025, 6, 1), own, used=[ws])
    event(db, w3, date(2026, 3, 1), own, used=[ws])  # WS expired 9 days before
    event(db, w2, date(2025, 7, 1), own, used=[ws], status=EventStatus.DRAFT)  # never counts
    return Lab(db, nim, acc, legal, own, ref, trf, ws, w1, w2, w3)


def walk(node: ChainNode) -> Iterator[ChainNode]:
    yield node
    for child in node.children:
        yield from walk(child)


def codes(node: ChainNode) -> list[BrokenCode]:
    return [reason.code for reason in node.reasons]


# --- forward chain --------------------------------------------------------------------------


def test_forward_chain_reaches_the_nmi(lab: Lab) -> None:
    root = forward_chain(lab.db, lab.w1, at=date(2025, 7, 1))
    assert [(n.depth, n.instrument.asset_tag) for n in walk(root)] == [
        (0, "W1"), (1, "WS"), (2, "TRF"), (3, "REF"),
    ]  # fmt: skip
    w1, ws, trf, ref = walk(root)
    assert w1.event is not None and w1.event.performed_on == date(2025, 5, 20)
    assert ws.used_on == date(2025, 5, 20) and ws.event is not None
    assert ws.event.performed_on == date(2025, 2, 20)
    assert trf.event is not None and trf.event.performed_on == date(2025, 2, 1)
    assert ref.event is not None and ref.event.provider is not None
    assert ref.event.provider.kind is ProviderKind.NMI and ref.children == ()
    assert ref.event.uncertainty == "U = 0.0020 mV (k = 2)" and ref.event.points == 3
    assert ref.event.certificate_no == f"C-{lab.ref}-2025-01-05"
    assert not chain_is_broken(root) and not any(n.broken for n in walk(root))


def test_forward_chain_on_an_earlier_date_takes_the_certificates_of_then(lab: Lab) -> None:
    root = forward_chain(lab.db, lab.w1, at=date(2024, 7, 1))
    dates = [n.event.performed_on for n in walk(root) if n.event]
    assert dates == [date(2024, 6, 1), date(2024, 3, 1), date(2024, 2, 1), date(2024, 1, 10)]
    assert not chain_is_broken(root)


def test_chain_links_are_the_auditors_table(lab: Lab) -> None:
    rows = chain_links(forward_chain(lab.db, lab.w1, at=date(2025, 7, 1)))
    assert [(r.asset_tag, r.standard_asset_tag) for r in rows] == [
        ("W1", "WS"), ("WS", "TRF"), ("TRF", "REF"), ("REF", None),
    ]  # fmt: skip
    assert rows[2].upstream_provider == "NIM"
    assert rows[2].upstream_provider_kind is ProviderKind.NMI
    assert rows[0].standard_valid_until == date(2026, 2, 20)
    assert rows[3].provider == "NIM" and not any(r.broken for r in rows)


def test_expired_at_the_date_of_use(lab: Lab) -> None:
    root = forward_chain(lab.db, lab.w3, at=date(2026, 3, 5))
    (ws,) = root.children
    assert codes(ws) == [BrokenCode.EXPIRED] and ws.broken and not root.broken
    params = ws.reasons[0].params
    assert params["valid_until"] == date(2026, 2, 20) and params["used_on"] == date(2026, 3, 1)
    assert chain_is_broken(root)
    assert chain_links(root)[0].reasons == ws.reasons


def test_root_reasons_use_the_at_date(lab: Lab) -> None:
    root = forward_chain(lab.db, lab.w1, at=date(2026, 6, 1))  # W1 due 2026-05-20
    assert codes(root) == [BrokenCode.EXPIRED]
    assert codes(forward_chain(lab.db, lab.w1, at=date(2024, 1, 1))) == [BrokenCode.NO_CERTIFICATE]


def test_failed_standard(lab: Lab) -> None:
    bad, w = item(lab.db, "BAD"), item(lab.db, "W-BAD", standard=False)
    event(lab.db, bad, date(2025, 1, 1), lab.nim, result=EventResult.FAIL)
    event(lab.db, w, date(2025, 3, 1), lab.own, used=[bad])
    (child,) = forward_chain(lab.db, w, at=date(2025, 4, 1)).children
    assert codes(child) == [BrokenCode.STANDARD_FAILED]


def test_provider_without_scope_or_with_lapsed_accreditation(lab: Lab) -> None:
    lapsed = provider(lab.db, "Lapsed", ProviderKind.ACCREDITED_LAB, [VOLT], date(2024, 12, 31))
    s1, s2, s3 = item(lab.db, "S-LEGAL"), item(lab.db, "S-LAPSED"), item(lab.db, "S-ACC")
    event(lab.db, s1, date(2025, 1, 1), lab.legal)  # scope: mass only
    event(lab.db, s2, date(2025, 1, 1), lapsed)
    event(lab.db, s3, date(2025, 1, 1), lab.acc)
    w = item(lab.db, "W-EXT", standard=False)
    event(lab.db, w, date(2025, 3, 1), lab.own, used=[s1, s2, s3])
    root = forward_chain(lab.db, w, at=date(2025, 4, 1))
    children = {c.instrument.asset_tag: c for c in root.children}
    assert codes(children["S-LEGAL"]) == [BrokenCode.PROVIDER_NOT_ACCREDITED]
    assert children["S-LEGAL"].reasons[0].params["quantity"] == VOLT
    assert codes(children["S-LAPSED"]) == [BrokenCode.PROVIDER_NOT_ACCREDITED]
    assert codes(children["S-ACC"]) == [] and children["S-ACC"].children == ()


def test_no_certificate_and_in_house_without_standards(lab: Lab) -> None:
    new, orphan = item(lab.db, "NEW"), item(lab.db, "ORPHAN")
    event(lab.db, new, date(2025, 6, 1), lab.nim)  # after the date of use
    event(lab.db, orphan, date(2025, 1, 1), lab.own)  # in-house, no standard recorded
    w = item(lab.db, "W-NEW", standard=False)
    event(lab.db, w, date(2025, 3, 1), lab.own, used=[new, orphan])
    new_node, orphan_node = forward_chain(lab.db, w, at=date(2025, 4, 1)).children
    assert codes(new_node) == [BrokenCode.NO_CERTIFICATE] and new_node.event is None
    assert new_node.reasons[0].params == {"used_on": date(2025, 3, 1)}
    assert codes(orphan_node) == [BrokenCode.ENDS_WITHOUT_NMI]


def test_a_loop_is_reported_not_followed(lab: Lab) -> None:
    a, b = item(lab.db, "LOOP-A"), item(lab.db, "LOOP-B")
    event(lab.db, a, date(2025, 1, 10), lab.own, used=[b])
    event(lab.db, b, date(2025, 1, 5), lab.own, used=[a])
    event(lab.db, a, date(2025, 1, 1), lab.own, used=[b])
    event(lab.db, b, date(2024, 12, 20), lab.own, used=[a])
    root = forward_chain(lab.db, a, at=date(2025, 2, 1))
    tags = [n.instrument.asset_tag for n in walk(root)]
    assert tags == ["LOOP-A", "LOOP-B", "LOOP-A"]
    assert codes(list(walk(root))[-1])[0] is BrokenCode.CYCLE and chain_is_broken(root)


def test_unknown_instrument(lab: Lab) -> None:
    with pytest.raises(NotFoundError):
        forward_chain(lab.db, 999_999)


# --- broken chains --------------------------------------------------------------------------


def test_broken_chains_current_and_since(lab: Lab) -> None:
    now = broken_chains(lab.db, today=date(2026, 3, 10))
    assert [(b.asset_tag, b.link_asset_tag, b.code) for b in now] == [
        ("W3", "WS", BrokenCode.EXPIRED)
    ]
    assert now[0].params["valid_until"] == date(2026, 2, 20)
    assert broken_chains(lab.db, today=date(2026, 2, 1)) == []
    assert len(broken_chains(lab.db, today=date(2026, 3, 10), since=date(2024, 1, 1))) == 1


def test_broken_chains_propagate_down_to_any_depth(lab: Lab) -> None:
    """TRF's certificate of 2025-02-01 used a REF that failed: WS and W1/W2 inherit the break."""
    ref_event = forward_chain(lab.db, lab.ref, at=date(2025, 1, 6)).event
    assert ref_event is not None
    with lab.db.engine.begin() as conn:  # the REF's approved result rewritten (set-up only)
        integrity_ddl.remove(conn)
        conn.execute(
            update(EventRow).where(EventRow.id == ref_event.id).values(result=EventResult.FAIL)
        )
        integrity_ddl.install(conn)
    chains = broken_chains(lab.db, today=date(2025, 12, 1))
    found = {(b.asset_tag, b.via_asset_tag, b.link_asset_tag, b.code) for b in chains}
    assert found == {
        ("TRF", "REF", "REF", BrokenCode.STANDARD_FAILED),
        ("WS", "TRF", "REF", BrokenCode.STANDARD_FAILED),
        ("W1", "WS", "REF", BrokenCode.STANDARD_FAILED),
        ("W2", "WS", "REF", BrokenCode.STANDARD_FAILED),
    }


# --- reverse trace --------------------------------------------------------------------------


def test_reverse_trace_counts_by_depth(lab: Lab) -> None:
    trace = reverse_trace(lab.db, lab.ref, since=date(2024, 1, 1))
    assert trace.counts_by_depth == {1: 2, 2: 2, 3: 4}
    assert {r.asset_tag for r in trace.rows if r.depth == 3} == {"W1", "W2", "W3"}
    assert trace.instruments == 5 and trace.events == 8
    assert all(r.via_asset_tag == "WS" for r in trace.rows if r.depth == 3)
    assert len({r.event_id for r in trace.rows}) == trace.events  # no event twice


def test_reverse_trace_since_and_max_depth(lab: Lab) -> None:
    later = reverse_trace(lab.db, lab.ref, since=date(2025, 1, 1))
    assert later.counts_by_depth == {1: 1, 2: 1, 3: 3}  # W1's 2024 event is before WS's 2025 one
    assert min(r.performed_on for r in later.rows) == date(2025, 2, 1)
    shallow = reverse_trace(lab.db, lab.ref, since=date(2024, 1, 1), max_depth=2)
    assert shallow.counts_by_depth == {1: 2, 2: 2}
    assert reverse_trace(lab.db, lab.w1, since=date(2024, 1, 1)).events == 0
    with pytest.raises(ValidationError):
        reverse_trace(lab.db, lab.ref, since=date(2024, 1, 1), max_depth=0)


def test_reverse_trace_ends_a_loop(lab: Lab) -> None:
    a, b = item(lab.db, "LOOP-A"), item(lab.db, "LOOP-B")
    event(lab.db, a, date(2025, 1, 10), lab.own, used=[b])
    event(lab.db, b, date(2025, 1, 5), lab.own, used=[a])
    trace = reverse_trace(lab.db, a, since=date(2024, 1, 1), max_depth=50)
    assert trace.events == 2 and trace.counts_by_depth == {1: 1, 2: 1}


# --- the demo lab ---------------------------------------------------------------------------

DEMO_TODAY = date(2026, 11, 23)
EXTERNAL = {ProviderKind.LEGAL_BODY, ProviderKind.ACCREDITED_LAB}  # accredited: the chain ends


def test_demo_lab(db: Database) -> None:
    report = seed_demo(db, DemoOptions(instruments=200, seed=1, today=DEMO_TODAY))
    assert report.broken_links == 1
    since = DEMO_TODAY.replace(year=DEMO_TODAY.year - 6)
    (found,) = broken_chains(db, today=DEMO_TODAY, since=since)
    assert found.code is BrokenCode.EXPIRED and found.via_asset_tag == found.link_asset_tag
    assert found.params["used_on"] == found.performed_on
    # The seeded break is in the item's current chain, so today's list shows it too.
    assert broken_chains(db, today=DEMO_TODAY) == [found]
    at_break = forward_chain(db, found.instrument_id, at=found.performed_on)
    (link,) = at_break.children
    assert link.instrument.asset_tag == found.link_asset_tag and codes(link) == [BrokenCode.EXPIRED]

    reached = 0
    for root in _in_house_working_chains(db):
        leaves = [n for n in walk(root) if not n.children]
        kinds = {n.event.provider.kind for n in leaves if n.event and n.event.provider}
        assert kinds and kinds <= {ProviderKind.NMI, *EXTERNAL}
        reached += kinds == {ProviderKind.NMI}
    assert reached >= 20


def _in_house_working_chains(db: Database) -> Iterator[ChainNode]:
    from sqlalchemy import select

    with db.read() as session:
        ids = session.scalars(
            select(InstrumentRow.id)
            .join(ProviderRow, ProviderRow.id == InstrumentRow.provider_id)
            .where(
                InstrumentRow.role == Role.WORKING,
                ProviderRow.kind == ProviderKind.IN_HOUSE,
                InstrumentRow.last_calibrated_on.is_not(None),
            )
        ).all()
    for instrument_id in ids:
        root = forward_chain(db, instrument_id, at=DEMO_TODAY)
        if root.event is not None:
            assert len(root.children) >= 1
            yield root
