"""The Comparisons page (计量比对 / 能力验证): comparisons, participants, assigned value, scores,
the participants' workbook and the report; the score words and colours the PT plan page uses.

This package's ``__init__`` is what other features may use; its ``_modules`` are private.
"""

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
