"""Bringing records in from files: the register ledger (仪器设备台账) checked cell by cell, then
imported all or nothing in one audited transaction.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from labapp.lazy import lazy_attributes

if TYPE_CHECKING:  # imported on first use (see labapp.lazy): these modules load heavy libraries
    from labapp.services.imports._register import (
        ImportFileError,
        check_register_file,
        import_register,
        write_error_workbook,
        write_import_template,
    )


__all__ = [
    "ImportFileError",
    "check_register_file",
    "import_register",
    "write_error_workbook",
    "write_import_template",
]

__getattr__ = lazy_attributes(
    __name__,
    globals(),
    {
        **dict.fromkeys(
            (
                "ImportFileError",
                "check_register_file",
                "import_register",
                "write_error_workbook",
                "write_import_template",
            ),
            "_register",
        ),
    },
)
