"""Dialogs collect input and return values (``labapp.ui.common.submission``): read from the source.

A dialog class (anything under ``labapp/ui`` deriving, directly or through another class of the
GUI, from a Qt dialog), and every class of the GUI it is built from, never touches a ``session``:
it holds none, runs no job and reaches no database; its caller does.  Only the names of Qt's own
dialog classes are given here: which classes of LabApp are dialogs is worked out from the code.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "labapp" / "ui"
QT_DIALOGS = {"QDialog", "QWizard", "QWizardPage", "QMessageBox", "QInputDialog", "QFileDialog"}


def _classes() -> dict[str, tuple[ast.ClassDef, Path]]:
    """Every class defined under labapp/ui, by name (names are unique enough to link bases)."""
    found: dict[str, tuple[ast.ClassDef, Path]] = {}
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                found[node.name] = (node, path)
    return found


def _base_names(node: ast.ClassDef) -> list[str]:
    names = []
    for base in node.bases:
        if isinstance(base, ast.Name):
            names.append(base.id)
        elif isinstance(base, ast.Attribute):
            names.append(base.attr)
    return names


def _is_dialog(name: str, classes: dict[str, tuple[ast.ClassDef, Path]], seen: set[str]) -> bool:
    if name in QT_DIALOGS:
        return True
    if name not in classes or name in seen:
        return False
    seen.add(name)
    return any(_is_dialog(b, classes, seen) for b in _base_names(classes[name][0]))


def _dialog_family() -> dict[str, Path]:
    """The dialog classes of the GUI and the GUI classes they are built from (mixins, bases)."""
    classes = _classes()
    dialogs = {name for name in classes if _is_dialog(name, classes, set())}
    family = set(dialogs)
    pending = list(dialogs)
    while pending:
        for base in _base_names(classes[pending.pop()][0]):
            if base in classes and base not in family:
                family.add(base)
                pending.append(base)
    return {name: classes[name][1] for name in family}


def _session_uses(node: ast.ClassDef) -> list[int]:
    """Lines where the class names a ``session`` (an attribute, a parameter or a variable)."""
    return [child.lineno for child in ast.walk(node) if _name_of(child) == "session"]


def _name_of(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    return node.arg if isinstance(node, ast.arg) else None


def test_the_dialogs_are_found() -> None:
    family = _dialog_family()
    # a few the rule is about, found through their own bases (EventDialog via EventFrame)
    for name in ("EventDialog", "SigningMixin", "InstrumentDialog", "CheckDialog", "SetupWizard"):
        assert name in family, name
    assert len(family) >= 30


def test_no_dialog_touches_a_session() -> None:
    classes = _classes()
    offenders = []
    for name, path in sorted(_dialog_family().items()):
        lines = _session_uses(classes[name][0])
        if lines:
            offenders.append(f"{path.relative_to(ROOT)}: {name} uses a session at {lines}")
    assert offenders == [], "\n".join(offenders)
