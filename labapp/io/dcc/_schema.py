"""Parsing a DCC safely and validating it offline against the schema version it declares.

lxml, not xmlschema: one library both parses hostile input safely (``resolve_entities=False``,
``no_network=True``, no DTD loaded, libxml2's own depth and size limits with ``huge_tree`` off)
and validates against XSD 1.0 in C, which matters for a DCC of a few megabytes.  A file is refused
before parsing when it is over :data:`MAX_BYTES` or declares a DTD or entities (a DCC needs
neither; billion-laughs and external-entity files are refused outright, not expanded).

The schemas ship in ``resources/dcc/xsd/<version>/`` (PTB's DCC 3.1.1 and 3.1.2 with D-SI 2.1.0,
LGPL-3, the import pointed at the local copy): nothing is fetched from the network, and the
files' ``xsi:schemaLocation`` hints are never followed.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from lxml import etree

from labapp.io.dcc._errors import DccError
from labapp.paths import resources_dir

__all__ = ["DCC_NS", "MAX_BYTES", "NS", "SI_NS", "SUPPORTED_VERSIONS", "parse_dcc", "validate"]

DCC_NS = "https://ptb.de/dcc"
SI_NS = "https://ptb.de/si"
NS = {"dcc": DCC_NS, "si": SI_NS}
SUPPORTED_VERSIONS = ("3.1.1", "3.1.2")
MAX_BYTES = 50 * 1024 * 1024  # a DCC with embedded files can be large; beyond this, refused
_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_blank_text=False,
    )  # fmt: skip


def parse_dcc(data: bytes) -> Any:
    """Parse ``data`` as a DCC document (not yet validated) and return its root element.

    Raises
    ------
    DccError
        ``too_large``, ``dtd``, ``not_xml`` or ``not_dcc``.
    """
    if len(data) > MAX_BYTES:
        raise DccError("too_large", {"size": len(data), "limit": MAX_BYTES})
    if _DTD.search(data) or _DTD.search(data.replace(b"\x00", b"")):  # UTF-16 too
        raise DccError("dtd")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise DccError("not_xml", {"detail": exc.msg}, line=exc.lineno) from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise DccError("dtd")
    if root.tag != f"{{{DCC_NS}}}digitalCalibrationCertificate":
        raise DccError("not_dcc", {"root": etree.QName(root).localname})
    return root


@functools.lru_cache(maxsize=len(SUPPORTED_VERSIONS))
def _schema(version: str) -> Any:
    path = resources_dir() / "dcc" / "xsd" / version / "dcc.xsd"
    return etree.XMLSchema(etree.parse(str(path), _parser()))


def validate(root: Any) -> str:
    """Validate a parsed DCC against the schema of its ``schemaVersion``; return the version.

    Raises
    ------
    DccError
        ``unsupported_version`` (not 3.1.1 or 3.1.2) or ``invalid`` with the first error the
        validator met, and its line.
    """
    version = root.get("schemaVersion") or ""
    if version not in SUPPORTED_VERSIONS:
        supported = ", ".join(SUPPORTED_VERSIONS)
        raise DccError(
            "unsupported_version", {"version": version[:20] or "?", "supported": supported}
        )
    schema = _schema(version)
    if not schema.validate(root):
        first = schema.error_log[0]
        raise DccError("invalid", {"version": version, "detail": first.message}, line=first.line)
    return version
