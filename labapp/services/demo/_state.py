"""Whether a database holds a complete demo laboratory, an interrupted one, or someone's register.

Seeding writes everything in one transaction whose last rows are the "demo data seeded" audit
entry and the ``labapp_meta`` key :data:`MARKER_KEY`, so a seeding killed half way leaves nothing
behind.  A database seeded by an older LabApp, which committed chunk by chunk, may still hold a
partial lab: instruments all made by the demo user and no completion record.  That is
*incomplete*: ``labapp --demo`` seeds it again, ``labapp-cli demo`` refuses it and names
``--replace``.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Connection, func, select

from labapp.domain.errors import LabAppError
from labapp.persistence.models import AuditLogRow, InstrumentRow, MetaRow

__all__ = ["MARKER_KEY", "DemoIncompleteError", "DemoState", "demo_state"]

MARKER_KEY = "demo_seeded"


class DemoState(StrEnum):
    """What a database holds, as far as the demo seeding is concerned."""

    EMPTY = "empty"
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"
    FOREIGN = "foreign"  # a register of someone's own: never touched


class DemoIncompleteError(LabAppError):
    """The demo database holds a lab whose seeding never completed."""

    def __init__(self, url: str, instruments: int) -> None:
        super().__init__(
            f"{url} holds a demo laboratory whose seeding never completed ({instruments} "
            "instruments); run 'labapp-cli demo --replace' to seed it again"
        )
        self.url = url
        self.instruments = instruments


def demo_state(conn: Connection, demo_user: str) -> tuple[DemoState, int]:
    """The database's :class:`DemoState` and its number of instruments."""
    instruments = InstrumentRow.__table__
    count = int(conn.execute(select(func.count()).select_from(instruments)).scalar_one())
    if count == 0:
        return DemoState.EMPTY, 0
    meta = MetaRow.__table__
    if conn.execute(select(meta.c.value).where(meta.c.key == MARKER_KEY)).first() is not None:
        return DemoState.COMPLETE, count
    audit = AuditLogRow.__table__
    seeded = select(audit.c.id).where(audit.c.entity == "database", audit.c.entity_id == "demo")
    if conn.execute(seeded.limit(1)).first() is not None:  # seeded before the marker existed
        return DemoState.COMPLETE, count
    others = select(instruments.c.id).where(instruments.c.created_by != demo_user).limit(1)
    if conn.execute(others).first() is not None:
        return DemoState.FOREIGN, count
    return DemoState.INCOMPLETE, count
