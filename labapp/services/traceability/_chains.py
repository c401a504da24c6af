"""Metrological traceability (量值溯源): forward chains, reverse traces and broken chains.

Definitions used throughout (the UI and the tests rely on them):

* The **certificate of an item at a date d** is its latest *approved* event performed on or before
  d (ties: the larger id).  Drafts, checked and superseded events never count.
* A **link** is "item X needed a valid certificate on date d": for the instrument asked about,
  d is the ``at`` date; for a standard used in an event, d is the date of that event.
* A link is **broken** for each of these reasons (:class:`BrokenCode`):

  - ``no_certificate``: X has no certificate at d;
  - ``expired``: the certificate's ``valid_until`` is before d (no ``valid_until``: not expired);
  - ``standard_failed``: the certificate's result is FAIL;
  - ``provider_not_accredited``: the certificate comes from an external provider that is not an
    NMI (an accredited lab or a legal body) and that has no ``provider_scopes`` row for X's
    quantity, or whose ``accreditation_valid_until`` is before the certificate's date;
  - ``cycle``: X already appears higher on the same chain (or the chain is deeper than
    :data:`MAX_DEPTH`); the chain is not followed further;
  - ``ends_without_nmi``: the certificate is in-house (or has no provider) and used no standard,
    so the chain stops before reaching an NMI.

  A chain ends, unbroken, at an NMI's certificate or at an accredited external certificate (the
  provider's own traceability is its accreditation's business, ILAC P10).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Row

from labapp.domain.enums import EventResult, ProviderKind, Stage
from labapp.domain.errors import NotFoundError, ValidationError
from labapp.domain.point_values import unit_of
from labapp.metrology.errors import UncertaintyError, UnitError
from labapp.metrology.units import Quantity, uncertainty_in
from labapp.services.database import Database
from labapp.services.traceability._dto import (
    BrokenCode,
    BrokenReason,
    ChainEvent,
    ChainInstrument,
    ChainLink,
    ChainNode,
    ChainProvider,
    ReverseTrace,
    TraceRow,
)
from labapp.services.traceability._sql import (
    EXTERNAL_ACCREDITED,
    event_details_sql,
    forward_cte_sql,
    instruments_sql,
    points_sql,
    reverse_trace_sql,
)

__all__ = [
    "MAX_DEPTH",
    "chain_is_broken",
    "chain_links",
    "forward_chain",
    "reverse_trace",
    "reverse_trace_sql",
]

#: Deepest forward chain followed (a real lab has 3-5 levels; deeper means bad data).
MAX_DEPTH = 20


@contextmanager
def reading(db: Database) -> Iterator[Connection]:
    """A Core connection for these read-only queries, rolled back after.

    Not :meth:`Database.read`'s ORM session: it adds ~4 ms per statement to Core selects of
    CTEs (ORM compile state), more than the reverse trace itself takes on a 10 000-item lab.
    """
    with db.engine.connect() as connection:
        try:
            yield connection
        finally:
            connection.rollback()


# --- forward chain --------------------------------------------------------------------------


def forward_chain(db: Database, instrument_id: int, *, at: date | None = None) -> ChainNode:
    """The traceability chain above an instrument on a date, as a tree ending at NMIs.

    Four queries whatever the depth: one recursive CTE for the tree's shape (instrument, date of
    use, certificate event, path), then the instruments, the events (with provider and scope) and
    the points' uncertainties of every node; the tree is assembled in Python.

    Parameters
    ----------
    db
        The open database.
    instrument_id
        The instrument (or standard) at the bottom of the chain.
    at
        The date the instrument's certificate must be valid on (default: today).

    Returns
    -------
    ChainNode
        The root (depth 0); each node's ``children`` are the standards its certificate event used.

    Raises
    ------
    NotFoundError
        No such instrument.
    """
    at = at or date.today()
    with reading(db) as conn:
        params = {"instrument_id": instrument_id, "at": at, "max_depth": MAX_DEPTH}
        shape = conn.execute(forward_cte_sql(), params).all()
        items = _instruments(conn, {row.instrument_id for row in shape})
        if instrument_id not in items:
            raise NotFoundError("instrument", instrument_id)
        event_ids = {row.event_id for row in shape if row.event_id is not None}
        ids = {"ids": sorted(event_ids)}
        details = {row.id: row for row in conn.execute(event_details_sql(), ids)}
        uncertainties = _uncertainties(conn.execute(points_sql(), ids).all())
    events = {eid: _chain_event(row, uncertainties.get(eid)) for eid, row in details.items()}
    return _build(shape, items, events, details)


def _instruments(conn: Connection, ids: set[int]) -> dict[int, ChainInstrument]:
    if not ids:
        return {}
    rows = conn.execute(instruments_sql(), {"ids": sorted(ids)})
    return {r.id: ChainInstrument(r.id, r.asset_tag, r.name, r.quantity) for r in rows}


def _chain_event(row: Row[Any], u: tuple[str, Decimal, str, int] | None) -> ChainEvent:
    provider = (
        ChainProvider(row.provider_id, row.provider_name, ProviderKind(row.provider_kind))
        if row.provider_id is not None
        else None
    )
    text, value, unit, points = u or (None, None, None, 0)
    return ChainEvent(
        id=row.id,
        performed_on=row.performed_on,
        certificate_no=row.certificate_no,
        provider=provider,
        valid_until=row.valid_until,
        result=EventResult(row.result),
        uncertainty=text,
        uncertainty_value=value,
        uncertainty_unit=unit,
        points=points,
    )


def _build(
    shape: Sequence[Row[Any]],
    items: dict[int, ChainInstrument],
    events: dict[int, ChainEvent],
    details: dict[int, Row[Any]],
) -> ChainNode:
    """Assemble the tree bottom-up: the CTE rows are keyed by their path."""
    children: dict[str, list[ChainNode]] = {}
    for row in sorted(shape, key=lambda r: -r.depth):
        detail = details.get(row.event_id) if row.event_id is not None else None
        reasons = broken_reasons(row, items[row.instrument_id], detail)
        node = ChainNode(
            depth=row.depth,
            instrument=items[row.instrument_id],
            used_on=row.used_on,
            event=events.get(row.event_id) if row.event_id is not None else None,
            children=tuple(sorted(children.pop(row.path, []), key=_node_order)),
            broken=bool(reasons),
            reasons=reasons,
        )
        if row.depth == 0:
            return node
        children.setdefault(_parent_path(row.path), []).append(node)
    raise AssertionError("the chain query returned no root")  # the anchor always gives one row


def _node_order(node: ChainNode) -> str:
    return node.instrument.asset_tag


def _parent_path(path: str) -> str:
    return path[: path.rstrip(",").rfind(",") + 1]


def broken_reasons(
    row: Row[Any], item: ChainInstrument, detail: Row[Any] | None
) -> tuple[BrokenReason, ...]:
    """Why the link of ``row`` is broken (module docstring); empty when it holds."""
    reasons: list[BrokenReason] = []
    if row.cycle:
        reasons.append(BrokenReason(BrokenCode.CYCLE, {"asset_tag": item.asset_tag}))
    if detail is None:
        reasons.append(BrokenReason(BrokenCode.NO_CERTIFICATE, {"used_on": row.used_on}))
        return tuple(reasons)
    cert = {"certificate_no": detail.certificate_no, "performed_on": detail.performed_on}
    if detail.valid_until is not None and detail.valid_until < row.used_on:
        params = {**cert, "valid_until": detail.valid_until, "used_on": row.used_on}
        reasons.append(BrokenReason(BrokenCode.EXPIRED, params))
    if detail.result == EventResult.FAIL:
        reasons.append(BrokenReason(BrokenCode.STANDARD_FAILED, cert))
    if unaccredited(detail):
        params = {
            **cert,
            "provider": detail.provider_name,
            "quantity": item.quantity,
            "accreditation_valid_until": detail.accreditation_valid_until,
        }
        reasons.append(BrokenReason(BrokenCode.PROVIDER_NOT_ACCREDITED, params))
    kind = detail.provider_kind
    if detail.standards == 0 and kind in (None, ProviderKind.IN_HOUSE):
        reasons.append(BrokenReason(BrokenCode.ENDS_WITHOUT_NMI, cert))
    if row.depth >= MAX_DEPTH and detail.standards and kind != ProviderKind.NMI:
        reasons.append(BrokenReason(BrokenCode.CYCLE, {"max_depth": MAX_DEPTH}))
    return tuple(reasons)


def unaccredited(detail: Row[Any]) -> bool:
    """Whether an accredited lab or legal body gave the certificate outside its scope or after its
    accreditation lapsed (a broken link)."""
    if detail.provider_kind not in EXTERNAL_ACCREDITED:
        return False
    lapsed = detail.accreditation_valid_until is not None and (
        detail.accreditation_valid_until < detail.performed_on
    )
    return not detail.in_scope or lapsed


def _uncertainties(rows: Sequence[Row[Any]]) -> dict[int, tuple[str, Decimal, str, int]]:
    """Per event: the largest U of its as-left points (as-found if none) as text, value, unit."""
    by_event: dict[int, dict[str, list[Row[Any]]]] = {}
    for row in rows:
        by_event.setdefault(row.event_id, {}).setdefault(row.stage, []).append(row)
    result = {}
    for event_id, stages in by_event.items():
        points = stages.get(Stage.AS_LEFT) or stages.get(Stage.AS_FOUND) or []
        best = _largest(points)
        k = f" (k = {best.coverage_factor})" if best.coverage_factor is not None else ""
        text = f"U = {best.expanded_uncertainty_value} {best.expanded_uncertainty_unit}{k}"
        result[event_id] = (
            text,
            best.expanded_uncertainty_value,
            best.expanded_uncertainty_unit,
            len(points),
        )
    return result


def _largest(points: Sequence[Row[Any]]) -> Row[Any]:
    """The point with the largest U, compared in the first point's unit (pint, as deltas)."""
    reference = points[0].expanded_uncertainty_unit

    def size(point: Row[Any]) -> float:
        value, unit = point.expanded_uncertainty_value, point.expanded_uncertainty_unit
        if unit == reference:
            return float(value)
        try:
            return uncertainty_in(Quantity(value, unit_of(unit)), unit_of(reference), "U")
        except (UnitError, UncertaintyError):
            return float("-inf")  # not comparable with the others: never chosen as the largest

    return max(points, key=size)


def chain_is_broken(node: ChainNode) -> bool:
    """Whether any link of the tree under ``node`` (itself included) is broken."""
    return node.broken or any(chain_is_broken(child) for child in node.children)


def chain_links(node: ChainNode) -> list[ChainLink]:
    """The tree as an auditor's table, top-down: one row per (item's event, standard used).

    A node without standards gives one row with the ``standard_*`` fields empty.  A row's
    ``reasons`` are those of the standard's link (of the item's own certificate on a row without
    a standard); the root's own reasons are added to its rows, since no other row shows them.
    """
    return list(_links(node))


def _links(node: ChainNode) -> Iterator[ChainLink]:
    own = node.reasons if node.depth == 0 or not node.children else ()
    if not node.children:
        yield _link_row(node, None, own)
    for child in node.children:
        yield _link_row(node, child, (*own, *child.reasons) if node.depth == 0 else child.reasons)
    for child in node.children:
        yield from _links(child)


def _link_row(
    node: ChainNode, child: ChainNode | None, reasons: tuple[BrokenReason, ...]
) -> ChainLink:
    event = node.event
    upstream = child.event if child is not None else None
    provider = event.provider if event else None
    up_provider = upstream.provider if upstream else None
    return ChainLink(
        depth=node.depth,
        asset_tag=node.instrument.asset_tag,
        name=node.instrument.name,
        event_id=event.id if event else None,
        performed_on=event.performed_on if event else None,
        certificate_no=event.certificate_no if event else None,
        provider=provider.name if provider else None,
        provider_kind=provider.kind if provider else None,
        standard_asset_tag=child.instrument.asset_tag if child else None,
        standard_name=child.instrument.name if child else None,
        standard_certificate_no=upstream.certificate_no if upstream else None,
        standard_valid_until=upstream.valid_until if upstream else None,
        upstream_provider=up_provider.name if up_provider else None,
        upstream_provider_kind=up_provider.kind if up_provider else None,
        broken=bool(reasons),
        reasons=reasons,
    )


# --- reverse trace --------------------------------------------------------------------------


def reverse_trace(
    db: Database, standard_id: int, *, since: date, max_depth: int = 10
) -> ReverseTrace:
    """Everything a standard served since ``since``, to any depth (one recursive CTE).

    Depth 1 holds the approved events performed on or after ``since`` that used the standard;
    depth n+1 the approved events that used an instrument of depth n on or after the date of that
    instrument's depth-n event.  Each event appears once, at its smallest depth (ties: the
    smallest ``via_standard_id``); loops end at ``max_depth``.

    Raises
    ------
    ValidationError
        ``max_depth`` below 1.
    """
    if max_depth < 1:
        raise ValidationError("max_depth", "at least 1")
    with reading(db) as conn:
        params = {"standard_id": standard_id, "since": since, "max_depth": max_depth}
        result = conn.execute(reverse_trace_sql(), params).all()
    rows = tuple(_trace_row(*r) for r in result)
    counts = Counter(row.depth for row in rows)
    return ReverseTrace(
        rows=rows,
        counts_by_depth=dict(sorted(counts.items())),
        instruments=len({row.instrument_id for row in rows}),
        events=len(rows),
    )


def _trace_row(
    depth: int, event_id: int, on: date, item_id: int, tag: str, name: str,
    quantity: str | None, via_id: int, via_tag: str, result: str,
) -> TraceRow:  # fmt: skip
    """A row of :func:`reverse_trace_sql` (positional: Row attribute access doubled the time)."""
    return TraceRow(depth, event_id, on, item_id, tag, name, quantity, via_id, via_tag,
                    EventResult(result))  # fmt: skip
