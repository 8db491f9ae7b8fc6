"""Learner text made safe for the instructor's tools: terminals, spreadsheets, JSON readers.

A learner controls much of what a grade record says: exception messages, names, output. Every
string of a record passes :func:`clean_record` once, where the record is made, so whatever
prints, writes or draws it later holds only printable text of bounded size. What remains
specific to one tool is done where that tool is written: :func:`csv_cell` for spreadsheets
(a cell that starts a formula is quoted) and ``parse_math=False`` for matplotlib.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["TEXT_LIMIT", "clean_record", "clean_text", "csv_cell"]

TEXT_LIMIT = 2000  # characters of one string of a record
LIST_LIMIT = 100  # items of one list of a record

# Escape sequences first (so that their arguments go too), then any other control character
# but newline and tab, and the Unicode controls that reorder or hide text.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_text(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text`` without escape sequences or control characters, at most ``limit`` characters."""
    text = _CONTROLS.sub("", _ESCAPES.sub("", text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_record(value: Any) -> Any:
    """Every string in ``value`` (dicts, lists, tuples) cleaned, and every list capped."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k), 200): clean_record(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        items = [clean_record(v) for v in value[:LIST_LIMIT]]
        if len(value) > LIST_LIMIT and all(isinstance(v, str) for v in items):
            items.append(f"… and {len(value) - LIST_LIMIT} more")
        return items
    return value


def csv_cell(value: Any) -> Any:
    """A spreadsheet must show a cell that starts like a formula as text: quote it."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
