"""What the property checks of Lesson 1 share: their fixed random inputs, the lesson's
formulas written plainly (to compute right answers)."""

from __future__ import annotations

import numpy as np

from dlcourse import activations

__all__ = ["OVERFLOW_900", "bce", "checks_rng", "design", "sigmoid", "softmax_of"]

# The cause of inf or NaN at logits of ±900, named where ordinary logits give the right answer
OVERFLOW_900 = (
    "e^900 overflows. The softmax does not change when the same number is subtracted from "
    "every logit, so subtract the largest first."
)

# the right answers come from the library's own functions (the learner never sees them)
sigmoid, softmax_of = activations.sigmoid, activations.softmax

_SEED = 20240101  # the checks' own inputs: the same for every learner


def checks_rng() -> np.random.Generator:
    return np.random.default_rng(_SEED)


def design(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    return np.column_stack([np.ones(n), rng.normal(size=(n, d))])  # (n, d+1), bias first


def bce(y: np.ndarray, y_hat: np.ndarray) -> np.ndarray:
    return -(y * np.log(y_hat) + (1 - y) * np.log1p(-y_hat))
