"""Limits a zipped workbook (``.xlsx``, ``.xlsm``, ``.ods``) must keep before any reader parses it.

python-calamine and openpyxl trust the file they read: a 2 KB workbook whose one cell sits at
XFD1048576 makes calamine allocate the dense grid (17 billion cells: the process aborts), a 1 MB
file holding a 1 GiB cell takes gigabytes.  :func:`check_workbook_limits` reads the zip with the
standard library only, one part at a time in chunks (memory stays bounded whatever the file), and
refuses, each with a :class:`WorkbookLimitError` naming the limit:

* a file that is not a valid zip, or whose parts fail their checksum (``corrupt``);
* more than :data:`MAX_PARTS` parts (``too_many_parts``); a part unpacking to more than
  :data:`MAX_PART_BYTES`, all parts to more than :data:`MAX_TOTAL_BYTES`, the shared strings to
  more than :data:`MAX_STRINGS_BYTES` (``too_big``), or a part over 1 MiB that expands more
  than :data:`MAX_RATIO` times (``zip_bomb``; Apache POI's ``ZipSecureFile`` uses the same
  ratio);
* any ``<!DOCTYPE`` or ``<!ENTITY`` in an XML part (``xml_entities``: entity expansion; Excel
  never writes one), or an XML part not in UTF-8;
* a worksheet whose declared ``<dimension ref>`` or whose cells actually used reach beyond
  :data:`MAX_ROWS` rows, :data:`MAX_COLUMNS` columns or :data:`MAX_CELLS` cells counted from A1
  (``too_many_rows``, ``too_many_columns``, ``too_many_cells``): the readers build that grid;
* in an ``.ods``, a cell with content repeated (``number-columns-repeated``,
  ``number-rows-repeated``) beyond the same grid (blank repeats, which LibreOffice writes after
  every sheet, do not count);
* a text longer than :data:`MAX_CELL_CHARS` characters, Excel's own cell limit, in a worksheet
  or the shared strings (``cell_too_long``).
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from labapp.io.excel._problems import ImportFileError

__all__ = [
    "MAX_CELLS",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_PARTS",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_ROWS",
    "MAX_STRINGS_BYTES",
    "MAX_TOTAL_BYTES",
    "WorkbookLimitError",
    "check_workbook_limits",
]

MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_CELLS = 10_000_000
MAX_CELL_CHARS = 32_767
MAX_PARTS = 10_000
MAX_PART_BYTES = 512 * 2**20  # 10 M cells of ~40 bytes of XML each
MAX_STRINGS_BYTES = 128 * 2**20  # the readers hold every shared string in memory
MAX_TOTAL_BYTES = 1024 * 2**20
MAX_RATIO = 100
_RATIO_FROM = 2**20  # a small part may compress very well (a blank sheet): only a big one counts
_CHUNK = 1 << 20
# An entity counts as one character and takes up to 10 bytes (&#x10FFFF;): a text run longer
# than this cannot be within the cell limit, whatever it holds.
_MAX_RUN_BYTES = 10 * MAX_CELL_CHARS + 64

_MESSAGES = {
    "corrupt": (
        "{name} is damaged (not a valid zip archive, or a part fails its checksum); "
        "it cannot be read",
        "{name} 已损坏（不是有效的 zip 压缩包，或某个部件校验失败），无法读取",
    ),
    "too_big": (
        "{name} unpacks to more than {limit} MB ({part}); LabApp does not read such a file",
        "{name} 解压后超过 {limit} MB（{part}），LabApp 不读取这样的文件",
    ),
    "too_many_parts": (
        "{name} holds {found} parts; a workbook LabApp reads holds at most {limit}",
        "{name} 含有 {found} 个部件，LabApp 读取的工作簿最多 {limit} 个",
    ),
    "zip_bomb": (
        "{name}: part {part} expands more than {limit} times (a compression bomb); refused",
        "{name}：部件 {part} 解压后膨胀超过 {limit} 倍（压缩炸弹），拒绝读取",
    ),
    "xml_entities": (
        "{name}: part {part} declares a DOCTYPE or entities (Excel never writes them); refused",
        "{name}：部件 {part} 含有 DOCTYPE 或实体声明（Excel 从不写入），拒绝读取",
    ),
    "too_many_rows": (
        "{name}: a sheet ({part}) reaches row {found}; LabApp reads at most {limit} rows",
        "{name}：工作表（{part}）用到第 {found} 行，LabApp 最多读取 {limit} 行",
    ),
    "too_many_columns": (
        "{name}: a sheet ({part}) reaches column {found}; LabApp reads at most {limit} columns",
        "{name}：工作表（{part}）用到第 {found} 列，LabApp 最多读取 {limit} 列",
    ),
    "too_many_cells": (
        "{name}: a sheet ({part}) spans {found} cells from A1; LabApp reads at most {limit}",
        "{name}：工作表（{part}）从 A1 起跨越 {found} 个单元格，LabApp 最多读取 {limit} 个",
    ),
    "cell_too_long": (
        "{name}: a cell in {part} holds more than {limit} characters (Excel's own limit)",
        "{name}：{part} 中有单元格超过 {limit} 个字符（Excel 本身的上限）",
    ),
}


class WorkbookLimitError(ImportFileError):
    """A workbook refused before parsing; ``reason`` is a key of the module docstring's list and
    ``params`` holds ``part``, ``limit`` and ``found`` where they apply (``detail``: the zip
    library's words, for the log only: never shown)."""

    def __init__(self, reason: str, path: str | os.PathLike[str], **params: object) -> None:
        en, zh = _MESSAGES[reason]
        name = Path(path).name
        values = {"part": "", "limit": "", "found": "", "detail": "", **params, "name": name}
        ValueError.__init__(self, en.format(**values))
        self.reason = reason
        self.params = params
        self.message_en = en.format(**values)
        self.message_zh = zh.format(**values)


def check_workbook_limits(path: str | os.PathLike[str]) -> None:
    """Refuse a zipped workbook that breaks one of the limits (see the module docstring).

    Parameters
    ----------
    path : path-like
        A file that starts like a zip (``PK``).

    Raises
    ------
    WorkbookLimitError
        The first limit broken; nothing else is read after it.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            _check_archive(archive, path)
    except WorkbookLimitError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
            zlib.error) as exc:  # fmt: skip
        raise WorkbookLimitError("corrupt", path, detail=str(exc)) from exc
    except (OSError, ValueError, RuntimeError) as exc:  # truncated stream, encrypted member
        raise WorkbookLimitError("corrupt", path, detail=str(exc)) from exc


def _check_archive(archive: zipfile.ZipFile, path: str | os.PathLike[str]) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise WorkbookLimitError("too_many_parts", path, found=len(infos), limit=MAX_PARTS)
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        raise WorkbookLimitError("too_big", path, part="all parts", limit=_mb(MAX_TOTAL_BYTES))
    for info in infos:
        _check_declared(info, path)
    for info in infos:
        if _is_xml(info.filename):
            with archive.open(info) as stream:
                _PartScan(info, path).run(stream)


def _check_declared(info: zipfile.ZipInfo, path: str | os.PathLike[str]) -> None:
    """The sizes the zip directory declares (zipfile never unpacks more than declared)."""
    strings = info.filename.lower().endswith("sharedstrings.xml")
    limit = MAX_STRINGS_BYTES if strings else MAX_PART_BYTES
    if info.file_size > limit:
        raise WorkbookLimitError("too_big", path, part=info.filename, limit=_mb(limit))
    if info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise WorkbookLimitError("zip_bomb", path, part=info.filename, limit=MAX_RATIO)


def _mb(size: int) -> int:
    return size // 2**20


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml")) or name == "[Content_Types].xml"


def _is_cells(name: str) -> bool:
    """Parts whose texts are cell values: worksheets, shared strings (xlsx), content (ods)."""
    lower = name.lower()
    return "worksheets/" in lower or lower.endswith(("sharedstrings.xml", "content.xml"))


_DOCTYPE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(rb"<(?:[\w.-]+:)?dimension\s[^>]*?\bref=\"([^\"]*)\"")
# In a worksheet only <row r="12"> and <c r="B12"> carry an r attribute.
_COLUMNS = re.compile(rb"\sr=\"\$?([A-Za-z]+)\$?[0-9]")
_ROWS = re.compile(rb"\sr=\"\$?[A-Za-z]*\$?([0-9]+)\"")
_ODS_TAG = re.compile(
    rb"<(/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>"
)
_ROWS_REPEATED = re.compile(rb"number-rows-repeated=\"([0-9]{1,12})\"")
_COLUMNS_REPEATED = re.compile(rb"number-columns-repeated=\"([0-9]{1,12})\"")
_LONG_RUN = re.compile(rb">([^<]{%d,})" % (MAX_CELL_CHARS + 1))
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{1,8});")
_SI = re.compile(rb"<(/?)(?:[\w.-]+:)?si[\s>/]|>([^<]+)")


class _PartScan:
    """One XML part streamed in chunks cut after the last ``<`` (so no tag is split)."""

    def __init__(self, info: zipfile.ZipInfo, path: str | os.PathLike[str]) -> None:
        self.info, self.path, self.part = info, path, info.filename
        self.cells = _is_cells(info.filename)
        self.strings = info.filename.lower().endswith("sharedstrings.xml")
        self.ods = info.filename.lower().endswith("content.xml")
        self.ods_row = self.ods_column = self.ods_repeat = 0
        self.rows = self.columns = 0
        self.si_chars: int | None = None

    def run(self, stream: IO[bytes]) -> None:
        read = 0
        for number, region in enumerate(self._regions(stream)):
            read += len(region)
            if number == 0:
                self._check_encoding(region)
            if self.info.file_size > _RATIO_FROM and read > MAX_RATIO * self.info.compress_size:
                self._refuse("zip_bomb", limit=MAX_RATIO)
            if _DOCTYPE.search(region):
                self._refuse("xml_entities")
            if self.cells:
                self._check_cells(region)

    def _regions(self, stream: IO[bytes]) -> Iterator[bytes]:
        carry = b""
        while chunk := stream.read(_CHUNK):
            buffer = carry + chunk
            cut = buffer.rfind(b"<")
            if cut <= 0:
                if self.cells and len(buffer) > _MAX_RUN_BYTES:
                    self._refuse("cell_too_long", limit=MAX_CELL_CHARS)
                cut = len(buffer) if len(buffer) > _MAX_RUN_BYTES else 0
            region, carry = buffer[:cut], buffer[cut:]
            if region:  # cut before a "<": no tag, and no "<!DOCTYPE", is split between regions
                yield region
        if carry:
            yield carry

    def _check_encoding(self, head: bytes) -> None:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
            self._refuse("corrupt", detail="an XML part is not in UTF-8")

    def _check_cells(self, region: bytes) -> None:
        """Far corner and long texts.  A sheet has millions of cells: the regexes collect the
        distinct column letters and row numbers (few) at C speed, Python looks only at those."""
        for match in _DIMENSION.finditer(region):
            for ref in match[1].split(b":"):
                corner = re.fullmatch(rb"\$?([A-Za-z]+)\$?([0-9]+)", ref)
                if corner:
                    self._corner(_column_number(corner[1]), int(corner[2]))
        columns = set(_COLUMNS.findall(region))
        rows = set(_ROWS.findall(region))
        if columns or rows:
            column = max((_column_number(c) for c in columns), default=0)
            row = int(max(rows, key=lambda r: (len(r.lstrip(b"0")), r.lstrip(b"0")))) if rows else 0
            self._corner(column, row)
        for match in _LONG_RUN.finditer(region):
            if _characters(match[1]) > MAX_CELL_CHARS:
                self._refuse("cell_too_long", limit=MAX_CELL_CHARS)
        if self.strings:
            self._shared_strings(region)
        if self.ods:
            self._ods_repeats(region)

    def _ods_repeats(self, region: bytes) -> None:
        """ODS repeats a row or cell N times with one attribute: 900 bytes can ask for 90 M
        cells (calamine aborts).  Repeated *empty* cells and rows (LibreOffice ends every sheet
        with a million of them) do not count; repeated content does, as if written out."""
        for match in _ODS_TAG.finditer(region):
            end, tag, attributes, closed = match[1], match[2], match[3], match[4]
            if tag == b"table":
                self.ods_row = 0
            elif tag == b"table-row" and not end:
                self.ods_repeat, self.ods_column = _repeat(_ROWS_REPEATED, attributes), 0
                if closed:  # <table:table-row/>: an empty row
                    self.ods_row += self.ods_repeat
            elif tag == b"table-row":
                self.ods_row += self.ods_repeat
            elif not end:  # a cell
                self.ods_column += _repeat(_COLUMNS_REPEATED, attributes)
                if not closed or b"value-type" in attributes:
                    self._corner(self.ods_column, self.ods_row + self.ods_repeat)

    def _corner(self, column: int, row: int) -> None:
        if row > MAX_ROWS:
            self._refuse("too_many_rows", found=row, limit=MAX_ROWS)
        if column > MAX_COLUMNS:
            self._refuse("too_many_columns", found=column, limit=MAX_COLUMNS)
        self.rows, self.columns = max(self.rows, row), max(self.columns, column)
        if self.rows * self.columns > MAX_CELLS:
            found = self.rows * self.columns
            self._refuse("too_many_cells", found=found, limit=MAX_CELLS)

    def _shared_strings(self, region: bytes) -> None:
        """One shared string may be split in rich-text runs: count its runs together."""
        for match in _SI.finditer(region):
            if match[2] is not None:
                if self.si_chars is not None:
                    self.si_chars += _characters(match[2])
                    if self.si_chars > MAX_CELL_CHARS:
                        self._refuse("cell_too_long", limit=MAX_CELL_CHARS)
            else:
                self.si_chars = None if match[1] else 0

    def _refuse(self, reason: str, **params: object) -> None:
        raise WorkbookLimitError(reason, self.path, part=self.part, **params)


def _repeat(pattern: re.Pattern[bytes], attributes: bytes) -> int:
    found = pattern.search(attributes)
    return int(found[1]) if found else 1


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper()[:8]:  # 8 letters are already far beyond any limit
        number = number * 26 + letter - 64
    return number


def _characters(text: bytes) -> int:
    """Characters of an XML text run: UTF-8 decoded, an entity counted as one."""
    return len(_ENTITY.sub("&", text.decode("utf-8", "replace")))
