"""The item filter of the Audit page: the asset tag typed, resolved to one instrument on the
worker, the same way for the table on screen and for the printed report."""

from __future__ import annotations

from typing import Any

from labapp.services.register import list_instruments

__all__ = ["ItemNotFound", "resolve_item"]


class ItemNotFound(LookupError):
    """No instrument has the asset tag typed in the item filter."""


def resolve_item(db: Any, tag: str) -> tuple[int, str]:
    """The instrument the item filter names (id, asset tag): its exact tag, or the one item a
    search for ``tag`` finds (on the worker)."""
    hits = list_instruments(db, search=tag, limit=50)
    exact = [h for h in hits if h.asset_tag.lower() == tag.lower()]
    match = exact or (hits if len(hits) == 1 else [])
    if not match:
        raise ItemNotFound(tag)
    return match[0].id, match[0].asset_tag
