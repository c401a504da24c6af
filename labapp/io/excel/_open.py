"""Opening a workbook for reading: held to the limits first, then read with python-calamine.

Every reader of a user's workbook opens it here, so no reader can skip the checks of
:mod:`labapp.io.excel._limits` (far-corner cells, zip bombs, entity declarations, huge cells) or
of :mod:`labapp.io.excel._xls_limits` for a legacy ``.xls``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import python_calamine

from labapp.io.excel._limits import check_workbook_limits
from labapp.io.excel._problems import ImportFileError
from labapp.io.excel._xls_limits import check_xls_limits

__all__ = ["open_workbook"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_workbook(path: Path) -> Any:
    """Open an Excel file with calamine, or raise ImportFileError saying why it cannot be read.

    A zipped workbook is first held to :mod:`labapp.io.excel._limits` (far-corner cells, zip
    bombs, entity declarations, huge cells): those raise its :class:`WorkbookLimitError`.
    """
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as exc:
        raise ImportFileError("not_excel", path, str(exc)) from exc
    if not magic:
        raise ImportFileError("empty", path)
    if magic == _OLE2 and _encrypted_ole(path):
        raise ImportFileError("password_protected", path)
    if magic[:2] != b"PK" and magic != _OLE2:
        raise ImportFileError("not_excel", path)
    if magic[:2] == b"PK":
        check_workbook_limits(path)  # before calamine builds anything from the file
    else:
        check_xls_limits(path)
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError as exc:
        raise ImportFileError("password_protected", path) from exc
    except Exception as exc:  # calamine raises several types for a broken or foreign file
        raise ImportFileError("not_excel", path, str(exc)) from exc


def _encrypted_ole(path: Path) -> bool:
    """An OLE2 file is an encrypted OOXML workbook when it holds an EncryptionInfo stream
    (or when it claims to be .xlsx: an OOXML workbook is only ever OLE2 when encrypted)."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return True
    with path.open("rb") as handle:
        return "EncryptionInfo".encode("utf-16-le") in handle.read(1 << 20)
