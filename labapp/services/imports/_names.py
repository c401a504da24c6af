"""The master data a ledger may name, as the database holds it: folded name → ids.

A ledger names departments, locations, providers, custodians and procedures as people write them;
they are matched folded (case, width and spaces ignored, :func:`labapp.io.excel.lookup_key`).  A
custodian matches a person's name or login; a procedure its code.  A name that matches several
records (two people called 王芳) is ambiguous: the ledger must then name the login.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from labapp.io.excel import lookup_key
from labapp.persistence.models import (
    InstrumentRow,
    LaboratoryRow,
    LocationRow,
    PersonRow,
    ProcedureRow,
    ProviderRow,
)
from labapp.persistence.models_master import DepartmentRow
from labapp.services.database import Database

__all__ = ["KINDS", "KnownNames", "load_known_names"]

#: The kinds of master data a ledger names, in the order a summary lists them.
KINDS = ("department", "location", "provider", "custodian", "procedure")


@dataclass(frozen=True)
class KnownNames:
    """Per kind, folded name → ids; the tags and logins in use; the laboratories."""

    ids: dict[str, dict[str, list[int]]]
    location_labs: dict[int, int]
    asset_tags: frozenset[str]
    logins: frozenset[str]
    laboratories: tuple[int, ...]
    quantities: tuple[str, ...]

    def lookup(self, kind: str, name: str) -> list[int]:
        """The ids ``name`` matches for ``kind`` (distinct, in id order)."""
        return sorted(set(self.ids[kind].get(lookup_key(name), [])))

    @property
    def only_laboratory(self) -> int | None:
        """The laboratory new locations and instruments belong to, when there is exactly one."""
        return self.laboratories[0] if len(self.laboratories) == 1 else None


def load_known_names(db: Database) -> KnownNames:
    """Read every name a ledger may refer to (one read transaction)."""
    with db.read() as session:
        departments = list(session.execute(select(DepartmentRow.name, DepartmentRow.id)))
        locations = list(
            session.execute(select(LocationRow.name, LocationRow.id, LocationRow.laboratory_id))
        )
        providers = list(session.execute(select(ProviderRow.name, ProviderRow.id)))
        procedures = list(session.execute(select(ProcedureRow.code, ProcedureRow.id)))
        people = list(session.execute(select(PersonRow.name, PersonRow.login, PersonRow.id)))
        tags = frozenset(session.scalars(select(InstrumentRow.asset_tag)))
        labs = tuple(session.scalars(select(LaboratoryRow.id).order_by(LaboratoryRow.id)))
        stored = select(InstrumentRow.quantity).where(InstrumentRow.quantity.is_not(None))
        quantities = tuple(q for q in session.scalars(stored.distinct()) if q)
    custodians = [(n, i) for n, _, i in people] + [(login, i) for _, login, i in people]
    return KnownNames(
        ids={
            "department": _index(departments),
            "location": _index((n, i) for n, i, _ in locations),
            "provider": _index(providers),
            "custodian": _index(custodians),
            "procedure": _index(procedures),
        },
        location_labs={i: lab for _, i, lab in locations},
        asset_tags=tags,
        logins=frozenset(login for _, login, _ in people),
        laboratories=labs,
        quantities=quantities,
    )


def _index(rows: Iterable[Any]) -> dict[str, list[int]]:
    table: dict[str, list[int]] = {}
    for name, key in rows:
        table.setdefault(lookup_key(name), []).append(key)
    return table
