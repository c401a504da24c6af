"""Frozen values of corrective actions (纠正措施): what the dialog sends, what the lists show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from labapp.domain.proficiency import CorrectiveStatus

__all__ = ["ActionInfo", "ActionInput", "StandardRef", "StandardRisk"]


@dataclass(frozen=True)
class StandardRef:
    """A standard named by a corrective action."""

    instrument_id: int
    asset_tag: str
    name: str


@dataclass(frozen=True)
class ActionInfo:
    """A corrective action with its comparison, participant and standards."""

    id: int
    version: int
    participant_id: int
    participant_code: str
    comparison_id: int
    comparison_title: str
    opened_by: str
    opened_on: date
    description: str
    root_cause: str | None
    action_taken: str | None
    verification: str | None
    status: CorrectiveStatus
    closed_by: str | None
    closed_on: date | None
    standards: tuple[StandardRef, ...]


@dataclass(frozen=True)
class ActionInput:
    """What the user types in a corrective action (closing is a separate step)."""

    description: str
    root_cause: str | None = None
    action_taken: str | None = None
    verification: str | None = None
    instrument_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class StandardRisk:
    """A standard's open corrective actions: non-empty means its results are at risk."""

    instrument_id: int
    open_actions: tuple[ActionInfo, ...]

    @property
    def at_risk(self) -> bool:
        """Whether an open corrective action names this standard."""
        return bool(self.open_actions)
