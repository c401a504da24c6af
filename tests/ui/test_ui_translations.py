"""The zh_CN catalogue is complete, current with the code, compiles, and Qt's own strings load."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from labapp.paths import resources_dir
from labapp.ui.common import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "i18n" / "labapp_zh_CN.ts"


def _untranslated(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            texts = [translation.text or ""] + [
                f.text or "" for f in translation.iter("numerusform")
            ]
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{name}: {source!r} is {translation.get('type')}")
            elif not any(t.strip() for t in texts):
                problems.append(f"{name}: {source!r} has an empty translation")
    return problems


def test_every_message_is_translated() -> None:
    assert TS.is_file()
    assert _untranslated(TS) == []


def test_catalogue_is_current_with_the_code(tmp_path: Path) -> None:
    """lupdate over labapp/ui and labapp/app finds no string the .ts lacks."""
    lupdate = i18n.lrelease_executable().replace("lrelease", "lupdate")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for d in ("labapp/ui", "labapp/app") for p in (ROOT / d).rglob("*.py"))
    result = subprocess.run(
        [lupdate, *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _untranslated(copy) == [], "run pyside6-lupdate and translate the new strings"


def test_ts_compiles_into_the_cache(tmp_path: Path) -> None:
    qm = tmp_path / "labapp_zh_CN.qm"
    assert i18n.compile_ts(TS, qm)
    assert qm.stat().st_size > 1000


def test_chinese_loads_qt_and_labapp_strings(qapp) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    assert i18n.install_language("zh_CN")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert QCoreApplication.translate("Labels", "Measurement standard") == "计量标准"
    assert i18n.install_language("en")
    assert QCoreApplication.translate("Labels", "Measurement standard") == "Measurement standard"


def test_labels_cover_every_enum_member(qapp) -> None:
    from labapp.domain import enums
    from labapp.ui.common.labels import label

    assert i18n.install_language("zh_CN")
    for enum in (enums.Role, enums.InstrumentStatus, enums.EventKind, enums.Decision):
        for member in enum:
            text = label(member)
            assert text and text != member.value, member
            assert any("\u4e00" <= ch <= "\u9fff" for ch in text), (member, text)
