"""Master data a ledger names and LabApp lacks, created inside the import's own unit of work.

``--create-missing`` (the GUI's check box) adds, in the same transaction as the instruments (so a
failure leaves none of them): departments and locations by name, providers by name, custodians as
people without an account, and procedures by code.  What cannot be known from a ledger gets a
default the user can change later in master data:

* a provider's kind: a national metrology institute for the NMIs' names, a legal verification body
  for the 计量院 / 计量所 / 计量测试 / 质量技术监督 names, the lab itself for 本单位 / 内部 /
  in-house names, otherwise an accredited laboratory;
* a person's login (required and unique in LabApp, though the person gets no account): the name
  when it is already a valid login, else ``ledger-0001`` … (never one in use);
* a procedure's kind: verification for a JJG regulation, else calibration; its title is its code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from labapp.domain.enums import EventKind, ProviderKind
from labapp.io.excel import lookup_key
from labapp.persistence.models import LocationRow, PersonRow, ProcedureRow, ProviderRow
from labapp.persistence.models_master import DepartmentRow
from labapp.services.imports._names import KnownNames

__all__ = ["CREATABLE", "MAX_NAME", "create_missing", "new_login", "provider_kind"]

#: The kinds ``create_missing`` may add, and the longest name each takes.
CREATABLE = ("department", "location", "provider", "custodian", "procedure")
MAX_NAME = {"department": 200, "location": 200, "provider": 200, "custodian": 100,
            "procedure": 64}  # fmt: skip

_LOGIN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")  # master_data's LOGIN_PATTERN
_NMI = re.compile(r"中国计量科学研究院|^NIM\b|^PTB\b|^NIST\b|^NPL\b|^KRISS\b|^NMIJ\b", re.I)
_LEGAL = re.compile(r"计量院|计量所|计量测试|计量检定|质量技术监督|市场监督|计量科学研究")
_IN_HOUSE = re.compile(r"本单位|本公司|本厂|本所|内部|自检|自校|in[- ]?house", re.I)


def provider_kind(name: str) -> ProviderKind:
    """The kind a new provider named ``name`` gets (see the module docstring)."""
    if _NMI.search(name):
        return ProviderKind.NMI
    if _LEGAL.search(name):
        return ProviderKind.LEGAL_BODY
    if _IN_HOUSE.search(name):
        return ProviderKind.IN_HOUSE
    return ProviderKind.ACCREDITED_LAB


def new_login(name: str, taken: set[str]) -> str:
    """A login for a person created from a ledger: the name when it is a free valid login,
    else the first free ``ledger-NNNN``; added to ``taken``."""
    candidate = name.strip().lower()
    if not (_LOGIN.match(candidate) and candidate not in taken):
        seq = 1
        while (candidate := f"ledger-{seq:04}") in taken:
            seq += 1
    taken.add(candidate)
    return candidate


def create_missing(
    uow: Any, missing: Mapping[str, tuple[str, ...]], names: KnownNames
) -> dict[str, dict[str, int]]:
    """Add every missing record in ``uow`` (flushed: ids known); return kind → folded name → id.

    ``names.only_laboratory`` is where new locations and people belong (the check refuses
    to create locations unless there is exactly one laboratory).
    """
    lab = names.only_laboratory
    logins = set(names.logins)
    made: dict[str, dict[str, int]] = {kind: {} for kind in CREATABLE}
    rows: list[tuple[str, str, Any]] = []
    for kind in CREATABLE:
        for name in missing.get(kind, ()):
            row = _new_row(kind, name, lab, logins)
            uow.session.add(row)
            rows.append((kind, name, row))
    uow.flush()
    for kind, name, row in rows:
        made[kind][lookup_key(name)] = row.id
    return made


def _new_row(kind: str, name: str, lab: int | None, logins: set[str]) -> Any:
    if kind == "department":
        return DepartmentRow(name=name)
    if kind == "location":
        return LocationRow(name=name, laboratory_id=lab)
    if kind == "provider":
        return ProviderRow(name=name, kind=provider_kind(name))
    if kind == "custodian":
        return PersonRow(name=name, login=new_login(name, logins), active=True, laboratory_id=lab)
    return ProcedureRow(code=name, title=name, kind=_procedure_kind(name))


def _procedure_kind(code: str) -> EventKind:
    return EventKind.VERIFICATION if code.upper().startswith("JJG") else EventKind.CALIBRATION
