"""Bringing records in from files: a lab's ledger (仪器设备台账, any layout: :func:`check_ledger`,
:func:`import_ledger`) or LabApp's own template checked cell by cell, then imported all or nothing
in one audited transaction; the mapping of a ledger layout remembered per layout.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): these modules load heavy libraries
    from labapp.services.imports._cells import KIND_WORDS
    from labapp.services.imports._create import provider_kind
    from labapp.services.imports._error_book import write_ledger_errors
    from labapp.services.imports._ledger import (
        LedgerCheck,
        LedgerImported,
        check_ledger,
        import_ledger,
    )
    from labapp.services.imports._mappings import (
        LEDGER_FIELD_CHOICES,
        forget_mapping,
        ledger_mapping,
        remember_mapping,
        remembered_mapping,
    )
    from labapp.services.imports._register import (
        ImportFileError,
        RegisterImportRefused,
        check_register_file,
        import_register,
        write_error_workbook,
        write_import_template,
    )


__all__ = [
    "KIND_WORDS",
    "LEDGER_FIELD_CHOICES",
    "ImportFileError",
    "LedgerCheck",
    "LedgerImported",
    "RegisterImportRefused",
    "check_ledger",
    "check_register_file",
    "forget_mapping",
    "import_ledger",
    "import_register",
    "ledger_mapping",
    "provider_kind",
    "remember_mapping",
    "remembered_mapping",
    "write_error_workbook",
    "write_import_template",
    "write_ledger_errors",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(
            (
                "ImportFileError",
                "RegisterImportRefused",
                "check_register_file",
                "import_register",
                "write_error_workbook",
                "write_import_template",
            ),
            "_register",
        ),
        "KIND_WORDS": "_cells",
        "provider_kind": "_create",
        "write_ledger_errors": "_error_book",
        **dict.fromkeys(
            ("LedgerCheck", "LedgerImported", "check_ledger", "import_ledger"), "_ledger"
        ),
        **dict.fromkeys(
            (
                "LEDGER_FIELD_CHOICES",
                "forget_mapping",
                "ledger_mapping",
                "remember_mapping",
                "remembered_mapping",
            ),
            "_mappings",
        ),
    },
)
