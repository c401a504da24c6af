"""A LabApp certificate as a PTB Digital Calibration Certificate, schema 3.1.2.

Layout (what phase B attaches to the event, with its SHA-256):

* ``administrativeData``: ``dccSoftware`` (LabApp and its version); ``coreData`` with the
  certificate number as ``uniqueIdentifier`` and the dates performed; the item (name,
  manufacturer, model, serial number, asset tag); the laboratory (code, name, address); the
  signatories as ``respPersons`` (the approver is the main signer); the customer (or owner);
  ``statements``: results relate to the item (§7.8.2.1), the statement of conformity
  (``basic_conformity``) with the decision rule worded, the rule itself
  (``labapp_decisionRule``), the date of issue (``labapp_issueDate``) and the recalibration
  date (``basic_recalibration``).
* ``measurementResults``: the procedure and the uncertainty method (``usedMethods``), the
  standards used as ``measuringEquipments`` (``basic_standardUsed``, their certificate number as
  ``referralID``, traceability in the description), the conditions (``basic_temperature``,
  ``basic_humidityRelative``) and one ``dcc:result`` per stage, tagged ``labapp_asFound`` or
  ``labapp_asLeft``, holding one ``dcc:list`` per point whose quantities are the nominal
  (``basic_nominalValue``), reference (``basic_referenceValue``), indication
  (``basic_measuredValue``) and error (``basic_measurementError``) as ``si:real`` values with
  D-SI units and the reported digits, U with k and p on the error, and a ``basic_conformity``
  metadata with the decision and the tolerance (``basic_toleranceLimitLower/Upper``,
  ``labapp_maximumPermissibleError``).

The XML is validated against the shipped 3.1.2 schema before it is returned: an invalid DCC is
never handed out.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from labapp.domain.enums import Decision, EventResult, Stage
from labapp.domain.quantities import Measured
from labapp.io.certificates import (
    CertificateDocument,
    CertificatePoint,
    SignatoryRole,
    Uncertainty,
    decision_rule_text,
    format_decimal,
    say,
    stage_text,
    title_text,
)
from labapp.io.dcc._errors import DccError
from labapp.io.dcc._schema import DCC_NS, NS, SI_NS, validate
from labapp.io.dcc._units import unit_to_dsi

__all__ = ["WRITTEN_VERSION", "write_dcc"]

WRITTEN_VERSION = "3.1.2"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_CONFORMITY = {
    Decision.PASS: "pass",
    Decision.FAIL: "fail",
    Decision.CONDITIONAL_PASS: "conditionalPass",
    Decision.CONDITIONAL_FAIL: "conditionalFail",
}
_RESULT_CONFORMITY = {EventResult.PASS: "pass", EventResult.FAIL: "fail"}
_STAGE_TOKEN = {Stage.AS_FOUND: "labapp_asFound", Stage.AS_LEFT: "labapp_asLeft"}
_ROLE_TEXT = {
    SignatoryRole.PERFORMER: "performer",
    SignatoryRole.CHECKER: "checker",
    SignatoryRole.APPROVER: "approver",
}


def write_dcc(doc: CertificateDocument) -> bytes:
    """The DCC 3.1.2 XML of ``doc`` (UTF-8), validated against the schema.

    Raises
    ------
    DccError
        ``unit_out`` (a unit D-SI cannot express, e.g. °F), ``probability`` (U without its
        coverage probability), ``signatory`` (no signatory), or ``invalid`` (a bug: the XML
        LabApp built does not validate; never written).
    """
    w = _Writer(doc)
    root = etree.Element(_q("digitalCalibrationCertificate"), nsmap={"dcc": DCC_NS, "si": SI_NS,
                                                                     "xsi": _XSI})  # fmt: skip
    root.set("schemaVersion", WRITTEN_VERSION)
    root.set(f"{{{_XSI}}}schemaLocation", f"{DCC_NS} https://ptb.de/dcc/v{WRITTEN_VERSION}/dcc.xsd")
    w.administrative(_sub(root, "administrativeData"))
    w.measurement_results(_sub(root, "measurementResults"))
    validate(root)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _q(name: str, ns: str = DCC_NS) -> str:
    return f"{{{ns}}}{name}"


def _sub(parent: Any, name: str, text: str | None = None, ns: str = DCC_NS, **attrs: str) -> Any:
    element = etree.SubElement(parent, _q(name, ns), **attrs)
    if text is not None:
        element.text = text
    return element


class _Writer:
    """Builds the two rings of the DCC from one certificate."""

    def __init__(self, doc: CertificateDocument) -> None:
        self.doc = doc
        self.langs = {"en": ("en",), "zh_CN": ("zh",), "bilingual": ("zh", "en")}[doc.language]

    # -- text in the certificate's languages --------------------------------------------------

    def text(self, parent: Any, name: str, en: str, zh: str | None = None) -> Any:
        """A ``dcc:textType`` element with one content per language (``zh`` defaults to ``en``)."""
        element = _sub(parent, name)
        words = {"en": en, "zh": en if zh is None else zh}
        for lang in self.langs:
            _sub(element, "content", words[lang], lang=lang)
        return element

    def said(self, parent: Any, name: str, key: str, **params: object) -> Any:
        return self.text(parent, name, say(key, "en", **params), say(key, "zh_CN", **params))

    def plain(self, parent: Any, name: str, value: str) -> Any:
        element = _sub(parent, name)
        _sub(element, "content", value)
        return element

    # -- administrative data ------------------------------------------------------------------

    def administrative(self, admin: Any) -> None:
        doc = self.doc
        software = _sub(_sub(admin, "dccSoftware"), "software")
        self.plain(software, "name", doc.software_name)
        _sub(software, "release", doc.software_version or "unknown")
        self.core(_sub(admin, "coreData"))
        self.item(_sub(_sub(admin, "items"), "item"))
        lab = _sub(admin, "calibrationLaboratory")
        if doc.lab.code:
            _sub(lab, "calibrationLaboratoryCode", doc.lab.code)
        self.contact(_sub(lab, "contact"), doc.lab.name, doc.lab.email, doc.lab.address,
                     doc.lab.phone)  # fmt: skip
        self.persons(_sub(admin, "respPersons"))
        party = doc.customer or doc.owner
        name = party.name if party is not None else doc.lab.name
        address = party.address if party is not None else doc.lab.address
        email = party.email if party is not None else doc.lab.email
        phone = party.phone if party is not None else doc.lab.phone
        self.contact(_sub(admin, "customer"), name, email, address, phone)
        self.statements(_sub(admin, "statements"))

    def core(self, core: Any) -> None:
        doc = self.doc
        _sub(core, "countryCodeISO3166_1", doc.lab.country_code)
        for lang in self.langs:
            _sub(core, "usedLangCodeISO639_1", lang)
        for lang in self.langs:
            _sub(core, "mandatoryLangCodeISO639_1", lang)
        _sub(core, "uniqueIdentifier", doc.number)
        _sub(core, "beginPerformanceDate", doc.performed_on.isoformat())
        _sub(core, "endPerformanceDate", (doc.performed_until or doc.performed_on).isoformat())
        _sub(core, "performanceLocation", "laboratory")

    def item(self, item: Any) -> None:
        info = self.doc.item
        self.plain(item, "name", info.name)
        self.plain(_sub(item, "manufacturer"), "name", info.manufacturer or "-")
        if info.model:
            _sub(item, "model", info.model)
        ids = _sub(item, "identifications")
        if info.serial_no:
            self.identification(ids, "manufacturer", info.serial_no, "Serial No.", "出厂编号")
        if info.asset_tag:
            self.identification(ids, "owner", info.asset_tag, "Asset tag", "管理编号")
        if not info.serial_no and not info.asset_tag:
            number = self.doc.number
            self.identification(ids, "calibrationLaboratory", number, "Certificate No.", "证书编号")

    def identification(self, ids: Any, issuer: str, value: str, en: str, zh: str) -> None:
        element = _sub(ids, "identification")
        _sub(element, "issuer", issuer)
        _sub(element, "value", value)
        self.text(element, "name", en, zh)

    def contact(self, contact: Any, name: str, email: str | None, address: str | None,
                phone: str | None = None) -> None:  # fmt: skip
        self.plain(contact, "name", name)
        _sub(contact, "eMail", email or "")
        if phone:
            _sub(contact, "phone", phone)
        location = _sub(contact, "location")
        _sub(location, "countryCode", self.doc.lab.country_code)
        if address:
            self.plain(location, "further", address)

    def persons(self, persons: Any) -> None:
        if not self.doc.signatories:
            raise DccError("signatory")
        for signer in self.doc.signatories:
            person = _sub(persons, "respPerson")
            self.plain(_sub(person, "person"), "name", signer.name)
            _sub(person, "role", _ROLE_TEXT[signer.role])
            if signer.role is SignatoryRole.APPROVER:
                _sub(person, "mainSigner", "true")
            _sub(person, "cryptElectronicSignature", "true")

    def statements(self, statements: Any) -> None:
        doc = self.doc
        first = _sub(statements, "statement")
        _sub(first, "norm", "ISO/IEC 17025:2017")
        _sub(first, "reference", "7.8.2.1")
        self.said(first, "declaration", "results_only")
        conformity = _sub(statements, "statement", refType="basic_conformity")
        declaration = self.said(conformity, "declaration", _conformity_key(doc.result),
                                method=doc.method.code)  # fmt: skip
        self._append(declaration, decision_rule_text(doc.decision_rule, "en"),
                     decision_rule_text(doc.decision_rule, "zh_CN"))  # fmt: skip
        if doc.result in _RESULT_CONFORMITY:
            _sub(conformity, "conformity", _RESULT_CONFORMITY[doc.result])
        rule = _sub(statements, "statement", refType="labapp_decisionRule")
        _sub(rule, "convention", doc.decision_rule.rule.value)
        self.text(rule, "declaration", decision_rule_text(doc.decision_rule, "en"),
                  decision_rule_text(doc.decision_rule, "zh_CN"))  # fmt: skip
        issued = _sub(statements, "statement", refType="labapp_issueDate")
        self.said(issued, "declaration", "issued")
        _sub(issued, "date", doc.issued_on.isoformat())
        if doc.valid_until is not None:
            due = _sub(statements, "statement", refType="basic_recalibration")
            key = (
                "valid_until_calibration"
                if doc.kind.value == "calibration"
                else "valid_until_verification"
            )
            self.said(due, "declaration", key)
            _sub(due, "date", doc.valid_until.isoformat())

    def _append(self, declaration: Any, en: str, zh: str) -> None:
        for content in declaration.findall("dcc:content", NS):
            content.text += " " + (zh if content.get("lang") == "zh" else en)

    # -- measurement results ------------------------------------------------------------------

    def measurement_results(self, results: Any) -> None:
        doc = self.doc
        result = _sub(results, "measurementResult")
        self.text(result, "name", title_text(doc.kind, "en"), title_text(doc.kind, "zh_CN"))
        methods = _sub(result, "usedMethods")
        method = _sub(methods, "usedMethod", refType="labapp_procedure")
        title = " ".join(x for x in (doc.method.code, doc.method.title) if x)
        self.plain(method, "name", title)
        _sub(method, "norm", doc.method.code)
        if doc.method.revision:
            _sub(method, "reference", doc.method.revision)
        uncertainty = _sub(methods, "usedMethod", refType="basic_uncertainty")
        self.text(uncertainty, "name", "Expanded uncertainty", "扩展不确定度")
        self.said(uncertainty, "description", "uncertainty_note")
        _sub(uncertainty, "norm", "JCGM 100:2008 (GUM); JJF 1059.1")
        if doc.standards:
            self.equipment(_sub(result, "measuringEquipments"))
        self.conditions(result)
        stages = _sub(result, "results")
        for stage in (Stage.AS_FOUND, Stage.AS_LEFT):
            points = doc.stage_points(stage)
            if points:
                self.stage(stages, stage, points)

    def equipment(self, equipments: Any) -> None:
        for std in self.doc.standards:
            eq = _sub(equipments, "measuringEquipment", refType="basic_standardUsed")
            self.plain(eq, "name", std.name)
            notes = [x for x in (std.traceability, std.uncertainty) if x]
            if std.valid_until is not None:
                notes.append(f"valid until {std.valid_until.isoformat()}")
            if notes:
                self.plain(eq, "description", "; ".join(notes))
            if std.certificate_no:
                cert = _sub(eq, "certificate")
                self.plain(cert, "referral", std.calibrated_by or "-")
                _sub(cert, "referralID", std.certificate_no)
                _sub(cert, "procedure", "none")
                _sub(cert, "value", "-")
            if std.model:
                _sub(eq, "model", std.model)
            ids = [("calibrationLaboratory", std.asset_tag), ("manufacturer", std.serial_no)]
            if any(v for _, v in ids):
                block = _sub(eq, "identifications")
                for issuer, value in ids:
                    if value:
                        element = _sub(block, "identification")
                        _sub(element, "issuer", issuer)
                        _sub(element, "value", value)

    def conditions(self, result: Any) -> None:
        c = self.doc.conditions
        pairs = [("basic_temperature", "temperature", c.temperature),
                 ("basic_humidityRelative", "humidity", c.humidity)]  # fmt: skip
        if all(v is None for _, _, v in pairs):
            return
        conditions = _sub(result, "influenceConditions")
        for token, key, value in pairs:
            if value is None:
                continue
            condition = _sub(conditions, "influenceCondition", refType=token)
            self.said(condition, "name", key)
            quantity = _sub(_sub(condition, "data"), "quantity", refType=token)
            self.real(quantity, value, None, 0)

    def stage(self, results: Any, stage: Stage, points: tuple[CertificatePoint, ...]) -> None:
        result = _sub(results, "result", refType=_STAGE_TOKEN[stage])
        self.text(result, "name", stage_text(stage, "en"), stage_text(stage, "zh_CN"))
        data = _sub(result, "data")
        for point in points:
            lst = _sub(data, "list", refType="labapp_point")
            name = f"{point.seq}" + (f" {point.label}" if point.label else "")
            self.plain(lst, "name", name)
            self.point(lst, point)

    def point(self, lst: Any, p: CertificatePoint) -> None:
        carrier = "error" if p.error is not None else "indication" if p.indication else "reference"
        fields = [("nominal", "basic_nominalValue", p.nominal),
                  ("reference", "basic_referenceValue", p.reference),
                  ("indication", "basic_measuredValue", p.indication),
                  ("error", "basic_measurementError", p.error)]  # fmt: skip
        for key, token, value in fields:
            if value is None:
                continue
            if value.unit == "%RH":
                token += " basic_humidityRelative"
            quantity = _sub(lst, "quantity", refType=token)
            self.said(quantity, "name", key)
            u = p.uncertainty if key == carrier else None
            self.real(quantity, value, u, p.seq)
            if key == carrier:
                self.conformity(quantity, p)

    def real(self, quantity: Any, value: Measured, u: Uncertainty | None, seq: int) -> None:
        real = _sub(quantity, "real", ns=SI_NS)
        _sub(real, "value", format_decimal(value.value), ns=SI_NS)
        _sub(real, "unit", unit_to_dsi(value.unit), ns=SI_NS)
        if u is None:
            return
        if u.coverage_probability is None:
            raise DccError("probability", {"seq": seq})
        unc = _sub(real, "expandedUnc", ns=SI_NS)
        expanded = _in_unit(u.expanded, value.unit)
        _sub(unc, "uncertainty", format_decimal(expanded), ns=SI_NS)
        _sub(unc, "coverageFactor", format_decimal(u.coverage_factor), ns=SI_NS)
        _sub(unc, "coverageProbability", format_decimal(u.coverage_probability), ns=SI_NS)
        if u.distribution:
            _sub(unc, "distribution", u.distribution, ns=SI_NS)

    def conformity(self, quantity: Any, p: CertificatePoint) -> None:
        limits = [("basic_toleranceLimitLower", p.lower), ("basic_toleranceLimitUpper", p.upper),
                  ("labapp_maximumPermissibleError", p.mpe)]  # fmt: skip
        if p.decision not in _CONFORMITY and all(v is None for _, v in limits):
            return
        meta = _sub(_sub(quantity, "measurementMetaData"), "metaData", refType="basic_conformity")
        self.said(meta, "declaration", "decision")
        if p.decision in _CONFORMITY:
            _sub(meta, "conformity", _CONFORMITY[p.decision])
        if any(v is not None for _, v in limits):
            data = _sub(meta, "data")
            for token, value in limits:
                if value is not None:
                    self.real(_sub(data, "quantity", refType=token), value, None, p.seq)


def _in_unit(expanded: Measured, unit: str) -> Any:
    """U in the value's own unit: a DCC's ``si:real`` has one unit for value and U."""
    if expanded.unit == unit:
        return expanded.value
    from labapp.metrology.units import delta_unit, parse_unit, to_unit, ureg

    source = ureg.Quantity(expanded.value, delta_unit(parse_unit(expanded.unit)))
    try:
        return to_unit(source, delta_unit(parse_unit(unit))).magnitude
    except Exception as exc:
        raise DccError("unit_out", {"unit": f"{expanded.unit} → {unit}"}) from exc


def _conformity_key(result: EventResult) -> str:
    return {
        EventResult.PASS: "conformity_pass",
        EventResult.FAIL: "conformity_fail",
        EventResult.CONDITIONAL: "conformity_conditional",
    }.get(result, "conformity_none")
