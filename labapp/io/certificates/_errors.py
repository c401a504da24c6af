"""The typed error of the certificate formats: a stable code, English and Chinese wording."""

from __future__ import annotations

from collections.abc import Mapping

from labapp.domain.errors import LabAppError

__all__ = ["CertificateError"]

_MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{field} is required on a certificate", "证书必须填写{field_zh}"),
    "kind_result": (
        "a {kind} certificate cannot state the result {result}",
        "{kind_zh}不能给出“{result_zh}”的结论",
    ),
    "no_points": (
        "a calibration certificate needs at least one result",
        "校准证书至少需要一个结果",
    ),
    "stage": ("{field} must be as_found or as_left", "{field_zh}必须是“调整前”或“调整后”"),
    "uncertainty": (
        "the expanded uncertainty of point {seq} needs a positive coverage factor k",
        "第 {seq} 点的扩展不确定度需要一个正的包含因子 k",
    ),
    "probability": (
        "the coverage probability of point {seq} must lie between 0 and 1",
        "第 {seq} 点的包含概率必须在 0 和 1 之间",
    ),
    "logo": ("the logo is not a PNG or JPEG image", "徽标不是 PNG 或 JPEG 图像"),
    "logo_size": (
        "the logo file has {size} bytes: it must be a non-empty image of at most {limit} KiB",
        "徽标文件为 {size} 字节：必须是不超过 {limit} KiB 的非空图像",
    ),
    "font": ("the certificate font {path} cannot be read", "无法读取证书字体 {path}"),
    "language": ("unknown language {language}", "未知的语言 {language}"),
    "not_approved": (
        "event {event} is {status}: only an approved record gets a certificate",
        "记录 {event} 尚未批准：只有已批准的记录才能出具证书",
    ),
    "external": (
        "event {event} was performed by an external provider: its certificate is the provider's",
        "记录 {event} 由外部机构完成：其证书由该机构出具",
    ),
    "unknown_certificate": (
        "no approved record of this laboratory has certificate number {number}",
        "本实验室没有证书编号为 {number} 的已批准记录",
    ),
}


class CertificateError(LabAppError, ValueError):
    """A certificate (or report) cannot be built or written as given.

    ``code`` is stable (``"required"``, ``"kind_result"``, ``"no_points"``, ``"uncertainty"``,
    ``"probability"``, ``"logo"``, ``"logo_size"``, ``"font"``, ``"language"``, ``"not_approved"``,
    ``"external"``, ``"unknown_certificate"``); ``message_en`` and
    ``message_zh`` word it for the CLI and the GUI; ``params`` hold what the words need.
    """

    def __init__(self, code: str, params: Mapping[str, object] | None = None) -> None:
        self.code = code
        self.params: dict[str, object] = dict(params or {})
        en, zh = _MESSAGES[code]
        values = {k: v for k, v in self.params.items()}
        values.setdefault("field_zh", values.get("field", ""))
        values.setdefault("kind_zh", values.get("kind", ""))
        values.setdefault("result_zh", values.get("result", ""))
        self.message_en = en.format_map(_Default(values))
        self.message_zh = zh.format_map(_Default(values))
        super().__init__(self.message_en)


class _Default(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
