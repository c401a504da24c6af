"""What a certificate says, in English and Chinese, and how its values are printed.

A file cannot go through Qt's translator, so the certificate formats keep their wording here (as
the Excel files do in :mod:`labapp.io.excel`), following the glossary.  Values are printed
from their exact decimals: ``format(Decimal("10.00"), "f")`` is ``"10.00"``, digits never lost.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from labapp.domain.enums import Decision, EventResult, Stage
from labapp.domain.quantities import Measured
from labapp.io.certificates._model import (
    CertificateKind,
    DecisionRuleInfo,
    SignatoryRole,
    Uncertainty,
)
from labapp.io.excel import Language, pick
from labapp.metrology.conformity import DecisionRule

__all__ = [
    "WORDS",
    "decision_rule_text",
    "decision_text",
    "format_date",
    "format_datetime",
    "format_decimal",
    "format_measured",
    "format_uncertainty",
    "result_text",
    "say",
    "signatory_text",
    "stage_text",
    "title_text",
]

WORDS: dict[str, tuple[str, str]] = {
    "certificate_no": ("Certificate No.", "证书编号"),
    "page": ("Page {x} of {y}", "第 {x} 页 共 {y} 页"),
    "customer": ("Customer", "委托单位"),
    "owner": ("Owner", "器具所有者"),
    "item": ("Item", "器具名称"),
    "manufacturer": ("Manufacturer", "制造单位"),
    "model": ("Model / type", "型号规格"),
    "serial_no": ("Serial No.", "出厂编号"),
    "asset_tag": ("Asset tag", "管理编号"),
    "range": ("Measuring range", "测量范围"),
    "method": ("Method (procedure)", "依据的技术文件"),
    "revision": ("revision", "版本"),
    "performed_calibration": ("Date of calibration", "校准日期"),
    "performed_verification": ("Date of verification", "检定日期"),
    "issued": ("Date of issue", "签发日期"),
    "valid_until_verification": ("Valid until", "有效期至"),
    "valid_until_calibration": ("Recalibration recommended by", "建议再校准日期"),
    "conditions": ("Environmental conditions", "环境条件"),
    "temperature": ("Temperature", "温度"),
    "humidity": ("Relative humidity", "相对湿度"),
    "location": ("Place", "地点"),
    "conclusion": ("Conclusion", "结论"),
    "standards": ("Measurement standards used", "本次使用的计量标准"),
    "traceability": (
        "The results are metrologically traceable to the SI through the standards below and the "
        "certificates of those standards.",
        "测量结果经下列计量标准及其证书溯源至国际单位制 (SI)。",
    ),
    "no_standards": (
        "No measurement standards are recorded for this measurement, so this certificate states "
        "no metrological traceability of the results.",
        "本次测量未记录所使用的计量标准，本证书不声明测量结果的计量溯源性。",
    ),
    "std_name": ("Standard", "标准器名称"),
    "std_id": ("Asset tag / serial", "编号"),
    "std_certificate": ("Its certificate", "证书编号"),
    "std_issuer": ("Traceable via", "溯源机构"),
    "std_valid": ("Valid until", "有效期至"),
    "std_uncertainty": ("U / accuracy", "不确定度/准确度"),
    "results": ("Results", "测量结果"),
    "seq": ("No.", "序号"),
    "nominal": ("Nominal", "标称值"),
    "reference": ("Reference value", "标准值"),
    "indication": ("Indication", "示值"),
    "error": ("Error", "示值误差"),
    "uncertainty": ("U (k)", "扩展不确定度 U (k)"),
    "mpe": ("MPE / limits", "最大允许误差/限值"),
    "decision": ("Decision", "判定"),
    "uncertainty_note": (
        "U is the expanded uncertainty: the combined standard uncertainty multiplied by the "
        "coverage factor k (JJF 1059.1, GUM, ILAC-P14).",
        "U 为扩展不确定度：合成标准不确定度乘以包含因子 k（JJF 1059.1，GUM，ILAC-P14）。",
    ),
    "coverage_stated": (
        "k = {k}: coverage probability p = {p} %.",
        "k = {k}：包含概率 p = {p} %。",
    ),
    "coverage_assumed": (
        "k = {k}: coverage probability p ≈ {p} %.",
        "k = {k}：包含概率 p ≈ {p} %。",
    ),
    "coverage_none": (
        "k = {k}: no coverage probability is stated.",
        "k = {k}：未给出包含概率。",
    ),
    "coverage_rule": (
        "The record keeps U and k, not the coverage probability. p ≈ 95 % is stated where "
        "1.96 ≤ k ≤ 2.6: a normal distribution, or Student's t with at least 5 effective degrees "
        "of freedom (JJF 1059.1, GUM G.3); for any other k no p is stated.",
        "记录中保存 U 和 k，不保存包含概率。当 1.96 ≤ k ≤ 2.6 时（正态分布，"
        "或有效自由度不少于 5 的 t 分布，JJF 1059.1，GUM G.3）给出 p ≈ 95 %；"
        "k 为其他值时不给出 p。",
    ),
    "conformity": ("Statement of conformity", "符合性声明"),
    "conformity_pass": (
        "The item conforms to the specification ({method}) at the points above.",
        "在上述测量点，被测器具符合 {method} 的要求。",
    ),
    "conformity_fail": (
        "The item does not conform to the specification ({method}): see the points marked Fail.",
        "被测器具不符合 {method} 的要求：见判定为不合格的测量点。",
    ),
    "conformity_conditional": (
        "The item conforms only conditionally ({method}): results lie within the guard band.",
        "被测器具有条件符合 {method} 的要求：有结果落在保护带内。",
    ),
    "conformity_none": ("No statement of conformity is made.", "未作符合性判定。"),
    "stage_results": ("As found: {found}; as left: {left}", "调整前：{found}；调整后：{left}"),
    "adjusted": ("The item was adjusted.", "器具已经调整。"),
    "not_adjusted": ("The item was not adjusted.", "器具未经调整。"),
    "results_only": (
        "The results relate only to the item calibrated or verified, at the time of measurement.",
        "本证书的结果仅对所校准/检定的器具有效，且仅反映测量时的状态。",
    ),
    "no_partial": (
        "This certificate shall not be reproduced except in full without the laboratory's "
        "written approval.",
        "未经本实验室书面批准，不得部分复制本证书。",
    ),
    "accreditation": ("Accreditation: {body} {no}", "认可：{body} {no}"),
    "signatures": ("Signatures", "签名"),
    "electronic": (
        "Signed electronically in LabApp; the signatures are sealed with the record.",
        "本证书由 LabApp 电子签名，签名与记录一并密封保存。",
    ),
    "remarks": ("Remarks", "备注"),
    "failed_points": ("Non-conforming points", "不合格项目"),
    "end": ("End of certificate", "以下空白"),
    "address": ("Address", "地址"),
}

_TITLES = {
    CertificateKind.CALIBRATION: ("CALIBRATION CERTIFICATE", "校准证书"),
    CertificateKind.VERIFICATION: ("VERIFICATION CERTIFICATE", "检定证书"),
    CertificateKind.VERIFICATION_FAILED: ("NOTICE OF VERIFICATION RESULT", "检定结果通知书"),
}
_DECISIONS = {
    Decision.PASS: ("Pass", "合格"),
    Decision.FAIL: ("Fail", "不合格"),
    Decision.CONDITIONAL_PASS: ("Conditional pass", "有条件合格"),
    Decision.CONDITIONAL_FAIL: ("Conditional fail", "有条件不合格"),
    Decision.NONE: ("—", "—"),
}
_RESULTS = {
    EventResult.PASS: ("Pass (conforming)", "合格"),
    EventResult.FAIL: ("Fail (non-conforming)", "不合格"),
    EventResult.CONDITIONAL: ("Conditional", "有条件合格"),
    EventResult.LIMITED: ("Limited use", "限制使用"),
    EventResult.NO_DECISION: ("No decision", "未判定"),
}
_STAGES = {
    Stage.AS_FOUND: ("As found (before adjustment)", "调整前（接收时）"),
    Stage.AS_LEFT: ("As left (after adjustment)", "调整后（交付时）"),
}
_SIGNATORIES = {
    (SignatoryRole.PERFORMER, False): ("Calibrated by", "校准员"),
    (SignatoryRole.PERFORMER, True): ("Verified by", "检定员"),
    (SignatoryRole.CHECKER, False): ("Checked by", "核验员"),
    (SignatoryRole.CHECKER, True): ("Checked by", "核验员"),
    (SignatoryRole.APPROVER, False): ("Approved by", "批准人"),
    (SignatoryRole.APPROVER, True): ("Approved by", "批准人"),
}


def say(key: str, language: Language, **params: object) -> str:
    """The text of ``key`` in ``language`` (``"zh / en"`` when bilingual), ``params`` filled in."""
    en, zh = WORDS[key]
    return pick(en.format(**params), zh.format(**params), language)


def title_text(kind: CertificateKind, language: Language) -> str:
    """The certificate's title (校准证书 / CALIBRATION CERTIFICATE)."""
    return pick(*_TITLES[kind], language)


def decision_text(decision: Decision, language: Language) -> str:
    """A point's decision as printed."""
    return pick(*_DECISIONS[decision], language)


def result_text(result: EventResult | None, language: Language) -> str:
    """An overall or stage result as printed (``—`` for none)."""
    return "—" if result is None else pick(*_RESULTS[result], language)


def stage_text(stage: Stage, language: Language) -> str:
    """As found / as left as printed."""
    return pick(*_STAGES[stage], language)


def signatory_text(role: SignatoryRole, verification: bool, language: Language) -> str:
    """校准员 / 检定员 / 核验员 / 批准人 in ``language``."""
    return pick(*_SIGNATORIES[(role, verification)], language)


def decision_rule_text(info: DecisionRuleInfo, language: Language) -> str:
    """The decision rule applied, worded as ISO/IEC 17025 §7.8.6.1 asks (ILAC-G8:09/2019)."""
    if info.rule is DecisionRule.GUARD_BAND:
        r = format_decimal(info.guard_band_factor if info.guard_band_factor is not None else 1)
        en = (
            f"Decision rule: guard band w = {r} × U (ILAC-G8:09/2019 §4.2.2). A result inside the "
            "acceptance zone [lower limit + w, upper limit − w] passes; inside the tolerance but "
            "outside the acceptance zone: conditional pass; outside the tolerance by at most w: "
            "conditional fail; further out: fail."
        )
        zh = (
            f"判定规则：保护带 w = {r} × U（ILAC-G8:09/2019 §4.2.2）。结果在接受区间"
            "［下限 + w，上限 − w］内判合格；在允许范围内但在接受区间外判有条件合格；"
            "超出允许范围不大于 w 判有条件不合格；超出更多判不合格。"
        )
    else:
        en = (
            "Decision rule: simple acceptance (ILAC-G8:09/2019 §4.2.1, w = 0). A result within "
            "the tolerance passes, outside it fails; the measurement uncertainty is stated but not "
            "used as a guard band."
        )
        zh = (
            "判定规则：简单接受（ILAC-G8:09/2019 §4.2.1，w = 0）。结果在允许范围内判合格，"
            "超出判不合格；测量不确定度已给出，但未用作保护带。"
        )
    return pick(en, zh, language)


def format_decimal(value: Decimal | int) -> str:
    """A number with exactly its digits (``Decimal("10.00")`` → ``"10.00"``; no exponent)."""
    return format(Decimal(value), "f")


def format_measured(value: Measured | None) -> str:
    """``"10.00 V"``; ``"—"`` for none; a dimensionless value prints its number only."""
    if value is None:
        return "—"
    return f"{format_decimal(value.value)} {value.unit}".strip()


def format_uncertainty(u: Uncertainty | None) -> str:
    """``"0.061 K (k = 2)"``; ``"—"`` for none."""
    if u is None:
        return "—"
    return f"{format_measured(u.expanded)} (k = {format_decimal(u.coverage_factor)})"


def format_date(value: date | None) -> str:
    """ISO 8601 (2025-03-14), the same in both languages; ``"—"`` for none."""
    return "—" if value is None else value.isoformat()


def format_datetime(value: datetime | None) -> str:
    """``2025-03-14 09:30`` (minutes) with ``UTC`` or the offset when known; ``"—"`` for none."""
    if value is None:
        return "—"
    text = value.strftime("%Y-%m-%d %H:%M")
    offset = value.utcoffset()
    if offset is None:
        return text
    return f"{text} UTC" if not offset else f"{text} {value.strftime('%z')}"
