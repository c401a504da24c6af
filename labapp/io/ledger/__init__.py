"""A lab's own ledger (仪器设备台账 / 计量器具台账) read as it is: any layout, workbook or CSV.

What other features may use:

* :func:`read_ledger` → :class:`LedgerImport`: typed :class:`LedgerRecord` lines, every bad cell
  (:class:`CellError`, English and Chinese) and every flagged cell (:class:`CellWarning`); nothing
  is written anywhere.  :func:`ledger_rows` gives a sheet's rows as read (a CSV's, for an error
  workbook).  :meth:`LedgerImport.references` names the master data the lines refer to.
* :func:`detect_ledger_mapping` → :class:`ColumnMapping`: the columns LabApp proposes, as JSON for
  ``labapp-cli import mapping`` / ``--mapping`` (:meth:`ColumnMapping.to_json`,
  :meth:`ColumnMapping.from_json`), with a layout fingerprint to remember a mapping per layout.
* The conventions, one cell at a time: :func:`parse_range`, :func:`parse_accuracy`,
  :func:`parse_period`, :func:`parse_ledger_date`, :func:`parse_money`, :func:`parse_status`,
  :func:`parse_result`, :func:`parse_method`, and :func:`match_heading` for a heading.
* :data:`LEDGER_FIELDS`: the fields, their headings in both languages and the synonyms accepted.

A file that cannot be read raises :class:`LedgerFileError` (an ``ImportFileError``), or the
workbook limits' ``WorkbookLimitError`` before anything is parsed.
"""

from labapp.io.ledger._accuracy import parse_accuracy
from labapp.io.ledger._errors import CellError, CellNote, CellWarning, LedgerFileError
from labapp.io.ledger._fields import FIELDS_BY_KEY, IGNORE, LEDGER_FIELDS, FieldKind, LedgerField
from labapp.io.ledger._headings import HeadingMatch, match_heading
from labapp.io.ledger._layout import SEARCH_ROWS, layout_fingerprint
from labapp.io.ledger._mapping import ColumnAssignment, ColumnMapping
from labapp.io.ledger._quantities import AccuracyValue, RangeValue, parse_range
from labapp.io.ledger._reader import (
    LedgerImport,
    detect_ledger_mapping,
    ledger_rows,
    read_ledger,
)
from labapp.io.ledger._record import REFERENCE_FIELDS, LedgerRecord
from labapp.io.ledger._source import MAX_TEXT_BYTES
from labapp.io.ledger._tags import TagPattern
from labapp.io.ledger._values import (
    PeriodValue,
    parse_coverage,
    parse_ledger_date,
    parse_money,
    parse_period,
    reverification_word,
)
from labapp.io.ledger._words import (
    MethodValue,
    StatusValue,
    method_word,
    parse_method,
    parse_result,
    parse_status,
)

__all__ = [
    "FIELDS_BY_KEY",
    "IGNORE",
    "LEDGER_FIELDS",
    "MAX_TEXT_BYTES",
    "REFERENCE_FIELDS",
    "SEARCH_ROWS",
    "AccuracyValue",
    "CellError",
    "CellNote",
    "CellWarning",
    "ColumnAssignment",
    "ColumnMapping",
    "FieldKind",
    "HeadingMatch",
    "LedgerField",
    "LedgerFileError",
    "LedgerImport",
    "LedgerRecord",
    "MethodValue",
    "PeriodValue",
    "RangeValue",
    "StatusValue",
    "TagPattern",
    "detect_ledger_mapping",
    "layout_fingerprint",
    "ledger_rows",
    "match_heading",
    "method_word",
    "parse_accuracy",
    "parse_coverage",
    "parse_ledger_date",
    "parse_method",
    "parse_money",
    "parse_period",
    "parse_range",
    "parse_result",
    "parse_status",
    "read_ledger",
    "reverification_word",
]
