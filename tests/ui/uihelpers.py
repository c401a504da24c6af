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


def log_in(qtbot, session, login: str, password: str = "demo"):
    """Log ``login`` in on the open database (as the login dialog does) and return the actor."""
    with qtbot.waitSignal(session.actor_changed, timeout=30_000) as blocker:
        session.log_in(login, password)
    return blocker.args[0]


def sign(qtbot, dialog, password: str = "demo"):
    """Answer the event dialog's signature dialog with ``password``."""
    signature = dialog.signature
    assert signature is not None and signature.isVisible()
    signature.password_edit.setText(password)
    signature.sign_button.click()
