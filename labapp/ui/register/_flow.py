"""The register's instrument and retire dialogs, run: what they offer is loaded and what they
return is saved on the worker (:mod:`labapp.ui.common.submission`).

New instrument… creates, Edit… updates the fields changed over the version read (with the reason
typed), Add similar… copies the source's specification (``duplicate_instrument``) with what the
user changed, and Retire… retires with a reason.  The dialogs only collect.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from labapp.services.master_data import (
    list_persons,
    location_choices,
    procedure_choices,
    provider_choices,
)
from labapp.services.register import (
    create_instrument,
    duplicate_instrument,
    get_instrument_detail,
    register_facets,
    retire_instrument,
    update_instrument,
)
from labapp.ui.common.submission import UseCase, run_on_submit
from labapp.ui.register._instrument_dialog import InstrumentDialog
from labapp.ui.register._retire_dialog import RetireDialog

__all__ = ["instrument_dialog", "retire_dialog"]


def load_lookups(db: Any, instrument_id: int | None) -> dict[str, Any]:
    """Worker job: everything the instrument form offers, and the instrument to edit or copy."""
    return {
        "facets": register_facets(db),
        "persons": list_persons(db),
        "locations": location_choices(db),
        "providers": provider_choices(db),
        "procedures": procedure_choices(db),
        "detail": get_instrument_detail(db, instrument_id) if instrument_id else None,
    }


def instrument_dialog(
    session: Any,
    parent: QWidget,
    instrument_id: int | None = None,
    similar_to: int | None = None,
) -> InstrumentDialog:
    """The instrument dialog (not yet open) with its lookups loading and its saves wired.

    ``instrument_id``: edit it; ``similar_to``: a new one prefilled from that one; neither: new.
    """
    dialog = InstrumentDialog(instrument_id, similar_to, parent)
    source = instrument_id or similar_to
    session.run(lambda db: load_lookups(db, source), dialog.fill)
    run_on_submit(session, dialog, _save_as(instrument_id, similar_to))
    if instrument_id:
        dialog.reload_wanted.connect(
            lambda: session.run(
                lambda db: get_instrument_detail(db, instrument_id), dialog.show_reloaded
            )
        )
    return dialog


def _save_as(instrument_id: int | None, similar_to: int | None) -> UseCase:
    """The service call that saves an ``InstrumentSave`` as this dialog's kind of change."""
    if instrument_id:
        return lambda db, user, save: update_instrument(
            db, user, instrument_id, save.version, save.changes, save.reason
        )
    if similar_to:
        return lambda db, user, save: duplicate_instrument(
            db, user, similar_to, save.data.asset_tag, save.changes
        )
    return lambda db, user, save: create_instrument(db, user, save.data)


def retire_dialog(session: Any, parent: QWidget, item: Any) -> RetireDialog:
    """The retire dialog for register row ``item`` (not yet open), its retirement wired."""
    dialog = RetireDialog(item.id, item.version, item.asset_tag, parent)
    ident = item.id
    run_on_submit(
        session,
        dialog,
        lambda db, user, value: retire_instrument(db, user, ident, value[0], value[1]),
    )
    return dialog
