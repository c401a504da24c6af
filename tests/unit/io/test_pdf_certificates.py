"""Certificates read back from the PDF: every required element, the digits, page x of y, fonts."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pypdf
import pytest
from certificate_samples import calibration, failed_verification, logo_png, verification

from labapp.io.certificates import (
    CertificateError,
    format_decimal,
    format_measured,
    say,
)
from labapp.io.pdf import MIN_FONT_SIZE, write_certificate_pdf

LANGS = ("en", "zh_CN", "bilingual")


def _pages(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _fonts(data: bytes) -> list[dict]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    return list(fonts.values())


@pytest.mark.parametrize("language", LANGS)
def test_calibration_certificate_states_every_required_element(language: str) -> None:
    doc = calibration(language)
    pages = _pages(write_certificate_pdf(doc))
    text = _flat("".join(pages))
    en, zh = language != "zh_CN", language != "en"
    expected = [doc.number, doc.lab.name, doc.customer.name, doc.item.name, doc.item.model,
                doc.item.serial_no, doc.item.asset_tag, doc.method.code, "2025-03-14", "2025-03-15",
                "2026-03-13", "20.1 °C", "45 %RH", "DLj2024-11873", "STD-0007", "NIM", "刘洋",
                "张伟", "李明", "CNAS L1234", "ILAC-G8"]  # fmt: skip
    if en:
        expected += ["CALIBRATION CERTIFICATE", "Calibrated by", "Checked by", "Approved by",
                     "As found", "As left", "Statement of conformity", "guard band",
                     "Environmental conditions", "Measurement standards used"]  # fmt: skip
    if zh:
        expected += ["校准证书", "校准员", "核验员", "批准人", "调整前", "调整后", "符合性声明",
                     "保护带", "环境条件", "本次使用的计量标准", "证书编号"]  # fmt: skip
    missing = [e for e in expected if _flat(e) not in text]
    assert not missing, missing


@pytest.mark.parametrize("language", LANGS)
def test_every_value_prints_with_its_reported_digits(language: str) -> None:
    doc = calibration(language)
    text = _flat("".join(_pages(write_certificate_pdf(doc))))
    for p in doc.points:
        for value in (p.nominal, p.reference, p.indication, p.error, p.mpe, p.lower, p.upper):
            if value is not None:
                assert _flat(format_measured(value)) in text, value
        u = p.uncertainty
        assert _flat(f"{format_measured(u.expanded)}(k={format_decimal(u.coverage_factor)}") in text
    # the digits a careless writer loses: trailing zeros and a zero error
    for digits in ("10.00000V", "1.000000V", "0.000000V", "100.000mV", "0.0000050V", "-0.002mV"):
        assert digits in text
    stated = {(u.coverage_factor, u.coverage_probability) for q in doc.points
              if (u := q.uncertainty) is not None}  # fmt: skip
    for k, p in stated:  # the sample states its own p: printed as stated, "=", not "≈"
        for lang in ("en", "zh_CN") if language == "bilingual" else (language,):
            words = say("coverage_stated", lang, k=format_decimal(k),
                        p=format_decimal((p * 100).normalize()))  # fmt: skip
            assert _flat(words) in text, words
    assert "≈" not in text and _flat(say("coverage_rule", "en")) not in text


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("sample", [calibration, verification, failed_verification])
def test_certificate_number_and_page_x_of_y_on_every_page(language: str, sample) -> None:
    doc = sample(language)
    pages = _pages(write_certificate_pdf(doc))
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        flat = _flat(page)
        assert doc.number in flat
        if language != "zh_CN":
            assert f"Page{number}of{len(pages)}" in flat
        if language != "en":
            assert f"第{number}页共{len(pages)}页" in flat


def test_fonts_are_embedded_subset_and_cover_chinese() -> None:
    data = write_certificate_pdf(calibration("bilingual", logo=logo_png()))
    fonts = _fonts(data)
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, name  # an embedded TrueType program
        assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei", name), name  # a subset
        assert "/ToUnicode" in font  # text can be searched and copied
    embedded = sum(len(f["/FontDescriptor"]["/FontFile2"].get_object().get_data()) for f in fonts)
    assert embedded < 1_500_000  # subsets, never the 4.6 MB font
    text = "".join(_pages(data))
    assert "校准证书" in text and "多功能校准器" in text


def test_no_text_smaller_than_8_pt() -> None:
    reader = pypdf.PdfReader(io.BytesIO(write_certificate_pdf(calibration("bilingual"))))
    for page in reader.pages:
        content = page.get_contents().get_data()
        sizes = [float(s) for s in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", content)]
        assert sizes and min(sizes) >= MIN_FONT_SIZE


def test_verification_and_failure_notice_titles_and_conclusions() -> None:
    passed = _flat("".join(_pages(write_certificate_pdf(verification("bilingual")))))
    assert "检定证书" in passed and "VERIFICATIONCERTIFICATE" in passed
    assert "检定员" in passed and "有效期至" in passed and "2026-04-01" in passed
    failed = _flat("".join(_pages(write_certificate_pdf(failed_verification("bilingual")))))
    assert "检定结果通知书" in failed and "NOTICEOFVERIFICATIONRESULT" in failed
    assert "不合格项目/Non-conformingpoints:3" in failed  # the 1.600 MPa point: 0.021 > 0.016
    assert "0.021MPa" in failed and "±0.016MPa" in failed
    assert "有效期至" not in failed  # a failed item gets no validity


def test_text_from_people_is_printed_not_interpreted() -> None:
    from dataclasses import replace

    from labapp.io.certificates import Party

    doc = replace(calibration("en"), customer=Party("A&B <Instruments> Ltd"))
    assert "A&B <Instruments> Ltd" in "".join(_pages(write_certificate_pdf(doc)))


def test_logo_is_drawn_and_a_non_image_is_refused() -> None:
    from dataclasses import replace

    with_logo = write_certificate_pdf(calibration("en", logo=logo_png()))
    reader = pypdf.PdfReader(io.BytesIO(with_logo))
    assert list(reader.pages[0].images)
    doc = calibration("en")
    bad = replace(doc, lab=replace(doc.lab, logo=b"not an image at all"))
    with pytest.raises(CertificateError) as err:
        write_certificate_pdf(bad)
    assert err.value.code == "logo" and err.value.message_zh


def test_exact_decimal_formatting_never_uses_exponents() -> None:
    assert format_decimal(Decimal("1.0E-7")) == "0.00000010"
    assert format_decimal(Decimal("1E+1")) == "10"
    assert format_decimal(Decimal("10.00")) == "10.00"
