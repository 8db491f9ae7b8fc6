"""Exercise 1.1: the normal equation, w = (XᵀX)⁻¹ Xᵀy."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np

from dlcourse.lessons.lesson1.probes import checks_rng, design
from dlcourse.teaching.diagnosis import compare_each, evaluate_mistakes, require, shaped
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Property, call

SUCCESS = "correct: your normal equation recovers the least-squares weights."
HINTS = (
    "Start from the condition for the best weights: the derivative of the squared"
    " error with respect to w is zero.",
    "Setting −2 Xᵀ(y − Xw) to zero gives a linear system for w whose matrix is d+1 by d+1.",
    "w = (XᵀX)⁻¹ Xᵀ y: the inverse of XᵀX, times Xᵀ, times y, in that order.",
)


def normal_equation(f: Callable) -> list[Property]:
    rng = checks_rng()
    X, y = design(rng, 30, 3), rng.normal(size=30)
    p = X.shape[1]

    def weights(X_: np.ndarray, y_: np.ndarray) -> np.ndarray:
        return shaped(call(f, X_, y_), (X_.shape[1],), "w")

    def orthogonal() -> None:
        gap = X.T @ (y - X @ weights(X, y))  # zero at the least-squares weights
        require(
            np.allclose(gap, 0, atol=1e-8 * np.abs(X.T @ y).max()),
            f"XᵀX w differs from Xᵀy by up to {np.abs(gap).max():.3g}: the residual y − Xw is "
            "not orthogonal to the columns of X, so w does not minimise the squared error.",
        )

    def exact() -> None:
        w_true = rng.normal(size=p)
        got = weights(X, X @ w_true)
        require(
            np.allclose(got, w_true, atol=1e-8),
            "on data with no noise (y = X w exactly) it does not give back that w: the solution "
            "of XᵀX w = Xᵀy must reproduce weights that fit perfectly.",
        )

    def permuted() -> None:
        order = rng.permutation(len(y))
        require(
            np.allclose(weights(X[order], y[order]), weights(X, y), atol=1e-8),
            "w changes when the rows (data points) are shuffled together with y: the order of "
            "the data points must not matter, so something mixes rows of X with the wrong y.",
        )

    def scales() -> None:
        require(
            np.allclose(weights(X, 3 * y), 3 * weights(X, y), atol=1e-8),
            "w does not triple when y triples: the weights are linear in y, (XᵀX)⁻¹Xᵀ(3y) = 3w.",
        )

    def values() -> None:
        cases = []
        for n, d in [(3, 2), (20, 1), (30, 3)]:  # square X first: wrong orders still run there
            X_, y_ = design(rng, n, d), rng.normal(size=n)
            expected = np.linalg.solve(X_.T @ X_, X_.T @ y_)
            cases.append((partial(call, f, X_, y_), expected, typical_mistakes(X_, y_), "w"))
        compare_each(cases)

    return [
        Property("returns one weight per column of X", lambda: weights(X, y)),
        Property("the residual y − Xw is orthogonal to every column of X", orthogonal),
        Property("recovers the weights of noise-free data", exact),
        Property("does not depend on the order of the data points", permuted),
        Property("scales with y", scales),
        Property("gives (XᵀX)⁻¹Xᵀy, also for a square X", values),
    ]


def typical_mistakes(X: np.ndarray, y: np.ndarray) -> dict[str, list[np.ndarray]]:
    """What slips in (XᵀX)⁻¹Xᵀy compute, for the shapes where they compute at all."""
    inv = np.linalg.inv
    return evaluate_mistakes(
        {
            "the formula's factors are in the wrong order: the matrix to invert is XᵀX "
            "(Xᵀ on the left), of shape (d+1, d+1), and Xᵀy comes after it.": [
                lambda: inv(X @ X.T) @ X.T @ y,
                lambda: X.T @ inv(X.T @ X) @ y,
            ],
            "X stands where the formula has Xᵀ: the factor right before y is Xᵀ, as in Xᵀy.": [
                lambda: inv(X.T @ X) @ X @ y,
            ],
            "XᵀX is multiplied instead of inverted: use its inverse.": [lambda: X.T @ X @ X.T @ y],
            "Xᵀ is missing between the inverse and y.": [lambda: inv(X.T @ X) @ y],
        }
    )


def reference(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.linalg.solve(X.T @ X, X.T @ y)  # (d+1,): w = (XᵀX)⁻¹ Xᵀy


def probe() -> tuple[np.ndarray, np.ndarray]:
    """A first quick test of a changed copy of the learner's code (no steps to localise: the
    right answers, solve, pinv, lstsq, share no intermediate value)."""
    rng = np.random.default_rng(7)
    return design(rng, 7, 3), rng.normal(size=7)


EXERCISE = Exercise(
    id="1.1 normal equation",
    check="exercise_1_1_normal_equation",
    names=("normal_equation",),
    properties=normal_equation,
    success=SUCCESS,
    hints=HINTS,
    reference=reference,
    probe=probe,
    summary="``normal_equation(X, y)`` must return w = (XᵀX)⁻¹ Xᵀ y.",
)
