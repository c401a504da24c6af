"""Fixtures of the metrology tests: the published reference cases beside the repository.

The cases live in ``<repo root>/../shared/reference-cases/published-cases.json`` (in CI the
repository is cloned with ``shared/`` beside it).  Tests compute their expected numbers from the
cases' inputs and compare with the published outputs; they skip when the file is absent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CASES_PATH = Path(__file__).resolve().parents[3].parent / "shared" / "reference-cases"
CASES_FILE = CASES_PATH / "published-cases.json"


@pytest.fixture(scope="session")
def published_case() -> Callable[[str], dict[str, Any]]:
    """Return a function giving the published case with the given id."""
    if not CASES_FILE.is_file():
        pytest.skip(f"published reference cases not found at {CASES_FILE}")
    cases = {case["id"]: case for case in json.loads(CASES_FILE.read_text(encoding="utf-8"))}

    def get(case_id: str) -> dict[str, Any]:
        if case_id not in cases:
            pytest.fail(f"published case {case_id!r} missing from {CASES_FILE}")
        return cases[case_id]

    return get
