"""Printable reports (issue 16 B2): the plan, the register and the impact investigation as PDFs.

Each PDF is read back with pypdf: the required text (computed from the records the test makes),
"page x of y" on every page, every font embedded, no text under 8 pt; English and Chinese.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

from labapp.domain.enums import PersonRole
from labapp.domain.errors import ValidationError
from labapp.domain.impact import ItemAction
from labapp.io.pdf import MIN_FONT_SIZE
from labapp.services.database import Database
from labapp.services.demo import DemoOptions, seed_demo
from labapp.services.exports import export_plan_pdf, export_register_pdf
from labapp.services.impact import (
    close_investigation,
    decide_actions,
    export_investigation_pdf,
    failed_sources,
    get_investigation,
    open_investigation,
    standards_with_failures,
)
from labapp.services.master_data import list_persons
from labapp.services.planning import approve_plan, generate_plan, get_plan
from labapp.services.register import RegisterFilter, query_register

TODAY = date(2026, 11, 23)


@pytest.fixture
def lab(db: Database) -> Database:
    seed_demo(db, DemoOptions(instruments=40, years=2, seed=7, today=TODAY))
    return db


def _read(path: Path) -> tuple[list[str], list[pypdf.PageObject]]:
    pages = list(pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)
    return [re.sub(r"\s+", "", p.extract_text()) for p in pages], pages


def _check_pages(texts: list[str], pages: list[pypdf.PageObject], language: str) -> None:
    """Page x of y on each page, landscape A4, fonts embedded, nothing under 8 pt."""
    for number, (text, page) in enumerate(zip(texts, pages, strict=True), start=1):
        label = (
            f"Page{number}of{len(pages)}" if language == "en" else f"第{number}页共{len(pages)}页"
        )
        assert label in text
        assert page.mediabox.width > page.mediabox.height
        fonts = page["/Resources"]["/Font"]
        embedded = [
            f
            for f in fonts.values()
            if "/FontFile2" in f.get_object()["/FontDescriptor"].get_object()
        ]
        assert len(embedded) == len(fonts) > 0
        data = page.get_contents().get_data()
        sizes = [float(s) for s in re.findall(rb"/F\d+(?:\+\d+)? ([\d.]+) Tf", data)]
        assert sizes and min(sizes) >= MIN_FONT_SIZE


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_plan_pdf_draft_then_approved(lab: Database, tmp_path: Path, language: str) -> None:
    approver = list_persons(lab, PersonRole.APPROVER)[0]
    plan = generate_plan(lab, "planner", 2026)
    draft, _ = _read(export_plan_pdf(tmp_path / "d.pdf", plan, "qm", language, lab, TODAY))  # type: ignore[arg-type]
    status = {"en": ("Draft(notapproved)", "Approved"), "zh_CN": ("草稿（未批准）", "已批准")}
    words = {
        "en": ("Preparedby:planner", "Approvedby:", "Reviewedby:"),
        "zh_CN": ("编制:planner", "批准:", "审核:"),
    }
    assert status[language][0] in draft[0]
    assert all(w in draft[0] for w in words[language])
    approve_plan(lab, approver.login, plan.id, plan.version, "budget agreed")
    approved = get_plan(lab, plan.id)
    path = export_plan_pdf(tmp_path / "a.pdf", approved, "qm", language, lab, TODAY)  # type: ignore[arg-type]
    texts, pages = _read(path)
    joined = "".join(texts)
    signed_on = date.today().isoformat()  # the approval's audit entry is written now
    role = {"en": "Approvedby:", "zh_CN": "批准:"}[language]
    assert f"{role}{_squeeze(approver.name)}" in texts[0] and signed_on in texts[0]
    assert status[language][1] in texts[0] and "budgetagreed" in texts[0]
    for item in approved.items:
        assert item.asset_tag in joined
        assert item.due_on is None or item.due_on.isoformat() in joined
    _check_pages(texts, pages, language)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_register_pdf_in_the_chosen_columns(lab: Database, tmp_path: Path, language: str) -> None:
    columns = ["name", "serial", "status", "due_on"]
    path = export_register_pdf(
        lab,
        tmp_path / "r.pdf",
        columns,
        language=language,  # type: ignore[arg-type]
        today=TODAY,
        exported_by="qm",
    )
    texts, pages = _read(path)
    joined = "".join(texts)
    items = query_register(lab, RegisterFilter(), limit=10_000, today=TODAY)
    heads = {
        "en": ("Assettag", "Name", "Serialnumber", "Status", "Duedate"),
        "zh_CN": ("资产编号", "名称", "出厂编号", "状态", "到期日"),
    }[language]
    assert all(all(h in t for h in heads) for t in texts[1:])  # the header row repeats
    assert ("Model" if language == "en" else "型号") not in joined  # not a chosen column
    for item in items:
        assert item.asset_tag in joined and _squeeze(item.name) in joined
        assert item.due_on is None or item.due_on.isoformat() in joined
    _check_pages(texts, pages, language)


def test_register_pdf_refuses_an_unknown_column(lab: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        export_register_pdf(lab, tmp_path / "r.pdf", ["name", "colour"])
    assert caught.value.code == "unknown_column" and caught.value.params["columns"] == "colour"
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_impact_report_pdf(lab: Database, tmp_path: Path, language: str) -> None:
    (standard,) = standards_with_failures(lab)
    (source,) = failed_sources(lab, standard.id)
    detail = open_investigation(lab, "qm", event_id=source.id, summary="as-found out of MPE")
    at_risk = [i for i in detail.items if i.needs_action]
    decide_actions(
        lab,
        "qm",
        {i.id: (ItemAction.RECALIBRATE, f"recall {i.asset_tag}") for i in at_risk},
        {i.id: i.version for i in at_risk},
    )
    detail = get_investigation(lab, detail.summary.id)
    close_investigation(lab, "qm", detail.summary.id, detail.summary.version, "customers told")
    path = export_investigation_pdf(lab, detail.summary.id, tmp_path / "i.pdf", language, "qm")  # type: ignore[arg-type]
    texts, pages = _read(path)
    joined = "".join(texts)
    words = {
        "en": ("Impactinvestigation", "Failedstandard", "Re-calibrate", "Closed"),
        "zh_CN": ("标准器失准影响调查报告", "失准的标准器", "重新校准", "已关闭"),
    }
    assert [w for w in words[language] if w not in joined] == []
    assert standard.asset_tag in texts[0] and "customerstold" in texts[0]
    for item in at_risk:
        assert item.asset_tag in joined and f"recall{item.asset_tag}" in joined
    role = {"en": "Approvedby:qm", "zh_CN": "批准:qm"}[language]
    assert role in texts[0]
    _check_pages(texts, pages, language)
