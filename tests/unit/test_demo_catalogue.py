"""The demo catalogue is self-consistent: units parse, points sit in range, chains go upwards."""

from __future__ import annotations

import re

import pytest

from labapp.domain.enums import ProviderKind
from labapp.metrology.units import check_commensurable, delta_unit, parse_quantity, parse_unit
from labapp.services.demo import _catalogue as cat
from labapp.services.demo._catalogue import Tier

TIER_RANK = {Tier.REFERENCE: 0, Tier.WORKING_STANDARD: 1, Tier.WORKING: 2}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("template", cat.TEMPLATES, ids=lambda t: t.key)
def test_quantities_parse_and_points_are_consistent(template: cat.Template) -> None:
    low, high = parse_quantity(template.range_low), parse_quantity(template.range_high)
    assert low.magnitude < high.to(low.units).magnitude
    assert 3 <= len(template.points) <= 5
    seen = set()
    for point in template.points:
        nominal, mpe = parse_quantity(point.nominal), parse_quantity(point.mpe)
        assert mpe.magnitude > 0
        check_commensurable(parse_unit(point.mpe.split(" ", 1)[1]), delta_unit(nominal.units))
        if nominal.dimensionality == low.dimensionality:
            assert low.magnitude <= nominal.to(low.units).magnitude <= high.to(low.units).magnitude
        assert (point.nominal, point.condition) not in seen, "duplicate test point"
        seen.add((point.nominal, point.condition))


@pytest.mark.parametrize("template", cat.TEMPLATES, ids=lambda t: t.key)
def test_traceability_goes_upwards(template: cat.Template) -> None:
    assert template.procedure in cat.PROCEDURES_BY_CODE
    assert template.interval_months in (6, 12, 24)
    assert len(template.name) <= 200 and len(template.accuracy) <= 200
    if template.traced_via in cat.PROVIDERS_BY_KEY:
        provider = cat.PROVIDERS_BY_KEY[template.traced_via]
        assert provider.kind is not ProviderKind.IN_HOUSE
        assert template.quantity in provider.scope, "provider has no scope for the quantity"
        if template.tier is Tier.REFERENCE:
            assert provider.kind is ProviderKind.NMI
        if template.mandatory:
            assert provider.kind is ProviderKind.LEGAL_BODY
    else:
        upstream = cat.TEMPLATES_BY_KEY[template.traced_via]
        assert TIER_RANK[upstream.tier] == TIER_RANK[template.tier] - 1
        assert upstream.discipline == template.discipline


def test_every_discipline_has_every_tier_and_a_location() -> None:
    for discipline in cat.DISCIPLINES:
        tiers = {t.tier for t in cat.TEMPLATES if t.discipline == discipline.key}
        assert tiers == set(Tier), discipline.key
        assert discipline.key in cat.ENVIRONMENT


def test_keys_unique_and_names_mixed_as_in_a_chinese_ledger() -> None:
    assert len(cat.TEMPLATES_BY_KEY) == len(cat.TEMPLATES)
    assert len({p.code for p in cat.PROCEDURES}) == len(cat.PROCEDURES)
    chinese = sum(bool(CJK.search(t.name)) for t in cat.TEMPLATES)
    assert 0 < chinese < len(cat.TEMPLATES)
    assert any(t.mandatory for t in cat.TEMPLATES)


def test_providers_cover_the_kinds_and_format_unique_numbers() -> None:
    kinds = {p.kind for p in cat.PROVIDERS}
    assert kinds == set(ProviderKind)
    for provider in cat.PROVIDERS:
        numbers = {
            provider.certificate_format.format(year=2025, seq=seq, discipline="DX")
            for seq in (1, 2, 99999, 123456)
        }
        assert len(numbers) == 4, provider.key
    assert any(p.accreditation.startswith("CNAS L") for p in cat.PROVIDERS)


def test_people_cover_the_roles() -> None:
    roles = {role for _, _, person_roles, _ in cat.PEOPLE for role in person_roles}
    assert {"metrologist", "checker", "approver", "quality_manager"} <= set(roles)
    logins = [login for _, login, _, _ in cat.PEOPLE]
    assert len(set(logins)) == len(logins)
    disciplines = {d for _, _, roles_, d in cat.PEOPLE if "metrologist" in roles_}
    assert disciplines >= {d.key for d in cat.DISCIPLINES}
