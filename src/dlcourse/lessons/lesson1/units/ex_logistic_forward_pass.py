"""Exercise 1.2: the forward pass of logistic regression for one sample, ŷ = σ(xᵢ · w)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlcourse.lessons.lesson1.probes import checks_rng, design, sigmoid
from dlcourse.teaching.diagnosis import compare_each, numbers, require
from dlcourse.teaching.exercise import Exercise
from dlcourse.teaching.verdicts import Mistake, NamedMistake, Property, call

SUCCESS = "correct: ŷ = σ(x · w), also for w as a (d+1, 1) column."
HINTS = (
    "First the linear part, then the squashing function.",
    "z is a single number for one sample: the dot product of the sample with the "
    "weights. The sigmoid turns it into a probability.",
    "ŷ = σ(xᵢ · w) = 1 / (1 + e^(−xᵢ · w)).",
)


def logistic_forward_pass(f: Callable) -> list[Property]:
    rng = checks_rng()
    x = design(rng, 1, 4)[0]
    w = rng.normal(size=5)

    def y_hat(w_: np.ndarray, x_: np.ndarray = x) -> float:
        got = numbers(call(f, x_, w_), "ŷ")
        if got.size != 1:
            raise Mistake(
                f"for one sample it returns shape {got.shape}: z = x · w is a single number "
                "(a dot product, not an element-wise product)."
            )
        return float(got.reshape(()))

    def probability() -> None:
        values = [y_hat(s * w) for s in (1.0, -1.0, 5.0)]
        require(
            all(0 <= v <= 1 for v in values),
            f"ŷ is {max(values, key=abs):.4g}, outside [0, 1]: it must be a probability, so "
            "the sigmoid belongs at the end.",
        )

    def half_at_zero() -> None:
        got = y_hat(np.zeros(5))
        require(np.isclose(got, 0.5), f"with all weights 0, ŷ should be σ(0) = 0.5, got {got:.4g}.")

    def grows_with_bias() -> None:
        low, high = y_hat(w - np.eye(5)[0]), y_hat(w + np.eye(5)[0])
        if low == high and y_hat(2 * w + 1) == y_hat(w):  # what was seen, whatever the cause
            raise Mistake(  # seen, not explained: an unused w, a floor division, a constant...
                "ŷ stays the same whatever the weights w are: changing w does not change the "
                "prediction."
            )
        if low == high:
            raise NamedMistake(
                "ŷ stays the same when the bias weight w₀ changes: the weight of the 1 in front "
                "of x is left out of z = x · w."
            )
        require(
            high > low,
            "a larger bias weight w₀ lowers ŷ: σ grows with z = x · w, so a sign is flipped "
            "(σ(z) = 1 / (1 + e^(−z))).",
        )

    def large_logits() -> None:
        """Weights far from 0 give logits far beyond where e^z overflows (z = ±900)."""
        got = [y_hat(np.eye(5)[0] * z) for z in (900.0, -900.0)]  # x[0] = 1: z = w[0]
        if not np.all(np.isfinite(got)):
            right = np.isclose(y_hat(w), sigmoid(float(x @ w)), rtol=1e-6)
            raise (NamedMistake if right else Mistake)(
                f"for z = ±900 ŷ is {got[0]:.4g} and {got[1]:.4g}"
                + (
                    ": e^z overflows to inf there, and inf / inf is NaN. 1 / (1 + e^(−z)) stays "
                    "finite for large z (its e^(−z) goes to 0), though it overflows harmlessly "
                    "for large negative z."
                    if right
                    else ", not finite."
                )
            )
        require(
            np.allclose(got, [1.0, 0.0]),
            f"for z = ±900 ŷ is {got[0]:.4g} and {got[1]:.4g}, not σ(900) = 1 and σ(−900) = 0.",
        )

    def values() -> None:
        cases = []
        for d, column in [(4, False), (4, True), (2, False)]:
            x_ = design(rng, 1, d)[0]
            w_ = rng.normal(size=(d + 1, 1) if column else d + 1)
            z = float(x_ @ w_.ravel())
            got = np.asarray(y_hat(w_, x_))
            cases.append((got, np.asarray(sigmoid(z)), typical_mistakes(z), "ŷ"))
        compare_each(cases)

    return [
        Property("one number for one sample", lambda: y_hat(w)),
        Property("a probability between 0 and 1", probability),
        Property("0.5 when all weights are 0", half_at_zero),
        Property("grows with the bias weight", grows_with_bias),
        Property("σ(x · w), also for w of shape (d+1, 1)", values),
        Property("finite for large logits", large_logits),
    ]


def typical_mistakes(z: float) -> dict[str, np.ndarray]:
    return {
        "it returns the logit z: apply the sigmoid to get a probability.": np.asarray(z),
        "ŷ is σ(−z), which is also 1 − σ(z), the probability of class 0: check the sign in "
        "the exponent, σ(z) = 1 / (1 + e^(−z)), or a `1 −` in front of σ.": np.asarray(sigmoid(-z)),
    }


def reference(x_i: np.ndarray, w: np.ndarray) -> float:
    z = x_i @ np.ravel(w)  # a number: z = xᵢ · w
    y_hat = float(sigmoid(z))  # ŷ = σ(z)
    return y_hat


def probe() -> tuple[np.ndarray, np.ndarray]:
    return np.array([1.0, 0.5, -1.2, 2.0, 0.7]), np.array([0.3, -0.8, 0.45, 0.25, -1.1])


EXERCISE = Exercise(
    id="1.2 forward pass",
    check="exercise_1_2_forward_pass",
    names=("forward_pass",),
    properties=logistic_forward_pass,
    success=SUCCESS,
    hints=HINTS,
    reference=reference,
    quantities=(("z", "z = xᵢ · w"), ("y_hat", "prediction ŷ = σ(z)")),
    probe=probe,
    summary="``forward_pass(x_i, w)`` must return ŷ = σ(xᵢ · w) for one sample.",
)
