"""A ledger's bad cells found against the database, worded in English and Chinese.

The reader (:mod:`labapp.io.ledger`) reports the cells it cannot read; this module words what only
the database can tell: a name LabApp lacks (when nothing is to be created) or holds twice, a name
too long to create, a location that cannot be created without one laboratory, and the instrument
rules' refusals (:func:`labapp.services.register.validate_instrument`), at the column the value
was read from.
"""

from __future__ import annotations

from labapp.domain.errors import ValidationError
from labapp.io.excel import CellError
from labapp.io.ledger import FIELDS_BY_KEY, ColumnMapping, LedgerRecord
from labapp.services.imports._create import MAX_NAME
from labapp.services.imports._names import KnownNames
from labapp.services.imports._words import rule_words

__all__ = ["KIND_WORDS", "LedgerCells"]

#: Each kind of master data in English and Chinese (the create-missing summary uses them too).
KIND_WORDS = {
    "department": ("department", "部门"),
    "location": ("location", "存放地点"),
    "provider": ("provider", "检定/校准机构"),
    "custodian": ("person", "人员"),
    "procedure": ("procedure", "检定规程/校准规范"),
}

# An InstrumentData field → the ledger fields its value may come from, first mapped wins.
_SOURCES = {
    "range_low_value": ("range_low", "range"),
    "range_low_unit": ("range_low_unit", "range_low", "range"),
    "range_high_value": ("range_high", "range"),
    "range_high_unit": ("range_unit", "range_high", "range"),
    "accuracy_value": ("accuracy_value", "accuracy"),
    "accuracy_unit": ("accuracy_unit", "accuracy_value", "accuracy"),
}


class LedgerCells:
    """Builds the bad cells of one ledger read with ``mapping``."""

    def __init__(self, mapping: ColumnMapping) -> None:
        self.mapping = mapping

    def _cell(self, record: LedgerRecord, field: str, value: object, code: str, en: str,
              zh: str) -> CellError:  # fmt: skip
        column = self.mapping.fields.get(field)
        known = FIELDS_BY_KEY.get(field)
        header = column.heading if column else (known.header_zh if known else field)
        return CellError(
            record.source_sheet or self.mapping.sheet, record.source_row,
            column.column if column else "", header,
            "" if value is None else str(value), code, en, zh,
        )  # fmt: skip

    def ambiguous(self, record: LedgerRecord, kind: str, name: str) -> CellError:
        """A name several records of LabApp carry."""
        return self._cell(
            record, kind, name, f"ambiguous_{kind}",
            f"{name!r} names several records in LabApp; write a unique name "
            "(for a person: the login)",
            f"“{name}”对应 LabApp 中的多条记录，请写唯一的名称（人员请写登录名）",
        )  # fmt: skip

    def missing(self, record: LedgerRecord, kind: str, name: str) -> CellError:
        """A name LabApp lacks, when the import is not to create it."""
        en, zh = KIND_WORDS[kind]
        return self._cell(
            record, kind, name, f"missing_{kind}",
            f"there is no {en} {name!r} in LabApp; add it in master data, or import with "
            "“create missing”",
            f"LabApp 中没有{zh}“{name}”，请先在基础数据中添加，或勾选“创建缺少的基础数据”后导入",
        )  # fmt: skip

    def cannot_create(
        self, record: LedgerRecord, kind: str, name: str, names: KnownNames
    ) -> CellError | None:
        """Why a missing name cannot be created (too long; a location without one laboratory)."""
        en, zh = KIND_WORDS[kind]
        if len(name) > MAX_NAME[kind]:
            return self._cell(
                record, kind, name, "name_too_long",
                f"a new {en}'s name is at most {MAX_NAME[kind]} characters",
                f"新建{zh}的名称最多 {MAX_NAME[kind]} 个字符",
            )  # fmt: skip
        if kind in ("location", "custodian") and names.only_laboratory is None:
            return self._cell(
                record, kind, name, "no_laboratory",
                f"a new {en} belongs to the laboratory: set up exactly one laboratory first "
                f"(or add the {en} in master data)",
                f"新建{zh}须归属实验室：请先建立（唯一的）实验室，或在基础数据中添加该{zh}",
            )  # fmt: skip
        return None

    def refused(self, record: LedgerRecord, error: ValidationError) -> CellError:
        """An instrument rule's refusal, at the column its value came from."""
        sources = _SOURCES.get(error.field, (error.field,))
        field = next((f for f in sources if f in self.mapping.fields), sources[0])
        value = getattr(record, field, None) if field in LedgerRecord._fields else None
        en, zh = rule_words(error)
        known = FIELDS_BY_KEY.get(field)
        return self._cell(
            record, field, value, error.code,
            f"{known.header_en if known else field}: {en}",
            f"{known.header_zh if known else field}：{zh}",
        )  # fmt: skip
