"""Reading a provider's DCC (3.1.x) into an :class:`IncomingCertificate`.

The file is parsed safely and validated against the schema it declares first
(:mod:`labapp.io.dcc._schema`); only a valid file is mapped.  Results become points:

* a table is a ``dcc:list`` whose children are ``dcc:quantity`` elements (or the quantities
  directly under a result's ``dcc:data``); each quantity is a column, its role taken from its
  ``refType``: ``basic_referenceValue`` (reference), ``basic_measuredValue`` /
  ``basic_indicatedValue`` (indication), ``basic_measurementError`` (error),
  ``basic_nominalValue`` or a ``basic_calibrationValue`` metadata (nominal); any other quantity
  is kept by name in ``values``;
* ``si:real`` is one value, ``si:realListXMLList`` and ``si:list`` are one value per point (a
  list of one unit, U, k or p applies to every point); of an ``si:hybrid`` the first
  representation not in ``\\one`` whose unit LabApp knows is used, and U given only in another
  representation is converted exactly;
* a ``basic_conformity`` metadata gives the decisions and the tolerance limits
  (``basic_toleranceLimit*``, else ``basic_acceptanceLimit*``);
* a result (or measurement result) tagged as found / before adjustment or as left / after
  adjustment gives the stage.

A file that is invalid or cannot be mapped is refused with its first problem as a
:class:`DccError`; nothing is half-read.

Long module on purpose: the mapping of DCC results to points is one walk over one tree (tables,
lists, hybrids, U and its k and p, the stage) whose steps share the namespace and unit helpers;
split, each half would need the other's private readers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from lxml import etree

from labapp.domain.enums import Decision, Stage
from labapp.domain.quantities import Measured
from labapp.io.certificates import Uncertainty
from labapp.io.dcc._errors import DccError
from labapp.io.dcc._incoming import (
    Identification,
    IncomingCertificate,
    IncomingItem,
    IncomingPoint,
    IncomingQuantity,
    IncomingStandard,
)
from labapp.io.dcc._schema import NS, SI_NS, parse_dcc, validate
from labapp.io.dcc._units import dsi_to_unit
from labapp.metrology.units import (
    NumberError,
    check_decimal_bounds,
    delta_unit,
    parse_unit,
    to_unit,
    ureg,
)

__all__ = ["read_dcc"]

_ROLES = {
    "basic_referencevalue": "reference",
    "basic_measuredvalue": "indication",
    "basic_indicatedvalue": "indication",
    "basic_indicationvalue": "indication",
    "basic_measurementerror": "error",
    "basic_nominalvalue": "nominal",
    "basic_calibrationvalue": "nominal",
}
_DECISIONS = {
    "pass": Decision.PASS,
    "fail": Decision.FAIL,
    "conditionalPass": Decision.CONDITIONAL_PASS,
    "conditionalFail": Decision.CONDITIONAL_FAIL,
}


def read_dcc(data: bytes) -> IncomingCertificate:
    """Validate and map a DCC file's bytes.

    Raises
    ------
    DccError
        The first problem: size, DTD, not XML, not a DCC, unsupported version, schema error,
        a unit or value LabApp cannot keep, inconsistent lists, or no results at all.
    """
    root = parse_dcc(data)
    version = validate(root)
    admin = _one(root, "dcc:administrativeData")
    core = _one(admin, "dcc:coreData")
    points = tuple(_points(root))
    if not points:
        raise DccError("no_results")
    statements = admin.findall("dcc:statements/dcc:statement", NS)
    return IncomingCertificate(
        schema_version=version,
        sha256=hashlib.sha256(data).hexdigest(),
        certificate_no=_text(core, "dcc:uniqueIdentifier") or "",
        provider=_content(admin.find("dcc:calibrationLaboratory/dcc:contact/dcc:name", NS)),
        provider_code=_text(admin, "dcc:calibrationLaboratory/dcc:calibrationLaboratoryCode"),
        country=_text(core, "dcc:countryCodeISO3166_1") or "",
        begin_performance=_date(core, "dcc:beginPerformanceDate"),
        end_performance=_date(core, "dcc:endPerformanceDate"),
        receipt_date=_optional_date(core, "dcc:receiptDate"),
        issue_date=_statement_date(statements, "issuedate"),
        recalibration_due=_statement_date(statements, "recalibration"),
        identifications=_identifications(core),
        items=tuple(_item(i) for i in admin.findall("dcc:items/dcc:item", NS)),
        customer=_content(admin.find("dcc:customer/dcc:name", NS)),
        responsible_persons=tuple(
            _content(p)
            for p in admin.findall("dcc:respPersons/dcc:respPerson/dcc:person/dcc:name", NS)
        ),
        conformity=_overall_conformity(statements),
        standards=tuple(_standard(e) for e in root.iterfind(".//dcc:measuringEquipment", NS)),
        conditions=tuple(_conditions(root)),
        points=points,
        software=" ".join(
            x
            for x in (
                _content(admin.find("dcc:dccSoftware/dcc:software/dcc:name", NS)),
                _text(admin, "dcc:dccSoftware/dcc:software/dcc:release"),
            )
            if x
        ),
    )


# --- administrative data ----------------------------------------------------------------------


def _one(parent: Any, path: str) -> Any:
    found = parent.find(path, NS)
    if found is None:  # the schema requires these; kept as a guard
        raise DccError("invalid", {"version": "3.1", "detail": f"{path} missing"})
    return found


def _text(parent: Any, path: str) -> str | None:
    found = parent.find(path, NS)
    return None if found is None or found.text is None else found.text.strip()


def _content(text_element: Any, language: str = "en") -> str:
    """A ``dcc:textType``'s content in ``language``, else the first content."""
    if text_element is None:
        return ""
    contents = text_element.findall("dcc:content", NS)
    chosen = [c for c in contents if c.get("lang") == language] or contents
    return (chosen[0].text or "").strip() if chosen else ""


def _date(parent: Any, path: str) -> date:
    value = _optional_date(parent, path)
    if value is None:
        raise DccError("invalid", {"version": "3.1", "detail": f"{path} missing"})
    return value


def _optional_date(parent: Any, path: str) -> date | None:
    text = _text(parent, path)
    try:
        return None if text is None else date.fromisoformat(text[:10])
    except ValueError:
        raise DccError("value", {"value": text[:40]}) from None


def _tokens(element: Any) -> tuple[str, ...]:
    return tuple((element.get("refType") or "").split())


def _statement_date(statements: list[Any], token: str) -> date | None:
    for statement in statements:
        if any(token in t.lower() for t in _tokens(statement)):
            found = _optional_date(statement, "dcc:date")
            if found is not None:
                return found
    return None


def _overall_conformity(statements: list[Any]) -> Decision | None:
    for statement in statements:
        text = _text(statement, "dcc:conformity")
        if text is not None:
            return _DECISIONS.get(text, Decision.NONE)
    return None


def _identifications(parent: Any) -> tuple[Identification, ...]:
    return tuple(
        Identification(_text(i, "dcc:issuer") or "", _text(i, "dcc:value") or "",
                       _content(i.find("dcc:name", NS)) or None)
        for i in parent.findall("dcc:identifications/dcc:identification", NS)
    )  # fmt: skip


def _item(item: Any) -> IncomingItem:
    return IncomingItem(
        name=_content(item.find("dcc:name", NS)),
        manufacturer=_content(item.find("dcc:manufacturer/dcc:name", NS)) or None,
        model=_text(item, "dcc:model"),
        identifications=_identifications(item),
    )


def _standard(equipment: Any) -> IncomingStandard:
    return IncomingStandard(
        name=_content(equipment.find("dcc:name", NS)),
        certificate_no=_text(equipment, "dcc:certificate/dcc:referralID"),
        identifications=_identifications(equipment),
    )


def _conditions(root: Any) -> list[IncomingQuantity]:
    found = []
    path = (
        "dcc:measurementResults/dcc:measurementResult/dcc:influenceConditions"
        "/dcc:influenceCondition"
    )
    for condition in root.iterfind(path, NS):
        tokens = _tokens(condition)
        for quantity in condition.iterfind("dcc:data/dcc:quantity", NS):
            series = _series(quantity, _is_humidity(tokens + _tokens(quantity)))
            if series is not None and len(series) == 1:
                name = _content(quantity.find("dcc:name", NS)) or _content(
                    condition.find("dcc:name", NS)
                )
                found.append(IncomingQuantity(name, tokens + _tokens(quantity), series[0].value))
    return found


# --- values -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    value: Measured
    uncertainty: Uncertainty | None


def _decimal(text: str, element: Any) -> Decimal:
    try:
        return check_decimal_bounds(Decimal(text))
    except (InvalidOperation, NumberError):
        raise DccError("value", {"value": text[:40]}, line=element.sourceline) from None


def _is_humidity(tokens: tuple[str, ...]) -> bool:
    return any("humidity" in t.lower() for t in tokens)


def _unit(text: str, element: Any, humidity: bool) -> str:
    try:
        return dsi_to_unit(text, humidity=humidity)
    except DccError as exc:
        raise DccError(exc.code, exc.params, line=element.sourceline) from None


def _list(element: Any, name: str) -> list[str]:
    found = element.find(f"si:{name}", NS)
    return [] if found is None or found.text is None else found.text.split()


def _broadcast(values: list[Any], n: int, element: Any) -> list[Any]:
    if len(values) == n:
        return values
    if len(values) == 1:
        return values * n
    raise DccError("list_length", {"lengths": f"{len(values)} ≠ {n}"}, line=element.sourceline)


def _real(real: Any, humidity: bool) -> list[_Item]:
    unit = _unit(_text(real, "si:unit") or "", real, humidity)
    value = _decimal(_text(real, "si:value") or "", real)
    unc = real.find("si:expandedUnc", NS)
    u = None
    if unc is not None:
        u = _uncertainty(*(_text(unc, f"si:{n}") or "" for n in
                           ("uncertainty", "coverageFactor", "coverageProbability")),
                         unit, unc, _text(unc, "si:distribution"))  # fmt: skip
    return [_Item(Measured(value, unit), u)]


def _uncertainty(
    u: str, k: str, p: str, unit: str, element: Any, distribution: str | None = None
) -> Uncertainty:
    return Uncertainty(
        Measured(_decimal(u, element), unit), _decimal(k, element), _decimal(p, element),
        distribution,
    )  # fmt: skip


def _xml_list(element: Any, humidity: bool) -> list[_Item]:
    values = [_decimal(v, element) for v in _list(element, "valueXMLList")]
    n = len(values)
    units = _broadcast(
        [_unit(u, element, humidity) for u in _list(element, "unitXMLList")], n, element
    )
    unc = element.find("si:expandedUncXMLList", NS)
    if unc is None:
        return [_Item(Measured(v, u), None) for v, u in zip(values, units, strict=True)]
    us, ks, ps = (_broadcast(_list(unc, f"{name}XMLList"), n, unc)
                  for name in ("uncertainty", "coverageFactor", "coverageProbability"))  # fmt: skip
    dist = _list(unc, "distributionXMLList")
    dists = _broadcast(dist, n, unc) if dist else [None] * n
    return [
        _Item(Measured(v, unit), _uncertainty(u, k, p, unit, unc, d))
        for v, unit, u, k, p, d in zip(values, units, us, ks, ps, dists, strict=True)
    ]


def _representations(element: Any, humidity: bool) -> list[list[_Item]] | None:
    tag = etree.QName(element).localname
    if tag == "real":
        return [_real(element, humidity)]
    if tag == "realListXMLList":
        return [_xml_list(element, humidity)]
    if tag == "list":
        return [
            [i for r in element.iterfind("si:realList/si:real", NS) for i in _real(r, humidity)]
        ]
    if tag == "hybrid":
        return _hybrid(element, humidity)
    return None  # si:complex, si:constant: no point value LabApp keeps


def _hybrid(element: Any, humidity: bool) -> list[list[_Item]]:
    options: list[list[_Item]] = []
    first_error: DccError | None = None
    for child in element:
        if not isinstance(child.tag, str):
            continue
        try:
            found = _representations(child, humidity)
        except DccError as exc:
            if exc.code != "unit":
                raise
            first_error = first_error or exc
            continue
        options += found or []
    if not options and first_error is not None:
        raise first_error
    return options


def _series(quantity: Any, humidity: bool) -> list[_Item] | None:
    """The values of a ``dcc:quantity`` (one per point), or None for a quantity without any."""
    for child in quantity:
        if isinstance(child.tag, str) and etree.QName(child).namespace == SI_NS:
            options = _representations(child, humidity)
            return _choose(options) if options else None
    return None


def _choose(options: list[list[_Item]]) -> list[_Item]:
    """Prefer a representation not in ``\\one``; borrow U from another one, converted exactly."""
    chosen = next((o for o in options if o and o[0].value.unit != ""), options[0])
    if any(i.uncertainty is not None for i in chosen):
        return chosen
    for other in options:
        if other is chosen or len(other) != len(chosen):
            continue
        if all(i.uncertainty is not None for i in other):
            return [_with_uncertainty(c, o) for c, o in zip(chosen, other, strict=True)]
    return chosen


def _with_uncertainty(target: _Item, source: _Item) -> _Item:
    """``source``'s U in ``target``'s unit; U is a difference (0.1 K is 0.1 °C of U)."""
    u = source.uncertainty
    assert u is not None
    quantity = ureg.Quantity(u.expanded.value, delta_unit(_pint_unit(u.expanded.unit)))
    unit = target.value.unit
    converted = to_unit(quantity, delta_unit(_pint_unit(unit))).magnitude
    return _Item(target.value, replace(u, expanded=Measured(converted, _difference(unit))))


def _pint_unit(text: str) -> Any:
    return parse_unit(text) if text else ureg.dimensionless


def _difference(unit: str) -> str:
    """The unit a difference of ``unit`` values is stated in (K for °C, as LabApp's errors)."""
    return "K" if unit == "°C" else unit


# --- results to points ------------------------------------------------------------------------


def _stage(tokens: tuple[str, ...]) -> Stage | None:
    joined = " ".join(tokens).lower()
    if "asfound" in joined or "beforeadjustment" in joined:
        return Stage.AS_FOUND
    if "asleft" in joined or "afteradjustment" in joined:
        return Stage.AS_LEFT
    return None


def _points(root: Any) -> list[IncomingPoint]:
    points: list[IncomingPoint] = []
    for measurement in root.iterfind("dcc:measurementResults/dcc:measurementResult", NS):
        for result in measurement.iterfind("dcc:results/dcc:result", NS):
            tokens = _tokens(measurement) + _tokens(result)
            name = _content(result.find("dcc:name", NS))
            for table in _tables(_one(result, "dcc:data")):
                start = len([p for p in points if p.result == name])
                points += _table_points(table, name, _stage(tokens), tokens, start)
    return points


def _tables(data: Any) -> list[list[Any]]:
    tables: list[list[Any]] = []
    direct = data.findall("dcc:quantity", NS)
    if direct:
        tables.append(direct)
    for lst in data.iterfind(".//dcc:list", NS):
        quantities = lst.findall("dcc:quantity", NS)
        if quantities:
            tables.append(quantities)
    return tables


def _role(quantity: Any) -> str | None:
    for token in _tokens(quantity):
        if token.lower() in _ROLES:
            return _ROLES[token.lower()]
    return None


def _table_points(
    quantities: list[Any], name: str, stage: Stage | None, tokens: tuple[str, ...], start: int
) -> list[IncomingPoint]:
    columns: dict[str, list[_Item]] = {}
    others: list[tuple[str, list[_Item]]] = []
    meta: dict[str, list[Any]] = {}
    for quantity in quantities:
        humidity = _is_humidity(tokens + _tokens(quantity))
        series = _series(quantity, humidity)
        role = _role(quantity)
        if series is not None and role is not None:
            columns.setdefault(role, series)
        elif series is not None:
            others.append((_content(quantity.find("dcc:name", NS)), series))
        _metadata(quantity, humidity, columns, meta)
    n = max((len(s) for s in [*columns.values(), *(s for _, s in others)]), default=0)
    return [_point(columns, others, meta, name, stage, i, start, quantities[0]) for i in range(n)]


def _metadata(quantity: Any, humidity: bool, columns: dict[str, list[_Item]],
              meta: dict[str, list[Any]]) -> None:  # fmt: skip
    for data in quantity.iterfind("dcc:measurementMetaData/dcc:metaData", NS):
        tokens = [t.lower() for t in _tokens(data)]
        if "basic_calibrationvalue" in tokens:
            for q in data.iterfind("dcc:data/dcc:quantity", NS):
                series = _series(q, humidity)
                if series is not None:
                    columns.setdefault("nominal", series)
        if "basic_conformity" in tokens:
            _conformity(data, humidity, meta)


def _conformity(data: Any, humidity: bool, meta: dict[str, list[Any]]) -> None:
    single = _text(data, "dcc:conformity")
    listed = _text(data, "dcc:conformityXMLList")
    words = [single] if single else (listed or "").split()
    if words:
        meta["decision"] = [_DECISIONS.get(w, Decision.NONE) for w in words]
    for q in data.iterfind("dcc:data/dcc:quantity", NS):
        tokens = " ".join(_tokens(q)).lower()
        series = _series(q, humidity)
        if series is None:
            continue
        for key, word in (("lower", "limitlower"), ("upper", "limitupper")):
            tolerance = "tolerance" in tokens
            if word in tokens and (tolerance or f"tolerance_{key}" not in meta):
                meta[f"tolerance_{key}" if tolerance else key] = [s.value for s in series]
        if "maximumpermissibleerror" in tokens:
            meta["mpe"] = [s.value for s in series]


def _point(
    columns: dict[str, list[_Item]], others: list[tuple[str, list[_Item]]],
    meta: dict[str, list[Any]], name: str, stage: Stage | None, i: int, start: int, where: Any,
) -> IncomingPoint:  # fmt: skip
    n = max(len(s) for s in [*columns.values(), *(s for _, s in others)])
    items = {role: _broadcast(s, n, where)[i] for role, s in columns.items()}
    values = tuple((label, _broadcast(s, n, where)[i].value) for label, s in others)
    carrier = next((r for r in ("error", "indication", "reference") if r in items
                    and items[r].uncertainty is not None), None)  # fmt: skip
    u = None if carrier is None else items[carrier].uncertainty
    if carrier is None:
        for _label, series in others:
            item = _broadcast(series, n, where)[i]
            if item.uncertainty is not None:
                carrier, u = "value", item.uncertainty
                break

    def limit(key: str) -> Any:
        series = meta.get(f"tolerance_{key}") or meta.get(key)
        return None if series is None else _broadcast(series, n, where)[i]

    decisions = meta.get("decision")
    return IncomingPoint(
        result=name, seq=start + i + 1, stage=stage,
        nominal=_value(items.get("nominal")), reference=_value(items.get("reference")),
        indication=_value(items.get("indication")), error=_value(items.get("error")),
        uncertainty=u, uncertainty_of=carrier, lower=limit("lower"), upper=limit("upper"),
        mpe=None if "mpe" not in meta else _broadcast(meta["mpe"], n, where)[i],
        decision=Decision.NONE if decisions is None else _broadcast(decisions, n, where)[i],
        values=values,
    )  # fmt: skip


def _value(item: _Item | None) -> Measured | None:
    return None if item is None else item.value
