"""Asset tags for a ledger that has none: a pattern the user sets, numbered down the file.

A serial number alone is not a tag (two makers may use the same number), so a ledger without a
tag column needs a pattern such as ``LAB-{seq:05}``: literal text and one ``{seq}`` field with an
optional integer format (``{seq}``, ``{seq:04}``, ``{seq:>6}``).  Numbers go up from ``start``,
skipping every tag the register or the file already uses (compared folded, as the register does).
"""

from __future__ import annotations

import string
from collections.abc import Collection, Iterator

from labapp.io.excel import lookup_key

__all__ = ["MAX_TAG_LENGTH", "TagPattern", "pattern_problem"]

MAX_TAG_LENGTH = 64  # instruments.asset_tag is VARCHAR(64)


def pattern_problem(pattern: str) -> tuple[str, str] | None:
    """Why ``pattern`` cannot number tags (English, Chinese), or None when it can."""
    try:
        fields = [f for _, f, spec, _ in string.Formatter().parse(pattern) if f is not None]
        specs = [spec or "" for _, f, spec, _ in string.Formatter().parse(pattern) if f]
    except ValueError:
        return ("unbalanced braces", "花括号不成对")
    if fields != ["seq"]:
        return ("use text with exactly one {seq}, e.g. LAB-{seq:05}",
                "应为文字加一个 {seq}，如 LAB-{seq:05}")  # fmt: skip
    try:
        sample = pattern.format(seq=1)
        format(1, specs[0])
    except (ValueError, TypeError, IndexError):
        return ("{seq:...} needs an integer format such as {seq:05}",
                "{seq:...} 须为整数格式，如 {seq:05}")  # fmt: skip
    if not sample.strip() or len(pattern.format(seq=10**9)) > MAX_TAG_LENGTH:
        return (
            f"a tag is 1 to {MAX_TAG_LENGTH} characters",
            f"编号应为 1 到 {MAX_TAG_LENGTH} 个字符",
        )
    return None


class TagPattern:
    """Numbers tags from a pattern (see the module docstring), never repeating a taken tag."""

    def __init__(self, pattern: str, start: int = 1) -> None:
        problem = pattern_problem(pattern)
        if problem is not None:
            raise ValueError(problem[0])
        self.pattern = pattern
        self.start = start

    def tags(self, taken: Collection[str]) -> Iterator[str]:
        """Endless free tags, in order; ``taken`` holds folded tags (:func:`lookup_key`)."""
        seq = self.start
        while True:
            tag = self.pattern.format(seq=seq)
            seq += 1
            if lookup_key(tag) not in taken:
                yield tag
