"""Accounts, signing keys, electronic signatures and the audit chain's head (migration 0006).

* ``accounts``: one per person who logs in; the password as an argon2id hash, the failed-login
  counter and lock, and the person's Ed25519 private key encrypted under a key derived from the
  password (so only that person, typing the password, can sign).
* ``person_keys``: every public key a person ever had (a reset makes a new pair); insert-only, so a
  seal made years ago still verifies.
* ``signatures``: an electronic signature (核验 / 批准) over the canonical form of an event;
  insert-only.
* ``audit_head``: the chain's last sequence number and hash, one row, locked by each writer so two
  transactions never extend the chain from the same entry.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from labapp.persistence.base import Audited, Base, Versioned
from labapp.persistence.types import UtcDateTime

__all__ = ["AccountRow", "AuditHeadRow", "PersonKeyRow", "SignatureRow"]


class AccountRow(Versioned, Base):
    """A person's login: password hash, lockout state, encrypted signing key."""

    __tablename__ = "accounts"
    #: Never copied into the audit log (it records that they changed, not their value).
    __audit_redacted__: ClassVar[frozenset[str]] = frozenset({"password_hash", "private_key"})
    #: Bookkeeping of failed logins: not an account change, not audited.
    __audit_skipped__: ClassVar[frozenset[str]] = frozenset({"failed_attempts", "locked_until"})

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    password_changed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    key_id: Mapped[int | None] = mapped_column(ForeignKey("person_keys.id"))
    private_key: Mapped[str] = mapped_column(Text)


class PersonKeyRow(Audited, Base):
    """A public signing key of a person (base64 of the 32 raw Ed25519 bytes)."""

    __tablename__ = "person_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    public_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SignatureRow(Audited, Base):
    """An electronic signature: who signed what event, meaning what, when, with which key."""

    __tablename__ = "signatures"
    __table_args__ = (CheckConstraint("meaning IN ('check', 'approve')", name="meaning"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    meaning: Mapped[str] = mapped_column(String(16))
    signed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    content_hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(100))
    key_id: Mapped[int] = mapped_column(ForeignKey("person_keys.id"))


class AuditHeadRow(Base):
    """The audit chain's head: last sequence number and entry hash (a single row, id 1)."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="")
