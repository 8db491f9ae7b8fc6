"""Exercise 1.4: the gradient of the cross-entropy of one sample, xᵢ (ŷ − y)ᵀ."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.lessons.lesson1.probes import checks_rng, design, softmax_of
from dlcourse.teaching.diagnosis import central_difference, compare_each, numbers, require, shaped
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Mistake, Property, call

SUCCESS = "correct: x (ŷ - y)ᵀ, the shape of W."
HINTS = (
    "The result must have the shape of W: one row per input, one column per class.",
    "It is an outer product of the input with the error vector, not a dot product.",
    "∂L/∂W = xᵢ (ŷ − y)ᵀ, of shape (d+1, K).",
)


def softmax_gradient(f: Callable) -> list[Property]:
    rng = checks_rng()
    d, K = 4, 3
    x = design(rng, 1, d)[0]
    y, y_hat = np.eye(K)[0], softmax_of(rng.normal(size=K))

    def gradient(y_: np.ndarray, y_hat_: np.ndarray, x_: np.ndarray = x) -> np.ndarray:
        got = numbers(call(f, y_, y_hat_, x_), "the gradient")
        if got.ndim < 2 and got.size <= max(K, x_.size):
            raise Mistake(
                f"it returns shape {got.shape}: x (ŷ − y)ᵀ is an outer product, a matrix of the "
                f"shape of W ({x_.size}, {y_.size}), not an inner product."
            )
        return shaped(got, (x_.size, y_.size), "the gradient")

    def zero_without_error() -> None:
        require(
            np.allclose(gradient(y, y), 0),
            "it is not zero when ŷ = y: with no error there is nothing to correct.",
        )

    def rows_sum_to_zero() -> None:
        G = gradient(y, y_hat)
        require(
            np.allclose(G.sum(axis=1), 0, atol=1e-12),
            "its rows do not sum to zero: row j is x_j (ŷ − y)ᵀ, and ŷ − y sums to 0 because "
            "ŷ and y both sum to 1.",
        )

    def linear_in_x() -> None:
        require(
            np.allclose(gradient(y, y_hat, 2 * x), 2 * gradient(y, y_hat)),
            "doubling the input x does not double the gradient: it must be linear in x.",
        )

    def values() -> None:
        cases = []
        for d_, K_ in [(4, 3), (2, 4)]:
            x_ = design(rng, 1, d_)[0]
            y_ = np.eye(K_)[rng.integers(K_)]
            p = softmax_of(rng.normal(size=K_))
            W = np.outer(x_, np.log(p)) / (x_ @ x_)  # softmax(x W) = ŷ
            numeric = central_difference(
                lambda V, y_=y_, x_=x_: float(-y_ @ np.log(softmax_of(x_ @ V))), W
            )
            cases.append(
                (gradient(y_, p, x_), numeric, typical_mistakes(y_, p, x_), "the gradient")
            )
        compare_each(cases, rtol=1e-5)

    return [
        Property("the shape of W, (d+1, K)", lambda: gradient(y, y_hat)),
        Property("zero when ŷ = y", zero_without_error),
        Property("each row sums to zero", rows_sum_to_zero),
        Property("linear in x", linear_in_x),
        Property("equals the finite-difference gradient of the loss", values),
    ]


def typical_mistakes(y: np.ndarray, y_hat: np.ndarray, x: np.ndarray) -> dict[str, np.ndarray]:
    return {"the sign is flipped: the gradient is x (ŷ - y)ᵀ.": -np.outer(x, y_hat - y)}


def reference(y: np.ndarray, y_hat: np.ndarray, x_i: np.ndarray) -> np.ndarray:
    error = y_hat - y  # (K,): ŷ − y
    gradient = np.outer(x_i, error)  # (d+1, K): xᵢ (ŷ − y)ᵀ
    return gradient


def probe() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Targets strictly between 0 and 1 and an asymmetric x: no two quantities coincide."""
    return np.array([0.1, 0.2, 0.7]), np.array([0.5, 0.3, 0.2]), np.array([1.0, 0.5, -1.2, 2.0])


EXERCISE = Exercise(
    id="1.4 gradient",
    check="exercise_1_4_gradient",
    names=("softmax_gradient",),
    properties=softmax_gradient,
    success=SUCCESS,
    hints=HINTS,
    reference=reference,
    quantities=(("error", "error ŷ − y"), ("gradient", "gradient xᵢ (ŷ − y)ᵀ")),
    probe=probe,
    summary="``calc_gradient(y, y_hat, x_i)`` must return x (ŷ - y)ᵀ, shape (d+1, K) like W.",
)
