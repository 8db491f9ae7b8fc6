"""The one change that makes a wrong answer right: each candidate of
:mod:`dlcourse.teaching.repairs` is checked with the exercise's own properties, and a cause is
named only when exactly one kind of change passes them all (in the learner's kernel for the
grader, where the changed copies are made and called). Each kind of cause comes with hints of
its own, in three levels and without code."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dlcourse.teaching.check_result import PASSED

__all__ = ["HINTS", "Cause", "single_change"]

HINTS: dict[str, tuple[str, str, str]] = {
    "precedence": (
        "Read the line the verdict quotes and ask which operation Python does first.",
        "Python does ** first, then * / @, then + and −, whatever the spacing; the formula "
        "groups some terms together before they meet the next operation.",
        "Put parentheses around each group the formula keeps together, so that Python "
        "evaluates it in the formula's order.",
    ),
    "product": (
        "Two kinds of multiplication meet in this lesson: entry by entry, and the dot (matrix) "
        "product. Which one does the formula mean here?",
        "`*` multiplies entry by entry and keeps the shape; a dot product adds up the products "
        "and gives one number per pair of row and column.",
        "Where the formula writes a product of a vector or matrix with another, use `@` (or "
        "np.dot).",
    ),
    "order": (
        "A matrix product depends on the order of its factors: compare the shapes.",
        "(a, k) @ (k, b) gives (a, b): the inner sizes must match, and they decide the order.",
        "Write the factors in the order the lesson's formula has them, with their shapes beside "
        "them.",
    ),
    "axis": (
        "Ask along which axis each sample's own values lie.",
        "In a batch of shape (n, K), one sample is a row: its values lie along the last axis.",
        "Reduce along axis=-1, and keep that axis (keepdims=True) so that the result divides "
        "or subtracts row by row.",
    ),
    "number": (
        "Your function has a parameter it never uses: where should its value go?",
        "A number written into the code stays the same when the caller passes another value.",
        "Use the parameter's name where the number is now.",
    ),
    "variable": (
        "Your function has a parameter it never uses: what does it read instead?",
        "A variable of the notebook keeps its own value whatever the caller passes; the check "
        "calls your function with other inputs.",
        "Use the parameter where the notebook's variable is now.",
    ),
}


@dataclass(frozen=True)
class Cause:
    """A cause singled out: its kind (a key of :data:`HINTS`) and its description."""

    kind: str
    description: str


def single_change(exercise: Any, function: Callable[..., Any]) -> Cause | None:
    """The one kind of change that makes ``function`` pass ``exercise``, or None when no change
    does, or more than one kind does (then the evidence does not single one out)."""
    from dlcourse.teaching.verdicts import judge

    passing: list[Cause] = []
    screen = _on_probe(exercise)
    with contextlib.redirect_stdout(io.StringIO()):  # the learner's prints, once is enough
        for kind, description, variant in _variants(function):
            if not screen(variant):
                continue
            result = judge(exercise.id, exercise.properties(variant), success="", quiet=True)
            cause = Cause(kind, description)
            if result.status == PASSED and cause not in passing:
                passing.append(cause)
                if len(passing) > 1:
                    return None
    return passing[0] if passing else None


def _on_probe(exercise: Any) -> Callable[[Callable[..., Any]], bool]:
    """A quick first test: whether a changed copy gives the reference's answer on the
    exercise's probe (one call, where its checks make a dozen; in a kernel, one round trip)."""
    if exercise.probe is None or exercise.reference is None:
        return lambda variant: True
    import numpy as np

    from dlcourse.teaching.localise import same_values
    from dlcourse.teaching.verdicts import Mistake, _LearnerError, call

    args = exercise.probe()
    with np.errstate(all="ignore"):
        expected = np.asarray(exercise.reference(*args), dtype=float)

    def screen(variant: Callable[..., Any]) -> bool:
        try:
            return same_values(np.asarray(call(variant, *args), dtype=float), expected)
        except (Mistake, _LearnerError, TypeError, ValueError):
            return False

    return screen


def _variants(function: Callable[..., Any]) -> list[tuple[str, str, Callable[..., Any]]]:
    if hasattr(function, "variants"):  # a function in the learner's kernel
        return function.variants()
    import dlcourse
    from dlcourse.teaching.recorder import _rewrite, library_roots
    from dlcourse.teaching.repairs import variants

    skip = library_roots((str(Path(dlcourse.__file__).parent),))
    return variants(function, skip, _rewrite)
