"""The auditor's workbooks that ``labapp-cli export`` and the GUI write: the register (in the
columns the import reads back), the traceability table, the due list and the annual plan, the
dashboard's figures, and a standard's reverse trace.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes
from labapp.services.exports._traceability import TraceFilter, export_traceability

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): these modules load heavy libraries
    from labapp.services.exports._audit import export_audit_pdf, export_audit_xlsx
    from labapp.services.exports._dashboard import draw_rate_year, export_dashboard
    from labapp.services.exports._plan import export_due, export_plan
    from labapp.services.exports._plan_pdf import export_plan_pdf
    from labapp.services.exports._register import export_register
    from labapp.services.exports._register_pdf import (
        REGISTER_PDF_COLUMNS,
        REGISTER_PDF_DEFAULT,
        export_register_pdf,
    )
    from labapp.services.exports._reverse_trace import export_reverse_trace

__all__ = [
    "REGISTER_PDF_COLUMNS",
    "REGISTER_PDF_DEFAULT",
    "TraceFilter",
    "draw_rate_year",
    "export_audit_pdf",
    "export_audit_xlsx",
    "export_dashboard",
    "export_due",
    "export_plan",
    "export_plan_pdf",
    "export_register",
    "export_register_pdf",
    "export_reverse_trace",
    "export_traceability",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(("draw_rate_year", "export_dashboard"), "_dashboard"),
        **dict.fromkeys(("export_due", "export_plan"), "_plan"),
        "export_register": "_register",
        **dict.fromkeys(("export_audit_pdf", "export_audit_xlsx"), "_audit"),
        "export_plan_pdf": "_plan_pdf",
        **dict.fromkeys(
            ("REGISTER_PDF_COLUMNS", "REGISTER_PDF_DEFAULT", "export_register_pdf"), "_register_pdf"
        ),
        "export_reverse_trace": "_reverse_trace",
    },
)
