"""``labapp --self-test`` in a subprocess: exit 0, never a Qt abort (134)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("platform", ["offscreen", "minimal", "xcb"])
def test_self_test_exits_zero_on_the_platform_given(tmp_path: Path, platform: str) -> None:
    """The platform given is the one used (xcb: a real X server, Xvfb), and the user's
    ``LABAPP_HOME`` is left untouched (the self-test keeps its settings in a temporary home)."""
    home = tmp_path / "user-home"
    home.mkdir()
    env = dict(os.environ, LABAPP_HOME=str(home), QT_QPA_PLATFORM=platform)
    code = "import sys; from labapp.app.main import main; sys.exit(main(['--self-test']))"
    argv = [sys.executable, "-c", code]
    if platform == "xcb":
        if shutil.which("xvfb-run") is None:
            pytest.skip("xvfb-run not installed (apt-get install xvfb xauth)")
        argv = ["xvfb-run", "-a", *argv]
    result = subprocess.run(
        argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=240, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode != 134, f"Qt aborted (SIGABRT):\n{output}"
    assert result.returncode >= 0, f"killed by signal {-result.returncode}:\n{output}"
    assert result.returncode == 0, output
    assert f"self-test ok ({platform})" in result.stdout
    assert "LabApp" in result.stdout
    assert list(home.iterdir()) == []  # no settings, cache or database written there


def test_unknown_argument_is_refused() -> None:
    from labapp.app.main import parse_args

    with pytest.raises(SystemExit):
        parse_args(["--no-such-option"])
    args = parse_args(["--demo", "--lang", "zh_CN", "--database", "x.sqlite3"])
    assert (args.demo, args.lang, args.database) == (True, "zh_CN", "x.sqlite3")
