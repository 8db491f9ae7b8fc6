"""Partial credit that rewards work: a property counts toward the score of a failed exercise
only when no answer without work has it too (zeros, ones or one half of the right shape, the
same value across each row, the first argument returned as it came). So a stub whose
placeholder was deleted scores 0, however many shapes it gets right."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from dlcourse.teaching.attempt import attempt
from dlcourse.teaching.check_result import CheckResult

__all__ = ["free_properties", "score"]

_FREE: dict[int, frozenset[str]] = {}  # id(exercise) -> its free properties


def free_properties(exercise: Any) -> frozenset[str]:
    """The names of ``exercise``'s properties that some answer without work has."""
    if id(exercise) not in _FREE:
        from dlcourse.teaching.verdicts import _test_each

        held: set[str] = set()
        for answer in _answers_without_work(exercise.reference):
            with attempt() as record, np.errstate(all="ignore"):
                results, _ = _test_each(exercise.properties(answer), record)
            held |= {r.name for r in results if r.held}
        _FREE[id(exercise)] = frozenset(held)
    return _FREE[id(exercise)]


def score(exercise: Any, result: CheckResult) -> float:
    """The share of the properties that count (see the module) which ``result`` holds."""
    if result.passed or not result.properties or exercise.answer or exercise.reference is None:
        return result.score
    free = free_properties(exercise)  # they add no credit; failed, they still count against
    counted = [p for p in result.properties if p.name not in free or not p.held]
    return sum(p.held for p in counted) / len(counted) if counted else 0.0


def _answers_without_work(reference: Callable[..., Any]) -> list[Callable[..., Any]]:
    def like(fill: float) -> Callable[..., Any]:
        return lambda *args: np.full_like(np.asarray(reference(*args), dtype=float), fill)

    def level(*args: Any) -> np.ndarray:  # the same value across the last axis (1/K each)
        right = np.asarray(reference(*args), dtype=float)
        if right.ndim == 0:
            return right * 0 + 0.5
        return np.broadcast_to(right.mean(axis=-1, keepdims=True), right.shape).copy()

    def first(*args: Any) -> Any:
        return np.array(args[0], dtype=float) if args else None

    return [like(0.0), like(0.5), like(1.0), level, first]
