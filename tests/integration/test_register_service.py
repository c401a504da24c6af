"""The register over a seeded demo lab on SQLite and PostgreSQL: search, filters, sort, paging."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from labapp.domain.due import DueState
from labapp.domain.enums import InstrumentStatus, Role
from labapp.domain.errors import ValidationError
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.register import InstrumentData, RegisterFilter, list_instruments, similar_data
from labapp.services.register import _query as reg

TODAY = date(2025, 6, 1)


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=40, years=2, today=TODAY))
    return db


def _all(db: Database, flt: RegisterFilter | None = None, **kw: object) -> list[reg.RegisterItem]:
    return reg.query_register(db, flt, today=TODAY, limit=1000, **kw)  # type: ignore[arg-type]


def test_first_page_and_item_texts(lab: Database) -> None:
    items = _all(lab)
    assert len(items) == reg.count_register(lab) == 40
    assert [i.asset_tag for i in items] == sorted(i.asset_tag for i in items)
    dmm = next(i for i in items if i.model == "87V")
    assert dmm.range_text == "0 … 1000 V"
    assert dmm.accuracy_text.startswith("MPE ±")
    assert dmm.location and dmm.custodian
    assert dmm.last_result is not None


@pytest.mark.parametrize(
    "pick",
    [
        lambda i: i.asset_tag,
        lambda i: i.name,
        lambda i: i.model,
        lambda i: i.serial,
        lambda i: i.manufacturer,
        lambda i: i.quantity,
        lambda i: i.location,
        lambda i: i.custodian,
    ],
)
def test_search_matches_every_column_case_insensitively(lab: Database, pick: object) -> None:
    items = _all(lab)
    target = next(i for i in items if pick(i))  # type: ignore[operator]
    value: str = pick(target)  # type: ignore[operator]
    needle = value[1:6].swapcase() if value.isascii() else value[:3]
    found = _all(lab, RegisterFilter(search=needle))
    assert target.id in {i.id for i in found}
    expected = {
        i.id
        for i in items
        if any(
            needle.lower() in (v or "").lower()
            for v in (i.asset_tag, i.name, i.model, i.serial, i.manufacturer, i.quantity,
                      i.location, i.custodian)
        )
    }  # fmt: skip
    assert {i.id for i in found} == expected
    assert reg.count_register(lab, RegisterFilter(search=needle)) == len(expected)
    # one rule: the audit page, the reverse trace and the CLI export search as the register does
    assert {s.id for s in list_instruments(lab, search=needle, limit=1000)} == expected


def test_search_wildcards_are_literal(lab: Database) -> None:
    assert _all(lab, RegisterFilter(search="%")) == []
    assert _all(lab, RegisterFilter(search="_")) == []
    reg.create_instrument(lab, "admin", InstrumentData(asset_tag="X_1%", name="odd tag"))
    assert [i.asset_tag for i in _all(lab, RegisterFilter(search="_1%"))] == ["X_1%"]


def test_each_filter(lab: Database) -> None:
    items = _all(lab)
    quantity = items[0].quantity
    checks = {
        RegisterFilter(quantity=quantity): lambda i: i.quantity == quantity,
        RegisterFilter(role=Role.STANDARD): lambda i: i.role is Role.STANDARD,
        RegisterFilter(status=InstrumentStatus.IN_SERVICE): (
            lambda i: i.status is InstrumentStatus.IN_SERVICE
        ),
        RegisterFilter(location_id=None, mandatory=True): lambda i: i.mandatory_verification,
        RegisterFilter(mandatory=False): lambda i: not i.mandatory_verification,
    }
    for state in DueState:
        checks[RegisterFilter(due_state=state)] = lambda i, s=state: i.due_state is s
    for flt, predicate in checks.items():
        got = _all(lab, flt)
        assert {i.id for i in got} == {i.id for i in items if predicate(i)}, flt
        assert reg.count_register(lab, flt, TODAY) == len(got)
    assert any(_all(lab, RegisterFilter(due_state=DueState.OVERDUE)))
    facets = reg.register_facets(lab)
    location = facets.locations[0]
    at_location = _all(lab, RegisterFilter(location_id=location.id))
    assert at_location and all(i.location == location.name for i in at_location)
    assert quantity in facets.quantities
    assert set(facets.statuses) == {i.status for i in items}


def test_sort_by_due_date_both_ways_empty_last(lab: Database) -> None:
    up = _all(lab, order_by="due_on")
    down = _all(lab, order_by="due_on", descending=True)
    dated = [i.due_on for i in up if i.due_on is not None]
    assert dated == sorted(dated)
    assert [i.due_on for i in down if i.due_on is not None] == sorted(dated, reverse=True)
    for rows in (up, down):
        dues = [i.due_on for i in rows]
        if None in dues:
            assert all(d is None for d in dues[dues.index(None) :])
    with pytest.raises(ValidationError):
        _all(lab, order_by="cost")


@pytest.mark.parametrize("order_by", ["asset_tag", "due_on", "location", "status", "name"])
def test_pages_are_consistent_with_the_count(lab: Database, order_by: str) -> None:
    flt = RegisterFilter(search="0")
    total = reg.count_register(lab, flt)
    pages = [
        reg.query_register(lab, flt, order_by=order_by, limit=7, offset=o, today=TODAY)
        for o in range(0, total + 7, 7)
    ]
    ids = [i.id for page in pages for i in page]
    assert len(ids) == len(set(ids)) == total
    assert ids == [i.id for i in _all(lab, flt, order_by=order_by)]


def test_duplicate_copies_the_specification_only(lab: Database) -> None:
    source = next(i for i in _all(lab) if i.model == "87V")
    copy = reg.duplicate_instrument(lab, "admin", source.id, "DX-NEW-1")
    original = reg.get_instrument_detail(lab, source.id)
    detail = reg.get_instrument_detail(lab, copy.id)
    assert detail.data.asset_tag == "DX-NEW-1"
    assert detail.data.serial_no is None
    assert detail.data.last_calibrated_on is None and detail.due_on is None
    assert detail.events == () and original.events != ()
    same = (
        "name", "model", "manufacturer", "quantity", "range_low_value", "range_high_unit",
        "accuracy_value", "accuracy_unit", "interval_months", "role", "location_id",
    )  # fmt: skip
    for name in same:
        assert getattr(detail.data, name) == getattr(original.data, name), name
    assert detail.range_text == original.range_text
    with pytest.raises(ValidationError) as caught:
        reg.duplicate_instrument(lab, "admin", source.id, "DX-NEW-1")
    assert (caught.value.field, caught.value.code) == ("asset_tag", "duplicate")


def test_retire_keeps_the_item_and_its_history(lab: Database) -> None:
    item = _all(lab)[0]
    reg.retire_instrument(lab, "admin", item.id, item.version, "beyond repair")
    detail = reg.get_instrument_detail(lab, item.id)
    assert detail.data.status is InstrumentStatus.RETIRED
    assert detail.retired_reason == "beyond repair"
    assert detail.events  # history still there
    assert any(h.action.value == "retire" and h.reason == "beyond repair" for h in detail.history)
    assert item.id in {i.id for i in _all(lab, RegisterFilter(status=InstrumentStatus.RETIRED))}


def test_range_and_accuracy_units_are_checked(lab: Database) -> None:
    data = InstrumentData(
        asset_tag="V-1", name="voltmeter", range_low_value=Decimal(0), range_low_unit="V",
        range_high_value=Decimal(10), range_high_unit="V", accuracy_value=Decimal("0.1"),
        accuracy_unit="°C",
    )  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        reg.create_instrument(lab, "admin", data)
    assert caught.value.field == "accuracy_unit"
    assert caught.value.code == "incommensurable"
    assert "°C" in str(caught.value) and "range in V" in str(caught.value)
    assert caught.value.params == {"unit": "°C", "expected": "V"}
    created = reg.create_instrument(lab, "admin", replace(data, accuracy_unit="%"))
    assert reg.get_instrument_detail(lab, created.id).accuracy_text == "MPE ±0.1 %"
    with pytest.raises(ValidationError) as caught:
        reg.update_instrument(lab, "admin", created.id, created.version, {"range_low_value": 20})
    assert caught.value.code == "range_order"
    with pytest.raises(ValidationError) as caught:
        reg.create_instrument(lab, "admin", replace(data, asset_tag="V-2", range_high_unit="A"))
    assert caught.value.field == "range_high_unit"


def test_instrument_page_lists_events_newest_first_with_history(lab: Database) -> None:
    item = next(i for i in _all(lab) if i.last_result is not None)
    detail = reg.get_instrument_detail(lab, item.id)
    dates = [e.performed_on for e in detail.events]
    assert dates == sorted(dates, reverse=True)
    reg.update_instrument(lab, "admin", item.id, item.version, {"notes": "moved"})
    history = reg.get_instrument_detail(lab, item.id).history
    assert history[0].entity == "instruments" and history[0].user == "admin"


def test_cells_are_typed_as_the_instrument_page_types_them(lab: Database) -> None:
    # the page keeps the driver's row; every cell read must equal the ORM-typed value
    for item in _all(lab):
        detail = reg.get_instrument_detail(lab, item.id)
        data = detail.data
        assert (item.asset_tag, item.name, item.model, item.serial) == (
            data.asset_tag,
            data.name,
            data.model,
            data.serial_no,
        )
        assert (item.manufacturer, item.quantity) == (data.manufacturer, data.quantity)
        assert (item.role, item.level, item.status) == (data.role, data.level, data.status)
        assert isinstance(item.role, Role) and isinstance(item.status, InstrumentStatus)
        assert item.mandatory_verification is data.mandatory_verification
        assert item.last_calibrated_on == data.last_calibrated_on
        assert item.due_on == detail.due_on
        assert item.due_on is None or type(item.due_on) is date
        assert (item.range_text, item.accuracy_text) == (detail.range_text, detail.accuracy_text)
        assert (item.location, item.custodian) == (detail.location, detail.custodian)
        assert item.version == detail.version
        approved = [e for e in detail.events if e.status == "approved"]
        assert item.last_result == (approved[0].result if approved else None)


def test_item_is_read_only_and_compares_by_value(lab: Database) -> None:
    first, again = _all(lab)[0], _all(lab)[0]
    assert first == again and hash(first) == hash(again)
    with pytest.raises(AttributeError):
        first.name = "changed"  # type: ignore[misc]


def test_search_count_stops_at_the_cap(lab: Database) -> None:
    flt = RegisterFilter(search="-")  # every demo asset tag has a dash
    total = reg.count_register(lab, flt)
    assert total == 40
    assert reg.count_register(lab, flt, cap=10) == 11  # "more than 10"
    assert reg.count_register(lab, flt, cap=total) == total


def test_duplicate_applies_the_changes_made_on_the_copy(lab: Database) -> None:
    source = next(i for i in _all(lab) if i.model == "87V")
    original = reg.get_instrument_detail(lab, source.id).data
    copy = reg.duplicate_instrument(
        lab, "admin", source.id, "DX-NEW-2", {"serial_no": "SN-9", "interval_months": 6}
    ).data
    assert (copy.asset_tag, copy.serial_no, copy.interval_months) == ("DX-NEW-2", "SN-9", 6)
    assert copy == replace(
        similar_data(original), asset_tag="DX-NEW-2", serial_no="SN-9", interval_months=6
    )
    with pytest.raises(ValidationError) as caught:
        reg.duplicate_instrument(lab, "admin", source.id, "DX-NEW-3", {"id": 1})
    assert caught.value.field == "id"
