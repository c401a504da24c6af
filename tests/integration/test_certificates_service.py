"""Certificates issued from approved records (PDF read back, DCC validated and round-tripped) and
providers' DCCs imported as drafts, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pypdf
import pytest
from certificate_lab import POINTS, CertLab, record_verification, seed_certificate_lab
from lxml import etree
from sqlalchemy import func, select

from labapp.domain.enums import Stage
from labapp.domain.errors import NotFoundError
from labapp.io.certificates import CertificateError, CertificateKind, say
from labapp.io.dcc import DccError, validate_dcc
from labapp.persistence.models import AttachmentRow, EventRow, ProviderRow
from labapp.services.certificates import import_dcc, issue_certificate
from labapp.services.database import Database, open_database
from labapp.services.events import get_event
from labapp.services.laboratory import get_lab_settings

DCC_DIR = Path(__file__).resolve().parents[1] / "data" / "reference-cases" / "dcc"
PTB = sorted(DCC_DIR.glob("*.xml"))
REFERENCE = DCC_DIR.parent
NS = {"dcc": "https://ptb.de/dcc", "si": "https://ptb.de/si"}


@pytest.fixture
def lab(db: Database) -> CertLab:
    return seed_certificate_lab(db)


def _pages(data: bytes) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def _fonts(data: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object()  # embedded
            names.add(str(font["/BaseFont"]))
    return names


def _counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in  # type: ignore[return-value]
                     (EventRow, AttachmentRow, ProviderRow))  # fmt: skip


@pytest.mark.parametrize("language", ["en", "zh_CN", "bilingual"])
def test_pdf_of_an_approved_calibration_states_the_record(lab: CertLab, language: str) -> None:
    issued = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, language=language)
    assert issued.kind is CertificateKind.CALIBRATION and issued.number == lab.number
    event = get_event(lab.db, lab.event_id)
    pages = _pages(issued.pdf)
    for n, page in enumerate(pages, start=1):
        assert lab.number in page
        if language != "zh_CN":
            assert f"Page{n}of{len(pages)}" in page
        if language != "en":
            assert f"第{n}页共{len(pages)}页" in page
    text = "".join(pages)
    names = {s.meaning: s.name for s in event.signatures}
    expected = [event.asset_tag, lab.standard_tag, event.performed_on.isoformat(),
                event.approved_at.date().isoformat(), "20.3°C", "46%RH", names["check"],
                names["approve"], event.performer]  # fmt: skip
    for _stage, ref, ind, u, k, mpe in POINTS:  # every value with its reported digits
        error = Decimal(ind) - Decimal(ref)
        expected += [ref, ind, u, mpe, format(error, "f"), k]
    missing = [e for e in expected if re.sub(r"\s+", "", str(e)) not in text]
    assert not missing, missing
    assert ("CALIBRATIONCERTIFICATE" in text) is (language != "zh_CN")
    assert ("校准证书" in text) is (language != "en")
    assert all(re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei", f) for f in _fonts(issued.pdf))


def test_certificate_by_number_and_refusals(lab: CertLab) -> None:
    by_number = issue_certificate(lab.db, lab.approver, certificate_no=lab.number, language="en")
    assert by_number.event_id == lab.event_id
    with pytest.raises(CertificateError) as unknown:
        issue_certificate(lab.db, lab.approver, certificate_no="NO-SUCH-0001")
    assert (
        unknown.value.code == "unknown_certificate" and "NO-SUCH-0001" in unknown.value.message_zh
    )
    with lab.db.read() as s:  # a demo draft and a provider's (external) approved certificate
        draft = s.scalar(select(EventRow.id).where(EventRow.status == "draft").limit(1))
        external = s.scalar(select(EventRow.id).join(ProviderRow).where(
            EventRow.status == "approved", ProviderRow.kind != "in_house").limit(1))  # fmt: skip
    for event_id, code in ((draft, "not_approved"), (external, "external")):
        with pytest.raises(CertificateError) as refused:
            issue_certificate(lab.db, lab.approver, event_id=event_id, dcc=True)
        assert refused.value.code == code
    with pytest.raises(NotFoundError):
        issue_certificate(lab.db, lab.approver, event_id=10**9)


def test_dcc_is_validated_attached_and_imports_back_with_equal_points(
    lab: CertLab, tmp_path: Path
) -> None:
    issued = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, dcc=True)
    assert issued.dcc is not None and issued.dcc_attachment is not None
    assert validate_dcc(issued.dcc) == "3.1.2"
    assert issued.dcc_attachment.sha256 == hashlib.sha256(issued.dcc).hexdigest()
    again = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, dcc=True)
    assert again.dcc == issued.dcc and again.dcc_attachment == issued.dcc_attachment  # reused
    assert [a.id for a in get_event(lab.db, lab.event_id).attachments].count(
        issued.dcc_attachment.id) == 1  # fmt: skip

    fresh = open_database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        seed_certificate_lab(fresh)
        tag = get_event(lab.db, lab.event_id).asset_tag
        imported = import_dcc(fresh, lab.performer, tag, issued.dcc, "back.xml",
                              today=get_event(lab.db, lab.event_id).performed_on)  # fmt: skip
        original = get_event(lab.db, lab.event_id)
        back = imported.event
        assert back.status.value == "draft" and back.certificate_no == lab.number
        key = lambda p: (p.stage, p.seq)  # noqa: E731
        pairs = zip(sorted(original.points, key=key), sorted(back.points, key=key), strict=True)
        for a, b in pairs:
            assert (a.stage, a.reference, a.indication, a.expanded_uncertainty) == (
                b.stage, b.reference, b.indication, b.expanded_uncertainty)  # fmt: skip
            assert a.coverage_factor == b.coverage_factor and a.error_value == b.error_value
    finally:
        fresh.dispose()


def _reps(quantity: etree._Element) -> list[dict[str, object]]:
    """Each ``realListXMLList`` of a quantity: unit, values, and U and k when it states them."""
    reps = []
    for rep in quantity.iterfind(".//si:realListXMLList", NS):
        u = rep.findtext("si:expandedUncXMLList/si:uncertaintyXMLList", None, NS)
        k = rep.findtext("si:expandedUncXMLList/si:coverageFactorXMLList", None, NS)
        values = rep.findtext("si:valueXMLList", "", NS).split()
        reps.append({"unit": rep.findtext("si:unitXMLList", "", NS).strip(),
                     "values": [Decimal(v) for v in values],
                     "U": None if u is None else [Decimal(v) for v in u.split()],
                     "k": None if k is None else [Decimal(v) for v in k.split()]})  # fmt: skip
    return reps


def _main(reps: list[dict[str, object]]) -> dict[str, object]:
    """The representation a lab keeps: %RH where the DCC gives one, else the first."""
    return next((r for r in reps if r["unit"] == "\\percent"), reps[0])


def _expected_points(path: Path) -> list[tuple[Decimal, Decimal, Decimal, Decimal]]:
    """(reference, indication, U, k) per point, read from the XML by this test itself."""
    root = etree.parse(str(path))
    roles: dict[str, list[dict[str, object]]] = {}
    for quantity in root.iterfind(".//dcc:measurementResult//dcc:list/dcc:quantity", NS):
        roles.setdefault(quantity.get("refType") or "", _reps(quantity))
    ref = _main(roles["basic_referenceValue"])["values"]
    ind = _main(roles["basic_measuredValue"])["values"]
    error = roles["basic_measurementError"]
    main = _main(error)
    stated = next(r for r in error if r["U"] is not None)
    scale = Decimal(100) if (stated["unit"], main["unit"]) == ("\\one", "\\percent") else 1
    n = len(ref)
    u = [v * scale for v in stated["U"]] * (n if len(stated["U"]) == 1 else 1)
    k = stated["k"] * (n if len(stated["k"]) == 1 else 1)
    return list(zip(ref, ind, u, k, strict=True))


@pytest.mark.parametrize("path", PTB, ids=lambda p: p.stem)
def test_ptb_examples_import_as_drafts_with_the_xml_values(lab: CertLab, path: Path) -> None:
    data = path.read_bytes()
    imported = import_dcc(lab.db, lab.performer, lab.standard_tag, data, path.name)
    event = imported.event
    root = etree.fromstring(data)
    assert event.status.value == "draft" and event.asset_tag == lab.standard_tag
    assert event.certificate_no == root.findtext(".//dcc:coreData/dcc:uniqueIdentifier", None, NS)
    provider = ".//dcc:calibrationLaboratory/dcc:contact/dcc:name/dcc:content"
    assert event.provider == root.findtext(provider, None, NS).strip()
    assert event.performed_on.isoformat() == root.findtext(".//dcc:endPerformanceDate", None, NS)
    got = [(p.reference.value, p.indication.value, p.expanded_uncertainty.value, p.coverage_factor)
           for p in sorted(event.points, key=lambda p: p.seq)]  # fmt: skip
    expected = _expected_points(path)
    assert got[: len(expected)] == expected[: len(got)] and len(got) >= 3
    assert all(p.stage is Stage.AS_LEFT for p in event.points)
    (attachment,) = event.attachments
    assert attachment.sha256 == hashlib.sha256(data).hexdigest() == imported.certificate.sha256


HOSTILE = [
    (b"<not closed", "not_xml"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>', "dtd"),
    (b'<?xml version="1.0"?><html/>', "not_dcc"),
]


@pytest.mark.parametrize(("data", "code"), HOSTILE, ids=[c for _d, c in HOSTILE])
def test_refused_dcc_saves_nothing(lab: CertLab, data: bytes, code: str) -> None:
    before = _counts(lab.db)
    with pytest.raises(DccError) as refused:
        import_dcc(lab.db, lab.performer, lab.standard_tag, data, "bad.xml")
    assert refused.value.code == code and refused.value.message_zh
    assert _counts(lab.db) == before


def test_invalid_or_unmappable_dcc_and_unknown_tag_save_nothing(lab: CertLab) -> None:
    good = PTB[0].read_bytes()
    before = _counts(lab.db)
    wrong_schema = good.replace(b"<dcc:coreData>", b"<dcc:coreData><dcc:bogus/>", 1)
    # every unit of the results in a D-SI form LabApp has no unit for (the schema allows any)
    unknown_unit = re.sub(rb"(<si:unitXMLList>)[^<]*", rb"\1\\furlong", good)
    unsupported = good.replace(b'schemaVersion="3.1.2"', b'schemaVersion="9.9.9"', 1)
    cases = (
        (wrong_schema, "invalid"),
        (unknown_unit, "unit"),
        (unsupported, "unsupported_version"),
    )
    for data, code in cases:
        with pytest.raises(DccError) as refused:
            import_dcc(lab.db, lab.performer, lab.standard_tag, data, "bad.xml")
        assert refused.value.code == code, refused.value.message_en
    with pytest.raises(NotFoundError):
        import_dcc(lab.db, lab.performer, "NO-SUCH-TAG", good, "good.xml")
    assert _counts(lab.db) == before


@pytest.mark.parametrize(("fail", "kind", "title_zh", "title_en"), [
    (False, CertificateKind.VERIFICATION, "检定证书", "VERIFICATIONCERTIFICATE"),
    (True, CertificateKind.VERIFICATION_FAILED, "检定结果通知书", "NOTICEOFVERIFICATIONRESULT"),
])  # fmt: skip
def test_verification_passed_and_failed_get_their_own_documents(
    lab: CertLab, fail: bool, kind: CertificateKind, title_zh: str, title_en: str
) -> None:
    event_id = record_verification(lab, fail=fail)
    issued = issue_certificate(lab.db, lab.approver, event_id=event_id, language="bilingual")
    assert issued.kind is kind
    text = "".join(_pages(issued.pdf))
    assert issued.number in text and title_zh in text and title_en in text.upper()
    assert ("1.000090V" in text) is fail


@pytest.mark.parametrize("language", ["en", "zh_CN", "bilingual"])
def test_record_without_standards_says_so_instead_of_tracing_through_none(
    lab: CertLab, language: str
) -> None:
    event_id = record_verification(lab, fail=False)  # records no standard
    assert not get_event(lab.db, event_id).standards
    text = "".join(_pages(issue_certificate(lab.db, lab.approver, event_id=event_id,
                                            language=language).pdf))  # fmt: skip
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    for key, present in (("no_standards", True), ("traceability", False)):
        for lang in ("en", "zh_CN"):
            wanted = present and (language == lang or language == "bilingual")
            assert (squeeze(say(key, lang)) in text) is wanted, (key, lang)
    with_standard = "".join(_pages(issue_certificate(lab.db, lab.approver, event_id=lab.event_id,
                                                     language=language).pdf))  # fmt: skip
    assert squeeze(say("no_standards", "en" if language == "en" else "zh_CN")) not in with_standard


def test_customer_of_the_instrument_is_on_the_pdf_and_in_the_dcc(lab: CertLab) -> None:
    from labapp.domain.enums import PersonRole
    from labapp.services.master_data import CustomerInput, create_customer, set_instrument_owner
    from labapp.services.master_data import _lookups as people

    admin = people.list_persons(lab.db, PersonRole.ADMIN)[0].login
    data = CustomerInput("深圳恒测电子有限公司", "HC-01", "深圳市南山区科技园 9 号", None,
                         "qa@hengce.example", "+86 755 1234 5678")  # fmt: skip
    customer = create_customer(lab.db, admin, data)
    tag = get_event(lab.db, lab.event_id).asset_tag
    set_instrument_owner(lab.db, admin, [tag], customer.id)
    for language, label in (("en", "Customer"), ("zh_CN", "委托单位")):
        pdf = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, language=language).pdf
        cover = _pages(pdf)[0]
        assert all(re.sub(r"\s+", "", x) in cover for x in (label, data.name, data.address))
        assert "Owner" not in cover and "器具所有者" not in cover  # the customer is the owner
    issued = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, dcc=True)
    root = etree.fromstring(issued.dcc)
    contact = root.find(".//dcc:administrativeData/dcc:customer", NS)
    assert contact.findtext("dcc:name/dcc:content", None, NS) == data.name
    assert contact.findtext("dcc:eMail", None, NS) == data.email
    assert contact.findtext("dcc:phone", None, NS) == data.phone
    assert contact.findtext("dcc:location/dcc:further/dcc:content", None, NS) == data.address
    assert validate_dcc(issued.dcc) == "3.1.2"


def test_without_a_customer_the_lab_owns_the_item(lab: CertLab) -> None:
    lab_name = get_lab_settings(lab.db).name
    issued = issue_certificate(lab.db, lab.approver, event_id=lab.event_id, language="en", dcc=True)
    cover = _pages(issued.pdf)[0]
    assert "Owner" in cover and "Customer" not in cover
    assert re.sub(r"\s+", "", lab_name) in cover
    contact = etree.fromstring(issued.dcc).find(".//dcc:administrativeData/dcc:customer", NS)
    assert contact.findtext("dcc:name/dcc:content", None, NS) == lab_name


def _t95(dof: int) -> Decimal:
    from scipy.stats import t

    return Decimal(str(t.ppf(0.975, dof)))


def test_coverage_band_is_students_t_with_five_or_more_degrees_of_freedom() -> None:
    """1.96 ≤ k ≤ 2.6 is exactly the k of ~95 % coverage for ν_eff ≥ 5 (GUM G.3, JJF 1059.1)."""
    from scipy.stats import norm

    low, high = Decimal("1.96"), Decimal("2.6")
    assert Decimal(str(norm.ppf(0.975))).quantize(low) == low  # z95 = 1.95996…, written 1.96
    assert _t95(5) <= high < _t95(4)
    assert all(low <= _t95(dof) <= high for dof in (5, 10, 30, 1000))
    cases = json.loads((REFERENCE / "published-cases.json").read_text(encoding="utf-8"))
    xrf = next(c for c in cases if c["id"] == "xrf_ratio")["expected"]  # U95 / uc, ν_eff 27.7
    k = Decimal(str(xrf["U95"])) / Decimal(str(xrf["uc"]))
    assert low <= k <= high and abs(k - _t95(round(xrf["nu_eff"]))) < Decimal("0.02")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_pdf_says_which_p_labapp_assumed_and_k3_gets_none_and_no_dcc(
    lab: CertLab, language: str
) -> None:
    text = "".join(_pages(issue_certificate(lab.db, lab.approver, event_id=lab.event_id,
                                            language=language).pdf))  # fmt: skip
    for k in sorted({Decimal(k) for *_x, k, _mpe in POINTS}):  # 2 and 2.05: in the band
        words = say("coverage_assumed", language, k=format(k, "f"), p="95")
        assert re.sub(r"\s+", "", words) in text, words
    assert re.sub(r"\s+", "", say("coverage_rule", language)) in text
    k3 = record_verification(lab, fail=False, coverage_factor=Decimal(3))
    text = "".join(_pages(issue_certificate(lab.db, lab.approver, event_id=k3,
                                            language=language).pdf))  # fmt: skip
    assert re.sub(r"\s+", "", say("coverage_none", language, k="3")) in text
    before = _counts(lab.db)
    with pytest.raises(DccError) as refused:  # a DCC states p for every U: no guess
        issue_certificate(lab.db, lab.approver, event_id=k3, dcc=True)
    assert refused.value.code == "probability" and _counts(lab.db) == before
