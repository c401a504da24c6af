"""The demo lab's PT plan: a CNAS accreditation cycle of 6 years started in 2022, one sub-discipline
per discipline of the lab, and the comparisons that covered them with the lab's own results.

The 10 V DC voltage proficiency test (:func:`seed_dc_comparison`, also here) covers DC voltage
(satisfactory).  Two more comparisons follow the same provider-valued pattern: an SPRT comparison
at the zinc freezing point where the lab's z′ is questionable, and a 5 MPa pressure proficiency
test (inside the range of the lab's piston gauges) where its En and z′ are unsatisfactory, with an
open corrective action naming the pressure standard the lab measured with (so that standard's
detail shows "Traceability at risk").  A mass comparison of the previous cycle leaves mass due
again, and length has never been tested.
Both ended before the DC voltage test started, so that one stays the newest comparison (the one the
Comparisons page opens on).  Everything is seeded once per lab (a few rows), from its own
generator: the same seed gives the same plan, and the rest of the lab is unchanged by it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from labapp.domain.enums import ComparisonRole
from labapp.domain.proficiency import CorrectiveStatus
from labapp.metrology import comparison as mc
from labapp.persistence.models import ComparisonParticipantRow, ComparisonRow
from labapp.persistence.models_pt import (
    ComparisonScopeRow,
    CorrectiveActionRow,
    CorrectiveActionStandardRow,
    PtCycleRow,
    SubdisciplineRow,
)
from labapp.services.comparisons import AssignedMethod
from labapp.services.demo._catalogue import Tier
from labapp.services.demo._plan import Item, Plan
from labapp.services.demo._writer import DEMO_USER, Writer, stamp, table_of

__all__ = ["CYCLE_START", "CYCLE_YEARS", "SUBDISCIPLINES", "seed_dc_comparison", "seed_pt_plan"]

#: The lab's CNAS accreditation cycle (CNAS-RL02: every sub-discipline tested once per cycle).
CYCLE_START = date(2022, 4, 18)
CYCLE_YEARS = 6
#: discipline key → (sub-discipline name, its quantity), in the catalogue's discipline order
SUBDISCIPLINES = {
    "electrical": ("直流电压 DC voltage", "DC voltage"),
    "temperature": ("温度 Temperature (SPRT fixed points)", "temperature"),
    "pressure": ("压力 Pressure (piston gauges)", "pressure"),
    "mass": ("质量 Mass (weights E2–F1)", "mass"),
    "length": ("长度 Length (gauge blocks)", "length"),
}
#: the existing DC voltage proficiency test's scope quantity
DC_QUANTITY = "DC voltage 10 V"
LABS = 6


@dataclass(frozen=True)
class _Spec:
    """A provider-valued comparison; the lab's own value is ``offset`` σ_pt from the assigned
    value, with expanded uncertainty ``own_u`` (k = 2)."""

    discipline: str
    title: str
    scheme: str
    measurand: str
    quantity: str
    unit: str
    assigned: Decimal
    u_assigned: Decimal  # expanded, k = 2
    sigma_pt: Decimal
    offset: Decimal
    own_u: Decimal
    days_ago: int  # end date, days before today (the previous cycle's one is dated by the cycle)


SPECS = (
    _Spec("temperature", "锌凝固点 SPRT 比对 (SPRT comparison at the zinc freezing point)",
          "CNAS T1123", "deviation of the realised Zn point from 419.527 °C",
          "temperature Zn point", "mK", Decimal("0.00"), Decimal("0.50"), Decimal("1.00"),
          Decimal("2.5"), Decimal("2.80"), 600),
    _Spec("pressure", "活塞式压力计 5 MPa 能力验证 (piston gauge 5 MPa proficiency test)",
          "CNAS T1245", "deviation of the generated pressure from 5 MPa", "pressure 5 MPa",
          "Pa", Decimal("12"), Decimal("8"), Decimal("15"), Decimal("3.6"), Decimal("21"),
          330),
)  # fmt: skip
#: the mass comparison of the previous cycle (satisfactory, but it does not count for this one)
OLD_MASS = _Spec("mass", "砝码 1 kg 比对 (1 kg weight comparison)", "CNAS T0811",
                 "conventional mass deviation of a 1 kg E2 weight", "mass 1 kg", "mg",
                 Decimal("0.00"), Decimal("0.30"), Decimal("0.40"), Decimal("0.4"),
                 Decimal("0.50"), 0)  # fmt: skip


def seed_pt_plan(w: Writer, plan: Plan, dc_comparison_id: int) -> None:
    """The cycle, the sub-disciplines, the comparisons with their scopes and the open action."""
    rng = random.Random(plan.options.seed + 15485863)
    w.put(table_of(PtCycleRow), [{"id": plan.ids.take("pt_cycles"), "starts_on": CYCLE_START,
                                  "years": CYCLE_YEARS, **stamp(plan)}])  # fmt: skip
    subs = {key: plan.ids.take("pt_subdisciplines") for key in SUBDISCIPLINES}
    w.put(table_of(SubdisciplineRow), [
        {"id": subs[key], "name": name, "quantity": quantity, "note": None, "active": True,
         **stamp(plan)}
        for key, (name, quantity) in SUBDISCIPLINES.items()
    ])  # fmt: skip
    scopes = [(dc_comparison_id, subs["electrical"], DC_QUANTITY)]
    old = OLD_MASS, CYCLE_START - timedelta(days=200)
    dated = [(s, plan.today - timedelta(days=s.days_ago)) for s in SPECS] + [old]
    for spec, ended in dated:
        comparison_id, own = _comparison(w, plan, rng, spec, ended)
        scopes.append((comparison_id, subs[spec.discipline], spec.quantity))
        if spec.offset >= 3:
            _open_action(w, plan, spec, own, ended)
    w.put(table_of(ComparisonScopeRow), [
        {"id": plan.ids.take("pt_comparison_scopes"), "comparison_id": c, "subdiscipline_id": s,
         "quantity": q, **stamp(plan)}
        for c, s, q in scopes
    ])  # fmt: skip


def seed_dc_comparison(w: Writer, plan: Plan, rng: random.Random) -> int:
    """A 10 V DC voltage proficiency test: eight labs' deviations from nominal, in µV (the lab's
    own within 0.30 µV of the assigned value: satisfactory).  Returns the comparison's id."""
    comparison_id = plan.ids.take("comparisons")
    started = plan.today - timedelta(days=300)
    w.put(table_of(ComparisonRow), [{
        "id": comparison_id, "title": "直流电压 10 V 能力验证 (DC voltage 10 V proficiency test)",
        "scheme": "CNAS T0987", "provider_name": "中国计量科学研究院 NIM",
        "measurand": "deviation of a 10 V Zener reference from nominal", "unit": "µV",
        "artefact": "Fluke 732B s/n 7085001", "pilot_lab": "NIM",
        "protocol": "Circulation star-shaped; pilot measures before and after each lab",
        "role": "participant", "started_on": started, "ended_on": started + timedelta(days=120),
        "assigned_value_method": "provider", "assigned_value": Decimal("3.20"),
        "assigned_uncertainty": Decimal("0.40"), "assigned_coverage_factor": Decimal(2),
        **stamp(plan),
    }])  # fmt: skip
    own = next((i for i in plan.items if i.template.key == "keysight3458a"), plan.items[0])
    participants = []
    for n in range(8):
        deviation = rng.gauss(0, 0.6)
        if n == 3:
            deviation = max(-0.3, min(0.3, deviation))
        value = Decimal("3.20") + Decimal(round(deviation, 2))
        participants.append({
            "id": plan.ids.take("comparison_participants"), "comparison_id": comparison_id,
            "code": f"Lab {n + 1:02d}", "value": value.quantize(Decimal("0.01")),
            "expanded_uncertainty": Decimal(f"{rng.uniform(0.5, 1.5):.2f}"),
            "coverage_factor": Decimal(2), "method": "DVM difference against own 10 V reference",
            "measured_on": started + timedelta(days=14 * n + 7), "is_own_lab": n == 3,
            "instrument_id": own.id if n == 3 else None, **stamp(plan),
        })  # fmt: skip
    w.put(table_of(ComparisonParticipantRow), participants)
    return comparison_id


def standard_of(items: Sequence[Item], discipline: str) -> Item | None:
    """The discipline's first reference standard (else working standard) the lab measures with."""
    for tier in (Tier.REFERENCE, Tier.WORKING_STANDARD):
        for item in items:
            if item.template.discipline == discipline and item.tier is tier:
                return item
    return None


def _comparison(
    w: Writer, plan: Plan, rng: random.Random, spec: _Spec, ended: date
) -> tuple[int, dict[str, Any]]:
    comparison_id = plan.ids.take("comparisons")
    started = ended - timedelta(days=150)
    w.put(table_of(ComparisonRow), [{
        "id": comparison_id, "title": spec.title, "scheme": spec.scheme,
        "provider_name": "中国计量科学研究院 NIM", "measurand": spec.measurand, "unit": spec.unit,
        "artefact": None, "pilot_lab": "NIM", "protocol": "Circulation; the pilot measures first",
        "role": ComparisonRole.PARTICIPANT, "started_on": started, "ended_on": ended,
        "assigned_value_method": AssignedMethod.PROVIDER, "assigned_value": spec.assigned,
        "assigned_uncertainty": spec.u_assigned, "assigned_coverage_factor": Decimal(2),
        "sigma_pt": spec.sigma_pt, **stamp(plan),
    }])  # fmt: skip
    rows = [_participant(plan, comparison_id, spec, started, n, rng) for n in range(LABS)]
    standard = standard_of(plan.items, spec.discipline)
    own = rows[2]
    own.update(
        value=spec.assigned + spec.offset * spec.sigma_pt, is_own_lab=True,
        expanded_uncertainty=spec.own_u, instrument_id=standard.id if standard else None,
    )  # fmt: skip
    w.put(table_of(ComparisonParticipantRow), rows)
    return comparison_id, own


def _participant(
    plan: Plan, comparison_id: int, spec: _Spec, started: date, n: int, rng: random.Random
) -> dict[str, Any]:
    """Another laboratory's result: within about one σ_pt of the assigned value."""
    step = Decimal(1).scaleb(int(spec.assigned.as_tuple().exponent))  # the provider's digits
    value = spec.assigned + Decimal(rng.gauss(0, 0.8)) * spec.sigma_pt
    u = spec.sigma_pt * Decimal(rng.uniform(1.2, 2.4))
    return {
        "id": plan.ids.take("comparison_participants"), "comparison_id": comparison_id,
        "code": f"Lab {n + 1:02d}", "value": value.quantize(step),
        "expanded_uncertainty": u.quantize(step),
        "coverage_factor": Decimal(2), "method": None,
        "measured_on": started + timedelta(days=20 * n + 10), "is_own_lab": False,
        "instrument_id": None, **stamp(plan),
    }  # fmt: skip


def _open_action(w: Writer, plan: Plan, spec: _Spec, own: dict[str, Any], ended: date) -> None:
    """The open corrective action after the unsatisfactory score, naming the standard used."""
    en = mc.en_number(
        float(own["value"]), float(own["expanded_uncertainty"]),
        float(spec.assigned), float(spec.u_assigned),
    )  # fmt: skip
    action_id = plan.ids.take("corrective_actions")
    w.put(table_of(CorrectiveActionRow), [{
        "id": action_id, "participant_id": own["id"], "opened_by": DEMO_USER,
        "opened_on": min(ended + timedelta(days=21), plan.today),
        "description": f"{spec.quantity}: En = {en:.2f} (unsatisfactory), the lab's value is "
                       f"{own['value'] - spec.assigned} {spec.unit} above the assigned value",
        "root_cause": None, "action_taken": None, "verification": None,
        "status": CorrectiveStatus.OPEN, "closed_by": None, "closed_on": None, **stamp(plan),
    }])  # fmt: skip
    if own["instrument_id"] is not None:
        w.put(table_of(CorrectiveActionStandardRow), [{
            "id": plan.ids.take("corrective_action_standards"), "action_id": action_id,
            "instrument_id": own["instrument_id"], **stamp(plan),
        }])  # fmt: skip
