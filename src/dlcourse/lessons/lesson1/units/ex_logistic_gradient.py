"""Exercise 1.2: the gradient of the loss of one sample, (ŷ − y) xᵢ."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.lessons.lesson1.probes import bce, checks_rng, design, sigmoid
from dlcourse.teaching.diagnosis import central_difference, compare_each, require, shaped
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Property, call

SUCCESS = "correct: (ŷ - y) x, one entry per weight."
HINTS = (
    "Chain the three derivatives of the lesson: loss by ŷ, ŷ by z, z by w.",
    "The sigmoid's derivative ŷ(1 − ŷ) cancels the denominator of ∂L/∂ŷ; what is "
    "left is the error times the input.",
    "∂L/∂w = (ŷ − y) xᵢ, one entry per weight.",
)


def logistic_gradient(f: Callable) -> list[Property]:
    rng = checks_rng()
    x = design(rng, 1, 4)[0]  # (5,)

    def gradient(y: float, y_hat: float, x_: np.ndarray = x) -> np.ndarray:
        return shaped(call(f, y, y_hat, x_), x_.shape, "the gradient")

    def zero_without_error() -> None:
        for y in (0.0, 1.0):
            got = gradient(y, y)
            require(
                np.all(np.isfinite(got)),
                f"for ŷ = y = {y:g} it is NaN or inf: nothing should divide by ŷ(1 − ŷ) or take "
                "a logarithm here.",
            )
            require(
                np.allclose(got, 0),
                "it is not zero when the prediction equals the target (ŷ = y): with no error "
                "there is nothing to correct, so a term is missing or extra.",
            )

    def linear_in_x() -> None:
        require(
            np.allclose(gradient(1.0, 0.3, 2 * x), 2 * gradient(1.0, 0.3)),
            "doubling the input x does not double the gradient: it must be linear in x.",
        )

    def proportional_to_error() -> None:
        require(
            np.allclose(gradient(0.0, 0.4), 2 * gradient(0.0, 0.2)),
            "doubling the error ŷ − y does not double the gradient: an extra factor that "
            "depends on ŷ (such as ŷ(1 − ŷ)) is there, or the error is not ŷ − y.",
        )

    def along_x() -> None:
        got = gradient(1.0, 0.3)
        c = float(got @ x) / float(x @ x)
        require(
            np.allclose(got, c * x),
            "the gradient is not a multiple of x: every weight's entry is the same error ŷ − y "
            "times that weight's input.",
        )

    def values() -> None:
        cases = []
        for d in (4, 2, 6):
            x_ = design(rng, 1, d)[0]
            for y in (0.0, 1.0):
                y_hat = rng.uniform(0.1, 0.9)
                w = x_ * np.log(y_hat / (1 - y_hat)) / (x_ @ x_)  # σ(x · w) = ŷ
                numeric = central_difference(
                    lambda v, y=y, x_=x_: float(bce(y, sigmoid(x_ @ v))), w
                )
                got = call(f, y, y_hat, x_)
                cases.append((got, numeric, typical_mistakes(y, y_hat, x_), "the gradient"))
        compare_each(cases, rtol=1e-5)

    return [
        Property("one entry per weight", lambda: gradient(1.0, 0.3)),
        Property("zero when ŷ = y", zero_without_error),
        Property("linear in x", linear_in_x),
        Property("proportional to the error ŷ − y", proportional_to_error),
        Property("a multiple of x", along_x),
        Property("equals the finite-difference gradient of the loss", values),
    ]


def typical_mistakes(y: float, y_hat: float, x: np.ndarray) -> dict[str, np.ndarray]:
    right = (y_hat - y) * x
    return {
        "the sign is flipped: the gradient is (ŷ - y) x, pointing uphill; "
        "the update subtracts it.": -right,
        "there is an extra factor ŷ(1 - ŷ): the sigmoid's derivative already cancels "
        "the denominator of the loss's derivative.": right * y_hat * (1 - y_hat),
        "that is ∂L/∂ŷ times x: multiply by the sigmoid's derivative ŷ(1 - ŷ), "
        "and it simplifies.": right / (y_hat * (1 - y_hat)),
    }


def reference(y: float, y_hat: float, x_i: np.ndarray) -> np.ndarray:
    error = y_hat - y  # ŷ − y
    gradient = error * x_i  # (d+1,): ∂L/∂w = (ŷ − y) xᵢ
    return gradient


def probe() -> tuple[float, float, np.ndarray]:
    """A target strictly between 0 and 1 and an asymmetric x: no two quantities coincide."""
    return 0.3, 0.62, np.array([1.0, 0.5, -1.2, 2.0, 0.7])


EXERCISE = Exercise(
    id="1.2 gradient",
    check="exercise_1_2_gradient",
    names=("calc_gradient",),
    properties=logistic_gradient,
    success=SUCCESS,
    hints=HINTS,
    reference=reference,
    quantities=(("error", "error ŷ − y"), ("gradient", "gradient (ŷ − y) xᵢ")),
    probe=probe,
    summary="``calc_gradient(y, y_hat, x_i)`` must return (ŷ - y) xᵢ, of the shape of w.",
)
