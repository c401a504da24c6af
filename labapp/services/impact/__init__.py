"""TODO."""

from __future__ import annotations

from labapp.services.impact._investigations import (
    close_investigation,
    decide_actions,
    export_investigation,
    failed_sources,
    get_investigation,
    list_investigations,
    open_investigation,
    standards_with_failures,
)

__all__ = [
    "close_investigation",
    "decide_actions",
    "export_investigation",
    "failed_sources",
    "get_investigation",
    "list_investigations",
    "open_investigation",
    "standards_with_failures",
]
