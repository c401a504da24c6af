"""Helpers shared by the GUI tests (a module of its own: conftest files are not importable)."""

from __future__ import annotations

from pathlib import Path

SCREENSHOTS = Path("/tmp/labapp-shots")


def wait_idle(qtbot, session) -> None:
    """Until the worker has delivered every result."""
    qtbot.waitUntil(lambda: not session.worker.busy(), timeout=30_000)


def shoot(widget, name: str) -> Path:
    """Save a screenshot of ``widget`` as /tmp/labapp-shots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path
