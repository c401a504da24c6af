"""A frozen LabApp loads only the ``.qm`` it ships: no compiling, no trust in file times."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from labapp.ui.common import i18n


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen app's resources: the .ts copied AFTER the .qm (newer file time), no lrelease."""
    folder = tmp_path / "i18n"
    folder.mkdir()
    qm, ts = folder / "labapp_zh_CN.qm", folder / "labapp_zh_CN.ts"
    qm.write_bytes(b"qm")
    ts.write_text("<TS/>", encoding="utf-8")
    os.utime(qm, (1_000_000, 1_000_000))  # older than the .ts, as PyInstaller copied them
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    monkeypatch.setattr(sys, "frozen", True, raising=False)

    def no_compiling(*_args: object) -> bool:
        raise AssertionError("a frozen app must never compile a translation")

    monkeypatch.setattr(i18n, "compile_ts", no_compiling)
    return qm


def test_frozen_app_loads_the_shipped_qm_whatever_its_time(shipped: Path) -> None:
    assert shipped.stat().st_mtime < i18n.ts_path("zh_CN").stat().st_mtime
    assert i18n.qm_path("zh_CN") == shipped


def test_frozen_app_without_its_qm_finds_none_and_compiles_nothing(shipped: Path) -> None:
    shipped.unlink()
    assert i18n.qm_path("zh_CN") is None


def test_a_source_checkout_still_recompiles_a_stale_qm(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", False)
    monkeypatch.setenv("LABAPP_HOME", str(tmp_path / "home"))
    compiled: list[Path] = []

    def compile_ts(_ts: Path, qm: Path) -> bool:
        compiled.append(qm)
        qm.parent.mkdir(parents=True, exist_ok=True)
        qm.write_bytes(b"qm")
        return True

    monkeypatch.setattr(i18n, "compile_ts", compile_ts)
    found = i18n.qm_path("zh_CN")
    assert compiled == [found]
    assert found is not None and found != shipped
