"""TODO."""

from __future__ import annotations

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
