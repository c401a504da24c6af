"""Password hashes and signing keys: argon2id (argon2-cffi) and Ed25519 (cryptography).

* A password is stored only as an argon2id hash (RFC 9106 parameters, kept inside the hash so a
  later LabApp can raise them and rehash on the next login).
* Each person has an Ed25519 key pair.  The private key is kept encrypted with AES-256-GCM under
  a key derived from the person's password with argon2id and a random salt, so a seal can only be
  made by someone who types that password; the blob records its own parameters.
* Nothing here is hand-made cryptography: the primitives are the libraries'; this module only
  chooses them and encodes their output as text (base64, JSON) for the database.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

__all__ = [
    "Argon2Cost",
    "KeyPair",
    "WrongPassword",
    "cost",
    "hash_password",
    "needs_rehash",
    "new_key_pair",
    "rewrap_private_key",
    "set_cost",
    "unlock_private_key",
    "verify_password",
    "verify_signature",
]


@dataclass(frozen=True)
class Argon2Cost:
    """argon2id cost: passes, memory in KiB, lanes."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4


_COST = Argon2Cost()


class WrongPassword(Exception):
    """The password does not match (the hash, or the key it must decrypt)."""


def cost() -> Argon2Cost:
    """The argon2id cost new hashes and keys get."""
    return _COST


def set_cost(value: Argon2Cost) -> None:
    """Change the cost of new hashes (the test suite lowers it; stored hashes keep their own)."""
    global _COST
    _COST = value


def _hasher() -> PasswordHasher:
    c = _COST
    return PasswordHasher(
        time_cost=c.time_cost, memory_cost=c.memory_kib, parallelism=c.parallelism
    )


def hash_password(password: str) -> str:
    """The argon2id hash of ``password`` (PHC string format)."""
    return _hasher().hash(password)


def verify_password(stored: str, password: str) -> None:
    """Raise :class:`WrongPassword` unless ``password`` matches ``stored``."""
    try:
        _hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError) as exc:
        raise WrongPassword from exc


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made with other parameters than new hashes get."""
    try:
        return _hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _kek(password: str, salt: bytes, c: Argon2Cost) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=c.time_cost,
        memory_cost=c.memory_kib,
        parallelism=c.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _wrap(private: Ed25519PrivateKey, password: str) -> str:
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    salt, nonce, c = os.urandom(16), os.urandom(12), _COST
    sealed = AESGCM(_kek(password, salt, c)).encrypt(nonce, raw, b"labapp-signing-key")
    blob = {
        "kdf": "argon2id",
        "t": c.time_cost,
        "m": c.memory_kib,
        "p": c.parallelism,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "key": _b64(sealed),
    }
    return json.dumps(blob, sort_keys=True)


@dataclass(frozen=True)
class KeyPair:
    """A new key pair: the public key (base64) and the encrypted private key (JSON text)."""

    public_key: str
    private_blob: str
    private_key: Ed25519PrivateKey


def new_key_pair(password: str) -> KeyPair:
    """A fresh Ed25519 key pair, its private half encrypted under ``password``."""
    private = Ed25519PrivateKey.generate()
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return KeyPair(_b64(public), _wrap(private, password), private)


def unlock_private_key(blob: str, password: str) -> Ed25519PrivateKey:
    """Decrypt a private key; :class:`WrongPassword` if ``password`` does not open it."""
    try:
        data = json.loads(blob)
        c = Argon2Cost(int(data["t"]), int(data["m"]), int(data["p"]))
        kek = _kek(password, _unb64(data["salt"]), c)
        raw = AESGCM(kek).decrypt(_unb64(data["nonce"]), _unb64(data["key"]), b"labapp-signing-key")
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise WrongPassword from exc
    return Ed25519PrivateKey.from_private_bytes(raw)


def rewrap_private_key(blob: str, old_password: str, new_password: str) -> str:
    """The same private key, encrypted under ``new_password`` (a password change keeps the key)."""
    return _wrap(unlock_private_key(blob, old_password), new_password)


def sign(private: Ed25519PrivateKey, data: bytes) -> str:
    """The base64 Ed25519 signature of ``data``."""
    return _b64(private.sign(data))


def verify_signature(public_key: str, signature: str, data: bytes) -> bool:
    """True when ``signature`` (base64) is the key's Ed25519 signature of ``data``."""
    try:
        Ed25519PublicKey.from_public_bytes(_unb64(public_key)).verify(_unb64(signature), data)
    except (InvalidSignature, ValueError):
        return False
    return True
