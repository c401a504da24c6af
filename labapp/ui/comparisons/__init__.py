"""TODO."""

from __future__ import annotations

from labapp.ui.comparisons._models import CLASS_COLOURS, class_text, score_text
from labapp.ui.comparisons._view import ComparisonsView
from labapp.ui.comparisons._words import comparison_problem

__all__ = [
    "CLASS_COLOURS",
    "ComparisonsView",
    "class_text",
    "comparison_problem",
    "score_text",
]
