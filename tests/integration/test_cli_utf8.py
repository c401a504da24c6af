"""``labapp-cli`` writes UTF-8 whatever the console's code page (a cp1252 Windows console)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_demo_summary_is_utf8_on_a_cp1252_console(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "LABAPP_HOME": str(tmp_path / "home")}
    database = tmp_path / "demo.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "labapp.cli.main", "demo", "--database", str(database)],
        env=env, capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-2000:]
    out = result.stdout.decode("utf-8")  # UTF-8, not cp1252 (this raises if it is not)
    assert "demo" in out.lower()
    beyond = {c for c in out if not _in_cp1252(c)}  # e.g. the demo people's Chinese names
    assert beyond, "the summary is expected to hold characters outside cp1252"
    assert "Traceback" not in result.stderr.decode("utf-8", "replace")


def _in_cp1252(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True
