"""Ledger mappings remembered per layout: one JSON file per layout fingerprint.

A lab imports the same ledger layout again and again (this year's ledger, next department's); the
mapping the user corrected once is kept in the per-user data directory (:func:`labapp.paths.
data_dir`, so ``LABAPP_HOME`` is honoured), in ``ledger-mappings/<fingerprint>.json``, written
by :meth:`labapp.io.ledger.ColumnMapping.to_json`.  No database table: a mapping belongs to the
user's files, not to the lab's records.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from labapp import paths
from labapp.io.ledger import LEDGER_FIELDS, ColumnMapping, LedgerFileError, detect_ledger_mapping

__all__ = [
    "LEDGER_FIELD_CHOICES",
    "forget_mapping",
    "ledger_mapping",
    "mapping_path",
    "remember_mapping",
    "remembered_mapping",
]

#: The fields a column may hold, for a choice list: (key, English, Chinese).
LEDGER_FIELD_CHOICES = tuple((f.key, f.header_en, f.header_zh) for f in LEDGER_FIELDS)

_SAFE = re.compile(r"^[0-9A-Za-z_-]{1,128}$")


def mapping_path(fingerprint: str) -> Path:
    """Where the mapping of the layout ``fingerprint`` is kept."""
    if not _SAFE.match(fingerprint):
        raise ValueError(f"not a layout fingerprint: {fingerprint!r}")
    return paths.data_dir() / "ledger-mappings" / f"{fingerprint}.json"


def remember_mapping(mapping: ColumnMapping) -> Path:
    """Keep ``mapping`` for its layout (replacing the one kept before, atomically)."""
    target = mapping_path(mapping.fingerprint)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".json.part")
    partial.write_text(mapping.to_json(), encoding="utf-8")
    os.replace(partial, target)
    return target


def remembered_mapping(fingerprint: str) -> ColumnMapping | None:
    """The mapping kept for the layout ``fingerprint``, or None (none kept, or it no longer
    reads: a file edited by hand or from another LabApp version is ignored)."""
    try:
        text = mapping_path(fingerprint).read_text(encoding="utf-8")
        mapping = ColumnMapping.from_json(text)
    except (OSError, ValueError, LedgerFileError):
        return None
    return mapping if mapping.fingerprint == fingerprint else None


def forget_mapping(fingerprint: str) -> None:
    """Drop the mapping kept for a layout (back to what LabApp detects)."""
    mapping_path(fingerprint).unlink(missing_ok=True)


def ledger_mapping(path: str | os.PathLike[str]) -> ColumnMapping:
    """The mapping to start from for a ledger: the one remembered for its layout, else the one
    LabApp detects.

    Raises
    ------
    ImportFileError
        The file cannot be read or has no heading row (as :func:`detect_ledger_mapping`).
    """
    detected = detect_ledger_mapping(path)
    return remembered_mapping(detected.fingerprint) or detected
