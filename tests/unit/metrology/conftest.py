"""Fixtures of the metrology tests: the published reference cases beside the repository.

The cases live in the repository, ``tests/data/reference-cases/published-cases.json`` (copied with
their README and licences from the team's shared reference cases, so a plain clone runs every
test).  Tests compute their expected numbers from the cases' inputs and compare with the published
outputs; a missing file fails, never skips.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CASES_PATH = Path(__file__).resolve().parents[2] / "data" / "reference-cases"
CASES_FILE = CASES_PATH / "published-cases.json"


@pytest.fixture(scope="session")
def published_case() -> Callable[[str], dict[str, Any]]:
    """Return a function giving the published case with the given id."""
    assert CASES_FILE.is_file(), f"published reference cases not found at {CASES_FILE}"
    cases = {case["id"]: case for case in json.loads(CASES_FILE.read_text(encoding="utf-8"))}

    def get(case_id: str) -> dict[str, Any]:
        if case_id not in cases:
            pytest.fail(f"published case {case_id!r} missing from {CASES_FILE}")
        return cases[case_id]

    return get
