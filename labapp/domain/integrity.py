"""What a seal covers: the canonical bytes of a record and the audit chain's hash rule.

A seal is only as good as the bytes it signs, so both the writer and ``labapp-cli audit verify``
build them here, from plain values:

* :func:`canonical_json`: JSON with sorted keys, no whitespace, UTF-8, every value already text
  (exact decimals as typed, dates in ISO 8601), so the same record always gives the same bytes on
  SQLite and PostgreSQL.
* :func:`chain_hash`: SHA-256 over the previous entry's hash and the entry's own fields; an entry
  edited, inserted or removed breaks every hash after it.
* :func:`signed_content_hash`: what an electronic signature signs: the record's canonical form with
  the signature's meaning, the signer's login and the time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

__all__ = [
    "AUDIT_FIELDS",
    "canonical_json",
    "chain_hash",
    "sha256_hex",
    "signed_content_hash",
]

#: The audit-log fields an entry's hash covers, in this order.
AUDIT_FIELDS = ("seq", "at", "user_name", "entity", "entity_id", "action", "changes", "reason")


def canonical_json(value: Any) -> bytes:
    """``value`` (dicts, lists, text, ints, ``None``, booleans) as canonical UTF-8 JSON bytes."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 lowercase hex digits."""
    return hashlib.sha256(data).hexdigest()


def chain_hash(prev_hash: str, entry: Mapping[str, Any]) -> str:
    """The hash of one audit entry chained to ``prev_hash`` ("" for the first entry).

    ``entry`` holds :data:`AUDIT_FIELDS` as text (``seq`` as an int, ``at`` in ISO 8601 UTC).
    """
    fields = [entry[name] for name in AUDIT_FIELDS]
    return sha256_hex(canonical_json([prev_hash, *fields]))


def signed_content_hash(
    content: Mapping[str, Any], meaning: str, signer: str, signed_at: str
) -> str:
    """The hash an electronic signature signs: the record, what the signature means, who, when."""
    return sha256_hex(
        canonical_json(
            {"record": content, "meaning": meaning, "signer": signer, "signed_at": signed_at}
        )
    )
