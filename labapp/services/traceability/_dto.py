"""Frozen results of the traceability services (:mod:`labapp.services.traceability`).

Kept apart from :mod:`labapp.services` so the traceability API can change without touching the
register's DTOs.  Reasons carry a code and the data a message needs, never a sentence: the UI words
them (``BrokenCode`` values are stable identifiers, like the enums stored in the database).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from labapp.domain.enums import EventResult, ProviderKind

__all__ = [
    "BrokenChain",
    "BrokenCode",
    "BrokenReason",
    "ChainEvent",
    "ChainInstrument",
    "ChainLink",
    "ChainNode",
    "ChainProvider",
    "ReverseTrace",
    "TraceRow",
]


class BrokenCode(StrEnum):
    """Why a link of a traceability chain is broken (see :mod:`labapp.services.traceability`)."""

    NO_CERTIFICATE = "no_certificate"
    EXPIRED = "expired"
    STANDARD_FAILED = "standard_failed"
    PROVIDER_NOT_ACCREDITED = "provider_not_accredited"
    CYCLE = "cycle"
    ENDS_WITHOUT_NMI = "ends_without_nmi"


@dataclass(frozen=True)
class BrokenReason:
    """One reason a link is broken; ``params`` hold dates, numbers and names for the message."""

    code: BrokenCode
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ChainInstrument:
    """The item a node of the chain is about."""

    id: int
    asset_tag: str
    name: str
    quantity: str | None


@dataclass(frozen=True)
class ChainProvider:
    """Who performed an event (``None`` on the event when no provider was recorded)."""

    id: int
    name: str
    kind: ProviderKind


@dataclass(frozen=True)
class ChainEvent:
    """The certificate behind a node: the item's latest approved event on or before the date of use.

    ``uncertainty`` is the largest expanded uncertainty U among the event's as-left points (as-found
    when it has no as-left point), compared after conversion to one unit and shown in its own unit,
    e.g. ``"U = 0.35 µV (k = 2)"``; ``None`` when no point states U.
    """

    id: int
    performed_on: date
    certificate_no: str | None
    provider: ChainProvider | None
    valid_until: date | None
    result: EventResult
    uncertainty: str | None
    uncertainty_value: Decimal | None
    uncertainty_unit: str | None
    points: int


@dataclass(frozen=True)
class ChainNode:
    """A node of a forward chain: an item, its certificate at ``used_on``, the standards behind it.

    ``depth`` is 0 for the instrument asked about; ``used_on`` is the date the item's certificate
    had to be valid on (the ``at`` date for the root, the date of the parent's event for a
    standard).  ``broken``/``reasons`` describe this link only; use
    :func:`labapp.services.traceability.chain_is_broken` for the whole tree.
    """

    depth: int
    instrument: ChainInstrument
    used_on: date
    event: ChainEvent | None
    children: tuple[ChainNode, ...]
    broken: bool
    reasons: tuple[BrokenReason, ...]


@dataclass(frozen=True)
class ChainLink:
    """One row of an auditor's traceability table: an item's event and one standard it used.

    An event that used no standard (an NMI or external certificate, or an unsupported in-house
    event) gives one row with the ``standard_*`` fields ``None``.
    """

    depth: int
    asset_tag: str
    name: str
    event_id: int | None
    performed_on: date | None
    certificate_no: str | None
    provider: str | None
    provider_kind: ProviderKind | None
    standard_asset_tag: str | None
    standard_name: str | None
    standard_certificate_no: str | None
    standard_valid_until: date | None
    upstream_provider: str | None
    upstream_provider_kind: ProviderKind | None
    broken: bool
    reasons: tuple[BrokenReason, ...]


@dataclass(frozen=True)
class TraceRow:
    """One event reached by a reverse trace."""

    depth: int
    event_id: int
    performed_on: date
    instrument_id: int
    asset_tag: str
    name: str
    quantity: str | None
    via_standard_id: int
    via_asset_tag: str
    result: EventResult


@dataclass(frozen=True)
class ReverseTrace:
    """Everything a standard served since a date, level by level."""

    rows: tuple[TraceRow, ...]
    counts_by_depth: Mapping[int, int]
    instruments: int
    events: int


@dataclass(frozen=True)
class BrokenChain:
    """An in-service item whose chain is broken, the link where it breaks, and why.

    ``link_asset_tag`` names the standard whose certificate was bad at the date of use; ``via``
    the standard of the item's own event through which the break reached it (the same as
    ``link_asset_tag`` when the item used the bad standard directly).
    """

    instrument_id: int
    asset_tag: str
    name: str
    event_id: int
    performed_on: date
    link_asset_tag: str
    via_asset_tag: str
    code: BrokenCode
    params: Mapping[str, object]
