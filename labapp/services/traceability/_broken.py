"""Broken chains: the in-service items whose calibration rests on a broken link, and where it
breaks (one SQL statement, :func:`labapp.services.traceability._sql.broken_chains_sql`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Row

from labapp.services.database import Database
from labapp.services.traceability._chains import reading
from labapp.services.traceability._dto import (
    BrokenChain,
    BrokenCode,
)
from labapp.services.traceability._sql import (
    broken_chains_sql,
)

__all__ = ["broken_chains"]

_FLAG_CODES = (
    ("missing", BrokenCode.NO_CERTIFICATE),
    ("expired", BrokenCode.EXPIRED),
    ("failed", BrokenCode.STANDARD_FAILED),
    ("unaccredited", BrokenCode.PROVIDER_NOT_ACCREDITED),
)


def broken_chains(db: Database, *, today: date, since: date | None = None) -> list[BrokenChain]:
    """In-service items whose calibration rests on a broken link, and where it breaks.

    Exact definition.  The items are those with status ``in_service`` and a due date or a last
    calibration
    (standards and working instruments alike, a failed one too: it has no due date since its
    FAIL).  The events checked are, per item, its certificate at
    ``today`` (latest approved event on or before ``today``) or, with ``since``, every approved
    event of the item performed from ``since`` to ``today`` (for a review of past results).
    A link "event E used standard S" is *directly broken* when S's certificate at E's date is
    missing, expired at that date, FAIL, or from a non-NMI external provider without scope for
    S's quantity or with a lapsed accreditation (:mod:`labapp.services.traceability._chains`).
    Brokenness propagates down: an event is broken when one of its links is directly broken, or
    when the certificate of one
    of its standards at its date is itself a broken event, to any depth.  ``cycle`` and
    ``ends_without_nmi`` are not reported here (see :func:`forward_chain`).

    All of it is one SQL statement (recursive CTEs up the chains, then down from the broken
    links).  One row per (item, event, broken root link, reason, standard of the event through
    which it is reached), ordered by asset tag and date.
    """
    with reading(db) as conn:
        params = {"today": today, "since": since} if since else {"today": today}
        rows = conn.execute(broken_chains_sql(since is not None), params).all()
    return [chain for row in rows for chain in _broken_rows(row)]


def _broken_rows(row: Row[Any]) -> Iterable[BrokenChain]:
    params = {
        "used_on": row.used_on,
        "certificate_no": row.certificate_no,
        "performed_on": row.cert_on,
        "valid_until": row.valid_until,
        "provider": row.provider,
        "quantity": row.quantity,
    }
    for flag, code in _FLAG_CODES:
        if getattr(row, flag):
            yield BrokenChain(
                instrument_id=row.id,
                asset_tag=row.asset_tag,
                name=row.name,
                event_id=row.event_id,
                performed_on=row.performed_on,
                link_asset_tag=row.link_asset_tag,
                via_asset_tag=row.via_asset_tag,
                code=code,
                params=params,
            )
