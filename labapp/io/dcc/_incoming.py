"""A provider's certificate as read from a DCC: typed, ready to become a draft event in phase B."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from labapp.domain.enums import Decision, Stage
from labapp.domain.quantities import Measured
from labapp.io.certificates import Uncertainty

__all__ = [
    "Identification",
    "IncomingCertificate",
    "IncomingItem",
    "IncomingPoint",
    "IncomingQuantity",
    "IncomingStandard",
]


@dataclass(frozen=True)
class Identification:
    """An identifier of the certificate, an item or a standard: who issued it and its value."""

    issuer: str  # manufacturer | calibrationLaboratory | customer | owner | other
    value: str
    name: str | None = None


@dataclass(frozen=True)
class IncomingItem:
    """An item the DCC certifies (the lab's standard, for an import)."""

    name: str
    manufacturer: str | None
    model: str | None
    identifications: tuple[Identification, ...]

    @property
    def serial_no(self) -> str | None:
        """The manufacturer's identification (the serial number), if given."""
        return next((i.value for i in self.identifications if i.issuer == "manufacturer"), None)


@dataclass(frozen=True)
class IncomingStandard:
    """A measuring equipment (standard) the provider used."""

    name: str
    certificate_no: str | None
    identifications: tuple[Identification, ...]


@dataclass(frozen=True)
class IncomingQuantity:
    """A single quantity such as an ambient condition (``ref_types`` as the DCC tags it)."""

    name: str
    ref_types: tuple[str, ...]
    value: Measured


@dataclass(frozen=True)
class IncomingPoint:
    """One result point; list values in a DCC are expanded to one point each.

    ``uncertainty`` is U of the ``uncertainty_of`` value (``"error"``, ``"indication"``,
    ``"reference"`` or ``"value"``); ``values`` holds quantities with no role LabApp knows.
    """

    result: str
    seq: int
    stage: Stage | None
    nominal: Measured | None = None
    reference: Measured | None = None
    indication: Measured | None = None
    error: Measured | None = None
    uncertainty: Uncertainty | None = None
    uncertainty_of: str | None = None
    lower: Measured | None = None
    upper: Measured | None = None
    mpe: Measured | None = None
    decision: Decision = Decision.NONE
    values: tuple[tuple[str, Measured], ...] = ()


@dataclass(frozen=True)
class IncomingCertificate:
    """What LabApp keeps of a provider's DCC (the file itself is attached with ``sha256``)."""

    schema_version: str
    sha256: str
    certificate_no: str  # coreData/uniqueIdentifier
    provider: str  # the calibration laboratory's name
    provider_code: str | None
    country: str
    begin_performance: date
    end_performance: date
    receipt_date: date | None
    issue_date: date | None  # DCC 3.1 has no issue date of its own: from a statement, if any
    recalibration_due: date | None
    identifications: tuple[Identification, ...]
    items: tuple[IncomingItem, ...]
    customer: str
    responsible_persons: tuple[str, ...]
    conformity: Decision | None
    standards: tuple[IncomingStandard, ...]
    conditions: tuple[IncomingQuantity, ...]
    points: tuple[IncomingPoint, ...]
    software: str
