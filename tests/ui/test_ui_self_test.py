"""``labapp --self-test`` in a subprocess: exit 0, never a Qt abort (134)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_self_test_exits_zero(tmp_path: Path) -> None:
    env = dict(os.environ, LABAPP_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    code = "import sys; from labapp.app.main import main; sys.exit(main(['--self-test']))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 134, f"Qt aborted (SIGABRT):\n{output}"
    assert result.returncode >= 0, f"killed by signal {-result.returncode}:\n{output}"
    assert result.returncode == 0, output
    assert "self-test ok" in result.stdout
    assert "LabApp" in result.stdout


def test_unknown_argument_is_refused() -> None:
    from labapp.app.main import parse_args

    with pytest.raises(SystemExit):
        parse_args(["--no-such-option"])
    args = parse_args(["--demo", "--lang", "zh_CN", "--database", "x.sqlite3"])
    assert (args.demo, args.lang, args.database) == (True, "zh_CN", "x.sqlite3")
