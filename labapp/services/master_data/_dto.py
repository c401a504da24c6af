"""Frozen values of the master-data use cases: what the forms send (``*Input``) and what the
lists show (``*Record``).  Dates are ``date``; enums are the domain's; text is as typed (the
services strip it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from labapp.domain.enums import EventKind, PersonRole, ProviderKind

__all__ = [
    "CustomerInput",
    "CustomerRecord",
    "DepartmentInput",
    "DepartmentRecord",
    "LocationInput",
    "LocationRecord",
    "PersonInput",
    "PersonRecord",
    "ProcedureInput",
    "ProcedureRecord",
    "ProviderInput",
    "ProviderRecord",
    "QualificationInput",
    "QualificationRecord",
    "ScopeInput",
    "ScopeRecord",
]


@dataclass(frozen=True)
class DepartmentInput:
    """A department as typed."""

    name: str
    code: str | None = None


@dataclass(frozen=True)
class DepartmentRecord:
    """A department with its version (for an edit) and how many locations and people it has."""

    id: int
    version: int
    name: str
    code: str | None
    locations: int = 0
    people: int = 0


@dataclass(frozen=True)
class LocationInput:
    """A location as typed; ``laboratory_id`` None means the laboratory (when there is one)."""

    name: str
    building: str | None = None
    room: str | None = None
    department_id: int | None = None
    laboratory_id: int | None = None


@dataclass(frozen=True)
class LocationRecord:
    """A location and its department."""

    id: int
    version: int
    name: str
    building: str | None
    room: str | None
    department_id: int | None
    department: str | None
    laboratory_id: int


@dataclass(frozen=True)
class CustomerInput:
    """A customer (委托单位) as typed."""

    name: str
    code: str | None = None
    address: str | None = None
    contact: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class CustomerRecord:
    """A customer with its version."""

    id: int
    version: int
    name: str
    code: str | None
    address: str | None
    contact: str | None
    email: str | None
    phone: str | None


@dataclass(frozen=True)
class ScopeInput:
    """One line of a provider's accreditation scope; ``id`` names an existing line."""

    quantity: str
    range_text: str | None = None
    cmc: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class ScopeRecord:
    """A stored scope line."""

    id: int
    quantity: str
    range_text: str | None
    cmc: str | None


@dataclass(frozen=True)
class ProviderInput:
    """A calibration/verification provider as typed (scopes replace the stored ones)."""

    name: str
    kind: ProviderKind
    country: str | None = None
    accreditation_body: str | None = None
    accreditation_no: str | None = None
    accreditation_valid_until: date | None = None
    scopes: tuple[ScopeInput, ...] = ()


@dataclass(frozen=True)
class ProviderRecord:
    """A provider with its accreditation and scope."""

    id: int
    version: int
    name: str
    kind: ProviderKind
    country: str | None
    accreditation_body: str | None
    accreditation_no: str | None
    accreditation_valid_until: date | None
    scopes: tuple[ScopeRecord, ...]


@dataclass(frozen=True)
class ProcedureInput:
    """A procedure (JJG/JJF number or SOP) as typed."""

    code: str
    title: str
    kind: EventKind
    revision: str | None = None
    quantity: str | None = None


@dataclass(frozen=True)
class ProcedureRecord:
    """A procedure, in force or withdrawn (作废) since ``withdrawn_on``."""

    id: int
    version: int
    code: str
    title: str
    revision: str | None
    kind: EventKind
    quantity: str | None
    in_force: bool
    withdrawn_on: date | None


@dataclass(frozen=True)
class QualificationInput:
    """A licence (e.g. 检定员证) as typed; ``id`` names an existing one."""

    kind: str
    number: str
    quantity: str | None = None
    scope: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    id: int | None = None


@dataclass(frozen=True)
class QualificationRecord:
    """A stored licence."""

    id: int
    kind: str
    number: str
    quantity: str | None
    scope: str | None
    issued_on: date | None
    valid_until: date | None


@dataclass(frozen=True)
class PersonInput:
    """A person as typed; ``qualifications`` replace the stored ones (matched by id)."""

    name: str
    login: str
    roles: tuple[PersonRole, ...] = ()
    email: str | None = None
    department_id: int | None = None
    qualifications: tuple[QualificationInput, ...] = ()


@dataclass(frozen=True)
class PersonRecord:
    """A person of the laboratory; ``has_signed``: performed, checked or approved something."""

    id: int
    version: int
    name: str
    login: str
    email: str | None
    active: bool
    roles: tuple[PersonRole, ...]
    department_id: int | None
    department: str | None
    qualifications: tuple[QualificationRecord, ...]
    has_signed: bool


@dataclass(frozen=True)
class LocationInfo:
    """A location for a combo box."""

    id: int
    name: str
    department: str | None = None


@dataclass(frozen=True)
class PersonInfo:
    """A person for a combo box (performer, checker, approver, custodian)."""

    id: int
    name: str
    login: str
    roles: tuple[PersonRole, ...]
    active: bool


@dataclass(frozen=True)
class ProviderInfo:
    """A calibration provider for a combo box."""

    id: int
    name: str
    kind: ProviderKind


@dataclass(frozen=True)
class ProcedureInfo:
    """A procedure (JJG/JJF/SOP) for a combo box."""

    id: int
    code: str
    title: str
    kind: EventKind
    in_force: bool = True  # False: withdrawn (作废), offered only where a record names it
