"""The demo lab's standards' paperwork and checks: a measurement standard certificate
(计量标准考核证书) per reference standard, and intermediate check plans with four checks each on
the first standards.
"""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from labapp.domain.enums import Decision
from labapp.metrology.conformity import decide
from labapp.persistence.models import (
    CheckPlanRow,
    CheckReadingRow,
    IntermediateCheckRow,
    StandardCertificateRow,
    standard_certificate_instruments,
)
from labapp.services.demo._catalogue import Tier
from labapp.services.demo._plan import Plan, point_specs
from labapp.services.demo._writer import Writer, stamp, table_of


def seed_standard_certificates(w: Writer, plan: Plan, rng: random.Random) -> None:
    """计量标准考核证书: one per reference standard, renewed every 5 years."""
    certificates, links = [], []
    for seq, item in enumerate(i for i in plan.items if i.tier is Tier.REFERENCE):
        issued = plan.start - timedelta(days=rng.randint(100, 1500))
        while issued + timedelta(days=5 * 365) < plan.today:
            issued += timedelta(days=5 * 365)
        cert_id = plan.ids.take("standard_certificates")
        certificates.append({
            "id": cert_id, "laboratory_id": plan.refs["lab"],
            "number": f"[{issued.year}]粤量标企证字第{seq + 101:04d}号",
            "standard_name": f"{item.template.name} {item.template.model} 计量标准装置",
            "issuer": "广东省市场监督管理局", "issued_on": issued,
            "valid_until": issued + timedelta(days=5 * 365), **stamp(plan),
        })  # fmt: skip
        links.append({"certificate_id": cert_id, "instrument_id": item.id})
    w.put(table_of(StandardCertificateRow), certificates)
    w.put(standard_certificate_instruments, links)


def seed_intermediate_checks(w: Writer, plan: Plan, rng: random.Random) -> None:
    """Check plans on the first few standards, checked every 6 months for the last two years."""
    standards = [i for i in plan.items if i.tier is not Tier.WORKING][:4]
    plans, checks, readings = [], [], []
    for item in standards:
        spec = point_specs(item.template)[0]
        plan_id = plan.ids.take("check_plans")
        limits = {
            "lower_limit_value": -spec.mpe, "lower_limit_unit": spec.unit,
            "upper_limit_value": spec.mpe, "upper_limit_unit": spec.unit,
        }  # fmt: skip
        plans.append({
            "id": plan_id, "instrument_id": item.id, "check_instrument_id": None,
            "point": str(spec.nominal), "frequency_months": 6,
            **limits, **stamp(plan),
        })  # fmt: skip
        centre = rng.uniform(-0.3, 0.3)
        for n in range(4):
            check_id = plan.ids.take("intermediate_checks")
            values = [
                spec.quantum * round((centre + rng.gauss(0, 0.05)) * float(spec.mpe / spec.quantum))
                for _ in range(6)
            ]
            for seq, value in enumerate(values, start=1):
                readings.append({
                    "id": plan.ids.take("check_readings"), "check_id": check_id, "seq": seq,
                    "value": value, "unit": spec.unit, **stamp(plan),
                })  # fmt: skip
            mean = (sum(values, Decimal(0)) / len(values)).quantize(spec.quantum)
            verdict = decide(mean, 0, -spec.mpe, spec.mpe)
            checks.append({
                "id": check_id, "instrument_id": item.id, "plan_id": plan_id,
                "performed_on": plan.today - timedelta(days=30 + 182 * n),
                "performer_id": plan.people[item.template.discipline][0],
                "check_value": mean, "check_unit": spec.unit,
                "reference_value": Decimal(0).quantize(spec.quantum), "reference_unit": spec.unit,
                **limits, "verdict": Decision(verdict.value), "remarks": None, **stamp(plan),
            })  # fmt: skip
    w.put(table_of(CheckPlanRow), plans)
    w.put(table_of(IntermediateCheckRow), checks)
    w.put(table_of(CheckReadingRow), readings)
