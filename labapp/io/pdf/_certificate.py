"""A certificate as a PDF: 校准证书, 检定证书 or 检定结果通知书, in Chinese, English or both.

Page 1 (the cover): the lab with its logo, address and accreditation, the title, the certificate
number, customer/owner, the item, the method, the dates, the conclusion and the signatories.
The pages after it: conditions, the standards used with their traceability, the results of each
stage (as found / as left) with units, reported digits, U, k and p, the statement of conformity
with the decision rule applied (ISO/IEC 17025 §7.8.6), remarks and "end of certificate".  Every
page carries the certificate number and "page x of y".  Values print from their exact decimals.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from labapp.domain.enums import Decision, EventResult, Stage
from labapp.io.certificates import (
    CertificateDocument,
    CertificateError,
    CertificateKind,
    CertificatePoint,
    SignatoryRole,
    decision_rule_text,
    decision_text,
    format_date,
    format_datetime,
    format_decimal,
    format_measured,
    format_uncertainty,
    logo_media_type,
    result_text,
    say,
    signatory_text,
    stage_text,
    title_text,
)
from labapp.io.excel import Language, pick
from labapp.io.pdf._layout import (
    HeavyText,
    PageDecor,
    ensure_font,
    grid_style,
    numbered_canvas,
    para,
    styles,
)

__all__ = ["write_certificate_pdf"]

_WIDTH = A4[0] - 36 * mm


def write_certificate_pdf(doc: CertificateDocument) -> bytes:
    """Render ``doc`` as an A4 PDF with the font embedded (subset) and return its bytes.

    Raises
    ------
    CertificateError
        ``logo`` (the logo is not an image), ``font`` (the shipped font is missing).
    """
    language: Language = doc.language  # type: ignore[assignment]
    out = io.BytesIO()
    number_label = f"{say('certificate_no', language)}: {doc.number}"
    decor = PageDecor(language, header_left=doc.lab.name, header_right=number_label,
                      footer_left=doc.number)  # fmt: skip
    template = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=22 * mm,
        bottomMargin=20 * mm, title=f"{title_text(doc.kind, 'en')} {doc.number}",
        author=doc.lab.name, subject=doc.number,
        creator=f"{doc.software_name} {doc.software_version}".strip(),
    )  # fmt: skip
    story = [*_cover(doc, language), PageBreak(), *_body(doc, language)]
    template.build(story, canvasmaker=numbered_canvas(decor))
    return out.getvalue()


# --- the cover page ---------------------------------------------------------------------------


def _cover(doc: CertificateDocument, lang: Language) -> list[Any]:
    st = styles(lang)
    title = [title_text(doc.kind, "zh_CN"), title_text(doc.kind, "en")]
    lines = title if lang == "bilingual" else [title_text(doc.kind, lang)]
    story: list[Any] = [_lab_block(doc, lang), Spacer(1, 6 * mm), HeavyText(lines, 18)]
    story.append(para(f"{say('certificate_no', lang)}: {doc.number}", st["center"]))
    story += [Spacer(1, 5 * mm), _grid(_cover_rows(doc, lang), lang, (0.3, 0.7))]
    story += [Spacer(1, 5 * mm), _signatures(doc, lang), Spacer(1, 4 * mm)]
    for key in ("electronic", "results_only", "no_partial"):
        story.append(para(say(key, lang), st["small"]))
    return story


def _lab_block(doc: CertificateDocument, lang: Language) -> Any:
    st = styles(lang)
    lab = doc.lab
    text = [para(lab.name, st["h2"])]
    if lab.address:
        text.append(para(f"{say('address', lang)}: {lab.address}", st["body"]))
    if lab.accreditation_no:
        body, no = lab.accreditation_body or "", lab.accreditation_no
        text.append(para(say("accreditation", lang, body=body, no=no), st["body"]))
    contact = " · ".join(x for x in (lab.phone, lab.email) if x)
    if contact:
        text.append(para(contact, st["body"]))
    if lab.logo is None:
        return KeepTogether(text)
    logo = _logo(lab.logo)
    table = Table([[logo, text]], colWidths=[logo.drawWidth + 4 * mm, None])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), ensure_font(), 9),  # not Helvetica
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _logo(data: bytes) -> Image:
    logo_media_type(data)  # the settings' own check: PNG or JPEG that decodes, at most 1 MiB
    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception as exc:  # PIL raises many kinds for a file that is not an image
        raise CertificateError("logo") from exc
    draw_h = 16 * mm
    draw_w = min(draw_h * width / height, 50 * mm)
    return Image(io.BytesIO(data), width=draw_w, height=draw_w * height / width)


def _verification(doc: CertificateDocument) -> bool:
    return doc.kind is not CertificateKind.CALIBRATION


def _cover_rows(doc: CertificateDocument, lang: Language) -> list[tuple[str, str]]:
    item = doc.item
    verification = _verification(doc)
    rows: list[tuple[str, str]] = []
    if doc.customer is not None:
        rows.append(("customer", _party(doc.customer.name, doc.customer.address)))
    if doc.owner is not None and doc.owner != doc.customer:
        rows.append(("owner", _party(doc.owner.name, doc.owner.address)))
    rows += [("item", item.name), ("manufacturer", item.manufacturer or "—"),
             ("model", item.model or "—"), ("serial_no", item.serial_no or "—"),
             ("asset_tag", item.asset_tag or "—")]  # fmt: skip
    if item.range_low is not None or item.range_high is not None:
        rows.append(
            ("range", f"{format_measured(item.range_low)} … {format_measured(item.range_high)}")
        )
    rows.append(("method", _method_text(doc, lang)))
    performed = format_date(doc.performed_on)
    if doc.performed_until and doc.performed_until != doc.performed_on:
        performed += f" … {format_date(doc.performed_until)}"
    rows.append(("performed_verification" if verification else "performed_calibration", performed))
    rows.append(("issued", format_date(doc.issued_on)))
    if doc.valid_until is not None and doc.kind is not CertificateKind.VERIFICATION_FAILED:
        key = "valid_until_verification" if verification else "valid_until_calibration"
        rows.append((key, format_date(doc.valid_until)))
    rows.append(("conclusion", _conclusion(doc, lang)))
    return rows


def _party(name: str, address: str | None) -> str:
    return name if not address else f"{name}\n{address}"


def _method_text(doc: CertificateDocument, lang: Language) -> str:
    m = doc.method
    text = " ".join(x for x in (m.code, m.title) if x)
    if m.revision:
        text += f" ({say('revision', lang)} {m.revision})"
    return text


def _conclusion(doc: CertificateDocument, lang: Language) -> str:
    text = result_text(doc.result, lang)
    if doc.adjusted or doc.as_found is not None:
        found, left = result_text(doc.as_found, lang), result_text(doc.as_left, lang)
        text += "\n" + say("stage_results", lang, found=found, left=left)
    return text


def _signatures(doc: CertificateDocument, lang: Language) -> Table:
    st = styles(lang)
    verification = _verification(doc)
    rows = []
    for role in (SignatoryRole.PERFORMER, SignatoryRole.CHECKER, SignatoryRole.APPROVER):
        signer = doc.signatory(role)
        name = "—" if signer is None else signer.name
        when = (
            ""
            if signer is None or signer.signed_at is None
            else pick("signed", "签署于", lang) + " " + format_datetime(signer.signed_at)
        )
        label = _label(signatory_text(role, verification, "en"),
                       signatory_text(role, verification, "zh_CN"), lang)  # fmt: skip
        rows.append([para(label, st["cell"], markup=True), para(name, st["body"]),
                     para(when, st["cell"])])  # fmt: skip
    table = Table(rows, colWidths=[0.25 * _WIDTH, 0.35 * _WIDTH, 0.40 * _WIDTH])
    table.setStyle(grid_style(label_column=True))
    return table


# --- the pages after the cover ----------------------------------------------------------------


def _body(doc: CertificateDocument, lang: Language) -> list[Any]:
    st = styles(lang)
    story: list[Any] = [para(say("conditions", lang), st["h2"]), _conditions(doc, lang)]
    story.append(para(say("standards", lang), st["h2"]))
    if doc.standards:  # with none recorded, say so instead of "through the standards below"
        story += [para(say("traceability", lang), st["cell"]), Spacer(1, 2 * mm)]
        story.append(_standards(doc, lang))
    else:
        story.append(para(say("no_standards", lang), st["cell"]))
    story.append(para(say("results", lang), st["h2"]))
    for stage in (Stage.AS_FOUND, Stage.AS_LEFT):
        points = doc.stage_points(stage)
        if points:
            story.append(para(_stage_heading(doc, stage, lang), st["body"]))
            story += [_points_table(points, lang), Spacer(1, 2 * mm)]
    story.append(para(_uncertainty_note(doc, lang), st["cell"]))
    story += _conformity(doc, lang)
    end = [Spacer(1, 6 * mm), para(f"— {say('end', lang)} —", st["center"])]
    if doc.remarks:  # a heading never ends a page alone, the end mark never opens one alone
        remarks = [para(say("remarks", lang), st["h2"]), para(doc.remarks, st["body"])]
        story.append(KeepTogether(remarks + end))
    else:
        story.append(KeepTogether([story.pop(), *end]))
    return story


def _conditions(doc: CertificateDocument, lang: Language) -> Table:
    c = doc.conditions
    rows = [("temperature", format_measured(c.temperature)),
            ("humidity", format_measured(c.humidity))]  # fmt: skip
    if c.location:
        rows.append(("location", c.location))
    return _grid(rows, lang, (0.3, 0.7))


def _standards(doc: CertificateDocument, lang: Language) -> Table:
    st = styles(lang)
    keys = ("std_name", "std_id", "std_certificate", "std_issuer", "std_valid", "std_uncertainty")
    head = [para(_label_key(k, lang), st["head"], markup=True) for k in keys]
    rows: list[list[Any]] = [head]
    for s in doc.standards:
        ident = " / ".join(x for x in (s.asset_tag, s.serial_no) if x) or "—"
        issuer = "\n".join(x for x in (s.calibrated_by, s.traceability) if x) or "—"
        name = s.name if not s.model else f"{s.name}\n{s.model}"
        cells = (name, ident, s.certificate_no or "—", issuer, format_date(s.valid_until),
                 s.uncertainty or "—")  # fmt: skip
        rows.append([para(x, st["cell"]) for x in cells])
    weights = (0.20, 0.14, 0.15, 0.21, 0.13, 0.17)
    table = Table(rows, colWidths=[w * _WIDTH for w in weights], repeatRows=1)
    table.setStyle(grid_style(header=True))
    return table


def _stage_heading(doc: CertificateDocument, stage: Stage, lang: Language) -> str:
    if stage is Stage.AS_LEFT and not doc.adjusted and not doc.stage_points(Stage.AS_FOUND):
        return say("not_adjusted", lang)
    return stage_text(stage, lang)


def _points_table(points: tuple[CertificatePoint, ...], lang: Language) -> Table:
    st = styles(lang)
    columns = [
        "seq",
        "nominal",
        "reference",
        "indication",
        "error",
        "uncertainty",
        "mpe",
        "decision",
    ]
    if all(p.nominal is None for p in points):
        columns.remove("nominal")
    if all(p.mpe is None and p.lower is None and p.upper is None for p in points):
        columns.remove("mpe")
    rows: list[list[Any]] = [[para(_label_key(c, lang), st["head"], markup=True) for c in columns]]
    for p in points:
        rows.append([para(_point_cell(p, c, lang), st["cell"]) for c in columns])
    weights = {"seq": 0.6, "decision": 1.1, "uncertainty": 1.5, "mpe": 1.3}
    total = sum(weights.get(c, 1.2) for c in columns)
    widths = [weights.get(c, 1.2) / total * _WIDTH for c in columns]
    table = Table(rows, colWidths=widths, repeatRows=1)
    style = grid_style(header=True)
    for row, p in enumerate(points, start=1):
        if p.decision in (Decision.FAIL, Decision.CONDITIONAL_FAIL):
            style.add("BACKGROUND", (0, row), (-1, row), "#fde2e2")
    table.setStyle(style)
    return table


def _point_cell(p: CertificatePoint, column: str, lang: Language) -> str:
    if column == "seq":
        return str(p.seq) if not p.label else f"{p.seq}\n{p.label}"
    if column in ("nominal", "reference", "indication", "error"):
        return format_measured(getattr(p, column))
    if column == "uncertainty":  # "(k = 2)" on its own line: never split inside it
        return format_uncertainty(p.uncertainty).replace(" (k", "\n(k")
    if column == "mpe":
        if p.mpe is not None:
            return f"±{format_measured(p.mpe)}"
        if p.lower is None and p.upper is None:
            return "—"
        return f"{format_measured(p.lower)} …\n{format_measured(p.upper)}"
    return decision_text(p.decision, lang)


def _uncertainty_note(doc: CertificateDocument, lang: Language) -> str:
    """What U is, then each k with the p it stands for (≈ when LabApp assumed it), and the rule."""
    pairs = sorted({(u.coverage_factor, u.coverage_probability) for p in doc.points
                    if (u := p.uncertainty) is not None}, key=lambda kp: kp[0])  # fmt: skip
    parts = [say("uncertainty_note", lang)]
    for k, p in pairs:
        if p is None:
            parts.append(say("coverage_none", lang, k=format_decimal(k)))
            continue
        key = "coverage_assumed" if doc.coverage_assumed else "coverage_stated"
        percent = format_decimal((p * 100).normalize())
        parts.append(say(key, lang, k=format_decimal(k), p=percent))
    if doc.coverage_assumed and pairs:
        parts.append(say("coverage_rule", lang))
    return " ".join(parts)


def _conformity(doc: CertificateDocument, lang: Language) -> list[Any]:
    st = styles(lang)
    method = doc.method.code
    key = {
        EventResult.PASS: "conformity_pass",
        EventResult.FAIL: "conformity_fail",
        EventResult.CONDITIONAL: "conformity_conditional",
    }.get(doc.result, "conformity_none")
    heading = para(say("conformity", lang), st["h2"])
    story: list[Any] = [KeepTogether([heading, para(say(key, lang, method=method), st["body"])])]
    if doc.kind is CertificateKind.VERIFICATION_FAILED or doc.result is EventResult.FAIL:
        failed = [str(p.seq) for p in doc.points if p.decision is Decision.FAIL]
        if failed:
            text = f"{say('failed_points', lang)}: {', '.join(failed)}"
            story.append(para(text, st["body"]))
    story.append(para(decision_rule_text(doc.decision_rule, lang), st["body"]))
    if doc.adjusted or doc.as_found is not None:
        found, left = result_text(doc.as_found, lang), result_text(doc.as_left, lang)
        story.append(para(say("stage_results", lang, found=found, left=left), st["body"]))
        story.append(para(say("adjusted" if doc.adjusted else "not_adjusted", lang), st["body"]))
    return story


# --- tables -----------------------------------------------------------------------------------


def _label(en: str, zh: str, lang: Language) -> str:
    """A label cell: two lines (Chinese over English) when bilingual."""
    if lang == "bilingual":
        return f"{escape(zh)}<br/>{escape(en)}"
    return escape(pick(en, zh, lang))


def _label_key(key: str, lang: Language) -> str:
    return _label(say(key, "en"), say(key, "zh_CN"), lang)


def _grid(rows: list[tuple[str, str]], lang: Language, weights: tuple[float, float]) -> Table:
    st = styles(lang)
    data = [[para(_label_key(k, lang), st["cell"], markup=True), para(v, st["body"])]
            for k, v in rows]  # fmt: skip
    table = Table(data, colWidths=[w * _WIDTH for w in weights])
    table.setStyle(grid_style(label_column=True))
    return table
