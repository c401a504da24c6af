"""The register of instruments and standards: create, edit, retire and copy an instrument (the
register's rules), the page of the register filtered, searched and sorted in SQL, and one
instrument's page with its events, attachments, history and traceability risks.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from labapp.services.register._dto import InstrumentData
from labapp.services.register._instruments import (
    EDITABLE_FIELDS,
    commit_instruments,
    create_instrument,
    duplicate_instrument,
    get_instrument,
    list_instruments,
    retire_instrument,
    similar_data,
    update_instrument,
    validate_instrument,
)
from labapp.services.register._lookup import find_instrument
from labapp.services.register._page import get_instrument_detail
from labapp.services.register._query import (
    SEARCH_COUNT_CAP,
    RegisterFilter,
    count_register,
    query_register,
    register_facets,
    register_where,
    search_count_cap,
)
from labapp.services.register._row import RegisterItem

__all__ = [
    "EDITABLE_FIELDS",
    "SEARCH_COUNT_CAP",
    "InstrumentData",
    "RegisterFilter",
    "RegisterItem",
    "commit_instruments",
    "count_register",
    "create_instrument",
    "duplicate_instrument",
    "find_instrument",
    "get_instrument",
    "get_instrument_detail",
    "list_instruments",
    "query_register",
    "register_facets",
    "register_where",
    "retire_instrument",
    "search_count_cap",
    "similar_data",
    "update_instrument",
    "validate_instrument",
]
