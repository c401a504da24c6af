"""Who is acting on a writing command (placeholder until accounts and passwords exist).

The lead's version replaces this module: it checks the login's password (``LABAPP_PASSWORD`` or a
prompt) and refuses otherwise.  Keep the signature: every writing command calls
``acting_user(args, db, tr)``.
"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from labapp.cli.messages import Messages

__all__ = ["acting_user"]


def acting_user(args: argparse.Namespace, db: Any, tr: Messages) -> str:
    """The login the command acts as: ``--user``, else ``LABAPP_USER``, else the OS login."""
    given = (getattr(args, "user", None) or os.environ.get("LABAPP_USER") or "").strip()
    if given:
        return given
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a container
        return os.environ.get("USER") or "labapp-cli"
