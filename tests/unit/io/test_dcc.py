"""DCC in and out: PTB's examples against their XML and published numbers, round trips, refusals.

Expected values come from ``shared/reference-cases/published-cases.json`` (the PTB typical
temperature example) and from the example files themselves, read here with a plain XPath walk
independent of LabApp's reader.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from certificate_samples import calibration, failed_verification, verification
from lxml import etree

from labapp.domain.enums import Decision
from labapp.domain.quantities import Measured
from labapp.io.certificates import Uncertainty
from labapp.io.dcc import (
    DccError,
    dsi_to_unit,
    read_dcc,
    unit_to_dsi,
    validate_dcc,
    write_dcc,
)

SHARED = Path(__file__).resolve().parents[4] / "shared" / "reference-cases"
if not SHARED.is_dir():  # a worktree: shared/ sits beside the checkouts
    SHARED = Path("/work/shared/reference-cases")
DCC_DIR = SHARED / "dcc"
NS = {"dcc": "https://ptb.de/dcc", "si": "https://ptb.de/si"}
EXAMPLES = ["dcc_gp_temperature_typical_v12.xml", "dcc_gp_temperature_simplified_v12.xml",
            "dcc_gp_humidity_v1.0.xml"]  # fmt: skip


def _example(name: str) -> bytes:
    return (DCC_DIR / name).read_bytes()


def _published() -> dict:
    cases = json.loads((SHARED / "published-cases.json").read_text(encoding="utf-8"))
    return next(c for c in cases if c["id"] == "ptb_dcc_gp_temperature_typical_v12")


def _xml_list(root, refType: str, unit: str) -> list[Decimal]:
    """The values of a result quantity in ``unit``, read straight from the XML."""
    path = (f".//dcc:result//dcc:quantity[@refType='{refType}']//si:realListXMLList"
            f"[si:unitXMLList='{unit}']/si:valueXMLList")  # fmt: skip
    return [Decimal(v) for v in root.find(path, NS).text.split()]


# --- PTB's examples -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_ptb_example_imports_with_its_identity(name: str) -> None:
    data = _example(name)
    root = etree.fromstring(data)
    incoming = read_dcc(data)
    assert incoming.schema_version == root.get("schemaVersion")
    assert incoming.certificate_no == root.find(".//dcc:uniqueIdentifier", NS).text
    assert incoming.provider == "Kalibrierfirma GmbH"
    assert (
        incoming.begin_performance.isoformat() == root.find(".//dcc:beginPerformanceDate", NS).text
    )
    assert incoming.end_performance.isoformat() == root.find(".//dcc:endPerformanceDate", NS).text
    assert incoming.recalibration_due.isoformat() == "1959-10-22"
    assert incoming.conformity is Decision.PASS
    assert incoming.customer == "Kunde GmbH"
    assert incoming.issue_date is None  # DCC 3.1 states none
    assert [i.name for i in incoming.items] == [
        (i.find("dcc:name/dcc:content[@lang='en']", NS)).text
        for i in root.iterfind(".//dcc:item", NS)
    ]
    import hashlib

    assert incoming.sha256 == hashlib.sha256(data).hexdigest()


def test_ptb_typical_temperature_matches_the_published_numbers() -> None:
    case = _published()
    inputs, expected = case["inputs"], case["expected"]
    tol = Decimal(str(case["tolerance"]["error_K"]))
    points = read_dcc(_example("dcc_gp_temperature_typical_v12.xml")).points
    assert len(points) == len(inputs["reference_K"]) == 5
    for i, p in enumerate(points):
        assert p.reference == Measured(Decimal(str(inputs["reference_K"][i])), "K")
        assert p.indication == Measured(Decimal(str(inputs["indicated_K"][i])), "K")
        assert p.nominal == Measured(Decimal(str(inputs["calibration_points_K"][i])), "K")
        assert p.error.unit == "K"
        assert abs(p.error.value - Decimal(str(expected["measurement_error_K"][i]))) <= tol
        # the error is indication - reference, a difference in K
        assert abs(p.error.value - (p.indication.value - p.reference.value)) <= tol
        assert p.uncertainty == Uncertainty(
            Measured(Decimal(str(inputs["U_error_K"])), "K"), Decimal(str(inputs["k"])),
            Decimal(str(inputs["coverage_probability"])), "normal",
        )  # fmt: skip
        assert p.uncertainty_of == "error"
        lower = Decimal(str(inputs["acceptance_limits_K"]["lower"][i]))
        assert p.lower.value == lower and p.upper.value == -lower
        assert p.decision is Decision.PASS  # "pass (all points)"


def test_ptb_simplified_temperature_values_equal_the_xml() -> None:
    data = _example("dcc_gp_temperature_simplified_v12.xml")
    root = etree.fromstring(data)
    points = read_dcc(data).points
    refs = _xml_list(root, "basic_referenceValue", r"\kelvin")
    inds = _xml_list(root, "basic_measuredValue", r"\kelvin")
    errs = _xml_list(root, "basic_measurementError", r"\kelvin")
    assert [p.reference.value for p in points] == refs
    assert [p.indication.value for p in points] == inds
    assert [p.error.value for p in points] == errs
    assert all(p.nominal is None and p.stage is None for p in points)


def test_ptb_humidity_values_equal_the_xml_in_percent_rh() -> None:
    data = _example("dcc_gp_humidity_v1.0.xml")
    root = etree.fromstring(data)
    incoming = read_dcc(data)
    points = incoming.points
    refs = _xml_list(root, "basic_referenceValue", r"\percent")
    inds = _xml_list(root, "basic_measuredValue", r"\percent")
    errs = _xml_list(root, "basic_measurementError", r"\percent")
    ratio_u = [Decimal(v) for v in root.find(
        ".//si:expandedUncXMLList/si:uncertaintyXMLList", NS).text.split()]  # fmt: skip
    assert len(points) == 7
    for p, ref, ind, err, u in zip(points, refs, inds, errs, ratio_u, strict=True):
        assert (p.reference, p.indication, p.error) == (
            Measured(ref, "%RH"),
            Measured(ind, "%RH"),
            Measured(err, "%RH"),
        )
        # U is stated on the ratio (\one) representation only: 0.006 is 0.6 %RH
        assert p.uncertainty.expanded.unit == "%RH"
        assert p.uncertainty.expanded.value == u * 100
        assert (p.uncertainty.coverage_factor, p.uncertainty.coverage_probability) == (
            2,
            Decimal("0.95"),
        )
        # tolerance limits are preferred over the (guard-banded) acceptance limits
        assert (p.lower, p.upper) == (
            Measured(Decimal("-2.2"), "%RH"),
            Measured(Decimal("2.2"), "%RH"),
        )
        assert p.decision is Decision.PASS
    assert [s.certificate_no for s in incoming.standards] == [
        "GP-mE-Certificate-x",
        "GP-mE-Certificate-y",
    ]
    temperature = [c for c in incoming.conditions if "basic_temperatureMin" in c.ref_types]
    assert temperature[0].value == Measured(Decimal("295.15"), "K")


# --- LabApp's own DCC -------------------------------------------------------------------------


@pytest.mark.parametrize("sample", [calibration, verification, failed_verification])
@pytest.mark.parametrize("language", ["en", "zh_CN", "bilingual"])
def test_written_dcc_validates_and_round_trips_every_point(sample, language: str) -> None:
    doc = sample(language)
    data = write_dcc(doc)
    assert validate_dcc(data) == "3.1.2"
    incoming = read_dcc(data)
    assert incoming.certificate_no == doc.number
    assert incoming.provider == doc.lab.name and incoming.provider_code == doc.lab.code
    assert incoming.begin_performance == doc.performed_on
    assert incoming.issue_date == doc.issued_on
    assert incoming.recalibration_due == doc.valid_until
    assert incoming.responsible_persons == tuple(s.name for s in doc.signatories)
    assert len(incoming.points) == len(doc.points)
    for written, read in zip(doc.points, incoming.points, strict=True):
        assert read.stage is written.stage and read.seq == written.seq
        for field in ("nominal", "reference", "indication", "error", "mpe", "lower", "upper"):
            assert getattr(read, field) == getattr(written, field), field
        assert read.uncertainty == written.uncertainty
        assert read.decision is written.decision
    values = {c.value for c in incoming.conditions}
    assert {doc.conditions.temperature, doc.conditions.humidity} <= values


def test_written_dcc_states_conformity_rule_standards_and_as_found() -> None:
    doc = calibration("bilingual")
    root = etree.fromstring(write_dcc(doc))
    assert root.get("schemaVersion") == "3.1.2"
    conformity = root.find(".//dcc:statement[@refType='basic_conformity']", NS)
    assert conformity.find("dcc:conformity", NS).text == "pass"
    words = " ".join(c.text for c in conformity.iterfind("dcc:declaration/dcc:content", NS))
    assert "guard band" in words and "保护带" in words
    assert (
        root.find(".//dcc:statement[@refType='labapp_decisionRule']/dcc:convention", NS).text
        == "guard_band"
    )
    equipment = root.find(".//dcc:measuringEquipment[@refType='basic_standardUsed']", NS)
    assert equipment.find("dcc:certificate/dcc:referralID", NS).text == "DLj2024-11873"
    stages = [r.get("refType") for r in root.iterfind(".//dcc:result", NS)]
    assert stages == ["labapp_asFound", "labapp_asLeft"]
    units = {u.text for u in root.iterfind(".//si:unit", NS)}
    assert {r"\volt", r"\milli\volt", r"\degreecelsius", r"\percent"} <= units
    assert [
        v.text
        for v in root.iterfind(
            ".//dcc:quantity[@refType='basic_referenceValue']/si:real/si:value", NS
        )
    ][:2] == ["10.00000", "1.000000"]


def test_dcc_refuses_what_it_cannot_state() -> None:
    doc = calibration("en")
    fahrenheit = replace(doc.points[0], reference=Measured(Decimal("77.0"), "°F"))
    with pytest.raises(DccError) as err:
        write_dcc(replace(doc, points=(fahrenheit, *doc.points[1:])))
    assert err.value.code == "unit_out" and "°F" in err.value.message_zh
    no_p = replace(
        doc.points[0], uncertainty=replace(doc.points[0].uncertainty, coverage_probability=None)
    )
    with pytest.raises(DccError) as err:
        write_dcc(replace(doc, points=(no_p, *doc.points[1:])))
    assert err.value.code == "probability"


@pytest.mark.parametrize(
    ("unit", "dsi"),
    [("mV", r"\milli\volt"), ("V", r"\volt"), ("°C", r"\degreecelsius"), ("K", r"\kelvin"),
     ("m", r"\metre"), ("µm", r"\micro\metre"), ("Pa", r"\pascal"), ("MPa", r"\mega\pascal"),
     ("%", r"\percent"), ("kΩ", r"\kilo\ohm"), ("m/s", r"\metre\second\tothe{-1}"), ("", r"\one"),
     ("hPa", r"\hecto\pascal"), ("mA", r"\milli\ampere")],
)  # fmt: skip
def test_d_si_units_both_ways(unit: str, dsi: str) -> None:
    assert unit_to_dsi(unit) == dsi
    assert dsi_to_unit(dsi) == unit


def test_percent_is_relative_humidity_only_where_the_dcc_says_humidity() -> None:
    assert dsi_to_unit(r"\percent", humidity=True) == "%RH"
    assert dsi_to_unit(r"\percent") == "%"
    assert dsi_to_unit(r"\kilogram") == "kg"
    for bad in (r"\furlong", r"\milli", "volt", r"\volt\tothe{x}", r"\deci\metre"):
        with pytest.raises(DccError) as err:
            dsi_to_unit(bad)
        assert err.value.code == "unit"


# --- refusals -----------------------------------------------------------------------------------


def _typical() -> str:
    return _example("dcc_gp_temperature_typical_v12.xml").decode("utf-8")


def _refused(data: bytes, code: str) -> DccError:
    with pytest.raises(DccError) as err:
        read_dcc(data)
    assert err.value.code == code, err.value
    assert err.value.message_en and err.value.message_zh
    return err.value


def test_invalid_value_is_refused_with_the_first_schema_error_and_its_line() -> None:
    text = _typical().replace("<si:value>0.1</si:value>", "<si:value>abc</si:value>", 1)
    error = _refused(text.encode(), "invalid")
    line = next(i for i, t in enumerate(text.splitlines(), start=1) if "<si:value>abc" in t)
    assert error.line == line and "abc" in error.message_en


def test_wrong_schema_version_is_refused() -> None:
    as_312 = _typical().replace('schemaVersion="3.1.1"', 'schemaVersion="3.1.2"')
    validate_dcc(as_312.encode())  # 3.1.2 only adds an optional element: still valid
    _refused(_typical().replace('schemaVersion="3.1.1"', 'schemaVersion="3.3.0"').encode(),
             "unsupported_version")  # fmt: skip


def test_unmappable_unit_and_unequal_lists_are_refused() -> None:
    text = _typical()
    error_list = re.search(
        r"0\.072 0\.089 0\.107 -0\.009 -0\.084</si:valueXMLList>\s*<si:unitXMLList>", text
    )
    at = error_list.end()
    furlong = text[:at] + text[at:].replace("\\kelvin", "\\furlong", 1)
    error = _refused(furlong.encode(), "unit")
    assert "\\furlong" in error.message_en and error.line
    # a hybrid is refused only when no representation maps; one that does is used
    hybrid = text.replace(
        "<si:unitXMLList>\\kelvin</si:unitXMLList>", "<si:unitXMLList>\\furlong</si:unitXMLList>", 1
    )
    assert read_dcc(hybrid.encode()).points[0].reference == Measured(Decimal("33.098"), "°C")
    both = hybrid.replace(
        "<si:unitXMLList>\\degreecelsius</si:unitXMLList>",
        "<si:unitXMLList>\\furlong</si:unitXMLList>",
        1,
    )
    _refused(both.encode(), "unit")
    three_u = text.replace(
        "<si:uncertaintyXMLList>0.061</si:uncertaintyXMLList>",
        "<si:uncertaintyXMLList>0.061 0.061 0.061</si:uncertaintyXMLList>",
    )
    _refused(three_u.encode(), "list_length")


def test_a_dcc_without_results_is_refused() -> None:
    root = etree.fromstring(_example("dcc_gp_temperature_simplified_v12.xml"))
    for quantity in root.iterfind(".//dcc:result//dcc:quantity", NS):
        for child in list(quantity):
            if etree.QName(child).namespace == NS["si"]:
                no_quantity = etree.Element(f"{{{NS['dcc']}}}noQuantity")
                etree.SubElement(no_quantity, f"{{{NS['dcc']}}}content").text = "none"
                child.addprevious(no_quantity)
                quantity.remove(child)
            elif etree.QName(child).localname == "measurementMetaData":
                quantity.remove(child)
    _refused(etree.tostring(root), "no_results")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<dcc:digitalCalibrationCertificate xmlns:dcc="https://ptb.de/dcc">&lol3;</dcc:digitalCalibrationCertificate>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<dcc:digitalCalibrationCertificate xmlns:dcc="https://ptb.de/dcc">&x;</dcc:digitalCalibrationCertificate>"""


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (BILLION_LAUGHS, "dtd"),
        (XXE, "dtd"),
        (XXE.decode().encode("utf-16"), "dtd"),
        (b"", "not_xml"),
        (b"\x89PNG\r\n\x1a\n binary", "not_xml"),
        (b"<dcc:digitalCalibrationCertificate xmlns:dcc='https://ptb.de/dcc'>", "not_xml"),
        (b"<root/>", "not_dcc"),
        (b"<digitalCalibrationCertificate schemaVersion='3.1.2'/>", "not_dcc"),
    ],
)
def test_hostile_or_foreign_files_are_refused(data: bytes, code: str) -> None:
    error = _refused(data, code)
    assert "Traceback" not in error.message_en and "root:x" not in error.message_en


def test_a_file_over_the_size_limit_is_refused_before_parsing(monkeypatch) -> None:
    from labapp.io.dcc import _schema

    monkeypatch.setattr(_schema, "MAX_BYTES", 1000)
    error = _refused(_example("dcc_gp_temperature_typical_v12.xml"), "too_large")
    assert "1000" in error.message_en and "1000" in error.message_zh
