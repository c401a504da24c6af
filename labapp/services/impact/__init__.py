"""Failed-standard impact investigations (ISO/IEC 17025 7.10, JJF 1033): what a standard found out
of tolerance put at risk, a decision per result, closing, and the report.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes
from labapp.services.impact._investigations import (
    close_investigation,
    decide_actions,
    export_investigation,
    get_investigation,
    open_investigation,
)
from labapp.services.impact._queries import (
    failed_sources,
    list_investigations,
    standards_with_failures,
)

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): these modules load heavy libraries
    from labapp.services.impact._report_pdf import export_investigation_pdf


__all__ = [
    "close_investigation",
    "decide_actions",
    "export_investigation",
    "export_investigation_pdf",
    "failed_sources",
    "get_investigation",
    "list_investigations",
    "open_investigation",
    "standards_with_failures",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        "export_investigation_pdf": "_report_pdf",
    },
)
