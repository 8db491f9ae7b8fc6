"""The one change that makes a wrong answer right: each candidate of
:mod:`dlcourse.teaching.repairs` is checked with the exercise's own properties, and a cause is
named only when exactly one kind of change passes them all (in the learner's kernel for the
grader, where the changed copies are made and called)."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dlcourse.teaching.check_result import PASSED

__all__ = ["single_change"]


def single_change(exercise: Any, function: Callable[..., Any]) -> str | None:
    """What the one change that makes ``function`` pass ``exercise`` undoes, or None when no
    change does, or more than one kind does (then the evidence does not single one out)."""
    from dlcourse.teaching.verdicts import judge

    passing: list[str] = []
    with contextlib.redirect_stdout(io.StringIO()):  # the learner's prints, once is enough
        for description, variant in _variants(function):
            result = judge(exercise.id, exercise.properties(variant), success="", quiet=True)
            if result.status == PASSED and description not in passing:
                passing.append(description)
                if len(passing) > 1:
                    return None
    return passing[0] if passing else None


def _variants(function: Callable[..., Any]) -> list[tuple[str, Callable[..., Any]]]:
    if hasattr(function, "variants"):  # a function in the learner's kernel
        return function.variants()
    import dlcourse
    from dlcourse.teaching.recorder import _rewrite, library_roots
    from dlcourse.teaching.repairs import variants

    skip = library_roots((str(Path(dlcourse.__file__).parent),))
    return variants(function, skip, _rewrite)
