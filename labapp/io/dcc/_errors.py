"""The one error a DCC is refused with: a stable code, the first problem, English and Chinese."""

from __future__ import annotations

from collections.abc import Mapping

from labapp.domain.errors import LabAppError

__all__ = ["DccError"]

_MESSAGES: dict[str, tuple[str, str]] = {
    "too_large": (
        "the file is {size} bytes; a DCC may have at most {limit} bytes",
        "文件大小为 {size} 字节，DCC 文件最多 {limit} 字节",
    ),
    "not_xml": ("the file is not well-formed XML: {detail}", "文件不是格式正确的 XML：{detail}"),
    "dtd": (
        "the file declares a DTD or entities, which a DCC never needs (refused for safety)",
        "文件声明了 DTD 或实体，DCC 不需要这些内容（出于安全原因拒绝）",
    ),
    "not_dcc": (
        "the file is not a Digital Calibration Certificate (root element {root})",
        "文件不是数字校准证书 DCC（根元素为 {root}）",
    ),
    "unsupported_version": (
        "DCC schema version {version} is not supported (LabApp reads {supported})",
        "不支持 DCC 架构版本 {version}（LabApp 可读取 {supported}）",
    ),
    "invalid": (
        "the file does not conform to the DCC {version} schema: {detail}",
        "文件不符合 DCC {version} 架构：{detail}",
    ),
    "unit": (
        "the D-SI unit {unit} has no LabApp equivalent",
        "D-SI 单位 {unit} 在 LabApp 中没有对应的单位",
    ),
    "unit_out": (
        "the unit {unit} cannot be written in D-SI",
        "单位 {unit} 无法以 D-SI 形式写出",
    ),
    "value": ("{value} is not a number LabApp can keep", "{value} 不是 LabApp 可保存的数值"),
    "list_length": (
        "the lists of one result have different lengths ({lengths})",
        "同一结果中的列表长度不一致（{lengths}）",
    ),
    "no_results": (
        "the DCC holds no measurement result LabApp can map to points",
        "DCC 中没有可映射为测量点的测量结果",
    ),
    "probability": (
        "point {seq}: U is given without its coverage probability, which a DCC requires",
        "第 {seq} 点：给出了 U 但缺少包含概率，DCC 要求给出包含概率",
    ),
    "signatory": (
        "a DCC needs at least one responsible person (signatory)",
        "DCC 至少需要一名负责人（签名人）",
    ),
}


class DccError(LabAppError, ValueError):
    """A DCC that cannot be read (or a certificate that cannot be written as a DCC).

    ``code``: ``too_large``, ``not_xml``, ``dtd``, ``not_dcc``, ``unsupported_version``,
    ``invalid`` (the schema's first error), ``unit`` / ``unit_out`` (no mapping), ``value``,
    ``list_length``, ``no_results``, ``probability``, ``signatory``.  ``line`` is the line of
    the first problem in the file when known.  ``message_en`` / ``message_zh`` word it.
    """

    def __init__(
        self, code: str, params: Mapping[str, object] | None = None, *, line: int | None = None
    ) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        self.line = line
        en, zh = _MESSAGES[code]
        self.message_en = en.format(**self.params) + (f" (line {line})" if line else "")
        self.message_zh = zh.format(**self.params) + (f"（第 {line} 行）" if line else "")
        super().__init__(self.message_en)
