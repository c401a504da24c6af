"""Who a writing command acts as: ``--user LOGIN`` (or ``LABAPP_USER``) and a password.

The password comes from ``LABAPP_PASSWORD`` or, on a terminal, a prompt; with neither the command
is refused (exit 2).  A successful login signs the person in on the open database, so every change
the command makes is sealed with that person's key, and nobody else may write through it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from labapp.cli.messages import Messages
from labapp.domain.errors import AuthenticationError

__all__ = [
    "acting_actor",
    "acting_user",
    "add_user_argument",
    "login_of",
    "password_for",
    "read_password_stdin",
]

USER_ENV = "LABAPP_USER"
PASSWORD_ENV = "LABAPP_PASSWORD"


def add_user_argument(parser: argparse.ArgumentParser, tr: Messages) -> None:
    """``--user LOGIN`` on a command that writes."""
    parser.add_argument("--user", default=None, metavar="LOGIN", help=tr("help.user"))


def login_of(args: argparse.Namespace) -> str:
    """The login a command acts as: ``--user`` or ``LABAPP_USER`` (refused when neither)."""
    login = (getattr(args, "user", None) or os.environ.get(USER_ENV) or "").strip()
    if not login:
        raise AuthenticationError("no_user")
    return login


def password_for(login: str, tr: Messages) -> str:
    """``login``'s password: ``LABAPP_PASSWORD``, else a prompt on a terminal, else refused."""
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(tr("password.prompt", login=login))
    raise AuthenticationError("no_password", {"login": login})


def acting_actor(args: argparse.Namespace, db: Any, tr: Messages) -> Any:
    """Log the command's user in on ``db`` and return the actor (roles, key).

    Raises
    ------
    AuthenticationError
        ``no_user``, ``no_password``, ``wrong_credentials``, ``locked``, ``disabled``.
    """
    from labapp.services.accounts import authenticate, connect_as

    login = login_of(args)
    password = password_for(login, tr)
    connect_as(db, login, password)  # PostgreSQL: the server knows who writes
    actor = authenticate(db, login, password)
    db.require_login = True
    return actor


def acting_user(args: argparse.Namespace, db: Any, tr: Messages) -> str:
    """Log the command's user in on ``db`` and return the login the services act as."""
    return str(acting_actor(args, db, tr).login)


def read_password_stdin(tr: Messages) -> str:
    """One line of standard input as a password (``--password-stdin``)."""
    line = sys.stdin.readline() if sys.stdin is not None else ""
    password = line.rstrip("\r\n")
    if not password:
        raise AuthenticationError("no_password", {"login": "-"})
    return password
