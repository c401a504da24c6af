"""Editing a draft plan on the Planning page: the provider editor and saving pending edits.

The plan table edits month, cost and note as text; the provider is chosen from the lab's
providers in a combo (:class:`ProviderDelegate`).  Edits stay pending in the model until
:func:`save_edits` saves them all through the service on the worker in one unit of work, each
with the version it was read at (one refused: none is saved).
"""

from __future__ import annotations

from typing import Any

from labapp.services import planning
from labapp.ui.common.combo_delegate import ComboDelegate


def save_edits(
    db: Any, user: str, plan_id: int, items: list[Any], pending: dict[int, dict[str, Any]]
) -> Any:
    """Worker job: save every edited item with its version, all or none; the plan as stored."""
    versions = {i.id: i.version for i in items}
    edits = {item_id: planning.PlanItemEdit(**fields) for item_id, fields in pending.items()}
    return planning.update_plan_items(db, user, plan_id, edits, versions)


def load_providers(db: Any) -> Any:
    """Worker job: the providers a plan item can be sent to."""
    from labapp.services.master_data import provider_choices

    return provider_choices(db)


class ProviderDelegate(ComboDelegate):
    """Edits a plan item's provider with a combo of the providers (``model.providers``)."""

    editor_name = "planProviderEditor"

    def choices(self, index: Any) -> list[tuple[str, Any]]:
        return [(name, ident) for ident, name in index.model().providers.items()]
