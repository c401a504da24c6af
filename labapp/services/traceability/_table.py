"""The lab's traceability table: every item's current forward chain, one row per link, streamed.

A row is a *link* as :mod:`labapp.services.traceability` defines it ("item X needed a valid
certificate on date d"): level 0 is the item's own certificate at the chosen date, level 1 each
standard used in that certificate's event (with the standard's certificate at the event's date),
level 2 the standards used to calibrate those, and so on until an NMI's certificate ends the chain.
The rows of one item are exactly the nodes of :func:`~labapp.services.traceability.forward_chain`
in pre-order (children by asset tag), with the same reasons for a broken link.

Set-based, so it scales to 100 000 items: the items are read in keyset-paged chunks of
:data:`CHUNK`.  Per chunk, one statement reads the items with their certificate at the date, one
recursive CTE (the upward walk of :mod:`labapp.services.traceability._sql`) gives every link the
chunk's chains rest on, and the details and uncertainties are read only for events not seen before.
 The standards' certificates are kept between chunks (a lab has few), the items' own are not, so
memory stays flat however many items stream through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, Date, Integer, Row, Select, bindparam, func, select

from labapp.domain.enums import InstrumentStatus, ProviderKind, Role, Stage
from labapp.domain.point_values import unit_of
from labapp.metrology.errors import UncertaintyError, UnitError
from labapp.metrology.units import Quantity, uncertainty_in
from labapp.services.database import Database
from labapp.services.traceability._chains import (
    MAX_DEPTH,
    broken_reasons,
    reading,
    unaccredited,
)
from labapp.services.traceability._dto import BrokenReason, ChainInstrument
from labapp.services.traceability._sql import (
    EVENTS,
    EXTERNAL_ACCREDITED,
    ITEMS,
    certificate_at,
    event_details_sql,
    instruments_sql,
    links_cte,
    points_sql,
    upward_cte,
)

__all__ = ["CHUNK", "TraceFilter", "TraceTableRow", "count_trace_items", "trace_table"]

#: Items read per chunk (one set of queries each).
CHUNK = 1000
INACTIVE = (InstrumentStatus.RETIRED, InstrumentStatus.SCRAPPED)


@dataclass(frozen=True)
class TraceFilter:
    """Which items' chains: all not retired or scrapped, or narrowed; chains as of ``at``.

    ``instrument_id`` picks one item whatever its status.
    """

    at: date
    quantity: str | None = None
    standards_only: bool = False
    instrument_id: int | None = None


@dataclass(frozen=True)
class TraceTableRow:
    """One link of an item's chain (see the module docstring).

    ``standard_*``, ``used_for`` and ``used_in_certificate`` are None at level 0 (the item's own
    certificate, needed on ``used_on`` = the filter's date).  ``accredited`` is None when the
    certificate's provider needs no accreditation (an NMI, the lab itself) or there is none.
    """

    item_asset_tag: str
    item_name: str
    quantity: str | None
    level: int
    standard_asset_tag: str | None
    standard_name: str | None
    used_for: str | None
    used_on: date
    used_in_certificate: str | None
    provider: str | None
    provider_kind: ProviderKind | None
    accredited: bool | None
    certificate_no: str | None
    certificate_date: date | None
    valid_until: date | None
    u_value: Decimal | None
    u_unit: str | None
    k: Decimal | None
    reasons: tuple[BrokenReason, ...]

    @property
    def broken(self) -> bool:
        """Whether this link is broken."""
        return bool(self.reasons)


class _Node(NamedTuple):
    """A node while walking a chain (the fields ``broken_reasons`` reads, and more)."""

    depth: int
    used_on: date
    cycle: int
    item: ChainInstrument
    event_id: int | None
    path: frozenset[int]


@dataclass(frozen=True)
class _Event:
    detail: Row[Any]  # a row of event_details_sql
    u: tuple[Decimal, str, Decimal | None] | None  # largest U, its unit, its k


# --- SQL ------------------------------------------------------------------------------------


def _where(flt: TraceFilter) -> list[Any]:
    i = ITEMS
    where: list[Any] = []
    if flt.instrument_id is not None:
        where.append(i.c.id == bindparam("instrument_id", type_=Integer))
    else:
        where.append(i.c.status.not_in(INACTIVE))
    if flt.quantity is not None:
        where.append(i.c.quantity == bindparam("quantity"))
    if flt.standards_only:
        where.append(i.c.role == Role.STANDARD)
    return where


def _params(flt: TraceFilter) -> dict[str, Any]:
    params: dict[str, Any] = {"at": flt.at}
    if flt.instrument_id is not None:
        params["instrument_id"] = flt.instrument_id
    if flt.quantity is not None:
        params["quantity"] = flt.quantity
    return params


def _roots_sql(flt: TraceFilter, first: bool) -> Select[Any]:
    """The next chunk of items (after ``:after`` by asset tag) and their certificate at ``:at``."""
    i = ITEMS
    cert = certificate_at(i.c.id, bindparam("at", type_=Date)).label("event_id")
    stmt = select(i.c.id, i.c.asset_tag, i.c.name, i.c.quantity, cert).where(*_where(flt))
    if not first:
        stmt = stmt.where(i.c.asset_tag > bindparam("after"))
    return stmt.order_by(i.c.asset_tag).limit(bindparam("chunk", type_=Integer))


@cache
def _links_sql() -> Select[Any]:
    """(event_id, std_id, cert_id) of every link the chains of the events ``ids`` rest on."""
    scope = select(EVENTS.c.id.label("event_id"))
    scope = scope.where(EVENTS.c.id.in_(bindparam("ids", expanding=True)))
    links = links_cte(upward_cte(scope.cte("scope")))
    return select(links.c.event_id, links.c.std_id, links.c.cert_id)


def count_trace_items(db: Database, flt: TraceFilter) -> int:
    """How many items :func:`trace_table` lists for ``flt`` (for a progress bar)."""
    stmt = select(func.count()).select_from(ITEMS).where(*_where(flt))
    with reading(db) as conn:
        return int(conn.execute(stmt, _params(flt)).scalar_one())


# --- the walk -------------------------------------------------------------------------------


def trace_table(
    db: Database, flt: TraceFilter, *, progress: Callable[[int], None] | None = None
) -> Iterator[TraceTableRow]:
    """The traceability table of the items ``flt`` selects, by item asset tag, streamed.

    Parameters
    ----------
    db : Database
        The open database.
    flt : TraceFilter
        The items and the date their chains are taken at.
    progress : callable, optional
        Called with the number of items done after each chunk.

    Yields
    ------
    TraceTableRow
        The links of each item's chain, top-down, children by asset tag.
    """
    walker = _Walker()
    with reading(db) as conn:
        after: str | None = None
        done = 0
        while True:
            roots = _next_chunk(conn, flt, after)
            if not roots:
                return
            walker.load(conn, roots)
            for root in roots:
                yield from walker.chain(root, flt.at)
            done += len(roots)
            after = roots[-1].asset_tag
            if progress is not None:
                progress(done)
            if len(roots) < CHUNK:
                return


def _next_chunk(conn: Connection, flt: TraceFilter, after: str | None) -> list[Row[Any]]:
    params = {**_params(flt), "chunk": CHUNK}
    if after is not None:
        params["after"] = after
    return list(conn.execute(_roots_sql(flt, after is None), params))


class _Walker:
    """Holds what the current chunk's chains need: links, event details, standards."""

    def __init__(self) -> None:
        self.links: dict[int, list[tuple[int, int | None]]] = {}
        self.kept: dict[int, _Event] = {}  # standards' certificates, kept between chunks
        self.events: dict[int, _Event] = {}
        self.items: dict[int, ChainInstrument] = {}

    def load(self, conn: Connection, roots: Sequence[Row[Any]]) -> None:
        """Read the links, events and standards of ``roots``' chains not read before."""
        root_events = sorted({r.event_id for r in roots if r.event_id is not None})
        self.links = {}
        certs: set[int] = set()
        if root_events:
            for event_id, std_id, cert_id in conn.execute(_links_sql(), {"ids": root_events}):
                self.links.setdefault(event_id, []).append((std_id, cert_id))
                if cert_id is not None:
                    certs.add(cert_id)
        self._load_events(conn, root_events, certs)
        stds = {std for pairs in self.links.values() for std, _ in pairs} - self.items.keys()
        for r in conn.execute(instruments_sql(), {"ids": sorted(stds)}) if stds else ():
            self.items[r.id] = ChainInstrument(r.id, r.asset_tag, r.name, r.quantity)

    def _load_events(self, conn: Connection, root_events: list[int], certs: set[int]) -> None:
        wanted = sorted((set(root_events) | certs) - self.kept.keys())
        fetched = _read_events(conn, wanted) if wanted else {}
        self.kept.update({k: v for k, v in fetched.items() if k in certs})
        self.events = {**fetched, **self.kept}

    def chain(self, root: Row[Any], at: date) -> Iterator[TraceTableRow]:
        """The rows of one item's chain."""
        item = ChainInstrument(root.id, root.asset_tag, root.name, root.quantity)
        node = _Node(0, at, 0, item, root.event_id, frozenset({root.id}))
        return self._rows(item, node, None)

    def _rows(
        self, root: ChainInstrument, node: _Node, parent: _Node | None
    ) -> Iterator[TraceTableRow]:
        event = self.events.get(node.event_id) if node.event_id is not None else None
        detail = event.detail if event is not None else None
        yield _row(root, node, parent, event, self._parent_certificate(parent))
        if detail is None or node.cycle or node.depth >= MAX_DEPTH:
            return
        if detail.provider_kind == ProviderKind.NMI:
            return
        pairs = [(self.items[std], cert) for std, cert in self.links.get(detail.id, ())]
        for std, cert in sorted(pairs, key=lambda pair: pair[0].asset_tag):
            child = _Node(node.depth + 1, detail.performed_on, int(std.id in node.path), std,
                          cert, node.path | {std.id})  # fmt: skip
            yield from self._rows(root, child, node)

    def _parent_certificate(self, parent: _Node | None) -> str | None:
        if parent is None or parent.event_id is None:
            return None
        return self.events[parent.event_id].detail.certificate_no  # type: ignore[no-any-return]


def _read_events(conn: Connection, ids: list[int]) -> dict[int, _Event]:
    """Details (provider, scope, standards) and the largest U of the events ``ids``."""
    details = {row.id: row for row in conn.execute(event_details_sql(), {"ids": ids})}
    by_event: dict[int, dict[str, list[Row[Any]]]] = {}
    for point in conn.execute(points_sql(), {"ids": ids}):
        by_event.setdefault(point.event_id, {}).setdefault(point.stage, []).append(point)
    return {eid: _Event(row, _u(by_event.get(eid, {}))) for eid, row in details.items()}


def _u(stages: dict[str, list[Row[Any]]]) -> tuple[Decimal, str, Decimal | None] | None:
    """The largest U of the as-left points (as-found when none), as forward_chain chooses it.

    The same choice as ``traceability._largest`` (compared in the first point's unit, as
    uncertainties; a unit that does not convert is never the largest), with the unit factor
    cached: pint for every point of 100 000 items cost a third of the export's time.
    """
    points = stages.get(Stage.AS_LEFT) or stages.get(Stage.AS_FOUND)
    if not points:
        return None
    reference = points[0].expanded_uncertainty_unit

    def size(point: Row[Any]) -> float:
        return float(point.expanded_uncertainty_value) * _factor(
            point.expanded_uncertainty_unit, reference
        )

    best = max(points, key=size)
    return best.expanded_uncertainty_value, best.expanded_uncertainty_unit, best.coverage_factor


@cache
def _factor(unit: str, reference: str) -> float:
    """How many ``reference`` one ``unit`` of uncertainty is (-inf when it does not convert)."""
    if unit == reference:
        return 1.0
    try:
        return uncertainty_in(Quantity(Decimal(1), unit_of(unit)), unit_of(reference), "U")
    except (UnitError, UncertaintyError):
        return float("-inf")


def _row(
    root: ChainInstrument,
    node: _Node,
    parent: _Node | None,
    event: _Event | None,
    parent_certificate: str | None,
) -> TraceTableRow:
    detail = event.detail if event is not None else None
    reasons = broken_reasons(node, node.item, detail)  # type: ignore[arg-type]
    u_value, u_unit, k = (event.u if event is not None else None) or (None, None, None)
    kind = ProviderKind(detail.provider_kind) if detail and detail.provider_kind else None
    standard = node.item if parent is not None else None
    return TraceTableRow(
        item_asset_tag=root.asset_tag,
        item_name=root.name,
        quantity=root.quantity,
        level=node.depth,
        standard_asset_tag=standard.asset_tag if standard else None,
        standard_name=standard.name if standard else None,
        used_for=parent.item.asset_tag if parent else None,
        used_on=node.used_on,
        used_in_certificate=parent_certificate,
        provider=detail.provider_name if detail else None,
        provider_kind=kind,
        accredited=_accredited(detail, kind),
        certificate_no=detail.certificate_no if detail else None,
        certificate_date=detail.performed_on if detail else None,
        valid_until=detail.valid_until if detail else None,
        u_value=u_value,
        u_unit=u_unit,
        k=k,
        reasons=reasons,
    )


def _accredited(detail: Row[Any] | None, kind: ProviderKind | None) -> bool | None:
    """In scope and accredited at the certificate's date; None for an NMI or the lab itself."""
    if detail is None or kind not in EXTERNAL_ACCREDITED:
        return None
    return not unaccredited(detail)
