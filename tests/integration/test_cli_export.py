"""``labapp-cli export`` on a SQLite demo lab: one real subprocess (no Qt), the rest in-process.

Each workbook is opened with openpyxl and compared with the services' own numbers; refused
arguments exit with status 2 and one line in the chosen language.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from labapp.cli.main import main
from labapp.services.database import Database, open_database
from labapp.services.planning import DueWindow, due_items, generate_plan
from labapp.services.traceability import TraceFilter, count_trace_items

TODAY = "2026-11-23"
DEMO_ARGS = ["--instruments", "60", "--years", "3", "--seed", "2", "--today", TODAY]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Database]]:
    path = tmp_path_factory.mktemp("cli-export") / "demo.sqlite3"
    assert run("demo", "--database", str(path), *DEMO_ARGS)[0] == 0
    db = open_database(str(path))
    yield path, db
    db.dispose()


def data_rows(path: Path) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(path).worksheets[1].iter_rows(values_only=True))


def test_traceability_in_a_subprocess_without_qt(lab, tmp_path: Path) -> None:
    path, db = lab
    out = tmp_path / "trace.xlsx"
    code = (
        "import sys, labapp.cli.main as m; status = m.main(sys.argv[1:]); "
        "assert not any(n.startswith('PySide6') for n in sys.modules), 'Qt imported'; "
        "sys.exit(status)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "export", "traceability", str(out), "--database", str(path),
         "--today", TODAY, "--lang", "zh_CN", "--user", "审核员"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = data_rows(out)
    assert f"已写入 {out}：{len(rows) - 1} 行" in done.stdout
    assert rows[0][:4] == ("器具编号", "器具名称", "测量量", "层级")
    items = count_trace_items(db, TraceFilter(date.fromisoformat(TODAY)))
    assert sum(1 for r in rows[1:] if r[3] == 0) == items
    cover = {r[0]: r[1] for r in openpyxl.load_workbook(out)["封面"].iter_rows(values_only=True)}
    assert cover["导出人"] == "审核员"


def test_one_items_chain_and_standards_only(lab, tmp_path: Path) -> None:
    path, _ = lab
    out = tmp_path / "one.xlsx"
    status, text = run("export", "traceability", str(out), "--database", str(path),
                       "--today", TODAY, "--item", "cd-000002")  # fmt: skip
    assert status == 0 and "Wrote" in text
    assert {r[0] for r in data_rows(out)[1:]} == {"CD-000002"}
    status, _ = run("export", "traceability", str(out), "--database", str(path),
                    "--today", TODAY, "--standards-only", "--bilingual")  # fmt: skip
    rows = data_rows(out)
    assert status == 0 and rows[0][0] == "器具编号 / Item" and len(rows) > 1


def test_due_plan_dashboard_register(lab, tmp_path: Path) -> None:
    path, db = lab
    base = ["--database", str(path), "--today", TODAY]
    status, _ = run("export", "due", str(tmp_path / "due.xlsx"), "--window", "overdue", *base)
    overdue = due_items(db, DueWindow.OVERDUE, date.fromisoformat(TODAY))
    assert status == 0 and len(data_rows(tmp_path / "due.xlsx")) - 1 == len(overdue)
    plan = generate_plan(db, "planner", 2027, title="Plan 2027")
    status, _ = run("export", "plan", str(tmp_path / "plan.xlsx"), "--year", "2027", *base)
    assert status == 0 and len(data_rows(tmp_path / "plan.xlsx")) - 1 == len(plan.items)
    status, _ = run("export", "dashboard", str(tmp_path / "dash.xlsx"), "--year", "2026", *base)
    book = openpyxl.load_workbook(tmp_path / "dash.xlsx")
    assert status == 0 and len(book["On-time rate 2026 by month"]._images) == 1
    status, _ = run("export", "register", str(tmp_path / "register.xlsx"), *base)
    assert status == 0 and len(data_rows(tmp_path / "register.xlsx")) - 1 == 60


def test_refusals_in_english_and_chinese(lab, tmp_path: Path, capsys) -> None:
    path, _ = lab
    base = ["--database", str(path)]
    assert run("export", "plan", str(tmp_path / "p.xlsx"), "--year", "1999", *base)[0] == 2
    assert "no re-verification plan for year 1999" in capsys.readouterr().err
    assert run("export", "due", str(tmp_path / "due.csv"), *base, "--lang", "zh_CN")[0] == 2
    assert "必须以 .xlsx 结尾" in capsys.readouterr().err
    assert run("export", "due", str(tmp_path / "no" / "due.xlsx"), *base)[0] == 2
    assert "no such folder" in capsys.readouterr().err
    assert run("export", "traceability", str(tmp_path / "t.xlsx"), "--item", "NOPE", *base)[0] == 2
    assert "no item with asset tag 'NOPE'" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
