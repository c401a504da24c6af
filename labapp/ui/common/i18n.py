"""Translation loading: Qt's own ``qtbase_<lang>.qm`` first, then LabApp's.

The ``.ts`` source is committed; the ``.qm`` is built.  A frozen or installed LabApp ships a
compiled ``.qm`` next to the ``.ts``; a source checkout compiles a missing or stale one with
PySide6's ``lrelease`` into the per-user cache directory on first use.  A frozen app
(``sys.frozen``) loads only the ``.qm`` it ships: it never compiles (it has no lrelease) and never
compares file times (an installer or PyInstaller may copy the ``.qm`` before the ``.ts``).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from labapp.paths import cache_dir, resources_dir

log = logging.getLogger(__name__)

#: Translators currently installed, so switching language can remove them again.
_installed: list[QTranslator] = []


def ts_path(lang: str) -> Path:
    """The committed Qt Linguist source of LabApp's translation into ``lang``."""
    return resources_dir() / "i18n" / f"labapp_{lang}.ts"


def lrelease_executable() -> str | None:
    """PySide6's ``lrelease`` inside the installed wheel, else ``pyside6-lrelease`` on PATH."""
    import PySide6

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / exe
    if bundled.is_file():
        return str(bundled)
    return shutil.which("pyside6-lrelease")


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def compile_ts(ts: Path, qm: Path) -> bool:
    """Compile ``ts`` into ``qm`` with lrelease; False (and a log line) if that is impossible."""
    exe = lrelease_executable()
    if exe is None:
        log.warning("lrelease not found: cannot compile %s", ts)
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [exe, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        log.warning("lrelease failed on %s: %s", ts, result.stderr or result.stdout)
    return result.returncode == 0 and qm.is_file()


def qm_path(lang: str) -> Path | None:
    """The compiled LabApp translation for ``lang``, compiling it first when missing or stale."""
    ts = ts_path(lang)
    shipped = ts.with_suffix(".qm")
    if getattr(sys, "frozen", False):
        return shipped if shipped.is_file() else None
    if _fresh(shipped, ts):
        return shipped
    if not ts.is_file():
        return None
    cached = cache_dir() / "i18n" / shipped.name
    if _fresh(cached, ts) or compile_ts(ts, cached):
        return cached
    return None


def _load(translator: QTranslator, path: Path) -> bool:
    return path.is_file() and translator.load(str(path))


def install_language(lang: str) -> bool:
    """Make ``lang`` the application language (``en`` removes every translator).

    Installing a translator makes Qt send ``QEvent.LanguageChange`` to every widget, so views that
    retranslate in ``changeEvent`` switch live.  Returns False if LabApp's own catalogue for
    ``lang`` could not be loaded (the UI then stays in English).
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(lang if lang != "en" else "en_US"))
    if lang == "en":
        return True
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_translator = QTranslator(app)
    if _load(qt_translator, qt_dir / f"qtbase_{lang}.qm"):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    own = qm_path(lang)
    labapp_translator = QTranslator(app)
    if own is None or not _load(labapp_translator, own):
        log.warning("no LabApp translation for %s", lang)
        return False
    app.installTranslator(labapp_translator)
    _installed.append(labapp_translator)
    return True
