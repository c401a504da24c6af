"""Check a frozen LabApp folder: what is bundled, then both programs' smoke tests.

Run after ``pyinstaller --noconfirm build_spec/labapp.spec``::

    python build_spec/check_bundle.py dist/labapp            # QT_QPA_PLATFORM as given
    QT_QPA_PLATFORM=xcb xvfb-run -a python build_spec/check_bundle.py dist/labapp

It checks that the folder holds ``labapp`` and ``labapp-cli``, LabApp's compiled Chinese
catalogue (a real ``.qm``, not only the ``.ts``), Qt's own ``qtbase_zh_CN.qm``, every migration
script of this checkout, and none of the Qt modules the spec excludes; then it runs
``labapp --self-test --lang zh_CN`` (on the platform given) and ``labapp-cli`` (``--version``,
``init`` and ``db current`` on a temporary database), each with a temporary ``LABAPP_HOME``.
Prints one line per check; exit 0 when all pass, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
EXCLUDED_QT = ("QtQml", "QtQuick", "QtWebEngineCore", "QtDesigner")
SUFFIX = ".exe" if sys.platform == "win32" else ""


def bundled(folder: Path) -> list[tuple[str, bool, str]]:
    """(check, passed, detail) for what the folder must and must not hold."""
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    qm = [f for f in files if f.endswith("labapp/_resources/i18n/labapp_zh_CN.qm")]
    qm_ok = bool(qm) and (folder / qm[0]).read_bytes()[:16] == QM_MAGIC
    wanted = {p.name for p in (ROOT / "db" / "versions").glob("*.py")}
    shipped = {Path(f).name for f in files if "labapp/_migrations/versions/" in f}
    qt_own = [f for f in files if f.endswith("translations/qtbase_zh_CN.qm")]
    excluded = sorted(f for f in files if any(m in Path(f).name for m in EXCLUDED_QT))
    return [
        ("labapp executable", (folder / f"labapp{SUFFIX}").is_file(), ""),
        ("labapp-cli executable", (folder / f"labapp-cli{SUFFIX}").is_file(), ""),
        ("LabApp's zh_CN .qm (compiled, shipped)", qm_ok, qm[0] if qm else "missing"),
        ("Qt's qtbase_zh_CN.qm", bool(qt_own), qt_own[0] if qt_own else "missing"),
        ("every migration script", wanted <= shipped, ", ".join(sorted(wanted - shipped))),
        ("no excluded Qt module", not excluded, ", ".join(excluded[:5])),
    ]


def run(argv: list[str], home: Path, timeout: int = 180) -> tuple[bool, str]:
    """Run one frozen program with a temporary LABAPP_HOME; (exit 0, last output line)."""
    env = {**os.environ, "LABAPP_HOME": str(home)}
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout,
                            check=False, encoding="utf-8", errors="replace")  # fmt: skip
    ok = result.returncode == 0
    lines = ((result.stdout if ok else "") or result.stderr).strip().splitlines()
    return ok, f"exit {result.returncode}: {lines[-1] if lines else ''}"


def smoke(folder: Path) -> list[tuple[str, bool, str]]:
    """The GUI's self-test in Chinese and the CLI's commands, each in a temporary home."""
    gui, cli = str(folder / f"labapp{SUFFIX}"), str(folder / f"labapp-cli{SUFFIX}")
    with tempfile.TemporaryDirectory(prefix="labapp-bundle-") as tmp:
        home, database = Path(tmp) / "home", str(Path(tmp) / "cli.sqlite3")
        checks = [
            (
                "labapp --self-test --lang zh_CN",
                *run([gui, "--self-test", "--lang", "zh_CN"], home),
            ),
            ("labapp-cli --version", *run([cli, "--version"], home)),
            ("labapp-cli init", *run([cli, "init", "--database", database], home)),
            ("labapp-cli db current", *run([cli, "db", "current", "--database", database], home)),
        ]
    return checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default=str(ROOT / "dist" / "labapp"))
    args = parser.parse_args()
    folder = Path(args.folder)
    checks = bundled(folder)
    if all(ok for _, ok, _ in checks[:2]):
        checks += smoke(folder)
    for name, ok, detail in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    platform = os.environ.get("QT_QPA_PLATFORM", "(Qt's default)")
    passed = all(ok for _, ok, _ in checks)
    print(f"{'bundle ok' if passed else 'bundle FAILED'} (QT_QPA_PLATFORM={platform})")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
