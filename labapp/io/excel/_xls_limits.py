"""The grid limits of :mod:`labapp.io.excel._limits` for a legacy ``.xls`` (BIFF8 in OLE2).

A 5 KB ``.xls`` with one cell at IV65536 makes calamine build the 65 536 × 256 grid (1.2 GB;
an abort under a memory limit).  The file is an OLE2 compound document: its header gives the
sector size and the allocation table, the directory names the "Workbook" stream, and the stream
is a sequence of BIFF records ``(type u16, length u16, data)``.  Every cell record starts with its
row and column (u16 each); MULRK / MULBLANK end with their last column.  Only the stdlib is used
and the stream is read sector by sector; a file this reader cannot follow is left to calamine,
which refuses a broken file itself (the limits are about size, not about validity).
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from labapp.io.excel._limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, WorkbookLimitError

__all__ = ["check_xls_limits"]

_END_OF_CHAIN = 0xFFFFFFFE
_FREE = 0xFFFFFFFF
# BIFF8 cell records: LABELSST, NUMBER, RK, BLANK, FORMULA, LABEL, BOOLERR, RSTRING
_CELLS = {0x00FD, 0x0203, 0x027E, 0x0201, 0x0006, 0x0204, 0x0205, 0x00D6}
_MULTI = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, ..., last column (u16 at end)
_BOF, _EOF = 0x0809, 0x000A


class _Unreadable(Exception):
    """The compound document cannot be followed (left to calamine)."""


def check_xls_limits(path: str | os.PathLike[str]) -> None:
    """Refuse an ``.xls`` whose cells reach beyond the grid limits.

    Raises
    ------
    WorkbookLimitError
        ``too_many_rows``, ``too_many_columns`` or ``too_many_cells`` (``part`` is the sheet's
        number, from 1).
    """
    try:
        with open(path, "rb") as handle:
            _check_sheets(_workbook_stream(handle), path)
    except (_Unreadable, struct.error, OSError):
        return


def _check_sheets(stream: Iterator[bytes], path: str | os.PathLike[str]) -> None:
    sheet, rows, columns = 0, 0, 0
    for kind, data in _records(stream):
        if kind == _BOF:
            sheet, rows, columns = sheet + 1, 0, 0
            continue
        if kind in _CELLS and len(data) >= 4:
            row, column = struct.unpack_from("<HH", data)
            last = column
        elif kind in _MULTI and len(data) >= 6:
            row, column = struct.unpack_from("<HH", data)
            (last,) = struct.unpack_from("<H", data, len(data) - 2)
        else:
            continue
        rows, columns = max(rows, row + 1), max(columns, last + 1)
        _refuse_beyond(rows, columns, f"sheet {max(sheet - 1, 1)}", path)


def _refuse_beyond(rows: int, columns: int, part: str, path: str | os.PathLike[str]) -> None:
    if rows > MAX_ROWS:
        raise WorkbookLimitError("too_many_rows", path, part=part, found=rows, limit=MAX_ROWS)
    if columns > MAX_COLUMNS:
        raise WorkbookLimitError(
            "too_many_columns", path, part=part, found=columns, limit=MAX_COLUMNS
        )
    if rows * columns > MAX_CELLS:
        raise WorkbookLimitError(
            "too_many_cells", path, part=part, found=rows * columns, limit=MAX_CELLS
        )


def _records(stream: Iterator[bytes]) -> Iterator[tuple[int, bytes]]:
    """BIFF records from the stream's sectors (a record may span sectors)."""
    buffer = b""
    for sector in stream:
        buffer += sector
        offset = 0
        while len(buffer) - offset >= 4:
            kind, length = struct.unpack_from("<HH", buffer, offset)
            if len(buffer) - offset - 4 < length:
                break
            yield kind, buffer[offset + 4 : offset + 4 + length]
            offset += 4 + length
        buffer = buffer[offset:]


class _Compound:
    """Just enough of an OLE2 compound document to read one stream."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        header = handle.read(512)
        if len(header) < 512 or header[:8] != b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise _Unreadable
        shift, mini_shift = struct.unpack_from("<HH", header, 0x1E)
        if not 7 <= shift <= 16 or not 2 <= mini_shift < shift:
            raise _Unreadable
        self.size, self.mini_size = 1 << shift, 1 << mini_shift
        handle.seek(0, os.SEEK_END)
        self.sectors = handle.tell() // self.size  # no chain is longer: a longer one loops
        fat_count, self.directory = struct.unpack_from("<II", header, 0x2C)
        self.cutoff, self.mini_fat_start = struct.unpack_from("<II", header, 0x38)
        difat_start, difat_count = struct.unpack_from("<II", header, 0x44)
        fat_sectors = list(struct.unpack_from("<109I", header, 0x4C))
        sector = difat_start
        for _ in range(min(difat_count, self.sectors)):
            if sector >= _END_OF_CHAIN:
                break
            entries = struct.unpack(f"<{self.size // 4}I", self.sector(sector))
            fat_sectors.extend(entries[:-1])
            sector = entries[-1]
        self.fat: list[int] = []
        for number in fat_sectors[: min(fat_count, self.sectors)]:
            self.fat.extend(struct.unpack(f"<{self.size // 4}I", self.sector(number)))

    def sector(self, number: int) -> bytes:
        self.handle.seek(self.size * (number + 1))
        data = self.handle.read(self.size)
        if len(data) < self.size:
            raise _Unreadable
        return data

    def chain(self, start: int) -> Iterator[int]:
        sector, seen = start, 0
        while sector not in (_END_OF_CHAIN, _FREE):
            if sector >= len(self.fat) or seen > self.sectors:
                raise _Unreadable
            yield sector
            sector, seen = self.fat[sector], seen + 1

    def entries(self) -> Iterator[tuple[str, int, int]]:
        """(name, first sector, size) of every directory entry (entry 0 is the root)."""
        for number in self.chain(self.directory):
            data = self.sector(number)
            for at in range(0, self.size, 128):
                length = struct.unpack_from("<H", data, at + 64)[0]
                name = data[at : at + max(length - 2, 0)].decode("utf-16-le", "replace")
                start, size = struct.unpack_from("<II", data, at + 116)
                yield name, start, size


def _workbook_stream(handle: BinaryIO) -> Iterator[bytes]:
    doc = _Compound(handle)
    entries = list(doc.entries())
    if not entries:
        raise _Unreadable
    _, root_start, _ = entries[0]
    found = next(((s, n) for name, s, n in entries if name in ("Workbook", "Book")), None)
    if found is None:
        raise _Unreadable
    start, size = found
    if size >= doc.cutoff:
        for number in doc.chain(start):
            yield doc.sector(number)
        return
    yield from _mini_stream(doc, root_start, start)


def _mini_stream(doc: _Compound, root_start: int, start: int) -> Iterator[bytes]:
    """A stream under the cutoff (4 KB) lives in mini sectors inside the root's stream."""
    mini_fat: list[int] = []
    for number in doc.chain(doc.mini_fat_start):
        mini_fat.extend(struct.unpack(f"<{doc.size // 4}I", doc.sector(number)))
    container = b"".join(doc.sector(n) for n in doc.chain(root_start))
    sector, seen = start, 0
    while sector not in (_END_OF_CHAIN, _FREE):
        if sector >= len(mini_fat) or seen > len(mini_fat):
            raise _Unreadable
        yield container[sector * doc.mini_size : (sector + 1) * doc.mini_size]
        sector, seen = mini_fat[sector], seen + 1
