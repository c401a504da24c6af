"""``labapp-cli`` end to end: in-process through ``main()``, and once as a real subprocess."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from string import Formatter

import pytest
from sqlalchemy import text

from labapp import __version__, paths
from labapp.cli.main import main
from labapp.cli.messages import MESSAGES, detect_language
from labapp.domain.due import due_on
from labapp.services.database import Database, open_database

TODAY = "2026-11-23"
DEMO_ARGS = ["--instruments", "60", "--years", "3", "--seed", "1", "--today", TODAY]


def run(*argv: str) -> tuple[int, str]:
    """Run the CLI in-process; return (exit status, stdout)."""
    out = io.StringIO()
    return main(list(argv), out=out), out.getvalue()


def sql(db: Database, statement: str) -> list[tuple[object, ...]]:
    with db.read() as session:
        return [tuple(row) for row in session.execute(text(statement))]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    status, output = run("demo", "--database", str(path), *DEMO_ARGS)
    assert status == 0, output
    assert "60" in output and "Done in" in output
    db = open_database(str(path))
    yield db
    db.dispose()


def test_version_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"labapp-cli {__version__}"


def test_subprocess_runs_without_qt(tmp_path: Path) -> None:
    code = (
        "import sys, labapp.cli.main as m; "
        "assert not any(n.startswith('PySide6') for n in sys.modules), 'Qt imported'; "
        "sys.exit(m.main(sys.argv[1:]))"
    )
    target = tmp_path / "sub.sqlite3"
    done = subprocess.run(
        [sys.executable, "-c", code, "init", "--database", str(target)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "ready" in done.stdout and target.exists()
    version = subprocess.run(
        [sys.executable, "-m", "labapp.cli.main", "--version"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert version.stdout.strip() == f"labapp-cli {__version__}"


def test_init_then_current_is_up_to_date(tmp_path: Path) -> None:
    target = str(tmp_path / "new.sqlite3")
    assert run("init", "--database", target)[0] == 0
    status, output = run("db", "current", "--database", target)
    assert status == 0
    assert "up to date" in output
    status, output = run("db", "upgrade", "--database", target)
    assert status == 0 and "nothing to do" in output


@pytest.mark.parametrize(
    "argv",
    [
        ("--database", "{target}", "db", "current"),
        ("db", "--database", "{target}", "current"),
        ("db", "current", "--database", "{target}"),
    ],
)
def test_database_is_the_one_named_wherever_the_option_stands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    """``--database`` before the command used to be reset by the subcommand: the default
    database was reported on instead of the one named."""
    default = tmp_path / "default.sqlite3"
    monkeypatch.setattr(paths, "default_database_path", lambda: default)
    monkeypatch.delenv("LABAPP_DATABASE_URL", raising=False)
    assert run("init", "--database", str(default))[0] == 0
    target = tmp_path / "named.sqlite3"  # missing: db current says so (exit 2), the default is fine
    status, _ = run(*(a.format(target=target) for a in argv))
    assert status == 2 and not target.exists()
    assert run("db", "current")[0] == 0  # without the option: the default database, at head


def test_current_on_a_missing_file_does_not_create_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing.sqlite3"
    assert run("db", "current", "--database", str(target))[0] == 2
    assert not target.exists()
    assert "no such file" in capsys.readouterr().err


def test_demo_counts_by_role_and_tier(seeded: Database) -> None:
    roles = dict(sql(seeded, "SELECT role, count(*) FROM instruments GROUP BY role"))
    assert roles["standard"] >= 15 and roles["working"] >= 30
    assert sum(roles.values()) == 60
    levels = dict(sql(seeded, "SELECT level, count(*) FROM instruments WHERE level IS NOT NULL "
                              "GROUP BY level"))  # fmt: skip
    assert levels["reference"] >= 5 and levels["working"] >= 5
    assert sql(seeded, "SELECT count(*) FROM instruments WHERE mandatory_verification")[0][0] > 0
    audit = sql(seeded, "SELECT user_name, reason FROM audit_log ORDER BY seq")
    people = sql(seeded, "SELECT count(*) FROM persons")[0][0]
    # each person's key and account, then the seeding itself, all by the demo administrator
    assert audit == [("admin", "demo accounts")] * (2 * people) + [("admin", "demo data seeded")]


def test_demo_has_overdue_failed_drafts_and_out_of_service(seeded: Database) -> None:
    overdue = sql(seeded, f"SELECT count(*) FROM instruments WHERE due_on < '{TODAY}' "
                          "AND status = 'in_service'")  # fmt: skip
    assert overdue[0][0] > 0
    latest_fail = sql(
        seeded,
        """
        SELECT count(*) FROM events e WHERE e.status = 'approved' AND e.result = 'fail'
        AND e.performed_on = (SELECT max(performed_on) FROM events x
                              WHERE x.instrument_id = e.instrument_id AND x.status = 'approved')
    """,
    )
    assert latest_fail[0][0] >= 1
    assert sql(seeded, "SELECT count(*) FROM events WHERE status = 'draft'")[0][0] >= 1
    idle = sql(seeded, "SELECT count(*) FROM instruments WHERE status <> 'in_service'")
    assert idle[0][0] >= 1
    unsigned = sql(seeded, "SELECT count(*) FROM events WHERE status = 'approved' "
                           "AND (checker_id IS NULL OR approver_id IS NULL)")  # fmt: skip
    assert unsigned[0][0] == 0


def test_due_dates_follow_the_last_approved_event(seeded: Database) -> None:
    rows = sql(
        seeded,
        """
        SELECT i.id, i.due_on, i.last_calibrated_on, i.interval_months,
               (SELECT max(performed_on) FROM events e
                WHERE e.instrument_id = i.id AND e.status = 'approved'),
               (SELECT e.result FROM events e
                WHERE e.instrument_id = i.id AND e.status = 'approved'
                ORDER BY e.performed_on DESC, e.id DESC LIMIT 1)
        FROM instruments i
    """,
    )
    failed = 0
    for _id, due, last, months, performed, result in rows:
        assert str(last) == str(performed)
        expected = due_on(date.fromisoformat(str(performed)), int(str(months)))
        if result == "fail":  # a failed instrument never falls due (issue 12)
            expected, failed = None, failed + 1
        assert str(due) == str(expected)
    assert failed >= 1


def test_decisions_agree_with_errors_and_mpe(seeded: Database) -> None:
    from decimal import Decimal

    rows = sql(seeded, "SELECT error_value, mpe_value, decision, error_unit, mpe_unit "
                       "FROM measurement_points")  # fmt: skip
    assert rows
    for error, mpe, decision, error_unit, mpe_unit in rows:
        assert error_unit == mpe_unit
        inside = abs(Decimal(str(error))) <= Decimal(str(mpe))
        assert decision == ("pass" if inside else "fail")


CHAIN = """
    SELECT count(*) FROM events we
    JOIN instruments wi ON wi.id = we.instrument_id AND wi.role = 'working'
    JOIN event_standards l1 ON l1.event_id = we.id
    JOIN events se ON se.instrument_id = l1.instrument_id
    JOIN event_standards l2 ON l2.event_id = se.id
    JOIN instruments ri ON ri.id = l2.instrument_id AND ri.level = 'reference'
    JOIN events re ON re.instrument_id = ri.id
    JOIN providers p ON p.id = re.provider_id AND p.kind = 'nmi'
"""


def test_traceability_chains_reach_a_national_institute(seeded: Database) -> None:
    assert sql(seeded, CHAIN)[0][0] > 0
    nmi = sql(seeded, "SELECT DISTINCT p.name FROM events e JOIN providers p "
                      "ON p.id = e.provider_id WHERE p.kind = 'nmi'")  # fmt: skip
    assert any("中国计量科学研究院" in name for (name,) in nmi)


def test_one_chain_is_broken_by_an_expired_certificate(seeded: Database) -> None:
    broken = sql(
        seeded,
        """
        SELECT count(*) FROM event_standards l
        JOIN events e ON e.id = l.event_id
        JOIN events c ON c.id = l.certificate_event_id
        WHERE c.valid_until < e.performed_on
    """,
    )
    assert broken[0][0] >= 1


def test_certificate_numbers_unique_per_provider(seeded: Database) -> None:
    duplicates = sql(
        seeded,
        "SELECT provider_id, certificate_no, count(*) FROM events "
        "WHERE certificate_no IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1",
    )
    assert duplicates == []


def test_demo_refuses_a_database_with_instruments(
    seeded: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert seeded.info.path is not None
    status, _ = run("demo", "--database", str(seeded.info.path), *DEMO_ARGS)
    assert status == 2
    assert "already holds 60 instruments" in capsys.readouterr().err
    status, _ = run("demo", "--replace", "--database", str(seeded.info.path), *DEMO_ARGS)
    assert status == 2
    assert "only replaces the demo database" in capsys.readouterr().err


def test_demo_replace_works_on_the_demo_database_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LABAPP_HOME", str(tmp_path))
    monkeypatch.setenv("LABAPP_DATABASE_URL", str(tmp_path / "real.sqlite3"))
    assert run("demo", *DEMO_ARGS)[0] == 0
    assert paths.demo_database_path().exists()
    assert not (tmp_path / "real.sqlite3").exists(), "the demo never touches the real database"
    status, output = run("demo", "--replace", *DEMO_ARGS)
    assert status == 0 and "Removed the old demo database" in output


def test_chinese_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    target = str(tmp_path / "zh.sqlite3")
    status, output = run("init", "--database", target, "--lang", "zh_CN")
    assert status == 0 and "数据库已就绪" in output
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    status, output = run("db", "current", "--database", target)
    assert "已是最新" in output
    status, output = run("demo", "--database", target, *DEMO_ARGS)
    assert status == 0 and "已生成" in output and "工作计量器具" in output
    assert run("demo", "--database", target, *DEMO_ARGS)[0] == 2
    assert capsys.readouterr().err.startswith("错误：")


def test_bad_database_is_one_line_exit_2_and_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("calibration notes, not a database\n" * 20)
    before = notes.read_bytes()
    for command in (["init"], ["demo", *DEMO_ARGS], ["db", "upgrade"], ["db", "current"]):
        status, _ = run(*command, "--database", str(notes))
        err = capsys.readouterr().err
        assert status == 2, command
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "is not a LabApp database" in err
        assert notes.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_message_table_has_both_languages_with_the_same_fields() -> None:
    for key, (english, chinese) in MESSAGES.items():
        assert english.strip() and chinese.strip(), key
        fields = {f for _, f, _, _ in Formatter().parse(english) if f}
        assert fields == {f for _, f, _, _ in Formatter().parse(chinese) if f}, key
    assert detect_language(["--lang", "zh_CN"], {}) == "zh_CN"
    assert detect_language([], {"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert detect_language([], {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"


@pytest.mark.postgres
def test_demo_on_postgresql(pg_schema_url: str) -> None:
    assert run("init", "--database", pg_schema_url)[0] == 0
    status, output = run("demo", "--database", pg_schema_url, *DEMO_ARGS)
    assert status == 0, output
    db = open_database(pg_schema_url)
    try:
        assert sql(db, "SELECT count(*) FROM instruments")[0][0] == 60
        assert sql(db, CHAIN)[0][0] > 0
        # The id sequences were moved past the generator's ids: a plain insert still works.
        next_id = sql(db, "SELECT nextval(pg_get_serial_sequence('events', 'id'))")[0][0]
        assert next_id > sql(db, "SELECT max(id) FROM events")[0][0]
    finally:
        db.dispose()
