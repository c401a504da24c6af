"""The desktop build: PyInstaller freezes labapp and labapp-cli, and the frozen programs work.

Slow (a real build, minutes); skipped only where PyInstaller is not installed (``pip install
".[build]"``).  CI builds and checks the frozen app in ``.ci/run`` as well, offscreen and under
Xvfb on xcb.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.timeout(2400)
@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller not installed (pip install '.[build]')",
)
def test_the_frozen_app_bundles_what_it_needs_and_passes_its_self_test(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "work"), str(ROOT / "build_spec" / "labapp.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=2000, check=False,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script, folder = ROOT / "build_spec" / "check_bundle.py", tmp_path / "dist" / "labapp"
    check = subprocess.run(
        [sys.executable, str(script), str(folder)],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    assert "ok   labapp --self-test --lang zh_CN" in check.stdout
    assert "ok   labapp-cli db current" in check.stdout
