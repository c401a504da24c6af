"""The laboratory's settings as the Administration page changes them: only an administrator
(once the database has accounts), then :func:`labapp.services.laboratory.update_lab_settings`."""

from __future__ import annotations

from labapp.services.database import Database
from labapp.services.laboratory import LabSettings, LabSettingsInput, update_lab_settings
from labapp.services.master_data._common import ADMINS, require_role

__all__ = ["update_laboratory"]


def update_laboratory(
    db: Database, user: str, data: LabSettingsInput, expected_version: int
) -> LabSettings:
    """Change the lab's settings as ``user`` (an administrator) over ``expected_version``.

    Raises
    ------
    ValidationError
        ``not_permitted``, and those of :func:`update_lab_settings`.
    ConcurrentModificationError, NotFoundError
    """
    with db.read() as session:
        require_role(session, user, ADMINS)
    return update_lab_settings(db, user, data, expected_version)
