"""A corpus of hostile workbooks, each built by hand as a zip of raw XML (no library can write
them: every writer refuses a cell beyond XFD1048576 or a DOCTYPE).

Each file is a register ledger (header 资产编号 / 名称, one good row) plus one hostile thing, so a
reader that got past the limits would import it: a refusal is the limits' doing, not the header's.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    f'xmlns:r="{_REL}">'
    '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
STRINGS = ["资产编号", "名称", "HOSTILE-1", "Digital multimeter"]


def _cell(ref: str, index: int) -> str:
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'


def register_rows(extra: str = "") -> str:
    """The header row, one good row and ``extra`` (more XML rows) as ``<sheetData>``."""
    return (
        "<sheetData>"
        f'<row r="1">{_cell("A1", 0)}{_cell("B1", 1)}</row>'
        f'<row r="2">{_cell("A2", 2)}{_cell("B2", 3)}</row>'
        f"{extra}</sheetData>"
    )


def shared_strings(strings: list[str], prolog: str = "") -> str:
    items = "".join(f"<si><t>{text}</t></si>" for text in strings)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'
    )


def write_xlsx(
    path: Path,
    *,
    sheet_data: str | None = None,
    dimension: str = "A1:B2",
    strings: str | None = None,
    sheet_prolog: str = "",
) -> Path:
    """A hand-made .xlsx: the register sheet unless parts are given."""
    data = register_rows() if sheet_data is None else sheet_data
    sheet = (
        SHEET_HEAD.replace("<worksheet", f"{sheet_prolog}<worksheet")
        + f'<dimension ref="{dimension}"/>{data}</worksheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", strings or shared_strings(STRINGS))
    return path


def far_corner(path: Path) -> Path:
    """One cell at XFD1048576 (the last cell of a sheet), declared honestly in the dimension."""
    extra = f'<row r="1048576">{_cell("XFD1048576", 3)}</row>'
    return write_xlsx(path, sheet_data=register_rows(extra), dimension="A1:XFD1048576")


def far_corner_undeclared(path: Path) -> Path:
    """The far-corner cell with a lying dimension (A1:B2): only the cell scan sees it."""
    extra = f'<row r="1048576">{_cell("XFD1048576", 3)}</row>'
    return write_xlsx(path, sheet_data=register_rows(extra))


def wide_and_long(path: Path) -> Path:
    """Within the row and column limits one by one, beyond them together (GR150000)."""
    extra = f'<row r="150000">{_cell("GR150000", 3)}</row>'
    return write_xlsx(path, sheet_data=register_rows(extra), dimension="A1:GR150000")


def huge_cell(path: Path, chars: int = 40_000_000) -> Path:
    """One shared string of ``chars`` characters (compresses ~1000×)."""
    return write_xlsx(path, strings=shared_strings([*STRINGS[:3], "x" * chars]))


def long_cell(path: Path) -> Path:
    """A shared string just over Excel's 32 767-character limit, not compressible enough to be a
    bomb: only the cell-length rule refuses it."""
    import random

    rng = random.Random(1)
    text = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(40_000))
    return write_xlsx(path, strings=shared_strings([*STRINGS[:3], text]))


def split_long_cell(path: Path) -> Path:
    """A shared string over the limit made of rich-text runs each under it."""
    runs = "".join(f"<r><t>{'y' * 20_000}</t></r>" for _ in range(3))
    strings = shared_strings(STRINGS[:3]).replace("</sst>", f"<si>{runs}</si></sst>")
    return write_xlsx(path, strings=strings)


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def entity_expansion(path: Path) -> Path:
    """The "billion laughs" DOCTYPE in the shared strings, used by a cell."""
    strings = shared_strings([*STRINGS[:3], "&lol9;"], prolog=BILLION_LAUGHS)
    return write_xlsx(path, strings=strings)


def corrupt_zip(path: Path) -> Path:
    """A real workbook cut in half: starts with PK, the central directory is gone."""
    write_xlsx(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def zip_bomb(path: Path) -> Path:
    """A worksheet part of 20 MB of blanks (valid XML whitespace) that deflates ~1000×."""
    padding = " " * 20_000_000
    sheet = SHEET_HEAD + '<dimension ref="A1:B2"/>' + padding + register_rows() + "</worksheet>"
    write_xlsx(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet2.xml", sheet)
    return path


def formula_text(path: Path, text: str = "=cmd|' /C calc'!A0") -> Path:
    """A register whose custodian cell holds formula-looking text (a string cell, not a
    formula): the import must keep it as text and the error workbook must write it as text."""
    strings = [*STRINGS, "保管人", text]
    data = (
        "<sheetData>"
        f'<row r="1">{_cell("A1", 0)}{_cell("B1", 1)}{_cell("C1", 4)}</row>'
        f'<row r="2">{_cell("A2", 2)}{_cell("B2", 3)}{_cell("C2", 5)}</row>'
        "</sheetData>"
    )
    return write_xlsx(path, sheet_data=data, dimension="A1:C2", strings=shared_strings(strings))


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def _ods_cell(text: str, attributes: str = "") -> str:
    return (
        f'<table:table-cell{attributes} office:value-type="string"><text:p>{text}</text:p>'
        "</table:table-cell>"
    )


def write_ods(path: Path, tail: str) -> Path:
    """An .ods register (header, one good row) followed by the rows in ``tail``."""
    rows = "".join(
        f"<table:table-row>{_ods_cell(a)}{_ods_cell(b)}</table:table-row>"
        for a, b in (("资产编号", "名称"), ("HOSTILE-1", "Digital multimeter"))
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS} '
        'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="台账">'
        f"{rows}{tail}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
    return path


def ods_repeated(path: Path) -> Path:
    """One cell with content repeated 10 000 columns × 9 000 rows: 90 M cells in 900 bytes
    (calamine aborts building them)."""
    cell = _ods_cell("x", ' table:number-columns-repeated="10000"')
    return write_ods(
        path, f'<table:table-row table:number-rows-repeated="9000">{cell}</table:table-row>'
    )


def ods_trailing_blanks(path: Path) -> Path:
    """What LibreOffice writes after the last row: a million empty repeated rows (harmless)."""
    blank = '<table:table-cell table:number-columns-repeated="1024"/>'
    return write_ods(
        path, f'<table:table-row table:number-rows-repeated="1048574">{blank}</table:table-row>'
    )


#: name -> builder; every one must be refused with exit 2 by ``labapp-cli import register``
REFUSED: dict[str, Callable[[Path], Path]] = {
    "far_corner": far_corner,
    "far_corner_undeclared": far_corner_undeclared,
    "wide_and_long": wide_and_long,
    "huge_cell": huge_cell,
    "long_cell": long_cell,
    "split_long_cell": split_long_cell,
    "entity_expansion": entity_expansion,
    "corrupt_zip": corrupt_zip,
    "zip_bomb": zip_bomb,
    "ods_repeated": ods_repeated,
    "xls_far_corner": lambda path: xls_far_corner(path),
    "xls_far_corner_sectors": lambda path: xls_far_corner(path, padding=50),
}
#: name -> the WorkbookLimitError reason expected
REASONS = {
    "far_corner": "too_many_rows",
    "far_corner_undeclared": "too_many_rows",
    "wide_and_long": "too_many_cells",
    "huge_cell": "zip_bomb",
    "long_cell": "cell_too_long",
    "split_long_cell": "cell_too_long",
    "entity_expansion": "xml_entities",
    "corrupt_zip": "corrupt",
    "zip_bomb": "zip_bomb",
    "ods_repeated": "too_many_columns",
    "xls_far_corner": "too_many_columns",
    "xls_far_corner_sectors": "too_many_columns",
}


# --- legacy .xls (BIFF8 in an OLE2 compound document), written by hand ----------------------

_END, _FREE, _FAT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def _biff(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _dir_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    entry = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
    entry += struct.pack("<III", _FREE, _FREE, child) + b"\0" * 36
    return entry + struct.pack("<III", start, size, 0)


def write_xls(path: Path, stream: bytes) -> Path:
    """An OLE2 file (512-byte sectors) holding ``stream`` as "Workbook": in the mini stream when
    under 4096 bytes, as Excel does, else in regular sectors."""
    mini = len(stream) < 4096
    body = stream.ljust(-(-len(stream) // (64 if mini else 512)) * (64 if mini else 512), b"\0")
    data_sectors = -(-len(body) // 512)
    fat = [_FAT, _END, _END] + [3 + i + 1 for i in range(data_sectors - 1)] + [_END]
    fat += [_FREE] * (128 - len(fat))
    mini_fat = [i + 1 for i in range(len(body) // 64 - 1)] + [_END] if mini else []
    mini_fat += [_FREE] * (128 - len(mini_fat))
    root = _dir_entry("Root Entry", 5, 1, 3 if mini else _END, len(body) if mini else 0)
    book = _dir_entry("Workbook", 2, _FREE, 0 if mini else 3, len(stream))
    directory = root + book + _dir_entry("", 0, _FREE, 0, 0) * 2
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 2, 1, _END, 0)
    header += struct.pack("<109I", 0, *([_FREE] * 108))
    sectors = [struct.pack("<128I", *fat), directory, struct.pack("<128I", *mini_fat)]
    path.write_bytes(header + b"".join(sectors) + body.ljust(data_sectors * 512, b"\0"))
    return path


def xls_far_corner(path: Path, *, padding: int = 0) -> Path:
    """One blank cell at IV65536, the last cell of an .xls sheet (calamine builds 16.7 M)."""
    bof = struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0)
    sheet = _biff(0x0809, bof) + _biff(0x0201, struct.pack("<HHH", 65535, 255, 15))
    filler = _biff(0x003C, b"\0" * 100) * padding  # CONTINUE records, ignored
    stream = _biff(0x0809, bof) + _biff(0x000A, b"") + filler + sheet + _biff(0x000A, b"")
    return write_xls(path, stream)
