"""One ledger line as a typed record, ready for a service to create the instrument.

Names of master data (department, location, provider, custodian, procedure) stay as written: the
service matches them against the database (or creates them).  Enum fields left empty by the ledger
are ``None`` (the service applies the register's defaults: working instrument, in service, not
mandatory); ``reverification`` is ``PERIODIC`` when the ledger states an interval.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from labapp.domain.enums import (
    AccuracyKind,
    CalibrationMethod,
    EventKind,
    EventResult,
    InstrumentStatus,
    Reverification,
    Role,
    StandardLevel,
)
from labapp.domain.quantities import Measured

__all__ = ["REFERENCE_FIELDS", "LedgerRecord"]

#: The fields naming master data the instrument refers to.
REFERENCE_FIELDS = ("department", "location", "provider", "custodian", "procedure")


class LedgerRecord(NamedTuple):
    """One valid ledger line (a named tuple: a ledger has up to 200 000 of them).

    ``range_text`` / ``accuracy_text`` hold the cell as written when the typed fields cannot
    (flagged by a warning); ``valid_until`` is the certificate's own 有效期至 (also the due date,
    never recomputed); ``purchase_value`` is in yuan; ``tag_generated`` says the tag came from the
    user's pattern; ``source_sheet`` and ``source_row`` say where the line is.
    """

    source_row: int
    asset_tag: str
    name: str
    tag_generated: bool = False
    manufacturer: str | None = None
    model: str | None = None
    serial_no: str | None = None
    category: str | None = None
    quantity: str | None = None
    range_low: Measured | None = None
    range_high: Measured | None = None
    range_text: str | None = None
    accuracy_kind: AccuracyKind | None = None
    accuracy: Measured | None = None
    accuracy_class: str | None = None
    coverage_factor: Decimal | None = None
    accuracy_text: str | None = None
    role: Role | None = None
    level: StandardLevel | None = None
    mandatory_verification: bool | None = None
    status: InstrumentStatus | None = None
    last_result: EventResult | None = None
    calibration_method: CalibrationMethod | None = None
    last_event_kind: EventKind | None = None
    provider: str | None = None
    procedure: str | None = None
    department: str | None = None
    location: str | None = None
    custodian: str | None = None
    interval_months: int | None = None
    reverification: Reverification | None = None
    last_calibrated_on: date | None = None
    valid_until: date | None = None
    certificate_no: str | None = None
    purchase_value: Decimal | None = None
    purchased_on: date | None = None
    notes: str | None = None
    source_sheet: str = ""  # the sheet the line is on (a ledger kept one sheet per department)

    def references(self) -> dict[str, str]:
        """Master data this line names: field → name as written (only those given)."""
        return {f: v for f in REFERENCE_FIELDS if (v := getattr(self, f)) is not None}
