"""The README section "Scripting an uncertainty budget": its examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[3] / "README.md"


def test_scripting_guide_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    code = "\n".join(re.findall(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S))
    namespace: dict[str, object] = {}
    exec(compile(code, str(GUIDE), "exec"), namespace)
    out = capsys.readouterr().out
    assert "R = 127.732 Ω" in out
    assert "MC: R = 127.73" in out
    assert "\npass\n" in out
    assert "unsatisfactory" in out
