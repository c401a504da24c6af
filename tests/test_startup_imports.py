"""Start-up loads no heavy library (issue #17): facts about ``sys.modules``, never timings.

Each check runs in a fresh interpreter, so what the test process imported before cannot hide an
import.  The heavy libraries are the ones that kept the first window off the screen for seconds:
scipy, matplotlib, pint (its registry), GTC, numpy, openpyxl, reportlab and lxml.  Importing the
database rows, the domain, any service package or the CLI loads none of them; ``labapp-cli db
current`` loads no ORM either; the desktop paints its first window before SQLAlchemy or Alembic.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("scipy", "matplotlib", "pint", "GTC", "numpy", "openpyxl", "reportlab", "lxml", "PIL")

#: Print the loaded heavy modules (top-level names) as JSON, last line of the child's output.
REPORT = (
    "import json, sys\n"
    "print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r}))))\n"
)


def _package_modules(package: str, *, packages_only: bool = False) -> list[str]:
    base = ROOT.joinpath(*package.split("."))
    if packages_only:
        return sorted(
            f"{package}.{d.name}" for d in base.iterdir() if (d / "__init__.py").is_file()
        )
    return sorted(f"{package}.{f.stem}" for f in base.glob("*.py") if f.stem != "__init__")


def _loaded(code: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    """Run ``code`` in a new interpreter; return the modules of ``heavy`` it left loaded."""
    child = subprocess.run(
        [sys.executable, "-c", code + "\n" + REPORT.format(heavy=heavy)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr[-3000:]
    loaded: list[str] = json.loads(child.stdout.strip().splitlines()[-1])
    return loaded


START_UP_MODULES = [
    "labapp.persistence.models",
    "labapp.persistence.rows",
    "labapp.cli.main",
    *_package_modules("labapp.domain"),
    *_package_modules("labapp.services", packages_only=True),
]


@pytest.mark.parametrize("module", START_UP_MODULES)
def test_importing_loads_no_heavy_library(module: str) -> None:
    assert _loaded(f"import {module}") == []


def test_quantities_build_the_one_registry_on_first_use() -> None:
    code = (
        "import sys\n"
        "from decimal import Decimal\n"
        "from labapp.metrology import units\n"
        "from labapp.metrology._registry import is_built\n"
        "assert not is_built() and 'pint' not in sys.modules\n"
        "assert not isinstance(Decimal(1), units.Quantity) and not is_built()\n"
        "q = units.parse_quantity('10.00 mV')\n"
        "assert is_built() and isinstance(q, units.Quantity)\n"
        "assert type(q) is units.registry().Quantity is units.ureg.Quantity\n"
    )
    assert _loaded(code, ("pint",)) == ["pint"]  # loaded by the parse, not by the import


def test_db_current_loads_no_orm(tmp_path: Path) -> None:
    from labapp.cli.main import main

    database = tmp_path / "lab.sqlite3"
    assert main(["init", "--database", str(database)]) == 0
    code = (
        "import contextlib, io\n"
        "from labapp.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['db', 'current', '--database', {str(database)!r}]) == 0\n"
        "assert 'up to date' in out.getvalue(), out.getvalue()\n"
        "import sys\n"
        "orm = {'sqlalchemy.orm', 'labapp.persistence.models', 'labapp.persistence.rows'}\n"
        "assert not orm & set(sys.modules), orm & set(sys.modules)\n"
    )
    assert _loaded(code, (*HEAVY, "argon2")) == []


#: Start the desktop as ``labapp`` does; at the first paint of a window, report what is loaded.
FIRST_PAINT = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.isWindow():
            loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r}))
            print(json.dumps([type(obj).__name__, loaded]), flush=True)
            os._exit(0)
        return False

app = QApplication(sys.argv[:1])
first_paint = FirstPaint()
app.installEventFilter(first_paint)
from labapp.app.main import main
main(["--database", {database!r}])
"""


def _desktop_report(code: str, tmp_path: Path) -> Any:
    """Run ``code`` (a desktop start) offscreen in a new interpreter with its own LABAPP_HOME;
    return the JSON of its last output line."""
    env = {"QT_QPA_PLATFORM": "offscreen", "LABAPP_HOME": str(tmp_path / "home")}
    child = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**os.environ, **env},
    )  # fmt: skip
    assert child.returncode == 0, child.stderr[-3000:]
    return json.loads(child.stdout.strip().splitlines()[-1])


def test_window_paints_before_the_heavy_libraries_and_the_database(tmp_path: Path) -> None:
    heavy = (*HEAVY, "sqlalchemy", "alembic", "argon2", "xlsxwriter")
    code = FIRST_PAINT.format(heavy=heavy, database=str(tmp_path / "lab.sqlite3"))
    window, loaded = _desktop_report(code, tmp_path)
    assert window == "MainWindow"
    assert loaded == []
    assert not (tmp_path / "lab.sqlite3").exists()  # opened on the worker, after the paint


#: Start the desktop as ``labapp`` does; once the first page is up and the worker idle, report
#: which of the watched modules were first imported on the GUI (main) thread.
IMPORT_THREADS = """
import importlib.abc, json, os, sys, threading
WATCH = set({watch!r})
on_gui_thread = {{}}

class Watch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name in WATCH and name not in on_gui_thread:
            on_gui_thread[name] = threading.current_thread() is threading.main_thread()
        return None

sys.meta_path.insert(0, Watch())
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

def poll():
    from labapp.ui.shell._pages import PAGES, is_imported
    windows = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    if not windows:
        return
    window = windows[0]
    ready = window.views.is_built("overview") and all(is_imported(k) for k, _ in PAGES)
    if ready and window.session.db is not None and not window.session.worker.busy():
        print(json.dumps(on_gui_thread), flush=True)
        os._exit(0)

timer = QTimer()
timer.timeout.connect(poll)
timer.start(20)
def give_up():  # what was seen so far: the assertions say what is missing
    print(json.dumps(on_gui_thread), flush=True)
    os._exit(0)

QTimer.singleShot(120_000, give_up)
from labapp.app.main import main
main(["--database", {database!r}])
"""

PAGE_PACKAGES = (
    "labapp.ui.dashboard", "labapp.ui.register", "labapp.ui.events", "labapp.ui.traceability",
    "labapp.ui.checks", "labapp.ui.impact", "labapp.ui.planning", "labapp.ui.comparisons",
    "labapp.ui.proficiency", "labapp.ui.audit", "labapp.ui.administration",
)  # fmt: skip


def test_the_pages_and_their_libraries_are_imported_off_the_gui_thread(tmp_path: Path) -> None:
    """The first page's package (matplotlib, numpy with it) and every other page's package are
    imported by the worker: an import on the GUI thread froze the window for up to 1.1 s."""
    from labapp.cli.main import main

    database = tmp_path / "lab.sqlite3"
    assert main(["init", "--database", str(database)]) == 0
    watch = (*PAGE_PACKAGES, "matplotlib", "numpy", "sqlalchemy", "alembic")
    on_gui_thread = _desktop_report(
        IMPORT_THREADS.format(watch=watch, database=str(database)), tmp_path
    )
    assert sorted(set(watch) - set(on_gui_thread)) == []  # every one was imported, and seen
    assert [name for name, gui in on_gui_thread.items() if gui] == []
