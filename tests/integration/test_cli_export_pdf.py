"""``labapp-cli export audit`` (xlsx and pdf) and the printed plan and register (OUT.pdf).

The workbooks and PDFs are read back and compared with the services' own answers; refusals
(wrong suffix, dates in the wrong order, unknown item) exit 2 with one line in the chosen language
and leave no file.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pypdf
import pytest

from labapp.cli.main import main
from labapp.persistence.models import InstrumentRow
from labapp.services.audit import audit_trail
from labapp.services.database import Database, open_database
from labapp.services.planning import generate_plan
from labapp.services.register import RegisterFilter, query_register

TODAY = "2026-11-23"
DEMO_ARGS = ["--instruments", "30", "--years", "1", "--seed", "2", "--today", TODAY]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Database]]:
    path = tmp_path_factory.mktemp("cli-export-pdf") / "demo.sqlite3"
    assert run("demo", "--database", str(path), *DEMO_ARGS)[0] == 0
    db = open_database(str(path))
    yield path, db
    db.dispose()


def _pdf_text(path: Path) -> str:
    pages = pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in pages))


def test_audit_trail_of_an_item_as_xlsx_and_pdf(lab, tmp_path: Path) -> None:
    path, db = lab
    item = query_register(db, RegisterFilter(), limit=1, today=date.fromisoformat(TODAY))[0]
    with db.unit_of_work("qm", "moved to lab 2") as uow:  # an audited change of the item
        uow.session.get(InstrumentRow, item.id).notes = "moved to lab 2"
        uow.commit()
    tag = item.asset_tag
    trail = audit_trail(db, item_tag=tag)
    base = ["--database", str(path), "--item", tag]
    status, out = run("export", "audit", str(tmp_path / "a.xlsx"), *base)
    rows = list(openpyxl.load_workbook(tmp_path / "a.xlsx")["Audit trail"].values)
    assert status == 0 and len(rows) - 1 == len(trail.lines) > 0
    assert f"{len(trail.lines) + len(trail.problem_list)} rows" in out  # entries and problems
    status, out = run("export", "audit", str(tmp_path / "a.pdf"), *base, "--lang", "zh_CN")
    text = _pdf_text(tmp_path / "a.pdf")
    assert status == 0 and f"{tag}审计追踪记录" in text and f"{len(trail.lines)} 行" in out


def test_audit_trail_of_a_period(lab, tmp_path: Path) -> None:
    path, db = lab
    today = date.today().isoformat()  # the demo's entries are written today
    trail = audit_trail(db, date_from=date.today(), date_to=date.today())
    status, _ = run("export", "audit", str(tmp_path / "p.xlsx"), "--database", str(path),
                    "--from", today, "--to", today)  # fmt: skip
    rows = list(openpyxl.load_workbook(tmp_path / "p.xlsx")["Audit trail"].values)
    assert status == 0 and len(rows) - 1 == len(trail.lines) > 0


def test_plan_and_register_print_as_pdf(lab, tmp_path: Path) -> None:
    path, db = lab
    plan = generate_plan(db, "planner", 2027, title="Plan 2027")
    base = ["--database", str(path), "--today", TODAY]
    status, out = run("export", "plan", str(tmp_path / "plan.pdf"), "--year", "2027", *base)
    text = _pdf_text(tmp_path / "plan.pdf")
    assert status == 0 and "Re-verificationplan2027" in text and f"{len(plan.items)} rows" in out
    assert all(i.asset_tag in text for i in plan.items)
    status, out = run("export", "register", str(tmp_path / "r.pdf"), *base)
    default = _pdf_text(tmp_path / "r.pdf")
    assert "Serialnumber" in default and "Manufacturer" not in default
    status, out = run("export", "register", str(tmp_path / "r.pdf"), *base,
                      "--columns", "name, manufacturer")  # fmt: skip
    chosen = _pdf_text(tmp_path / "r.pdf")
    assert status == 0 and "Manufacturer" in chosen and "Serialnumber" not in chosen
    assert (
        status == 0
        and "30 rows" in out
        and "Registerofinstruments" in _pdf_text(tmp_path / "r.pdf")
    )


def test_refusals(lab, tmp_path: Path, capsys) -> None:
    path, _ = lab
    base = ["--database", str(path)]
    assert run("export", "audit", str(tmp_path / "a.csv"), *base, "--lang", "zh_CN")[0] == 2
    assert "必须以 .xlsx 或 .pdf 结尾" in capsys.readouterr().err
    assert run("export", "due", str(tmp_path / "d.pdf"), *base)[0] == 2
    assert "must end in .xlsx" in capsys.readouterr().err
    args = ["--from", "2026-02-01", "--to", "2026-01-31"]
    assert run("export", "audit", str(tmp_path / "a.pdf"), *base, *args, "--lang", "zh_CN")[0] == 2
    assert "开始日期晚于结束日期" in capsys.readouterr().err
    args = ["--columns", "name,colour", "--lang", "zh_CN"]
    assert run("export", "register", str(tmp_path / "r.pdf"), *base, *args)[0] == 2
    assert "--columns（列）：没有这样的列：colour" in capsys.readouterr().err
    assert run("export", "audit", str(tmp_path / "a.xlsx"), *base, "--item", "NOPE")[0] == 2
    assert "no item with asset tag 'NOPE'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
