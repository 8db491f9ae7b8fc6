"""What the property checks of Lesson 1 share: their fixed random inputs, the lesson's
formulas written plainly (to compute right answers), and two small helpers."""

from __future__ import annotations

from typing import Any

import numpy as np

from dlcourse import activations
from dlcourse.teaching.diagnosis import numbers, shape_message
from dlcourse.teaching.verdicts import Mistake

__all__ = ["bce", "checks_rng", "design", "require", "shaped", "sigmoid", "softmax_of"]

# the right answers come from the library's own functions (the learner never sees them)
sigmoid, softmax_of = activations.sigmoid, activations.softmax

_SEED = 20240101  # the checks' own inputs: the same for every learner


def checks_rng() -> np.random.Generator:
    return np.random.default_rng(_SEED)


def design(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    return np.column_stack([np.ones(n), rng.normal(size=(n, d))])  # (n, d+1), bias first


def shaped(got: Any, shape: tuple[int, ...], what: str) -> np.ndarray:
    """The result as floats of the given shape (a single number may come in any 1-element
    shape), or the :class:`Mistake` that says why not."""
    got = numbers(got, what)
    if got.size == 1 and int(np.prod(shape)) == 1:
        return got.reshape(shape)
    if got.shape != shape:
        raise Mistake(shape_message(got.shape, shape, what))
    return got


def require(condition: bool, diagnosis: str) -> None:
    if not condition:
        raise Mistake(diagnosis)


def bce(y: np.ndarray, y_hat: np.ndarray) -> np.ndarray:
    return -(y * np.log(y_hat) + (1 - y) * np.log1p(-y_hat))
