"""The lab's 受检率 target and definition: stored on the laboratory, shown with the rate and in the
export, refused when out of range (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from labapp.domain.errors import ValidationError
from labapp.services.dashboard import _figures as dashboard
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_dashboard
from labapp.services.exports._dashboard import rate_percent
from labapp.services.laboratory import DEFAULT_TARGET, figure_settings, update_figure_settings

TODAY = date(2026, 12, 1)


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=40, years=2, seed=3, today=TODAY))
    return db


def test_default_target_is_96_percent(db: Database) -> None:
    assert figure_settings(db).on_time_target == DEFAULT_TARGET == Decimal(96)
    rate = dashboard.on_time_rate(db, 2026, TODAY)
    assert rate.target == Decimal(96) and rate.target_fraction == pytest.approx(0.96)


def test_target_and_definition_are_lab_settings(lab: Database, tmp_path: Path) -> None:
    own = "本实验室定义：按期完成 ÷ 应检。"
    settings = update_figure_settings(lab, "qm", on_time_target="98.5 %", on_time_definition=own)
    assert settings.on_time_target == Decimal("98.5")
    rate = dashboard.on_time_rate(lab, 2026, TODAY)
    assert rate.target == Decimal("98.5") and rate.definition == "本实验室定义：按期完成 ÷ 应检。"
    path = tmp_path / "d.xlsx"
    export_dashboard(lab, path, today=TODAY, year=2026, language="zh_CN")
    (row,) = list(openpyxl.load_workbook(path)["2026 年受检率"].iter_rows(values_only=True))[1:]
    percent = Decimal(100 * rate.total.on_time) / Decimal(rate.total.due)  # by hand
    assert row[4] == 98.5 and row[5] == ("是" if percent >= Decimal("98.5") else "否")
    assert rate_percent(rate.total) == percent.quantize(Decimal("0.1"))
    assert row[7] == "本实验室定义：按期完成 ÷ 应检。"
    monthly = list(openpyxl.load_workbook(path)["2026 年受检率（月）"].iter_rows(values_only=True))
    assert monthly[0][5] == "目标 (%)" and {r[5] for r in monthly[1:]} == {98.5}
    back = update_figure_settings(lab, "qm", on_time_definition="")
    assert back.custom_definition is None
    assert dashboard.on_time_rate(lab, 2026, TODAY).definition == dashboard.ON_TIME_RATE_DEFINITION


@pytest.mark.parametrize("bad", ["0", "100.5", "abc", "-3"])
def test_a_target_outside_0_to_100_is_refused(lab: Database, bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        update_figure_settings(lab, "qm", on_time_target=bad)
    assert caught.value.field == "on_time_target"
    assert figure_settings(lab).on_time_target == Decimal(96)  # nothing saved
