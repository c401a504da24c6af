"""The SQL of the traceability services: recursive CTEs that run unchanged on SQLite and PostgreSQL.

Every statement is built with SQLAlchemy Core (``select(...).cte(recursive=True)``).  Columns of a
recursive CTE are cast in the anchor member so PostgreSQL sees the same type in both members
(dates are typed bind parameters instead: SQLite's ``CAST(x AS DATE)`` would make 2026 of a date).
Recursive members use ``UNION`` (not ``UNION ALL``) where the row itself is a finite key, so that a
loop in the data (A calibrated with B, B with A) ends instead of recursing forever; the forward
chain carries the path instead, to report the loop.

"The certificate of standard S at date d" is always S's latest *approved* event performed on or
before d (ties broken by the larger id): :func:`certificate_at`.

Each statement is built once per process (``functools.cache``) with named bind parameters, and the
services pass the values at execution: building these CTEs aliases wide tables (a few ms each) and
a new statement object also pays for its cache key, which cost more than running the query.

Long module on purpose: the chains' CTEs are built from each other (the upward walk feeds the
links, the links the direct and downward walks); kept together so a change to one is checked
against the others.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Date,
    Integer,
    Select,
    Table,
    Text,
    and_,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    true,
)

from labapp.domain.enums import EventResult, EventStatus, InstrumentStatus, ProviderKind
from labapp.persistence.models import (
    EventRow,
    EventStandardRow,
    InstrumentRow,
    MeasurementPointRow,
    ProviderRow,
    ProviderScopeRow,
)

__all__ = [
    "EXTERNAL_ACCREDITED",
    "broken_chains_sql",
    "certificate_at",
    "event_details_sql",
    "forward_cte_sql",
    "instruments_sql",
    "points_sql",
    "reverse_trace_sql",
]

EVENTS: Table = EventRow.__table__  # type: ignore[assignment]
LINKS: Table = EventStandardRow.__table__  # type: ignore[assignment]
ITEMS: Table = InstrumentRow.__table__  # type: ignore[assignment]
PROVIDERS: Table = ProviderRow.__table__  # type: ignore[assignment]
SCOPES: Table = ProviderScopeRow.__table__  # type: ignore[assignment]
POINTS: Table = MeasurementPointRow.__table__  # type: ignore[assignment]

#: External providers whose certificates need an accreditation scope (an NMI's need none, the
#: lab's own in-house events are traced through the standards they used).
EXTERNAL_ACCREDITED = (ProviderKind.ACCREDITED_LAB, ProviderKind.LEGAL_BODY)


def certificate_at(instrument_id: Any, on: Any) -> Any:
    """Scalar subquery: the id of ``instrument_id``'s latest approved event on or before ``on``."""
    ev = EVENTS.alias("cert")
    return (
        select(ev.c.id)
        .where(
            ev.c.instrument_id == instrument_id,
            ev.c.status == EventStatus.APPROVED,
            ev.c.performed_on <= on,
        )
        .order_by(ev.c.performed_on.desc(), ev.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _id_text(column: Any) -> Any:
    return cast(column, Text)


# --- forward chain --------------------------------------------------------------------------


@cache
def forward_cte_sql() -> Select[Any]:
    """Rows (depth, instrument_id, used_on, event_id, path, cycle) of the chain above an item.

    Parameters: ``instrument_id``, ``at`` (date), ``max_depth``.

    ``path`` is ``",<root id>,<standard id>,...,"`` and identifies the node; ``cycle`` is 1 when the
    node's instrument already appears higher on its path (the node is not expanded).  A node is
    expanded through the standards its event used unless its event was performed by an NMI.
    """
    root, at = bindparam("instrument_id", type_=Integer), bindparam("at", type_=Date)
    anchor = select(
        cast(literal(0), Integer).label("depth"),
        cast(root, Integer).label("instrument_id"),
        at.label("used_on"),
        certificate_at(root, at).label("event_id"),
        cast(literal(",") + _id_text(root) + literal(","), Text).label("path"),
        cast(literal(0), Integer).label("cycle"),
    )
    chain = anchor.cte("forward_chain", recursive=True)
    parent, link, provider = EVENTS.alias("parent"), LINKS.alias("link"), PROVIDERS.alias("pv")
    needle = literal(",") + _id_text(link.c.instrument_id) + literal(",")
    step = (
        select(
            chain.c.depth + 1,
            link.c.instrument_id,
            parent.c.performed_on,
            certificate_at(link.c.instrument_id, parent.c.performed_on),
            cast(chain.c.path + _id_text(link.c.instrument_id) + literal(","), Text),
            case((chain.c.path.contains(needle), 1), else_=0),
        )
        .select_from(
            chain.join(parent, parent.c.id == chain.c.event_id)
            .join(link, link.c.event_id == parent.c.id)
            .outerjoin(provider, provider.c.id == parent.c.provider_id)
        )
        .where(
            chain.c.cycle == 0,
            chain.c.depth < bindparam("max_depth", type_=Integer),
            or_(provider.c.kind.is_(None), provider.c.kind != ProviderKind.NMI),
        )
    )
    chain = chain.union_all(step)
    return select(chain).order_by(chain.c.depth, chain.c.path)


def _ids() -> Any:
    return bindparam("ids", expanding=True)


@cache
def instruments_sql() -> Select[Any]:
    """id, asset_tag, name, quantity of the instruments ``ids``."""
    i = ITEMS
    return select(i.c.id, i.c.asset_tag, i.c.name, i.c.quantity).where(i.c.id.in_(_ids()))


def _in_scope(provider_id: Any, quantity: Any) -> Any:
    return exists().where(SCOPES.c.provider_id == provider_id, SCOPES.c.quantity == quantity)


@cache
def event_details_sql() -> Select[Any]:
    """The events ``ids`` with provider, scope for the item's quantity and number of standards."""
    e, p, i = EVENTS, PROVIDERS, ITEMS
    standards = select(func.count()).where(LINKS.c.event_id == e.c.id).scalar_subquery()
    return (
        select(
            e.c.id,
            e.c.performed_on,
            e.c.certificate_no,
            e.c.valid_until,
            e.c.result,
            p.c.id.label("provider_id"),
            p.c.name.label("provider_name"),
            p.c.kind.label("provider_kind"),
            p.c.accreditation_valid_until,
            _in_scope(e.c.provider_id, i.c.quantity).label("in_scope"),
            standards.label("standards"),
        )
        .select_from(e.join(i, i.c.id == e.c.instrument_id).outerjoin(p, p.c.id == e.c.provider_id))
        .where(e.c.id.in_(_ids()))
    )


@cache
def points_sql() -> Select[Any]:
    """(event_id, stage, U value, U unit, k) of the points of the events ``ids`` that state U."""
    m = POINTS
    return (
        select(
            m.c.event_id,
            m.c.stage,
            m.c.expanded_uncertainty_value,
            m.c.expanded_uncertainty_unit,
            m.c.coverage_factor,
        )
        .where(m.c.event_id.in_(_ids()), m.c.expanded_uncertainty_value.is_not(None))
        .order_by(m.c.event_id, m.c.stage, m.c.seq)
    )


# --- reverse trace --------------------------------------------------------------------------


def reverse_trace_cte() -> CTE:
    """Recursive CTE (depth, event_id, performed_on, instrument_id, via_id) of events served.

    Depth 1: approved events since ``since`` that used the standard.  Depth n+1: approved events on
    or after the date of a depth-n event that used that event's instrument.  ``UNION`` keeps one
    row per (depth, event, via); with the depth bound, that ends loops too.
    """
    e, link = EVENTS.alias("e"), LINKS.alias("l")
    anchor = (
        select(
            cast(literal(1), Integer).label("depth"),
            e.c.id.label("event_id"),
            e.c.performed_on.label("performed_on"),
            e.c.instrument_id.label("instrument_id"),
            link.c.instrument_id.label("via_id"),
        )
        .select_from(link.join(e, e.c.id == link.c.event_id))
        .where(
            link.c.instrument_id == bindparam("standard_id", type_=Integer),
            e.c.status == EventStatus.APPROVED,
            e.c.performed_on >= bindparam("since", type_=Date),
        )
    )
    served = anchor.cte("reverse_trace", recursive=True)
    e2, link2 = EVENTS.alias("e2"), LINKS.alias("l2")
    step = (
        select(
            served.c.depth + 1,
            e2.c.id,
            e2.c.performed_on,
            e2.c.instrument_id,
            link2.c.instrument_id,
        )
        .select_from(
            served.join(link2, link2.c.instrument_id == served.c.instrument_id).join(
                e2, e2.c.id == link2.c.event_id
            )
        )
        .where(
            e2.c.status == EventStatus.APPROVED,
            e2.c.performed_on >= served.c.performed_on,
            served.c.depth < bindparam("max_depth", type_=Integer),
        )
    )
    return served.union(step)


@cache
def reverse_trace_sql() -> Select[Any]:
    """The reverse trace, one row per event at its smallest depth, with the items' names.

    Parameters: ``standard_id``, ``since`` (date), ``max_depth``.

    Columns: depth, event_id, performed_on, instrument_id, asset_tag, name, quantity,
    via_standard_id, via_asset_tag, result; ordered by depth, date, event id.
    """
    served = reverse_trace_cte()
    rank = (
        func.row_number()
        .over(partition_by=served.c.event_id, order_by=(served.c.depth, served.c.via_id))
        .label("rank")
    )
    ranked = select(served, rank).subquery("ranked")
    item, via, e = ITEMS.alias("item"), ITEMS.alias("via"), EVENTS.alias("ev")
    return (
        select(
            ranked.c.depth,
            ranked.c.event_id,
            ranked.c.performed_on,
            ranked.c.instrument_id,
            item.c.asset_tag,
            item.c.name,
            item.c.quantity,
            ranked.c.via_id.label("via_standard_id"),
            via.c.asset_tag.label("via_asset_tag"),
            e.c.result,
        )
        .select_from(
            ranked.join(item, item.c.id == ranked.c.instrument_id)
            .join(via, via.c.id == ranked.c.via_id)
            .join(e, e.c.id == ranked.c.event_id)
        )
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.depth, ranked.c.performed_on, ranked.c.event_id)
    )


# --- broken chains --------------------------------------------------------------------------


def _scope_events(with_since: bool) -> Select[Any]:
    """(item_id, event_id): the events whose chains are checked (see ``broken_chains``)."""
    i = ITEMS
    # calibrated at least once (a failed item keeps its last date but has no due date)
    in_service = and_(
        i.c.status == InstrumentStatus.IN_SERVICE,
        or_(i.c.due_on.is_not(None), i.c.last_calibrated_on.is_not(None)),
    )
    today = bindparam("today", type_=Date)
    if not with_since:
        latest = certificate_at(i.c.id, today)
        inner = select(i.c.id.label("item_id"), latest.label("event_id")).where(in_service)
        sub = inner.subquery("latest")
        return select(sub.c.item_id, sub.c.event_id).where(sub.c.event_id.is_not(None))
    e = EVENTS
    return (
        select(e.c.instrument_id.label("item_id"), e.c.id.label("event_id"))
        .select_from(e.join(i, i.c.id == e.c.instrument_id))
        .where(
            in_service,
            e.c.status == EventStatus.APPROVED,
            e.c.performed_on >= bindparam("since", type_=Date),
            e.c.performed_on <= today,
        )
    )


def upward_cte(scope: CTE) -> CTE:
    """Every event the scope's chains rest on: the scope events, their standards' certificates..."""
    anchor = select(cast(scope.c.event_id, Integer).label("event_id"))
    up = anchor.cte("upward", recursive=True)
    e, link = EVENTS.alias("ue"), LINKS.alias("ul")
    step = select(certificate_at(link.c.instrument_id, e.c.performed_on)).select_from(
        up.join(e, e.c.id == up.c.event_id).join(link, link.c.event_id == e.c.id)
    )
    return up.union(step)


def links_cte(up: CTE) -> CTE:
    """(event_id, used_on, std_id, cert_id) for every standard used by an upward event."""
    e, link = EVENTS.alias("le"), LINKS.alias("ll")
    return (
        select(
            link.c.event_id,
            e.c.performed_on.label("used_on"),
            link.c.instrument_id.label("std_id"),
            certificate_at(link.c.instrument_id, e.c.performed_on).label("cert_id"),
        )
        .select_from(link.join(e, e.c.id == link.c.event_id))
        .where(link.c.event_id.in_(select(up.c.event_id)))
        .cte("links")
    )


def _direct(links: CTE) -> CTE:
    """The links that are broken themselves, with one flag per reason."""
    c, p, s = EVENTS.alias("c"), PROVIDERS.alias("p"), ITEMS.alias("s")
    missing = links.c.cert_id.is_(None)
    expired = and_(c.c.valid_until.is_not(None), c.c.valid_until < links.c.used_on)
    failed = c.c.result == EventResult.FAIL
    unaccredited = and_(
        p.c.kind.in_(EXTERNAL_ACCREDITED),
        or_(
            ~_in_scope(p.c.id, s.c.quantity),
            and_(
                p.c.accreditation_valid_until.is_not(None),
                p.c.accreditation_valid_until < c.c.performed_on,
            ),
        ),
    )
    flags = {"missing": missing, "expired": expired, "failed": failed, "unaccredited": unaccredited}

    def flag(condition: ColumnElement[bool]) -> Any:
        return case((condition, 1), else_=0)

    return (
        select(
            links.c.event_id,
            links.c.std_id,
            links.c.used_on,
            links.c.cert_id,
            c.c.certificate_no,
            c.c.performed_on.label("cert_on"),
            c.c.valid_until,
            p.c.name.label("provider"),
            s.c.quantity,
            *(flag(cond).label(name) for name, cond in flags.items()),
        )
        .select_from(
            links.join(s, s.c.id == links.c.std_id)
            .outerjoin(c, c.c.id == links.c.cert_id)
            .outerjoin(p, p.c.id == c.c.provider_id)
        )
        .where(or_(*flags.values()))
        .cte("direct")
    )


def _downward(direct: CTE, links: CTE) -> CTE:
    """(event_id, via_id, root_event_id, root_std_id): events a broken link reaches."""
    anchor = select(
        cast(direct.c.event_id, Integer).label("event_id"),
        cast(direct.c.std_id, Integer).label("via_id"),
        cast(direct.c.event_id, Integer).label("root_event_id"),
        cast(direct.c.std_id, Integer).label("root_std_id"),
    )
    down = anchor.cte("downward", recursive=True)
    step = select(links.c.event_id, links.c.std_id, down.c.root_event_id, down.c.root_std_id).where(
        links.c.cert_id == down.c.event_id
    )
    return down.union(step)


@cache
def broken_chains_sql(with_since: bool) -> Select[Any]:
    """One row per (scope event, broken root link, way it reaches the event), with flags.

    Parameters: ``today`` and, ``with_since``, ``since`` (dates).
    """
    scope = _scope_events(with_since).cte("scope")
    links = links_cte(upward_cte(scope))
    direct = _direct(links)
    down = _downward(direct, links)
    item, via, root, e = ITEMS.alias("item"), ITEMS.alias("via"), ITEMS.alias("root"), EVENTS
    return (
        select(
            item.c.id,
            item.c.asset_tag,
            item.c.name,
            e.c.id.label("event_id"),
            e.c.performed_on,
            root.c.asset_tag.label("link_asset_tag"),
            via.c.asset_tag.label("via_asset_tag"),
            direct.c.used_on,
            direct.c.certificate_no,
            direct.c.cert_on,
            direct.c.valid_until,
            direct.c.provider,
            direct.c.quantity,
            direct.c.missing,
            direct.c.expired,
            direct.c.failed,
            direct.c.unaccredited,
        )
        .select_from(
            scope.join(down, down.c.event_id == scope.c.event_id)
            .join(e, e.c.id == scope.c.event_id)
            .join(item, item.c.id == scope.c.item_id)
            .join(via, via.c.id == down.c.via_id)
            .join(root, root.c.id == down.c.root_std_id)
            .join(
                direct,
                and_(
                    direct.c.event_id == down.c.root_event_id,
                    direct.c.std_id == down.c.root_std_id,
                ),
            )
        )
        .where(true())
        .order_by(item.c.asset_tag, e.c.performed_on, root.c.asset_tag)
    )
