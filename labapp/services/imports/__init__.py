"""Bringing records in from files: a lab's ledger (仪器设备台账, any layout: :func:`check_ledger`,
:func:`import_ledger`; LabApp's own template and register export are ledger layouts) checked cell by
cell, then imported all or nothing in one audited transaction; the mapping of a ledger layout
remembered per layout; the template to fill in.

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
    "forget_mapping",
    "import_ledger",
    "ledger_mapping",
    "provider_kind",
    "remember_mapping",
    "remembered_mapping",
    "write_import_template",
    "write_ledger_errors",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        "KIND_WORDS": "_cells",
        "provider_kind": "_create",
        "write_ledger_errors": "_error_book",
        "LedgerCheck": "_ledger",
        "LedgerImported": "_ledger",
        "check_ledger": "_ledger",
        "import_ledger": "_ledger",
        "LEDGER_FIELD_CHOICES": "_mappings",
        "forget_mapping": "_mappings",
        "ledger_mapping": "_mappings",
        "remember_mapping": "_mappings",
        "remembered_mapping": "_mappings",
        "ImportFileError": "_register",
        "RegisterImportRefused": "_register",
        "write_import_template": "_register",
    },
)
