"""Digital Calibration Certificates (PTB DCC 3.1.x, D-SI units): write LabApp's, read providers'.

Public: :func:`write_dcc` (a :class:`~labapp.io.certificates.CertificateDocument` as DCC 3.1.2
XML, validated before it is returned), :func:`read_dcc` (a provider's DCC 3.1.1 / 3.1.2,
validated against the version it declares, as an :class:`IncomingCertificate`),
:func:`validate_dcc`, the D-SI unit mapping and :class:`DccError` (the first problem, worded in
English and Chinese).  Everything runs offline: the schemas ship in ``resources/dcc/xsd``.
"""

from labapp.io.dcc._errors import DccError
from labapp.io.dcc._incoming import (
    Identification,
    IncomingCertificate,
    IncomingItem,
    IncomingPoint,
    IncomingQuantity,
    IncomingStandard,
)
from labapp.io.dcc._reader import read_dcc
from labapp.io.dcc._schema import MAX_BYTES, SUPPORTED_VERSIONS, parse_dcc, validate
from labapp.io.dcc._units import dsi_to_unit, unit_to_dsi
from labapp.io.dcc._writer import WRITTEN_VERSION, write_dcc

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_VERSIONS",
    "WRITTEN_VERSION",
    "DccError",
    "Identification",
    "IncomingCertificate",
    "IncomingItem",
    "IncomingPoint",
    "IncomingQuantity",
    "IncomingStandard",
    "dsi_to_unit",
    "read_dcc",
    "unit_to_dsi",
    "validate_dcc",
    "write_dcc",
]


def validate_dcc(data: bytes) -> str:
    """Parse ``data`` safely and validate it against its declared schema; return the version.

    Raises
    ------
    DccError
        The first problem found.
    """
    return str(validate(parse_dcc(data)))
